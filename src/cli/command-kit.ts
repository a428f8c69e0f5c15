import type { Format } from './format';
import { InvalidArgumentError, Option } from 'commander';
import { checkDocument } from '../blueprints/document-validation';
import { Problem } from '../common/errors';
import { Backend, connect } from './backend';
import { SourceFile, displayPath } from './source-file';

/** What every command of `blueprint` shares: output, problems at their place in a file, the backend. */

export const out = (line = '') => process.stdout.write(line + '\n');

/** Prints `value` as the GraphQL shape when `--format json` asks for it; whether it did. */
export function printedAsJson(format: Format, value: unknown): format is 'json' {
  if (format !== 'json') return false;
  out(JSON.stringify(value, null, 2));
  return true;
}
export const err = (line: string) => process.stderr.write(line + '\n');

/** `file:line:column path: message`, in the order of the file. */
export function problemLines(source: SourceFile, problems: Problem[]): string[] {
  return problems
    .map((problem) => ({ ...problem, ...source.locate(problem.path) }))
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => `${source.file}:${p.line}:${p.column} ${displayPath(p.path)}: ${p.message}`);
}

/** Every problem a file has that needs no database; empty when it is valid. */
export function offlineProblems(source: SourceFile): string[] {
  if (source.syntaxErrors.length > 0) {
    return source.syntaxErrors.map((e) => `${source.file}:${e.line}:${e.column} (syntax): ${e.message}`);
  }
  return problemLines(source, checkDocument(source.data).problems);
}

export const number = (what: string, integer: boolean) => (value: string) => {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
    throw new InvalidArgumentError(`expected ${integer ? 'an integer' : 'a number'} for ${what}`);
  }
  return parsed;
};

export async function withBackend<T>(options: { url?: string }, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = await connect(options.url, (line) => err(line));
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}


export const urlOption = () =>
  new Option(
    '--url <url>',
    "a running server's address (e.g. http://127.0.0.1:3000): go through its GraphQL endpoint, with the key in BLUEPRINT_API_KEY if it needs one",
  );
