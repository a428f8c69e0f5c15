import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { AnalysisModule } from '../analysis/analysis.module';
import { AnalysisService } from '../analysis/analysis.service';
import { contributionChains } from '../analysis/pain-point-chains';
import { Database, openDatabaseForCommand } from '../app.factory';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { BlueprintState, ImportMode } from '../blueprints/models/enums';
import { DEFAULT_FLOW_PARAMS } from '../analysis/blame-flow';
import { Problem } from '../common/errors';
import type { OrganisationEntryChange } from '../blueprints/organisation-changes';
import { loadConfig } from '../config/app-config';
import { DatabaseLifecycle, DatabaseModule } from '../database/database.module';
import { Neo4jExecutor } from '../database/executor';
import { VersionEntry } from '../history/blueprint-history';
import { LintFinding } from '../lint/lint-document';
import { LintModule } from '../lint/lint.module';
import { LintService } from '../lint/lint.service';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { OpportunitiesService } from '../opportunities/opportunities.service';
import { OrganisationService } from '../organisation/organisation.service';
import type { OrgKind } from '../blueprints/org-lists';
import { BlameLevel, BlameReport, Dependents, WhatIfReport } from '../analysis/models/decision.models';

/** What the command line needs from the product, in-process or through a running server's GraphQL endpoint. */

export interface RootCauseArgs {
  blueprintKey?: string;
  painPointKeys?: string[];
  states?: BlueprintState[];
  minSeverity?: number;
  retention?: number;
  maxDepth?: number;
  /** With each contribution, the chains that carried most of it, at most this many. */
  chains?: number;
}

/** A walk that carried blame from an entry action to an action of the department, and the mass it carried. */
export interface ChainRow {
  mass: number;
  actions: { key: string; name: string }[];
}

/** A pain point's trace as the command line prints it: every action its blame reached. */
export interface TraceRows {
  painPoint: { key: string; blueprintKey: string; title: string };
  impact: number;
  unattributed: number;
  nodes: { action: { key: string; name: string; lane: string }; depth: number; received: number; kept: number; departments: { key: string; name: string }[] }[];
}
const TRACE_FIELDS = `painPoint { key blueprintKey title } impact unattributed
  nodes { action { key name lane } depth received kept departments { key name } }`;

export interface RootCauseRows {
  totalImpact: number;
  unattributedImpact: number;
  painPointCount: number;
  departments: {
    rank: number;
    department: { key: string; name: string };
    score: number;
    share: number;
    contributions: { painPoint: { key: string; blueprintKey: string }; score: number; chains?: ChainRow[] }[];
  }[];
}

export interface DependencyRow {
  from: { key: string; name: string };
  to: { key: string; name: string };
  handoffs: number;
  impact: number;
  blueprints: string[];
}

export interface ImportDocumentOptions {
  expectedVersion?: number;
  updateOrganisation: boolean;
}

export interface ImportedDocument {
  key: string;
  created: boolean;
  version: number;
  organisationChanges: OrganisationEntryChange[];
}

export interface VersionedDocument {
  document: BlueprintDocument;
  version: number;
}

export interface DecisionScope {
  blueprintKey?: string;
  minSeverity?: number;
  retention?: number;
  maxDepth?: number;
}

export interface FixArg {
  level: BlameLevel;
  key: string;
  blueprintKey?: string;
}

/** The selections of blame, whatIf and dependents that the command line prints, and that in-process answers are cut to. */
const WHAT_IF_FIELDS = `totalImpact removedImpact remainingImpact removedShare resolvedPainPoints
  painPoints { painPoint { key blueprintKey title } impact removed remaining resolved }
  departments { department { key name } before after }`;
const DEPENDENTS_FIELDS = `actions { blueprintKey distance action { key name lane } } blueprints customerActions
  departments { key name } painPoints { key blueprintKey title }`;

export type WhatIfRows = Omit<WhatIfReport, 'painPoints' | 'departments'> & {
  painPoints: { painPoint: { key: string; blueprintKey: string; title: string }; impact: number; removed: number; remaining: number; resolved: boolean }[];
  departments: { department: { key: string; name: string }; before: number; after: number }[];
};

