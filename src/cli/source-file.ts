import * as fs from 'node:fs';
import { Document, LineCounter, Node, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { SyntaxProblem, firstSyntaxError } from './syntax-error';

/**
 * A blueprint file (YAML or JSON: JSON is read as YAML) with the positions of
 * its nodes, so that a problem's path can be shown as `file:line:column`.
 */
export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  file: string;
  data: unknown;
  /** The file's first syntax error, in plain words; the data is undefined when there is one. */
  syntaxError?: SyntaxProblem;
  /** Where the value at `path` (e.g. `stages[1].steps[0].key`) is, or its nearest existing parent. */
  locate(path: string): Position;
}

export function readSourceFile(file: string): SourceFile {
  return parseSource(file, fs.readFileSync(file, 'utf8'));
}

export function parseSource(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let syntaxError = firstSyntaxError(text, document, lineCounter);
  let data: unknown;
  if (!syntaxError) {
    try {
      data = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      // An alias without its anchor, or aliases past the limit: found only when the data is built.
      syntaxError = { ...at(firstAlias(document) ?? 0), message: (error as Error).message };
    }
  }
  return {
    file,
    data,
    syntaxError,
    locate(path) {
      let node: unknown = document.contents;
      let found = node as Node | null;
      for (const segment of pathSegments(path)) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
          if (!pair) break;
          node = pair.value ?? pair.key;
        } else if (isSeq(node) && typeof segment === 'number') {
          node = node.items[segment];
          if (!node) break;
        } else {
          break;
        }
        found = node as Node;
      }
      return at(found?.range?.[0] ?? 0);
    },
  };
}

/** Where the alias that broke building the data is: the first without its anchor, else the first of all. */
function firstAlias(document: Document): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(document, {
    Alias(_, alias) {
      first ??= alias.range?.[0];
      if (alias.resolve(document) !== undefined) return undefined;
      unresolved = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return unresolved ?? first;
}

/** `document.stages[1].steps[0].key` -> ['stages', 1, 'steps', 0, 'key'] (a leading `document` is the file itself). */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  if (segments[0] === 'document') segments.shift();
  return segments;
}

/** The path as shown next to a file: without the leading `document.`. */
export function displayPath(path: string): string {
  return path === 'document' ? '(document)' : path.replace(/^document\./, '');
}
