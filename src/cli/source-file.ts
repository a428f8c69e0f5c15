import * as fs from 'node:fs';
import { LineCounter, Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';

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
  syntaxErrors: (Position & { message: string })[];
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
  const syntaxErrors = document.errors.map((error) => ({ ...at(error.pos[0]), message: error.message.split('\n')[0] }));
  return {
    file,
    data: syntaxErrors.length > 0 ? undefined : document.toJS({ maxAliasCount: 1000 }),
    syntaxErrors,
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