export interface DependentRows {
  actions: { blueprintKey: string; distance: number; action: { key: string; name: string; lane: string } }[];
  blueprints: string[];
  customerActions: number;
  departments: { key: string; name: string }[];
  painPoints: { key: string; blueprintKey: string; title: string }[];
}

export function whatIfRows(report: WhatIfReport): WhatIfRows {
  return {
    ...report,
    painPoints: report.painPoints.map(({ painPoint, ...rest }) => ({
      painPoint: { key: painPoint.key, blueprintKey: painPoint.blueprintKey, title: painPoint.title },
      ...rest,
    })),
    departments: report.departments.map(({ department, ...rest }) => ({ department: { key: department.key, name: department.name }, ...rest })),
  };
}

export function dependentRows(answer: Dependents): DependentRows {
  return {
    actions: answer.actions.map(({ blueprintKey, distance, action }) => ({ blueprintKey, distance, action: { key: action.key, name: action.name, lane: action.lane } })),
    blueprints: answer.blueprints,
    customerActions: answer.customerActions,
    departments: answer.departments.map(({ key, name }) => ({ key, name })),
    painPoints: answer.painPoints.map(({ key, blueprintKey, title }) => ({ key, blueprintKey, title })),
  };
}

export interface OpportunityRow {
  key: string;
  title: string;
  status: string;
  effort: number;
  owner: { key: string; name: string } | null;
  fixes: { level: BlameLevel; key: string; blueprintKey: string | null }[];
  removedImpact: number;
  removedShare: number;
  resolvedPainPoints: number;
  valuePerEffort: number;
  staleFixes: { level: BlameLevel; key: string; blueprintKey: string | null }[];
}

const OPPORTUNITY_FIELDS = `key title status effort owner { key name } fixes { level key blueprintKey }
  removedImpact removedShare resolvedPainPoints valuePerEffort staleFixes { level key blueprintKey }`;

export interface Backend {
  opportunities(): Promise<OpportunityRow[]>;
  blame(level: BlameLevel, scope: DecisionScope): Promise<BlameReport>;
  whatIf(fixes: FixArg[], scope: DecisionScope): Promise<WhatIfRows>;
  dependents(level: BlameLevel, key: string, blueprintKey?: string, maxDepth?: number): Promise<DependentRows>;
  /** Imports one document; unless `updateOrganisation`, one that would rename or move an existing organisation entry is refused (CONFLICT). */
  importDocument(document: unknown, mode: ImportMode, options: ImportDocumentOptions): Promise<ImportedDocument>;
  /** Imports documents in one transaction, all or none (problem paths start at `documents[i]`). */
  importDocuments(documents: unknown[], mode: ImportMode, options: Omit<ImportDocumentOptions, 'expectedVersion'>): Promise<ImportedDocument[]>;
  exportDocument(key: string): Promise<BlueprintDocument>;
  /** The current document with its version, or that of a kept version. */
  versionedDocument(key: string, version?: number): Promise<VersionedDocument>;
  versions(key: string): Promise<VersionEntry[]>;
  lint(key: string): Promise<LintFinding[]>;
  blueprintKeys(): Promise<string[]>;
  /** The keys of every department, role, system and process of the organisation, by kind. */
  organisationKeys(): Promise<Record<OrgKind, string[]>>;
  rootCauses(args: RootCauseArgs): Promise<RootCauseRows>;
  dependencies(blueprintKey?: string, states?: BlueprintState[]): Promise<DependencyRow[]>;
  trace(blueprintKey: string, painPointKey: string, flow: { retention?: number; maxDepth?: number }): Promise<TraceRows>;
  close(): Promise<void>;
}

