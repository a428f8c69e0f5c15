import { CST, Composer, Document, Node, Pair, Parser, Scalar, ToStringOptions, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
import { DOCUMENT_DEFAULTS } from '../blueprints/canonical-document';
import { ORG_LISTS } from '../blueprints/org-lists';
import { sameValue } from '../common/same-value';
import { documentText, tidyDocument } from './document-output';
import { mergeEdit } from './line-diff';

/**
 * A blueprint file brought up to a newer document, changed only where the
 * blueprint differs, so that a file kept in git shows the real changes and
 * nothing else. In YAML, a value that changed is rewritten in its place, its
 * quotes and comments kept; fields and items added or removed are written as
 * the file writes the others, and every line they do not touch stays as it was.
 */
export function updatedFileText(text: string, document: unknown, format: 'yaml' | 'json'): string {
  if (format === 'json') {
    // JSON keeps no comments: it is written as export writes it, unless it already says the same.
    const json = readOrUndefined(() => JSON.parse(text));
    const wanted = asTheFileSaysIt(tidyDocument(document), json);
    return sameValue(tidyDocument(json), wanted) ? text : documentText(wanted, 'json');
  }
  const wanted = asTheFileSaysIt(tidyDocument(document), readOrUndefined(() => parse(text)));
  const says = (yaml: string) => readsAs(yaml, wanted);
  if (says(text)) return text;

  const tokens = [...new Parser().parse(text)];
  const [file] = new Composer({ keepSourceTokens: true }).compose(tokens) as Iterable<Document>;
  const style = writingStyle(file, text);
  const update = new Update(file, style);
  file.contents = update.node(file.contents, wanted, { inFlow: false, afterKey: false }) as Node;
  // The changed values, set in the file's own text.
  const valuesSet = tokens.map((token) => CST.stringify(token)).join('');
  if (!update.reshaped && says(valuesSet)) return valuesSet;
  // Fields or items added, removed or moved: the writer's text, with what the update left alone as the file has it.
  const before = writtenText(parseDocument(valuesSet), style);
  const after = writtenText(file, style);
  const merged = mergeEdit(valuesSet.split('\n'), before.split('\n'), after.split('\n'))?.join('\n');
  return merged !== undefined && says(merged) ? merged : after;
}

/** What `read` gives, or undefined when the text does not parse. */
function readOrUndefined(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * The document said as the file says it where both mean the same: the
 * listings in the file's order, and a field the file leaves out where the
 * document has its default (an export fills them in).
 */
function asTheFileSaysIt(document: unknown, file: unknown): unknown {
  return withoutDefaults(withFileListings(document, file), file);
}

function withoutDefaults(value: unknown, file: unknown): unknown {
  if (Array.isArray(value)) {
    const items = Array.isArray(file) ? file : [];
    const keyOf = (item: unknown) => (isObject(item) ? item.key : undefined);
    return value.map((item, i) => withoutDefaults(item, keyOf(item) === undefined ? items[i] : items.find((other) => keyOf(other) === keyOf(item))));
  }
  if (!isObject(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    const absent = isObject(file) && (file[field] === undefined || file[field] === null);
    if (absent && DOCUMENT_DEFAULTS[field as keyof typeof DOCUMENT_DEFAULTS] === inner) continue;
    kept[field] = withoutDefaults(inner, isObject(file) ? file[field] : undefined);
  }
  return kept;
}

/**
 * The document with its departments, roles, systems and processes as the
 * file lists them: in the file's order, those it lists that the document
 * does not name kept. An export lists only the entries the blueprint
 * references, sorted by key; a file may list more, in an order of its own,
 * and neither says anything the server contradicts.
 */
function withFileListings(document: unknown, file: unknown): unknown {
  if (!isObject(document) || !isObject(file)) return document;
  const merged: Record<string, unknown> = { ...document };
  for (const list of Object.values(ORG_LISTS)) {
    const listed = file[list];
    if (!Array.isArray(listed) || !listed.every((entry) => isObject(entry) && typeof entry.key === 'string')) continue;
    const named = Array.isArray(document[list]) ? (document[list] as Record<string, unknown>[]) : [];
    const byKey = new Map(named.map((entry) => [entry.key, entry]));
    const inFile = new Set(listed.map((entry) => entry.key));
    const entries = [...listed.map((entry) => byKey.get(entry.key) ?? entry), ...named.filter((entry) => !inFile.has(entry.key))];
    if (entries.length > 0) merged[list] = entries;
  }
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a value sits, which decides how it may be written. */
interface Place {
  inFlow: boolean;
  afterKey: boolean;
}

/** One pass over a file's document that makes it hold a newer one, in place. */
class Update {
  /** Whether a field or item was added, removed or moved, or a value changed its kind: more than values set in place. */
  reshaped = false;

  constructor(
    private readonly document: Document,
    private readonly style: WritingStyle,
  ) {}

  /** `node` made to hold `value`: the same node changed where it differs, or a new one. */
  node(node: unknown, value: unknown, place: Place): unknown {
    if (Array.isArray(value)) {
      if (!isSeq(node)) return this.created(value);
      this.items(node, value, { inFlow: place.inFlow || !!node.flow, afterKey: false });
      return node;
    }
    if (typeof value === 'object' && value !== null) {
      if (!isMap(node)) return this.created(value);
      this.fields(node, value as Record<string, unknown>, { inFlow: place.inFlow || !!node.flow, afterKey: true });
      return node;
    }
    if (!isScalar(node)) return this.created(value);
    if (node.value !== value) this.setScalar(node, value, place);
    return node;
  }

  private fields(map: YAMLMap, value: Record<string, unknown>, place: Place): void {
    const has = (field: string) => Object.prototype.hasOwnProperty.call(value, field);
    // A field the document no longer has goes; one that is null or an empty list says the same as absent, and stays.
    const kept = map.items.filter((pair) => has(fieldOf(pair)) || isEmpty(pair.value));
    if (kept.length !== map.items.length) this.reshaped = true;
    map.items = kept;
    for (const pair of map.items) {
      if (has(fieldOf(pair))) pair.value = this.node(pair.value, value[fieldOf(pair)], place);
    }
    // A new field goes after the nearest field before it in the document's order.
    const fields = Object.keys(value);
    fields.forEach((field, i) => {
      if (map.items.some((pair) => fieldOf(pair) === field)) return;
      const previous = fields
        .slice(0, i)
        .reverse()
        .map((earlier) => map.items.findIndex((pair) => fieldOf(pair) === earlier))
        .find((index) => index >= 0);
      map.items.splice(previous === undefined ? 0 : previous + 1, 0, new Pair(this.document.createNode(field), this.created(value[field])));
    });
  }

  /**
   * The list's new items, each the node of the same key when the items have
   * keys (stages, actions, pain points...), else of the same place; a new
   * object is written flow or block as the items beside it are.
   */
  private items(seq: YAMLSeq, values: unknown[], place: Place): void {
    const keyOf = (item: unknown) => (typeof item === 'object' && item !== null ? (item as { key?: unknown }).key : undefined);
    const keyed = values.every((item) => typeof keyOf(item) === 'string');
    const byKey = new Map<unknown, unknown>();
    for (const item of seq.items) {
      const key = isMap(item) ? item.get('key') : undefined;
      if (typeof key === 'string' && !byKey.has(key)) byKey.set(key, item);
    }
    const flowItems = seq.items.some((item) => isMap(item) && item.flow);
    const items = values.map((value, i) => {
      const existing = keyed ? byKey.get(keyOf(value)) : seq.items[i];
      if (existing === undefined) {
        const node = this.created(value);
        if (flowItems && isMap(node)) node.flow = true;
        return node;
      }
      return this.node(existing, value, place);
    });
    if (items.length !== seq.items.length || items.some((item, i) => item !== seq.items[i])) this.reshaped = true;
    seq.items = items;
  }

  /** A node for a value the file did not have; a list of keys or names written flow when the file writes those so. */
  private created(value: unknown): Node {
    this.reshaped = true;
    const node = this.document.createNode(value) as Node;
    const { flowLists } = this.style;
    visit(node, {
      Seq(_, seq) {
        if (seq.items.every((item) => isScalar(item))) seq.flow = flowLists;
      },
    });
    return node;
  }

  /** A changed value set in its own place in the file's text, so that its line changes in that value alone. */
  private setScalar(node: Scalar, value: unknown, place: Place): void {
    node.value = value;
    const token = node.srcToken;
    if (!token || !(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      this.reshaped = true;
      return;
    }
    const text = String(value);
    const quoted = token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar' || token.type === 'block-scalar';
    // A text that would read as another value plain (a number, true, null, a key) goes in quotes; numbers never do.
    const type = typeof value !== 'string' ? 'PLAIN' : quoted || readsAs(text, text) ? undefined : 'QUOTE_DOUBLE';
    CST.setScalarValue(token, text, { ...place, type });
  }
}

/** Whether `source` parses to `value` (documents compared as files hold them). */
function readsAs(source: string, value: unknown): boolean {
  const read = readOrUndefined(() => parse(source));
  return typeof value === 'object' ? sameValue(tidyDocument(read), value) : read === value;
}

const fieldOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

function isEmpty(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null) || (isSeq(node) && node.items.length === 0);
}

/**
 * The writer's text of a document in the file's style. The writer spaces
 * `[ ]` and `{ }` alike, and a file may not (`{ key: a, systems: [crm] }`):
 * the text is written both ways and each bracket takes the spacing of its kind.
 */
function writtenText(document: Document, style: WritingStyle): string {
  const withMaps = document.toString({ ...style.options, flowCollectionPadding: style.paddedMaps });
  if (style.paddedMaps === style.paddedLists) return withMaps;
  return bracketsSpacedByKind(withMaps, document.toString({ ...style.options, flowCollectionPadding: style.paddedLists }));
}

/** Two texts that differ only in the spaces just inside brackets, as one: `{ }` spaced as in the first, `[ ]` as in the second. */
function bracketsSpacedByKind(withMaps: string, withLists: string): string {
  let text = '';
  let [i, j] = [0, 0];
  while (i < withMaps.length || j < withLists.length) {
    if (withMaps[i] === withLists[j]) {
      text += withMaps[i];
      [i, j] = [i + 1, j + 1];
      continue;
    }
    const spaceInMaps = withMaps[i] === ' ';
    if (!spaceInMaps && withLists[j] !== ' ') return withMaps;
    // The space is just after an opening bracket, or just before a closing one.
    const bracket = /[[{]$/.test(text) ? text[text.length - 1] : spaceInMaps ? withMaps[i + 1] : withLists[j + 1];
    const followsMaps = bracket === '{' || bracket === '}';
    if (spaceInMaps) {
      if (followsMaps) text += ' ';
      i++;
    } else {
      if (!followsMaps) text += ' ';
      j++;
    }
  }
  return text;
}

/** How the file is written, as far as the writer can follow it. */
interface WritingStyle {
  options: ToStringOptions;
  /** Whether lists of keys or names are written `[a, b]`. */
  flowLists: boolean;
  /** Whether `[ a ]` and `{ a: b }` have spaces inside. */
  paddedLists: boolean;
  paddedMaps: boolean;
}

function writingStyle(document: Document, text: string): WritingStyle {
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const counts = { paddedLists: 0, tightLists: 0, paddedMaps: 0, tightMaps: 0, flowLists: 0, blockLists: 0 };
  const padded = (node: YAMLMap | YAMLSeq) => text[node.range![0] + 1] === ' ';
  visit(document, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value?.range) return;
      if (isMap(value) && !value.flow && indent === undefined) {
        const first = value.items[0]?.key as Node | undefined;
        if (first?.range) indent = column(first.range[0]) - column(key.range[0]);
      }
      if (isSeq(value) && !value.flow && indentSeq === undefined) indentSeq = column(value.range[0]) > column(key.range[0]);
    },
    Map(_, map) {
      if (map.flow && map.range && map.items.length > 0) counts[padded(map) ? 'paddedMaps' : 'tightMaps']++;
    },
    Seq(_, seq) {
      if (seq.flow && seq.range && seq.items.length > 0) counts[padded(seq) ? 'paddedLists' : 'tightLists']++;
      if (seq.items.length > 0 && seq.items.every((item) => isScalar(item))) counts[seq.flow ? 'flowLists' : 'blockLists']++;
    },
  });
  return {
    options: { lineWidth: 0, indent: indent !== undefined && indent > 0 ? indent : 2, indentSeq: indentSeq ?? true },
    flowLists: counts.flowLists >= counts.blockLists,
    paddedLists: counts.paddedLists >= counts.tightLists,
    paddedMaps: counts.paddedMaps >= counts.tightMaps,
  };
}
