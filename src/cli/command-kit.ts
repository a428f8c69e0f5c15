import type { Format } from './format';
import { InvalidArgumentError, Option } from 'commander';
import type { Problem } from '../common/errors';
import type { Backend } from './backend';
import { Spinner } from './progress';
import { SourceFile, displayPath } from './source-file';

/** What every command of `blueprint` shares: output, problems at their place in a file, the backend. */

/**
 * A module loaded when first used: the product's services, the document rules
 * and the driver take over a second to load, which `blueprint --help` and a
 * mistyped option should not wait for.
 */
export function later<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
export const backendModule = later(() => require('./backend') as typeof import('./backend'));
export const validation = later(() => require('../blueprints/document-validation') as typeof import('../blueprints/document-validation'));

export const out = (line = '') => process.stdout.write(line + '\n');

/** Prints `value` as the GraphQL shape when `--format json` asks for it; whether it did. */
export function printedAsJson(format: Format, value: unknown): format is 'json' {
  if (format !== 'json') return false;
  out(JSON.stringify(value, null, 2));
  return true;
}
export const err = (line: string) => process.stderr.write(line + '\n');

/** `file:line:column path: message` for problems and `file:line:column: warning: message` for warnings, in the order of the file. */
export function problemLines(source: SourceFile, problems: Problem[], warnings: Problem[] = []): string[] {
  const lines = (list: Problem[], text: (p: Problem) => string) => list.map((p) => ({ ...source.locate(p.path), text: text(p) }));
  return [
    ...lines(problems, (p) => ` ${displayPath(p.path)}: ${p.message}`),
    ...lines(warnings, (p) => `: warning: ${p.message}`),
  ]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => `${source.file}:${p.line}:${p.column}${p.text}`);
}

/** Every problem a file has that needs no database; empty when it is valid. */
export function offlineProblems(source: SourceFile): string[] {
  if (source.syntaxError) {
    const { line, column, message } = source.syntaxError;
    return [`${source.file}:${line}:${column} (syntax): ${message}`];
  }
  return problemLines(source, validation().checkDocument(source.data).problems);
}

export const number = (what: string, integer: boolean) => (value: string) => {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
    throw new InvalidArgumentError(`expected ${integer ? 'an integer' : 'a number'} for ${what}`);
  }
  return parsed;
};

/** How long an operation may take, from `--timeout` (seconds). */
export const DEFAULT_TIMEOUT_SECONDS = 120;
let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
export function setTimeoutSeconds(seconds: number): void {
  timeoutSeconds = seconds;
}

/**
 * Runs `work` on the database in process, or on the server `--url` names;
 * on a terminal a spinner shows once it takes more than a second, and it
 * gives up after `--timeout` seconds with a message that says so.
 */
/** A number above zero, for `what`. */
export const positive = (what: string) => (value: string) => {
  const parsed = number(what, false)(value);
  if (parsed <= 0) throw new InvalidArgumentError(`expected a number above 0 for ${what}`);
  return parsed;
};

export async function withBackend<T>(options: { url?: string }, work: (backend: Backend) => Promise<T>): Promise<T> {
  const spinner = new Spinner(process.stderr, options.url ? `waiting for ${options.url}` : 'working on the database');
  const { TimeoutError, connect } = backendModule();
  const backend = await connect(options.url, (line) => spinner.log(line), timeoutSeconds).catch((error) => {
    spinner.stop();
    throw error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    // A server's answers time out request by request (GraphQLBackend); the database in process, here.
    if (options.url) return await work(backend);
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(timeoutSeconds, 'the database')), timeoutSeconds * 1000);
    });
    return await Promise.race([work(backend), timedOut]);
  } finally {
    clearTimeout(timer);
    spinner.stop();
    await backend.close();
  }
}


/** `--format table|json|csv`: tables for people, CSV and JSON for programs. */
export const formatOption = () => new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table');

/** `--json`, where it came before `--format`. */
export const jsonOption = () => new Option('--json', 'the same as --format json');

/** The format asked for, by `--format` or `--json`. */
export const formatOf = (options: { format: Format; json?: boolean }): Format => (options.json ? 'json' : options.format);

export const urlOption = () =>
  new Option(
    '--url <url>',
    "a running server's address (e.g. http://127.0.0.1:3000): go through its GraphQL endpoint, with the key in BLUEPRINT_API_KEY if it needs one",
  );