/** A rejected operation, with the contract's code and, for bad input, every problem. */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly problems: Problem[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static from(error: unknown): OperationError {
    if (error instanceof OperationError) return error;
    if (error instanceof GraphQLError) {
      const extensions = error.extensions as { code?: string; problems?: Problem[] };
      return new OperationError(error.message, extensions.code ?? 'ERROR', extensions.problems ?? [], error.extensions);
    }
    return new OperationError((error as Error).message ?? String(error), 'ERROR');
  }
}

/** Why an operation gave up waiting: a read changed nothing; a write sent to a server may still be made there. */
export class TimeoutError extends OperationError {
  constructor(seconds: number, where: string) {
    super(
      `${where} did not answer within ${seconds} s (--timeout SECONDS to wait longer). ` +
        'A read changed nothing; a write may still be made: look at `blueprint history KEY` before sending it again.',
      'TIMEOUT',
    );
  }
}

export async function connect(url: string | undefined, log: (line: string) => void, timeoutSeconds: number): Promise<Backend> {
  return url ? new GraphQLBackend(url, timeoutSeconds) : DirectBackend.open(log);
}

class DirectBackend implements Backend {
  private constructor(
    private readonly context: INestApplicationContext,
    private readonly database: Database,
  ) {}

  static async open(log: (line: string) => void): Promise<DirectBackend> {
    const database = await openDatabaseForCommand(loadConfig(), log);
    try {
      @Module({ imports: [DatabaseModule.forRoot(database.options, database.embedded), BlueprintsModule, AnalysisModule, LintModule, OpportunitiesModule] })
      class CommandModule {}
      const context = await NestFactory.createApplicationContext(CommandModule, { logger: ['error'] });
      await context.get(DatabaseLifecycle).whenSchemaReady();
      return new DirectBackend(context, database);
    } catch (error) {
      await database.embedded?.stop();
      throw error;
    }
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return work().catch((error) => {
      throw OperationError.from(error);
    });
  }

  importDocument(document: unknown, mode: ImportMode, { expectedVersion, updateOrganisation }: ImportDocumentOptions) {
    return this.guard(async () => {
      const write = { operation: 'importBlueprint', author: null, expectedVersion };
      const { blueprint, created, organisationChanges } = await this.context
        .get(BlueprintsService)
        .import(document, mode, { write, keepOrganisation: !updateOrganisation });
      return { key: blueprint.key, created, version: blueprint.version, organisationChanges };
    });
  }

  importDocuments(documents: unknown[], mode: ImportMode, { updateOrganisation }: Omit<ImportDocumentOptions, 'expectedVersion'>) {
    return this.guard(async () => {
      const write = { operation: 'importBlueprints', author: null };
      const outcomes = await this.context.get(BlueprintsService).importMany(documents, mode, { write, keepOrganisation: !updateOrganisation });
      return outcomes.map(({ blueprint, created, organisationChanges }) => ({ key: blueprint.key, created, version: blueprint.version, organisationChanges }));
    });
  }

  exportDocument(key: string) {
    return this.guard(() => this.context.get(BlueprintsService).export(key));
  }

  versionedDocument(key: string, version?: number) {
    const blueprints = this.context.get(BlueprintsService);
    return this.guard(() => this.context.get(Neo4jExecutor).read((runner) => blueprints.documentIn(runner, key, version)));
  }

  versions(key: string) {
    return this.guard(() => this.context.get(BlueprintsService).versions(key));
  }

  lint(key: string) {
    return this.guard(() => this.context.get(LintService).lintBlueprint(key));
  }

  blueprintKeys() {
    return this.guard(async () => (await this.context.get(BlueprintsService).list(false)).map((b) => b.key));
  }

  organisationKeys() {
    return this.guard(async () => {
      const organisation = new OrganisationService(this.context.get(Neo4jExecutor));
      const keys = (entries: { key: string }[]) => entries.map((entry) => entry.key);
      const [departments, roles, systems, processes] = await Promise.all([
        organisation.departments(),
        organisation.members('role'),
        organisation.members('system'),
        organisation.members('process'),
      ]);
      return { department: keys(departments), role: keys(roles), system: keys(systems), process: keys(processes) };
    });
  }

