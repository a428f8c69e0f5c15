import * as fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import type { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import type { DocumentComparison } from '../comparison/compare-documents';
import type { LintFinding } from '../lint/lint-document';
import { LintSeverity } from '../lint/models/lint-severity';
import type { VersionedKey } from '../history/versioned-key';
import type { Backend } from './backend';
import { err, later, offlineProblems, out, urlOption, withBackend } from './command-kit';
import { collectFiles } from './files';
import { decimal, render } from './format';
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

/** The comparison as lines a person reads, like a diff: + added, - removed, ~ changed. */
export function comparisonLines(comparison: DocumentComparison): string[] {
  const lines: string[] = [];
  if (comparison.properties.length > 0) lines.push(`~ blueprint: ${comparison.properties.join(', ')}`);
  const elements: [string, DocumentComparison['stages']][] = [
    ['stage', comparison.stages],
    ['step', comparison.steps],
    ['action', comparison.actions],
    ['pain point', comparison.painPoints],
  ];
  const mark = { ADDED: '+', REMOVED: '-', CHANGED: '~' } as const;
  for (const [what, changes] of elements) {
    for (const change of changes) lines.push(`${mark[change.change]} ${what} ${change.key}${change.fields.length ? `: ${change.fields.join(', ')}` : ''}`);
  }
  for (const dependency of comparison.dependencies) lines.push(`${mark[dependency.change]} dependency ${dependency.from} -> ${dependency.to}`);
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
function versionTable(versions: { version: number; at: string; operation: string; author: string | null }[]): string {
  return render(
    versions,
    [
      { header: 'version', value: (v) => v.version, align: 'right' },
      { header: 'at', value: (v) => v.at },
      { header: 'operation', value: (v) => v.operation },
      { header: 'author', value: (v) => v.author ?? '-' },
    ],
    'table',
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

function lintLines(target: string, findings: LintFinding[], locate?: (path: string) => { line: number; column: number }): string[] {
  return findings
    .map((finding) => ({ finding, at: locate?.(finding.path) }))
    .sort((a, b) => (a.at && b.at ? a.at.line - b.at.line || a.at.column - b.at.column : 0))
    .map(({ finding, at }) => {
      const where = at ? `${target}:${at.line}:${at.column}` : target;
      return `${where} ${finding.severity} ${finding.rule} ${displayPath(finding.path)}: ${finding.message}`;
    });
}

export function addLivingCommands(program: Command): void {
  program
    .command('history')
    .description("A blueprint's kept versions, newest first: when, which operation, and who.")
    .argument('<key>', 'the blueprint key')
    .option('--json', "print the GraphQL result's shape")
    .addOption(urlOption())
    .action(async (key: string, options: { json?: boolean; url?: string }) => {
      const versions = await withBackend(options, (backend) => backend.versions(key));
      out(options.json ? JSON.stringify(versions, null, 2) : versionTable(versions));
    });

  program
    .command('diff')
    .description(
      'What differs between two blueprints (files, keys, or KEY@VERSION): elements by key, dependencies, blame and handoffs. ' +
        'Exit 1 when they differ and 2 on trouble, like diff.',
    )
    .argument('<from>', 'a file, a key, or KEY@VERSION: the state before')
    .argument('<to>', 'a file, a key, or KEY@VERSION: the state after')
    .option('--json', "print the GraphQL result's shape (compareBlueprints; versions are null for files)")
    .addOption(urlOption())
    .action(troubleExits2(async (fromArgument: string, toArgument: string, options: { json?: boolean; url?: string }) => {
      const targets = [parseTarget(fromArgument), parseTarget(toArgument)];
      const [from, to] = await withBackendFor(targets, options, async (backend) =>
        Promise.all(targets.map((target) => sideOf(target, backend))),
      );
      const comparison = await rules().comparison.compareDocuments(from.document, to.document);
      if (options.json) {
        out(JSON.stringify({ from: from.name, to: to.name, fromVersion: from.version, toVersion: to.version, ...comparison }, null, 2));
      } else {
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
    .option('--json', "print the GraphQL result's shape (lintDocument / lintBlueprint; by target when there are several)")
    .addOption(urlOption())
    .action(troubleExits2(async (argumentsGiven: string[], options: { json?: boolean; url?: string }) => {
      const targets = argumentsGiven.flatMap((argument): Target[] => {
        const target = parseTarget(argument);
        return target.kind === 'file' ? collectFiles([target.file]).map((file) => ({ kind: 'file', file })) : [target];
      });
      const results: { name: string; findings: LintFinding[]; lines: string[] }[] = [];
      await withBackendFor(targets, options, async (backend) => {
        for (const target of targets) {
          if (target.kind === 'file') {
            const source = readSourceFile(target.file);
            const findings = rules().lint.lintDocument(fileDocument(target.file));
            results.push({ name: target.file, findings, lines: lintLines(target.file, findings, source.locate) });
          } else {
            const findings = await backend!.lint(target.key);
            results.push({ name: target.key, findings, lines: lintLines(target.key, findings) });
          }
        }
      });
      if (options.json) {
        const shape = results.length === 1 ? results[0].findings : Object.fromEntries(results.map((r) => [r.name, r.findings]));
        out(JSON.stringify(shape, null, 2));
      } else {
        results.forEach((result) => result.lines.forEach((line) => out(line)));
      }
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
