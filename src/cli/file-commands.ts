import * as fs from 'node:fs';
import { Command } from 'commander';
import { ORG_KINDS, ORG_LISTS, OrgKind, unknownEntryMessage } from '../blueprints/org-lists';
import type { ExternalReference } from '../blueprints/document-validation';
import type { Problem } from '../common/errors';
import { didYouMean } from '../common/nearest-name';
import { err, offlineProblems, out, problemLines, urlOption, validation, withBackend } from './command-kit';
import { documentText } from './document-output';
import { updatedFileText } from './file-update';
import { collectFiles } from './files';
import { SourceFile, parseSource, readSourceFile } from './source-file';

/** `validate` and `pull`: the files of a repository, checked against and kept up with the server. */

/** What a file says without the server: its problems, and the entries it references without defining them. */
interface FileCheck {
  source: SourceFile;
  /** Its problem lines when it does not parse; the rest is then empty. */
  syntax: string[];
  problems: Problem[];
  references: ExternalReference[];
  /** The keys of the entries it defines, by kind. */
  defined: Record<OrgKind, string[]>;
}

function checkFile(source: SourceFile): FileCheck {
  const defined = Object.fromEntries(ORG_KINDS.map((kind) => [kind, listedKeys(source.data, ORG_LISTS[kind])])) as Record<OrgKind, string[]>;
  if (source.syntaxError) return { source, syntax: offlineProblems(source), problems: [], references: [], defined };
  const { problems, externalReferences } = validation().checkDocument(source.data);
  return { source, syntax: [], problems, references: externalReferences, defined };
}

function listedKeys(data: unknown, list: string): string[] {
  const entries = (data as Record<string, unknown> | undefined)?.[list];
  return Array.isArray(entries) ? entries.map((entry) => entry?.key).filter((key): key is string => typeof key === 'string') : [];
}

/**
 * The entries a file leaves to the server. Offline, each is a warning (once
 * per entry, at its first reference): it must exist where the file is
 * imported. Against a server's keys, each reference to one it lacks is a
 * problem, as an import there would say.
 */
function referenceFindings(check: FileCheck, server?: Record<OrgKind, Set<string>>): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const warned = new Set<string>();
  for (const { kind, key, path } of check.references) {
    if (server) {
      if (!server[kind].has(key)) problems.push({ path, message: unknownEntryMessage(kind, key, [...check.defined[kind], ...server[kind]]) });
    } else if (!warned.has(`${kind}\u0000${key}`)) {
      warned.add(`${kind}\u0000${key}`);
      const message = `${kind} "${key}" is not defined in this file; it must exist on the server (check with --url)${didYouMean(key, check.defined[kind])}`;
      warnings.push({ path, message });
    }
  }
  return { problems, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `blueprint validate FILES [--url URL]`: exit 1 when a file has a problem; warnings alone pass. */
export async function validateFiles(paths: string[], options: { url?: string }): Promise<void> {
  const files = collectFiles(paths);
  const checks = files.map((file) => checkFile(readSourceFile(file)));
  // The server's keys, read once for every file.
  const server =
    options.url && checks.some((check) => check.references.length > 0)
      ? await withBackend(options, async (backend) => {
          const keys = await backend.organisationKeys();
          return Object.fromEntries(ORG_KINDS.map((kind) => [kind, new Set(keys[kind])])) as Record<OrgKind, Set<string>>;
        })
      : undefined;
  let invalid = 0;
  let warningCount = 0;
  for (const check of checks) {
    const { problems, warnings } = referenceFindings(check, server);
    const all = [...check.problems, ...problems];
    if (check.syntax.length > 0 || all.length > 0) invalid++;
    warningCount += warnings.length;
    [...check.syntax, ...problemLines(check.source, all, warnings)].forEach((line) => out(line));
  }
  const warned = warningCount > 0 ? `, ${plural(warningCount, 'warning')}` : '';
  if (invalid > 0) {
    err(`${invalid} of ${plural(files.length, 'file')} invalid${warned}`);
    process.exitCode = 1;
  } else {
    out(`${plural(files.length, 'file')} valid${warned}`);
  }
}

/** A file's format by its name: JSON for .json, YAML otherwise. */
const formatOf = (file: string): 'yaml' | 'json' => (/\.json$/i.test(file) ? 'json' : 'yaml');

export function addFileCommands(program: Command): void {
  program
    .command('pull')
    .description(
      "Write the server's current version of a blueprint into its file, changing only what differs: " +
        'comments, key order and layout of a YAML file stay, so that git shows the real changes. A file that is not there is written as export writes it.',
    )
    .argument('<key>', 'the blueprint key')
    .argument('<file>', 'the YAML or JSON file to bring up to date')
    .addOption(urlOption())
    .action(async (key: string, file: string, options: { url?: string }) => {
      const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (existing !== undefined) {
        // A file that does not parse cannot be changed in place: it is left for its author to mend.
        const source = parseSource(file, existing);
        if (source.syntaxError) {
          offlineProblems(source).forEach((line) => out(line));
          throw new Error(`${file} was left as it is: mend its syntax, or remove it to write it anew`);
        }
      }
      const { document, version } = await withBackend(options, (backend) => backend.versionedDocument(key));
      if (existing === undefined) {
        fs.writeFileSync(file, documentText(document, formatOf(file)));
        out(`wrote ${file} (${key}, version ${version})`);
        return;
      }
      const text = updatedFileText(existing, document, formatOf(file));
      if (text === existing) {
        out(`${file} is up to date (${key}, version ${version})`);
        return;
      }
      fs.writeFileSync(file, text);
      out(`updated ${file} (${key}, version ${version})`);
    });
}