  rootCauses({ chains, ...args }: RootCauseArgs) {
    return this.guard(async () => {
      const report = await this.context.get(AnalysisService).rootCauses({
        ...args,
        retention: args.retention ?? DEFAULT_FLOW_PARAMS.retention,
        maxDepth: args.maxDepth ?? DEFAULT_FLOW_PARAMS.maxDepth,
      });
      return {
        ...report,
        departments: await Promise.all(
          report.departments.map(async (row) => ({
            ...row,
            contributions: await Promise.all(
              row.contributions.map(async (contribution) => ({
                painPoint: { key: contribution.painPoint.key, blueprintKey: contribution.painPoint.blueprintKey },
                score: contribution.score,
                ...(chains === undefined
                  ? {}
                  : {
                      chains: (await contributionChains(contribution, chains)).map(({ mass, actions }) => ({
                        mass,
                        actions: actions.map(({ key, name }) => ({ key, name })),
                      })),
                    }),
              })),
            ),
          })),
        ),
      };
    });
  }

  dependencies(blueprintKey?: string, states?: BlueprintState[]) {
    return this.guard(() => this.context.get(AnalysisService).departmentDependencies({ blueprintKey, states }));
  }

  trace(blueprintKey: string, painPointKey: string, flow: { retention?: number; maxDepth?: number }) {
    return this.guard(async (): Promise<TraceRows> => {
      const { painPoint, impact, unattributed, nodes } = await this.context.get(AnalysisService).painPointTrace(blueprintKey, painPointKey, flow);
      return {
        painPoint: { key: painPoint.key, blueprintKey: painPoint.blueprintKey, title: painPoint.title },
        impact,
        unattributed,
        nodes: nodes.map(({ action, depth, received, kept, departments }) => ({
          action: { key: action.key, name: action.name, lane: action.lane },
          depth,
          received,
          kept,
          departments: departments.map(({ key, name }) => ({ key, name })),
        })),
      };
    });
  }

  blame(level: BlameLevel, scope: DecisionScope) {
    return this.guard(() => this.context.get(AnalysisService).blame({ level, ...scope }));
  }

  opportunities() {
    return this.guard(async () =>
      (await this.context.get(OpportunitiesService).list()).map(({ description: _description, owner, ...rest }) => ({
        ...rest,
        owner: owner && { key: owner.key, name: owner.name },
      })),
    );
  }

  whatIf(fixes: FixArg[], scope: DecisionScope) {
    return this.guard(async () => whatIfRows(await this.context.get(AnalysisService).whatIf({ fixes, ...scope })));
  }

  dependents(level: BlameLevel, key: string, blueprintKey?: string, maxDepth?: number) {
    return this.guard(async () => dependentRows(await this.context.get(AnalysisService).dependents({ level, key, blueprintKey, maxDepth })));
  }

  async close() {
    await this.context.close();
    await this.database.embedded?.stop();
  }
}

const EXPORT_FIELDS = `
  key name description state persona { name description }
  departments { key name } roles { key name department } systems { key name department } processes { key name department }
  stages { key name steps { key name evidence actions {
    key lane name description channel touchpoint emotion role department process systems dependsOn } } }
  painPoints { key title description action causes severity frequency category }`;

class GraphQLBackend implements Backend {
  private readonly endpoint: string;

  /** From the environment, not an option, so that the key stays out of shell histories and process lists. */
  private readonly authorization: Record<string, string> = process.env.BLUEPRINT_API_KEY
    ? { authorization: `Bearer ${process.env.BLUEPRINT_API_KEY}` }
    : {};

  constructor(
    url: string,
    private readonly timeoutSeconds: number,
  ) {
    this.endpoint = url.replace(/\/+$/, '').replace(/\/graphql$/, '') + '/graphql';
  }

