import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_FLOW_PARAMS } from '../analysis/blame-flow';
import { BlameLevel } from '../analysis/models/blame-level';
import { thingText } from '../analysis/things';
import { DecisionScope, FixArg } from './backend';
import { formatOption, number, out, printedAsJson, urlOption, withBackend } from './command-kit';
import { Format, decimal, percent, render } from './format';

/** `blame`, `what-if` and `dependents`: from causes to decisions, as tables (the API's figures) or JSON. */

const LEVEL_NAMES = Object.values(BlameLevel).map((level) => level.toLowerCase());
const BLUEPRINT_SCOPED = new Set<BlameLevel>([BlameLevel.ACTION, BlameLevel.STEP]);

/**
 * `system:crm`, `department:it`, `action:BLUEPRINT/ACTION`, `step:BLUEPRINT/STEP`:
 * how a fix or a question names a thing on the command line.
 */
export function parseThing(text: string, what: string): FixArg {
  const colon = text.indexOf(':');
  const level = (colon > 0 ? text.slice(0, colon).toUpperCase() : '') as BlameLevel;
  const rest = text.slice(colon + 1);
  if (!Object.values(BlameLevel).includes(level) || rest === '') {
    throw new InvalidArgumentError(`${what} "${text}": expected LEVEL:KEY (${LEVEL_NAMES.join(', ')}), e.g. system:crm or action:BLUEPRINT/ACTION`);
  }
  if (!BLUEPRINT_SCOPED.has(level)) return { level, key: rest };
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) {
    throw new InvalidArgumentError(`${what} "${text}": a ${level.toLowerCase()} is named with its blueprint, as ${level.toLowerCase()}:BLUEPRINT/KEY`);
  }
  return { level, blueprintKey: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

const scopeOptions = (command: Command) =>
  command
    .option('--blueprint <key>', 'one blueprint (default: all)')
    .option('--min-severity <n>', 'only pain points of at least this severity (1..5)', number('--min-severity', true))
    .option('--retention <alpha>', 'share of blame an action keeps (0..1)', number('--retention', false), DEFAULT_FLOW_PARAMS.retention)
    .option('--max-depth <d>', 'how far blame travels (0..20)', number('--max-depth', true), DEFAULT_FLOW_PARAMS.maxDepth)
    .addOption(formatOption())
    .addOption(urlOption());

interface ScopeOptions {
  blueprint?: string;
  minSeverity?: number;
  retention: number;
  maxDepth: number;
  format: Format;
  url?: string;
}

const scopeOf = (options: ScopeOptions): DecisionScope => ({
  blueprintKey: options.blueprint,
  minSeverity: options.minSeverity,
  retention: options.retention,
  maxDepth: options.maxDepth,
});

/** A figure for people in a table; unrounded in CSV. */
const figure = (format: Format, value: number) => (format === 'csv' ? value : decimal(value));

export function addDecisionCommands(program: Command): void {
  scopeOptions(
    program
      .command('blame')
      .description('Rank departments, roles, systems, processes, actions, steps or lanes by the customer pain they carry (blame flow).')
      .addOption(new Option('--level <level>', 'what to rank').choices(LEVEL_NAMES).default('department')),
  ).action(async (options: ScopeOptions & { level: string }) => {
    const level = options.level.toUpperCase() as BlameLevel;
    const report = await withBackend(options, (backend) => backend.blame(level, scopeOf(options)));
    if (printedAsJson(options.format, report)) return;
    if (options.format === 'table') {
      out(`${report.painPointCount} pain points, total impact ${decimal(report.totalImpact)}, unplaced ${decimal(report.unplacedImpact)}`);
      out();
    }
    const scoped = BLUEPRINT_SCOPED.has(level);
    out(
      render(
        report.entries,
        [
          { header: 'rank', value: (e) => e.rank, align: 'right' },
          ...(scoped ? [{ header: 'blueprint', value: (e: (typeof report.entries)[number]) => e.blueprintKey ?? '' }] : []),
          { header: level.toLowerCase(), value: (e) => e.key },
          { header: 'name', value: (e) => e.name },
          { header: 'score', value: (e) => figure(options.format, e.score), align: 'right' },
          { header: 'share', value: (e) => (options.format === 'csv' ? e.share : percent(e.share)), align: 'right' },
          { header: 'pain points', value: (e) => e.painPointCount, align: 'right' },
        ],
        options.format,
      ),
    );
  });

  scopeOptions(
    program
      .command('what-if')
      .description('What fixing departments, roles, systems, processes, actions or steps would remove of the blame today.')
      .requiredOption(
        '--fix <thing>',
        'what is fixed, as LEVEL:KEY (system:crm) or action:BLUEPRINT/ACTION, step:BLUEPRINT/STEP; repeat for several',
        (value: string, fixes: FixArg[] = []) => [...fixes, parseThing(value, '--fix')],
      ),
  ).action(async (options: ScopeOptions & { fix: FixArg[] }) => {
    const report = await withBackend(options, (backend) => backend.whatIf(options.fix, scopeOf(options)));
    if (printedAsJson(options.format, report)) return;
    if (options.format === 'table') {
      out(
        `removes ${decimal(report.removedImpact)} of ${decimal(report.totalImpact)} (${percent(report.removedShare)}), ` +
          `${decimal(report.remainingImpact)} remain; resolves ${report.resolvedPainPoints} pain point${report.resolvedPainPoints === 1 ? '' : 's'}`,
      );
      out();
    }
    out(
      render(
        report.departments,
        [
          { header: 'department', value: (d) => d.department.key },
          { header: 'before', value: (d) => figure(options.format, d.before), align: 'right' },
          { header: 'after', value: (d) => figure(options.format, d.after), align: 'right' },
        ],
        options.format,
      ),
    );
    out();
    out(
      render(
        report.painPoints,
        [
          { header: 'blueprint', value: (p) => p.painPoint.blueprintKey },
          { header: 'pain point', value: (p) => p.painPoint.key },
          { header: 'impact', value: (p) => figure(options.format, p.impact), align: 'right' },
          { header: 'removed', value: (p) => figure(options.format, p.removed), align: 'right' },
          { header: 'remaining', value: (p) => figure(options.format, p.remaining), align: 'right' },
          { header: 'resolved', value: (p) => (p.resolved ? 'yes' : 'no') },
        ],
        options.format,
      ),
    );
  });

  program
    .command('dependents')
    .description('What relies on a department, role, system, process or action, across every journey.')
    .argument('<thing>', 'LEVEL:KEY (department:it, system:crm) or action:BLUEPRINT/ACTION')
    .option('--blueprint <key>', 'only this blueprint')
    .option('--max-depth <d>', 'how many dependency steps (0..20)', number('--max-depth', true), DEFAULT_FLOW_PARAMS.maxDepth)
    .addOption(formatOption())
    .addOption(urlOption())
    .action(async (text: string, options: { blueprint?: string; maxDepth: number; format: Format; url?: string }) => {
      const thing = parseThing(text, 'the thing');
      const answer = await withBackend(options, (backend) =>
        backend.dependents(thing.level, thing.key, thing.blueprintKey ?? options.blueprint, options.maxDepth),
      );
      if (printedAsJson(options.format, answer)) return;
      out(
        render(
          answer.actions,
          [
            { header: 'distance', value: (a) => a.distance, align: 'right' },
            { header: 'blueprint', value: (a) => a.blueprintKey },
            { header: 'action', value: (a) => a.action.key },
            { header: 'lane', value: (a) => a.action.lane },
            { header: 'name', value: (a) => a.action.name },
          ],
          options.format,
        ),
      );
      if (options.format === 'table') {
        out();
        out(`blueprints: ${answer.blueprints.join(', ') || '-'}`);
        out(`customer actions: ${answer.customerActions}`);
        out(`departments relying on it: ${answer.departments.map((d) => d.key).join(', ') || '-'}`);
        out(`pain points at risk: ${answer.painPoints.map((p) => `${p.blueprintKey}/${p.key}`).join(', ') || '-'}`);
      }
    });

  program
    .command('opportunities')
    .description('The opportunities, ranked by the impact their fixes remove per effort (computed from the graph as it is now).')
    .addOption(formatOption())
    .addOption(urlOption())
    .action(async (options: { format: Format; url?: string }) => {
      const rows = await withBackend(options, (backend) => backend.opportunities());
      if (printedAsJson(options.format, rows)) return;
      out(
        render(
          rows,
          [
            { header: 'opportunity', value: (o) => o.key },
            { header: 'title', value: (o) => o.title },
            { header: 'status', value: (o) => o.status },
            { header: 'owner', value: (o) => o.owner?.key ?? '-' },
            { header: 'effort', value: (o) => o.effort, align: 'right' },
            { header: 'removes', value: (o) => figure(options.format, o.removedImpact), align: 'right' },
            { header: 'share', value: (o) => (options.format === 'csv' ? o.removedShare : percent(o.removedShare)), align: 'right' },
            { header: 'per effort', value: (o) => figure(options.format, o.valuePerEffort), align: 'right' },
            { header: 'resolves', value: (o) => o.resolvedPainPoints, align: 'right' },
            { header: 'stale fixes', value: (o) => o.staleFixes.map(thingText).join(' ') || '-' },
          ],
          options.format,
        ),
      );
    });
}
