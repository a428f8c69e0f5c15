import { Injectable } from '@nestjs/common';
import { AnalysisService, fixesNamingNothing } from '../analysis/analysis.service';
import { fixProblems } from '../analysis/dto/analysis.args';
import { BlameLevel, Fix } from '../analysis/models/decision.models';
import { partProblems } from '../blueprints/document-validation';
import { Department } from '../blueprints/models/organisation.model';
import { compareKeys } from '../common/compare-keys';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { Neo4jExecutor } from '../database/executor';
import { int } from '../database/driver-values';
import { OpportunityInput } from './dto/opportunity.input';
import { Opportunity, OpportunityStatus } from './models/opportunity.model';

interface StoredOpportunity {
  key: string;
  title: string;
  description: string | null;
  status: OpportunityStatus;
  effort: number;
  owner: Department | null;
  fixes: Fix[];
}

/** Opportunities: stored as named fix-sets; their value computed from the graph at every read. */
@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly analysis: AnalysisService,
  ) {}

  /** By value per effort, descending, then key. Two reads and one pass of the blame flow, whatever their number. */
  async list(): Promise<Opportunity[]> {
    const rows = await this.executor.read((runner) => runner.run('opportunities'));
    const stored: StoredOpportunity[] = rows.map((row) => {
      const o = row.opportunity as Omit<StoredOpportunity, 'owner' | 'fixes'> & { fixes: string };
      return { ...o, owner: (row.owner as Department | null) ?? null, fixes: JSON.parse(o.fixes) as Fix[] };
    });
    if (stored.length === 0) return [];
    // One check of every fix of every opportunity, then each opportunity's own slice of it.
    const missing = await this.analysis.missingFixTargets(stored.flatMap((o) => o.fixes));
    let offset = 0;
    const firstFix = stored.map((o) => (offset += o.fixes.length) - o.fixes.length);
    const values = await this.analysis.fixSetValues(stored.map((o) => o.fixes));
    return stored
      .map((o, i) => ({
        ...o,
        ...values[i],
        valuePerEffort: values[i].removedImpact / o.effort,
        staleFixes: o.fixes.filter((_, j) => missing[firstFix[i] + j]),
      }))
      .sort((a, b) => b.valuePerEffort - a.valuePerEffort || compareKeys(a.key, b.key));
  }

  async get(key: string): Promise<Opportunity | null> {
    return (await this.list()).find((o) => o.key === key) ?? null;
  }

  /**
   * Every problem of the input at its path (`input.effort`,
   * `input.fixes[2].blueprintKey`, an owner that names nothing) as
   * BAD_USER_INPUT, then fixes that name nothing as NOT_FOUND, then one write.
   */
  async upsert(raw: OpportunityInput): Promise<Opportunity> {
    const { part: input, problems } = partProblems(OpportunityInput, raw, 'input');
    const given = Array.isArray(input.fixes) ? input.fixes.filter((fix) => typeof fix === 'object' && fix !== null) : [];
    if (given.length === (input.fixes?.length ?? -1)) problems.push(...fixProblems(input.fixes, 'input.fixes'));
    if (problems.length > 0) throw new BadUserInputError(problems);
    const fixes: Fix[] = input.fixes.map((fix) => ({ level: fix.level, key: fix.key, blueprintKey: fix.blueprintKey ?? null }));
    const owner: Fix[] = input.owner ? [{ level: BlameLevel.DEPARTMENT, key: input.owner, blueprintKey: null }] : [];
    const missing = await this.analysis.missingFixTargets([...owner, ...fixes]);
    if (owner.length > 0 && missing[0]) throw new BadUserInputError([{ path: 'input.owner', message: `names no department: "${input.owner}"` }]);
    // As for whatIf: a fix that names nothing is NOT_FOUND, each named at its path.
    const unnamed = fixesNamingNothing(fixes, missing.slice(owner.length), 'input.fixes');
    if (unnamed) throw unnamed;
    await this.executor.write((runner) =>
      runner.run('opportunity-upsert', {
        key: input.key,
        title: input.title,
        description: input.description ?? null,
        status: input.status ?? OpportunityStatus.IDEA,
        effort: int(input.effort),
        owner: input.owner ?? null,
        fixes: JSON.stringify(fixes),
      }),
    );
    return (await this.get(input.key))!;
  }

  async delete(key: string): Promise<boolean> {
    const [row] = await this.executor.write((runner) => runner.run('opportunity-delete', { key }));
    if (!row || Number(row.deleted) === 0) throw new NotFoundError(`No opportunity has the key "${key}"`);
    return true;
  }
}