  private async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const signal = AbortSignal.timeout(this.timeoutSeconds * 1000);
    const timedOut = () => new TimeoutError(this.timeoutSeconds, this.endpoint);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...this.authorization },
        body: JSON.stringify({ query, variables }),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw timedOut();
      throw new OperationError(`cannot reach ${this.endpoint}: ${(error as Error).message}`, 'SERVICE_UNAVAILABLE');
    }
    const body = (await response.json().catch(() => {
      if (signal.aborted) throw timedOut();
      return {};
    })) as { data?: T; errors?: { message: string; extensions?: any }[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new OperationError(first.message, first.extensions?.code ?? 'ERROR', first.extensions?.problems ?? [], first.extensions ?? {});
    }
    if (!body.data) throw new OperationError(`${this.endpoint} answered ${response.status} without data`, 'ERROR');
    return body.data;
  }

  // importBlueprints, not the contract's importBlueprint: only it can refuse organisation changes in the same transaction.
  private async importBlueprints(documents: unknown[], mode: ImportMode, expectedVersion: number | undefined, updateOrganisation: boolean): Promise<ImportedDocument[]> {
    const data = await this.request<{
      importBlueprints: { created: boolean; blueprint: { key: string; version: number }; organisationChanges: OrganisationEntryChange[] }[];
    }>(
      `mutation($documents: [BlueprintDocumentInput!]!, $mode: ImportMode, $expectedVersion: Int, $updateOrganisation: Boolean) {
        importBlueprints(documents: $documents, mode: $mode, expectedVersion: $expectedVersion, updateOrganisation: $updateOrganisation) {
          created blueprint { key version } organisationChanges { kind key before { name department } after { name department } } } }`,
      { documents, mode, expectedVersion, updateOrganisation },
    );
    return data.importBlueprints.map(({ created, blueprint, organisationChanges }) => ({ key: blueprint.key, created, version: blueprint.version, organisationChanges }));
  }

  importDocuments(documents: unknown[], mode: ImportMode, { updateOrganisation }: Omit<ImportDocumentOptions, 'expectedVersion'>) {
    return this.importBlueprints(documents, mode, undefined, updateOrganisation);
  }

  async importDocument(document: unknown, mode: ImportMode, { expectedVersion, updateOrganisation }: ImportDocumentOptions) {
    const [imported] = await this.importBlueprints([document], mode, expectedVersion, updateOrganisation).catch((error: unknown) => {
      // The file is the one document: its problems' paths start at the file, as offline ones do.
      const failure = OperationError.from(error);
      const problems = failure.problems.map((problem) => ({ ...problem, path: problem.path.replace(/^documents\[0\]/, 'document') }));
      throw new OperationError(failure.message, failure.code, problems, failure.extensions);
    });
    return imported;
  }

  async exportDocument(key: string) {
    return (await this.versionedDocument(key)).document;
  }

  async versionedDocument(key: string, version?: number) {
    const data = await this.request<{ blueprint: { version: number } | null; exportBlueprint: BlueprintDocument }>(
      `query($key: String!, $version: Int) { blueprint(key: $key) { version } exportBlueprint(key: $key, version: $version) { ${EXPORT_FIELDS} } }`,
      { key, version },
    );
    return { document: data.exportBlueprint, version: version ?? data.blueprint!.version };
  }

  async versions(key: string) {
    const data = await this.request<{ blueprintVersions: VersionEntry[] }>(
      'query($key: String!) { blueprintVersions(key: $key) { version at operation author } }',
      { key },
    );
    return data.blueprintVersions;
  }

  async lint(key: string) {
    const data = await this.request<{ lintBlueprint: LintFinding[] }>(
      'query($key: String!) { lintBlueprint(key: $key) { rule severity path message } }',
      { key },
    );
    return data.lintBlueprint;
  }

  async blueprintKeys() {
    const data = await this.request<{ blueprints: { key: string }[] }>('{ blueprints { key } }');
    return data.blueprints.map((b) => b.key);
  }

  async organisationKeys() {
    type Keys = { key: string }[];
    const data = await this.request<{ departments: Keys; roles: Keys; systems: Keys; processes: Keys }>(
      '{ departments { key } roles { key } systems { key } processes { key } }',
    );
    const keys = (entries: Keys) => entries.map((entry) => entry.key);
    return { department: keys(data.departments), role: keys(data.roles), system: keys(data.systems), process: keys(data.processes) };
  }

  async rootCauses({ chains, ...args }: RootCauseArgs) {
    const data = await this.request<{ rootCauses: RootCauseRows }>(
      `query($blueprintKey: String, $painPointKeys: [String!], $states: [BlueprintState!], $minSeverity: Int, $retention: Float, $maxDepth: Int,
             $chains: Int, $withChains: Boolean!) {
        rootCauses(blueprintKey: $blueprintKey, painPointKeys: $painPointKeys, states: $states, minSeverity: $minSeverity, retention: $retention, maxDepth: $maxDepth) {
          totalImpact unattributedImpact painPointCount
          departments { rank department { key name } score share contributions {
            painPoint { key blueprintKey } score chains(limit: $chains) @include(if: $withChains) { mass actions { key name } } } }
        }
      }`,
      { ...args, chains: chains ?? 0, withChains: chains !== undefined },
    );
    return data.rootCauses;
  }

  async dependencies(blueprintKey?: string, states?: BlueprintState[]) {
    const data = await this.request<{ departmentDependencies: DependencyRow[] }>(
      `query($blueprintKey: String, $states: [BlueprintState!]) { departmentDependencies(blueprintKey: $blueprintKey, states: $states) {
        from { key name } to { key name } handoffs impact blueprints } }`,
      { blueprintKey, states },
    );
    return data.departmentDependencies;
  }

  async trace(blueprintKey: string, painPointKey: string, flow: { retention?: number; maxDepth?: number }) {
    const data = await this.request<{ painPointTrace: TraceRows }>(
      `query($blueprintKey: String!, $painPointKey: String!, $retention: Float, $maxDepth: Int) {
        painPointTrace(blueprintKey: $blueprintKey, painPointKey: $painPointKey, retention: $retention, maxDepth: $maxDepth) { ${TRACE_FIELDS} } }`,
      { blueprintKey, painPointKey, ...flow },
    );
    return data.painPointTrace;
  }

  async opportunities() {
    const data = await this.request<{ opportunities: OpportunityRow[] }>(`{ opportunities { ${OPPORTUNITY_FIELDS} } }`);
    return data.opportunities;
  }

  async blame(level: BlameLevel, scope: DecisionScope) {
    const data = await this.request<{ blame: BlameReport }>(
      `query($level: BlameLevel!, $blueprintKey: String, $minSeverity: Int, $retention: Float, $maxDepth: Int) {
        blame(level: $level, blueprintKey: $blueprintKey, minSeverity: $minSeverity, retention: $retention, maxDepth: $maxDepth) {
          level totalImpact unplacedImpact painPointCount entries { rank key name blueprintKey score share painPointCount } } }`,
      { level, ...scope },
    );
    return data.blame;
  }

  async whatIf(fixes: FixArg[], scope: DecisionScope) {
    const data = await this.request<{ whatIf: WhatIfRows }>(
      `query($fixes: [FixInput!]!, $blueprintKey: String, $minSeverity: Int, $retention: Float, $maxDepth: Int) {
        whatIf(fixes: $fixes, blueprintKey: $blueprintKey, minSeverity: $minSeverity, retention: $retention, maxDepth: $maxDepth) {
          ${WHAT_IF_FIELDS} } }`,
      { fixes, ...scope },
    );
    return data.whatIf;
  }

  async dependents(level: BlameLevel, key: string, blueprintKey?: string, maxDepth?: number) {
    const data = await this.request<{ dependents: DependentRows }>(
      `query($level: BlameLevel!, $key: String!, $blueprintKey: String, $maxDepth: Int) {
        dependents(level: $level, key: $key, blueprintKey: $blueprintKey, maxDepth: $maxDepth) { ${DEPENDENTS_FIELDS} } }`,
      { level, key, blueprintKey, maxDepth },
    );
    return data.dependents;
  }

  async close() {}
}
