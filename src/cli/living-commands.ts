import * as fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import type { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import type { DocumentComparison } from '../comparison/compare-documents';
import type { LintFinding } from '../lint/lint-document';
import { LintSeverity } from '../lint/models/lint-severity';
import type { VersionedKey } from '../history/versioned-key';
import type { Backend } from './backend';
import { err, formatOf, formatOption, jsonOption, later, offlineProblems, out, printedAsJson, urlOption, withBackend } from './command-kit';
import { collectFiles } from './files';
import { Format, decimal, render } from './format';
import { displayPath, readSourceFile } from './source-file';

/** The document rules, comparison and lint, loaded when a command first needs them. */
const rules = later(() => ({
  validation: require('../blueprints/document-validation') as typeof import('../blueprints/document-validation'),
  comparison: require('../comparison/compare-documents') as typeof import('../comparison/compare-documents'),
  lint: require('../lint/lint-document') as typeof import('../lint/lint-document'),
  versionedKey: require('../history/versioned-key') as typeof import('../history/versioned-key'),
}));

/** `history`, `diff` and `lint`: blueprints as living documents, in a terminal or a pull request. */

/** What a command works on: a file, or a stored blueprint (`KEY`, or `KEY@VERSION` for a kept version). */
export type Target = { kind: 'file'; file: string } | ({ kind: 'blueprint' } & VersionedKey);

/** An existing path is a file; otherwise the argument must read as KEY or KEY@VERSION. */
export function parseTarget(argument: string): Target {
  if (fs.existsSync(argument)) return { kind: 'file', file: argument };
  const named = rules().versionedKey.parseVersionedKey(argument);
  if (!named) throw new InvalidArgumentError(`${argument}: no such file, nor a blueprint key (KEY or KEY@VERSION)`);
  return { kind: 'blueprint', ...named };
}

const needsBackend = (targets: Target[]) => targets.some((target) => target.kind === 'blueprint');

/** Runs `work` with a backend only when a target is stored, so that files alone stay offline. */
function withBackendFor<T>(targets: Target[], options: { url?: string }, work: (backend: Backend | null) => Promise<T>): Promise<T> {
  return needsBackend(targets) ? withBackend(options, work) : work(null);
}

/** A valid file's document; otherwise its problems are printed and the command fails. */
function fileDocument(file: string): BlueprintDocument {
  const source = readSourceFile(file);
  const problems = offlineProblems(source);
  if (problems.length > 0) {
    problems.forEach((line) => out(line));
    throw new Error(`${file} is not a valid blueprint document`);
  }
  const { document, externalReferences } = rules().validation.checkDocument(source.data);
  const unlisted = [...new Set(externalReferences.map((reference) => `${reference.kind} "${reference.key}"`))];
  if (unlisted.length > 0) {
    err(`note: ${file} references ${unlisted.join(', ')} without listing them; its figures count no department for them`);
  }
  return document!;
}

async function sideOf(target: Target, backend: Backend | null): Promise<{ name: string; version: number | null; document: BlueprintDocument }> {
  if (target.kind === 'file') return { name: target.file, version: null, document: fileDocument(target.file) };
  const { document, version } = await backend!.versionedDocument(target.key, target.version);
  return { name: target.key, version, document };
}

/** One change of a comparison: of the blueprint's fields (no key), an element, a dependency (`from -> to`), or a figure. */
interface ChangeRow {
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  element: string;
  key: string;
  fields: string[];
  before?: number;
  after?: number;
}

/** What changed in the blueprint itself: its fields, its elements by key, its dependencies. */
function elementChanges(comparison: DocumentComparison): ChangeRow[] {
  const rows: ChangeRow[] = [];
  if (comparison.properties.length > 0) rows.push({ change: 'CHANGED', element: 'blueprint', key: '', fields: comparison.properties });
  const elements: [string, DocumentComparison['stages']][] = [
    ['stage', comparison.stages],
    ['step', comparison.steps],
    ['action', comparison.actions],
    ['pain point', comparison.painPoints],
  ];
  for (const [element, changes] of elements) rows.push(...changes.map(({ change, key, fields }) => ({ change, element, key, fields })));
  for (const { change, from, to } of comparison.dependencies) rows.push({ change, element: 'dependency', key: `${from} -> ${to}`, fields: [] });
  return rows;
}

/** Every change of a comparison as a row, the figures unrounded: the CSV of `diff`. */
function comparisonCsv(comparison: DocumentComparison): string {
  const figure = (element: string, key: string, before: number, after: number): ChangeRow => ({ change: 'CHANGED', element, key, fields: [], before, after });
  const rows = [
    ...elementChanges(comparison),
    ...comparison.departments.map((row) => figure('department blame', row.department.key, row.before, row.after)),
    ...comparison.handoffs.map((row) => figure('handoffs', `${row.from.key} -> ${row.to.key}`, row.before, row.after)),
    ...(comparison.totalImpactBefore !== comparison.totalImpactAfter ? [figure('total impact', '', comparison.totalImpactBefore, comparison.totalImpactAfter)] : []),
  ];
  return render(
    rows,
    [
      { header: 'change', value: (row) => row.change },
      { header: 'element', value: (row) => row.element },
      { header: 'key', value: (row) => row.key },
      { header: 'fields', value: (row) => row.fields.join(';') },
      { header: 'before', value: (row) => row.before ?? '' },
      { header: 'after', value: (row) => row.after ?? '' },
    ],
    'csv',
  );
}

/** The comparison as lines a person reads, like a diff: + added, - removed, ~ changed. */
export function comparisonLines(comparison: DocumentComparison): string[] {
  const mark = { ADDED: '+', REMOVED: '-', CHANGED: '~' } as const;
  const lines = elementChanges(comparison).map(
    ({ change, element, key, fields }) => `${mark[change]} ${element}${key ? ` ${key}` : ''}${fields.length ? `: ${fields.join(', ')}` : ''}`,
  );
  if (comparison.departments.length > 0) {
    lines.push('', 'blame by department (default parameters):');
    lines.push(
      render(
        comparison.departments,
        [
          { header: 'department', value: (row) => row.department.key },
          { header: 'before', value: (row) => decimal(row.before), align: 'right' },
          { header: 'after', value: (row) => decimal(row.after), align: 'right' },
          { header: 'change', value: (row) => signed(row.after - row.before), align: 'right' },
        ],
        'table',
      ),
    );
  }
  if (comparison.handoffs.length > 0) {
    lines.push('', 'handoffs:');
    for (const row of comparison.handoffs) lines.push(`  ${row.from.key} -> ${row.to.key}: ${row.before} -> ${row.after}`);
  }
  if (comparison.totalImpactBefore !== comparison.totalImpactAfter) {
    lines.push('', `total impact: ${decimal(comparison.totalImpactBefore)} -> ${decimal(comparison.totalImpactAfter)}`);
  }
  return lines;
}

const signed = (value: number) => (value > 0 ? '+' : '') + decimal(value);

/** The table of `history`, and of an import refused for a stale version. */
function versionTable(versions: { version: number; at: string; operation: string; author: string | null }[], format: Exclude<Format, 'json'> = 'table'): string {
  return render(
    versions,
    [
      { header: 'version', value: (v) => v.version, align: 'right' },
      { header: 'at', value: (v) => v.at },
      { header: 'operation', value: (v) => v.operation },
      { header: 'author', value: (v) => v.author ?? (format === 'csv' ? '' : '-') },
    ],
    format,
  );
}

/** What a designer whose import was refused as stale needs to see: the writes since, and what they changed. */
export async function describeChangesSince(backend: Backend, key: string, expected: number): Promise<string[]> {
  const newer = (await backend.versions(key)).filter((version) => version.version > expected);
  const lines = [`changed since version ${expected}:`, versionTable(newer)];
  try {
    const [before, now] = [await backend.versionedDocument(key, expected), await backend.versionedDocument(key)];
    const changes = comparisonLines(await rules().comparison.compareDocuments(before.document, now.document));
    lines.push('', ...(changes.length > 0 ? changes : ['(no difference in the blueprint itself)']));
  } catch {
    lines.push('', `(version ${expected} is no longer kept, so what changed cannot be shown)`);
  }
  return lines;
}

/** What lint found in one target: a file (whose findings have a place in it) or a stored blueprint. */
interface LintResult {
  name: string;
  findings: LintFinding[];
  locate?: (path: string) => { line: number; column: number };
}

/** A target's findings in the order of its file, each with its line and column when it has a file. */
function placedFindings({ name, findings, locate }: LintResult) {
  return findings
    .map((finding) => ({ target: name, finding, at: locate?.(finding.path) }))
    .sort((a, b) => (a.at && b.at ? a.at.line - b.at.line || a.at.column - b.at.column : 0));
}

function lintLines(result: LintResult): string[] {
  return placedFindings(result).map(({ target, finding, at }) => {
    const where = at ? `${target}:${at.line}:${at.column}` : target;
    return `${where} ${finding.severity} ${finding.rule} ${displayPath(finding.path)}: ${finding.message}`;
  });
}

function lintCsv(results: LintResult[]): string {
  return render(
    results.flatMap(placedFindings),
    [
      { header: 'target', value: (row) => row.target },
      { header: 'line', value: (row) => row.at?.line ?? '' },
      { header: 'column', value: (row) => row.at?.column ?? '' },
      { header: 'severity', value: (row) => row.finding.severity },
      { header: 'rule', value: (row) => row.finding.rule },
      { header: 'path', value: (row) => displayPath(row.finding.path) },
      { header: 'message', value: (row) => row.finding.message },
    ],
    'csv',
  );
}

export function addLivingCommands(program: Command): void {
  program
    .command('history')
    .description("A blueprint's kept versions, newest first: when, which operation, and who.")
    .argument('<key>', 'the blueprint key')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addOption(urlOption())
    .action(async (key: string, options: { format: Format; json?: boolean; url?: string }) => {
      const format = formatOf(options);
      const versions = await withBackend(options, (backend) => backend.versions(key));
      if (!printedAsJson(format, versions)) out(versionTable(versions, format));
    });

  program
    .command('diff')
    .description(
      'What differs between two blueprints (files, keys, or KEY@VERSION): elements by key, dependencies, blame and handoffs. ' +
        'Exit 1 when they differ and 2 on trouble, like diff.',
    )
    .argument('<from>', 'a file, a key, or KEY@VERSION: the state before')
    .argument('<to>', 'a file, a key, or KEY@VERSION: the state after')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addOption(urlOption())
    .action(troubleExits2(async (fromArgument: string, toArgument: string, options: { format: Format; json?: boolean; url?: string }) => {
      const format = formatOf(options);
      const targets = [parseTarget(fromArgument), parseTarget(toArgument)];
      const [from, to] = await withBackendFor(targets, options, async (backend) =>
        Promise.all(targets.map((target) => sideOf(target, backend))),
      );
      const comparison = await rules().comparison.compareDocuments(from.document, to.document);
      // JSON is compareBlueprints' shape; the versions of files are null.
      const shape = { from: from.name, to: to.name, fromVersion: from.version, toVersion: to.version, ...comparison };
      if (format === 'csv') out(comparisonCsv(comparison));
      else if (!printedAsJson(format, shape)) {
        const label = (side: typeof from) => (side.version === null ? side.name : `${side.name}@${side.version}`);
        const lines = comparisonLines(comparison);
        out(`--- ${label(from)}`);
        out(`+++ ${label(to)}`);
        (lines.length > 0 ? lines : ['no differences']).forEach((line) => out(line));
      }
      if (rules().comparison.anyDifference(comparison)) process.exitCode = 1;
    }));

  program
    .command('lint')
    .description('Structural checks before a review (blueprint lint). Exit 1 when a WARNING is found, 2 on trouble (a file invalid, a key not there).')
    .argument('<targets...>', 'YAML or JSON files, folders of them, or blueprint keys')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addOption(urlOption())
    .action(troubleExits2(async (argumentsGiven: string[], options: { format: Format; json?: boolean; url?: string }) => {
      const format = formatOf(options);
      const targets = argumentsGiven.flatMap((argument): Target[] => {
        const target = parseTarget(argument);
        return target.kind === 'file' ? collectFiles([target.file]).map((file) => ({ kind: 'file', file })) : [target];
      });
      const results: LintResult[] = [];
      await withBackendFor(targets, options, async (backend) => {
        for (const target of targets) {
          if (target.kind === 'file') {
            const findings = rules().lint.lintDocument(fileDocument(target.file));
            results.push({ name: target.file, findings, locate: readSourceFile(target.file).locate });
          } else {
            results.push({ name: target.key, findings: await backend!.lint(target.key) });
          }
        }
      });
      // JSON is lintDocument's (or lintBlueprint's) shape, by target when there are several.
      const shape = results.length === 1 ? results[0].findings : Object.fromEntries(results.map((r) => [r.name, r.findings]));
      if (format === 'csv') out(lintCsv(results));
      else if (!printedAsJson(format, shape)) results.forEach((result) => lintLines(result).forEach((line) => out(line)));
      const findings = results.flatMap((result) => result.findings);
      const warnings = findings.filter((finding) => finding.severity === LintSeverity.WARNING).length;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      err(`${plural(warnings, 'warning')}, ${findings.length - warnings} info in ${plural(results.length, 'blueprint')}`);
      if (warnings > 0) process.exitCode = 1;
    }));
}

/**
 * `diff` and `lint` answer with their exit code (1: they differ, a warning was
 * found), so trouble (a side that is not there, an invalid file, a server
 * that refuses) exits 2, as diff(1) does.
 */
function troubleExits2<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw error;
      err(`error: ${(error as Error).message}`);
      process.exitCode = 2;
    }
  };
}
