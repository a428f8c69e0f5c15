import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BlueprintState, ImportMode } from '../blueprints/models/enums';
import { ACCESS_ROLES, AccessRole } from '../security/access-role';
import { newApiKey } from '../security/api-keys';
import type { Backend, ImportedDocument } from './backend';
import { DEFAULT_TIMEOUT_SECONDS, backendModule, err, formatOf, formatOption, jsonOption, number, positive, offlineProblems, out, printedAsJson, problemLines, setTimeoutSeconds, urlOption, withBackend } from './command-kit';
import { addDecisionCommands } from './decision-commands';
import { addFileCommands, validateFiles } from './file-commands';
import { addLivingCommands, describeChangesSince } from './living-commands';
import { documentText } from './document-output';
import { collectFiles } from './files';
import { Column, Format, decimal, percent, render } from './format';
import { Progress } from './progress';
import { SourceFile, readSourceFile } from './source-file';
import { IMPORT_BATCH_BYTES, importBatches } from './import-batches';
import { MAX_DOCUMENTS_PER_IMPORT } from '../blueprints/import-limits';
import { OrganisationEntryChange, describeEntryChange } from '../blueprints/organisation-changes';

/** `blueprint`: blueprints as code, from a terminal or a CI job. */

export function buildProgram(): Command {
  const program = new Command('blueprint')
    .description('Validate, import, export and query service blueprints kept as YAML or JSON files.')
    .showHelpAfterError()
    .option('--timeout <seconds>', 'give up on an operation after this long', positive('--timeout'), DEFAULT_TIMEOUT_SECONDS)
    .hook('preAction', (command) => setTimeoutSeconds(command.optsWithGlobals().timeout))
    .exitOverride();

  program
    .command('validate')
    .description(
      'Check blueprint files against every rule that needs no database. An entry a file references without defining it is a warning; ' +
        'with --url, it must exist on that server.',
    )
    .argument('<files...>', 'YAML or JSON files, or folders of them')
    .addOption(urlOption())
    .action(validateFiles);

  program
    .command('import')
    .description('Import blueprint files, each in one transaction; the valid ones stay imported.')
    .argument('<paths...>', 'YAML or JSON files, or folders of them')
    .option('--replace', 'replace blueprints that exist (otherwise they are rejected)')
    .option(
      '--update-organisation',
      'let a file rename existing departments, roles, systems and processes or move them to another department, for every blueprint that shares them (otherwise such a file is rejected)',
    )
    .option(
      '--expected-version <n>',
      'the version the file was made from: if the blueprint has moved on since, nothing is written and what changed is shown (one file only)',
      number('--expected-version', true),
    )
    .addOption(urlOption())
    .action(async (paths: string[], options: { replace?: boolean; updateOrganisation?: boolean; expectedVersion?: number; url?: string }) => {
      const files = collectFiles(paths);
      if (options.expectedVersion !== undefined && files.length !== 1) {
        throw new InvalidArgumentError('--expected-version needs exactly one file: each blueprint has its own version');
      }
      const mode = options.replace ? ImportMode.REPLACE : ImportMode.CREATE;
      const counts = { imported: 0, replaced: 0, rejected: 0 };
      const rejections: string[] = [];
      await withBackend(options, async (backend) => {
        const progress = new Progress(files.length, process.stdout);
        const finish = (file: string, outcome: keyof typeof counts) => {
          counts[outcome]++;
          progress.tick(file);
        };
        const imported = (file: string, { key, created, version, organisationChanges }: ImportedDocument) => {
          progress.log(`${created ? 'imported' : 'replaced'} ${file} (${key}, version ${version})`);
          for (const change of organisationChanges) progress.log(`  changed ${describeEntryChange(change)}`);
          finish(file, created ? 'imported' : 'replaced');
        };
        /** One file in a transaction of its own, its rejection in the words of this command line. */
        const importOne = async (file: string, source: SourceFile) => {
          try {
            imported(file, await backend.importDocument(source.data, mode, { expectedVersion: options.expectedVersion, updateOrganisation: options.updateOrganisation === true }));
          } catch (error) {
            const failure = backendModule().OperationError.from(error);
            if (failure.problems.length > 0) rejections.push(...problemLines(source, failure.problems));
            else if (failure.code === 'CONFLICT' && Array.isArray(failure.extensions.organisationChanges)) {
              // In the command line's words: the API's updateOrganisation is --update-organisation here.
              const changes = failure.extensions.organisationChanges as OrganisationEntryChange[];
              rejections.push(
                `${file}: would change ${changes.length === 1 ? 'an organisation-wide entry' : 'organisation-wide entries'} that every blueprint shares, so nothing was written:`,
                ...changes.map((change) => `  ${describeEntryChange(change)}`),
                `  import with --update-organisation to change ${changes.length === 1 ? 'it' : 'them'} for every blueprint, or list ${changes.length === 1 ? 'it' : 'them'} as ${changes.length === 1 ? 'it is' : 'they are'}`,
              );
            } else if (failure.code === 'CONFLICT') {
              const key = (source.data as { key?: unknown }).key;
              const moved = options.expectedVersion !== undefined && typeof failure.extensions.currentVersion === 'number' && typeof key === 'string';
              // In the command line's words: the API's "mode REPLACE" is --replace here.
              rejections.push(
                moved || mode === ImportMode.REPLACE
                  ? `${file}: ${failure.message}`
                  : `${file}: a blueprint with the key "${String(key)}" exists; import with --replace to replace it`,
              );
              if (moved) rejections.push(...(await describeChangesSince(backend, key as string, options.expectedVersion!)));
            } else throw failure;
            finish(file, 'rejected');
          }
        };

        // Every file is read and checked first: those with problems are reported, the others imported.
        const valid: { file: string; source: SourceFile }[] = [];
        for (const file of files) {
          const source = readSourceFile(file);
          const offline = offlineProblems(source);
          if (offline.length === 0) valid.push({ file, source });
          else {
            rejections.push(...offline);
            finish(file, 'rejected');
          }
        }
        // Many files go in few transactions (import-batches.ts), each all or none; a batch that
        // is refused is imported again file by file, so that each file's problem is told and the others stay imported.
        const maxDocuments = options.expectedVersion === undefined ? MAX_DOCUMENTS_PER_IMPORT : 1;
        for (const batch of importBatches(valid, ({ source }) => JSON.stringify(source.data).length, maxDocuments, IMPORT_BATCH_BYTES)) {
          if (batch.length === 1) {
            await importOne(batch[0].file, batch[0].source);
            continue;
          }
          let outcomes: ImportedDocument[] | null = null;
          try {
            outcomes = await backend.importDocuments(batch.map(({ source }) => source.data), mode, { updateOrganisation: options.updateOrganisation === true });
          } catch (error) {
            const failure = backendModule().OperationError.from(error);
            if (!['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN'].includes(failure.code)) throw failure;
          }
          if (outcomes) outcomes.forEach((outcome, i) => imported(batch[i].file, outcome));
          else for (const { file, source } of batch) await importOne(file, source);
        }
        progress.done();
      });
      out(`imported ${counts.imported}, replaced ${counts.replaced}, rejected ${counts.rejected}`);
      if (rejections.length > 0) {
        rejections.forEach((line) => out(line));
        process.exitCode = 1;
      }
    });

  program
    .command('export')
    .description('Write a blueprint as a file, or every blueprint into a folder.')
    .argument('[key]', 'the blueprint key')
    .option('--all', 'every blueprint, one file each (needs -o DIR)')
    .addOption(new Option('--format <format>', 'file format').choices(['yaml', 'json']).default('yaml'))
    .option('-o, --output <path>', 'the file (or, with --all, the folder) to write; standard output when absent')
    .addOption(urlOption())
    .action(async (key: string | undefined, options: { all?: boolean; format: 'yaml' | 'json'; output?: string; url?: string }) => {
      if (options.all ? key !== undefined || !options.output : key === undefined) {
        throw new InvalidArgumentError('give either a KEY, or --all with -o DIR');
      }
      await withBackend(options, async (backend) => {
        if (!options.all) {
          const text = documentText(await backend.exportDocument(key!), options.format);
          if (options.output) fs.writeFileSync(options.output, text);
          else process.stdout.write(text);
          return;
        }
        fs.mkdirSync(options.output!, { recursive: true });
        const keys = await backend.blueprintKeys();
        for (const each of keys) {
          const file = path.join(options.output!, `${each}.${options.format}`);
          fs.writeFileSync(file, documentText(await backend.exportDocument(each), options.format));
          out(`wrote ${file}`);
        }
        out(`exported ${keys.length} blueprint${keys.length === 1 ? '' : 's'}`);
      });
    });

  addFileCommands(program);

  /** `--state S` (repeatable): only blueprints in these states. */
  const stateOption = () =>
    new Option('--state <state>', 'only blueprints in this state (repeat for several; default: every state)')
      .choices(Object.values(BlueprintState))
      .argParser((value: string, previous: BlueprintState[] | undefined) => {
        if (!(Object.values(BlueprintState) as string[]).includes(value)) {
          throw new InvalidArgumentError(`expected one of ${Object.values(BlueprintState).join(', ')}`);
        }
        return [...(previous ?? []), value as BlueprintState];
      });

  program
    .command('root-causes')
    .description('Rank the departments by the customer pain they cause (blame flow).')
    .option('--blueprint <key>', 'one blueprint (default: all)')
    .option('--pain-point <key>', 'only this pain point of --blueprint (repeat for several)', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .addOption(stateOption())
    .option('--min-severity <n>', 'only pain points of at least this severity', number('--min-severity', true))
    .option('--retention <alpha>', 'share of blame an action keeps (0..1)', number('--retention', false), 0.5)
    .option('--max-depth <d>', 'how far blame travels (0..20)', number('--max-depth', true), 6)
    .option('--chains <n>', 'list, for each department and pain point, the n chains of actions that carried most blame (0..100)', number('--chains', true))
    .addOption(formatOption())
    .addOption(urlOption())
    .action(async (options: { blueprint?: string; painPoint?: string[]; state?: BlueprintState[]; minSeverity?: number; retention: number; maxDepth: number; chains?: number; format: Format; url?: string }) => {
      if (options.painPoint && !options.blueprint) throw new InvalidArgumentError('--pain-point needs --blueprint: pain point keys are unique within a blueprint only');
      if (options.chains !== undefined && options.chains > 100) throw new InvalidArgumentError('--chains must be from 0 to 100');
      const report = await withBackend(options, (backend) =>
        backend.rootCauses({
          blueprintKey: options.blueprint,
          painPointKeys: options.painPoint,
          states: options.state,
          minSeverity: options.minSeverity,
          retention: options.retention,
          maxDepth: options.maxDepth,
          chains: options.chains,
        }),
      );
      if (printedAsJson(options.format, report)) return;
      if (options.chains !== undefined) {
        // One row per chain: the department, the pain point, the mass it carried and its walk.
        const chains = report.departments.flatMap((row) =>
          row.contributions.flatMap((contribution) => (contribution.chains ?? []).map((chain) => ({ row, contribution, chain }))),
        );
        type ChainLine = (typeof chains)[number];
        const chainColumns: Column<ChainLine>[] = [
          { header: 'rank', value: (c) => c.row.rank, align: 'right' },
          { header: 'department', value: (c) => c.row.department.key },
          { header: 'pain point', value: (c) => `${c.contribution.painPoint.blueprintKey}/${c.contribution.painPoint.key}` },
          { header: 'mass', value: (c) => (options.format === 'csv' ? c.chain.mass : decimal(c.chain.mass)), align: 'right' },
          { header: 'chain', value: (c) => c.chain.actions.map((action) => action.key).join(' > ') },
        ];
        if (options.format === 'table') out(`${chains.length} chain${chains.length === 1 ? '' : 's'}, from the entry action to the department's action`);
        out(render(chains, chainColumns, options.format));
        return;
      }
      type Row = RootCauseRow;
      const columns: Column<Row>[] = [
        { header: 'rank', value: (r) => r.rank, align: 'right' },
        { header: 'department', value: (r) => r.department.key },
        { header: 'name', value: (r) => r.department.name },
        { header: 'score', value: (r) => (options.format === 'csv' ? r.score : decimal(r.score)), align: 'right' },
        { header: 'share', value: (r) => (options.format === 'csv' ? r.share : percent(r.share)), align: 'right' },
        { header: 'pain points', value: (r) => r.contributions.length, align: 'right' },
      ];
      if (options.format === 'table') {
        out(
          `${report.painPointCount} pain points, total impact ${decimal(report.totalImpact)}, ` +
            `unattributed ${decimal(report.unattributedImpact)}`,
        );
        out();
      }
      out(render(report.departments, columns, options.format));
    });

  program
    .command('trace')
    .description("Where one pain point's blame went: every action it reached, with what each received and kept.")
    .argument('<blueprint>', 'the blueprint key')
    .argument('<pain-point>', 'the pain point key')
    .option('--retention <alpha>', 'share of blame an action keeps (0..1)', number('--retention', false), 0.5)
    .option('--max-depth <d>', 'how far blame travels (0..20)', number('--max-depth', true), 6)
    .addOption(formatOption())
    .addOption(jsonOption())
    .addOption(urlOption())
    .action(async (blueprintKey: string, painPointKey: string, options: { retention: number; maxDepth: number; format: Format; json?: boolean; url?: string }) => {
      const format = formatOf(options);
      const trace = await withBackend(options, (backend) => backend.trace(blueprintKey, painPointKey, options));
      if (printedAsJson(format, trace)) return;
      if (format === 'table') {
        out(`${trace.painPoint.title} (${trace.painPoint.blueprintKey}/${trace.painPoint.key}): impact ${decimal(trace.impact)}, unattributed ${decimal(trace.unattributed)}`);
        out();
      }
      const figure = (value: number) => (format === 'csv' ? value : decimal(value));
      out(
        render(
          trace.nodes,
          [
            { header: 'depth', value: (n) => n.depth, align: 'right' },
            { header: 'action', value: (n) => n.action.key },
            { header: 'name', value: (n) => n.action.name },
            { header: 'lane', value: (n) => n.action.lane },
            { header: 'received', value: (n) => figure(n.received), align: 'right' },
            { header: 'kept', value: (n) => figure(n.kept), align: 'right' },
            { header: 'departments', value: (n) => n.departments.map((d) => d.key).join(format === 'csv' ? ';' : ', ') },
          ],
          format,
        ),
      );
    });

  program
    .command('dependencies')
    .description('Which department relies on which: handoffs and the blame that crossed them.')
    .option('--blueprint <key>', 'one blueprint (default: all)')
    .addOption(stateOption())
    .option('--from <department>', 'only what this department relies on')
    .option('--to <department>', 'only what relies on this department')
    .addOption(formatOption())
    .addOption(urlOption())
    .action(async (options: { blueprint?: string; state?: BlueprintState[]; from?: string; to?: string; format: Format; url?: string }) => {
      const all = await withBackend(options, (backend) => backend.dependencies(options.blueprint, options.state));
      const rows = all.filter((row) => (!options.from || row.from.key === options.from) && (!options.to || row.to.key === options.to));
      if (printedAsJson(options.format, rows)) return;
      out(
        render(
          rows,
          [
            { header: 'from', value: (r) => r.from.key },
            { header: 'to', value: (r) => r.to.key },
            { header: 'handoffs', value: (r) => r.handoffs, align: 'right' },
            { header: 'impact', value: (r) => (options.format === 'csv' ? r.impact : decimal(r.impact)), align: 'right' },
            { header: 'blueprints', value: (r) => r.blueprints.join(options.format === 'csv' ? ';' : ', ') },
          ],
          options.format,
        ),
      );
    });

  addLivingCommands(program);
  addDecisionCommands(program);

  program
    .command('api-key')
    .description(
      'Makes a new random API key: prints the key, for its user, and the line that grants it, for the file named by API_KEYS_FILE ' +
        '(the server keeps only its hash).',
    )
    .addOption(new Option('--role <role>', 'what the key may do').choices(ACCESS_ROLES).makeOptionMandatory())
    .option('--label <label>', 'names the key in logs and errors', 'unnamed key')
    .action((options: { role: AccessRole; label: string }) => {
      const { key, fileLine } = newApiKey(options.role, options.label.replace(/\s+/g, '-'));
      out(`key:  ${key}`);
      out(`line: ${fileLine}`);
    });

  return program;
}

type RootCauseRow = Awaited<ReturnType<Backend['rootCauses']>>['departments'][number];

export async function run(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    // Thrown by an action (commander reports its own parse errors before it throws them).
    if (error instanceof InvalidArgumentError) {
      err(`error: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      process.exitCode = 2;
      return;
    }
    err(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void run(process.argv);
