import { Document, LineCounter, Parser, YAMLError, isScalar, visit } from 'yaml';
import type { Position } from './source-file';

/**
 * A YAML syntax error as a person fixes it: where the slip is, with a hint in
 * plain words, instead of the parser's account. Only the first error is
 * described: the later ones are usually the parser losing its way after it.
 */

export interface SyntaxProblem extends Position {
  message: string;
}

/** The first syntax error of `text`, described; undefined when there is none. */
export function firstSyntaxError(text: string, document: Document, lineCounter: LineCounter): SyntaxProblem | undefined {
  const [first] = [...document.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (!first) return undefined;
  const at = (offset: number, message: string): SyntaxProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, message };
  };
  const offset = first.pos[0];
  const reason = first.message.split('\n')[0];
  switch (first.code) {
    case 'TAB_AS_INDENT':
      return at(offset, 'a tab indents this line: YAML indents with spaces only, so use spaces');
    case 'DUPLICATE_KEY':
      return at(offset, duplicateKey(document, offset, (other) => lineCounter.linePos(other).line));
    case 'BAD_DQ_ESCAPE':
      return at(offset, `${reason}: write \\\\ for a backslash in double quotes, or put the text in single quotes`);
  }
  const quote = /^Missing closing (["'])quote/.exec(reason)?.[1];
  if (quote) return at(openingQuote(text, offset, quote), `the ${quote} opened here is never closed: end the text with ${quote}`);
  const bracket = /end with an? ([\]}])/.exec(reason)?.[1] as ']' | '}' | undefined;
  if (bracket) {
    const opening = unclosedFlowCollection(text, offset, bracket);
    if (opening !== undefined) return at(opening, `the ${bracket === ']' ? '[' : '{'} opened here is never closed: end it with ${bracket}`);
  }
  if (first.code === 'MULTILINE_IMPLICIT_KEY' && /["']/.test(text[offset])) {
    return at(offset, `the ${text[offset]} opened here is not closed on its line: end the text with ${text[offset]}`);
  }
  if (first.code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(reason)) {
    const value = restOfLine(text, offset);
    if (/:(\s|$)/.test(value)) {
      return at(offset, `this value holds ": ", which YAML reads as a key of its own: put the value in quotes, as ${JSON.stringify(value)}`);
    }
  }
  if (isIndentationSlip(first, reason)) return at(slippedLine(text, offset), 'the indentation is off: align this line with its sibling keys above');
  return at(offset, reason);
}

function isIndentationSlip(error: YAMLError, reason: string): boolean {
  return (
    (error.code === 'BAD_INDENT' && !/^Flow /.test(reason)) ||
    error.code === 'BLOCK_AS_IMPLICIT_KEY' ||
    error.code === 'MULTILINE_IMPLICIT_KEY' ||
    (error.code === 'MISSING_CHAR' && /^Sequence item without/.test(reason))
  );
}

/**
 * Where an indentation slip shows: the parser reports it either at the start
 * of the slipped line, or at the value before it (which it took as running on
 * into the slipped line); either way, at the line's first character.
 */
function slippedLine(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (!/\S/.test(text.slice(lineStart, offset))) return lineStart + /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  // The next line with content: not blank, not only a comment.
  const nextContent = /\n[ \t]*(?=[^\s#])/g;
  nextContent.lastIndex = offset;
  const found = nextContent.exec(text);
  return found ? found.index + found[0].length : offset;
}

/** The rest of the line from `offset`, without a comment or trailing spaces. */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text
    .slice(offset, end < 0 ? undefined : end)
    .replace(/\s+#.*$/, '')
    .trimEnd();
}

/** The quote that opens the text running to `end`: the last one before it that is not escaped. */
function openingQuote(text: string, end: number, quote: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--; // '' is a quote inside single quotes
      continue;
    }
    let backslashes = 0;
    while (quote === '"' && text[i - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return end;
}

/** The offset of the last `[` (or `{`) before `before` that the parser found never closed. */
function unclosedFlowCollection(text: string, before: number, closing: ']' | '}'): number | undefined {
  const opening = closing === ']' ? '[' : '{';
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const token = node as { type?: string; start?: { source?: string; offset: number }; end?: { source?: string }[] };
    if (token.type === 'flow-collection' && token.start?.source === opening && token.start.offset < before) {
      if (!token.end?.some((end) => end.source === closing) && (found === undefined || token.start.offset > found)) found = token.start.offset;
    }
    Object.values(node).forEach(walk);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** What to say of the key repeated at `offset`: its name, and the line it is first given on. */
function duplicateKey(document: Document, offset: number, lineAt: (offset: number) => number): string {
  let message = 'this key is given twice in the same mapping: keep one of them';
  visit(document, {
    Map(_, map) {
      const keyAt = (pair: (typeof map.items)[number]) => (isScalar(pair.key) ? pair.key : undefined);
      const repeat = map.items.map(keyAt).find((key) => key?.range?.[0] === offset);
      if (!repeat) return undefined;
      const first = map.items.map(keyAt).find((key) => key !== undefined && String(key.value) === String(repeat.value));
      message = `the key "${String(repeat.value)}" is given twice in the same mapping (first on line ${lineAt(first!.range![0])}): keep one of them`;
      return visit.BREAK;
    },
  });
  return message;
}
