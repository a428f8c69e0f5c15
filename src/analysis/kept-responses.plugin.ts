import { Inject, Optional } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { ApolloServerPlugin, GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { FormattedExecutionResult, Kind, OperationDefinitionNode } from 'graphql';
import { AnalysisConfig, DEFAULT_ANALYSIS_CONFIG } from '../config/app-config';
import { WeighedEntries } from '../common/recent-entries';
import { RequestWithPrincipal } from '../security/principal';
import { AnalysisService } from './analysis.service';
import { keptCopy } from './kept-json';
import { ANALYSIS_CONFIG, Stamp } from './kept-results';

/** The root fields whose answers KeptResults keeps: a response made of them only holds while the stamp does. */
export const KEPT_QUESTIONS: ReadonlySet<string> = new Set(['rootCauses', 'blame', 'whatIf', 'departmentDependencies', 'painPointTrace']);

/** Where the plugin leaves the stamp it read in the request's context, so that the answer's own work does not read it again. */
const STAMP_READ = 'analysisStampRead';

/** The stamp this request's KeptResponsesPlugin read before execution, if it did. */
export function stampRead(context: Record<string, unknown>): Stamp | undefined {
  return context[STAMP_READ] as Stamp | undefined;
}

/** Responses can be large (thousands of department pairs): at most this many, within ANALYSIS_KEPT_RESULTS... */
export const KEPT_RESPONSES = 64;
/**
 * ...taking at most this much memory, as estimated: a response kept as objects takes about three
 * times its JSON, and the JSON kept beside it (kept-json) at most two bytes a character.
 */
export const KEPT_RESPONSES_BYTES = 128 * 1024 ** 2;
const BYTES_PER_JSON_CHARACTER = 5;

/**
 * Keeps whole responses of queries that ask only kept questions, under the
 * stamp read before they were executed, and answers the same query again,
 * while the stamp holds, without executing it: for a dashboard that asks for
 * thousands of department pairs, executing and serialising every field of
 * every pair costs far more than computing the answer did. Every write of a
 * blueprint or of the organisation changes the stamp (cypher/analysis-stamp),
 * and every instance reads it from the database, so a response is never
 * answered after a write it does not reflect.
 */
@Plugin()
export class KeptResponsesPlugin implements ApolloServerPlugin {
  private readonly responses: WeighedEntries<{ stamp: number; result: FormattedExecutionResult }>;
  private readonly limit: number;

  constructor(
    private readonly analysis: AnalysisService,
    @Optional() @Inject(ANALYSIS_CONFIG) limits: AnalysisConfig = DEFAULT_ANALYSIS_CONFIG,
  ) {
    this.limit = Math.min(KEPT_RESPONSES, limits.keptResults);
    this.responses = new WeighedEntries(KEPT_RESPONSES_BYTES, this.limit);
  }

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    // What to keep once the response is ready: null when it is not to be kept, or was kept already.
    let kept: { key: string; stamp: Stamp } | null = null;
    return {
      responseForOperation: async ({ operation, source, operationName, request, contextValue }) => {
        if (this.limit === 0 || !asksOnlyKeptQuestions(operation)) return null;
        const role = (contextValue.req as RequestWithPrincipal | undefined)?.principal?.role ?? null;
        const key = JSON.stringify([role, operationName ?? null, request.variables ?? {}, source]);
        kept = { key, stamp: await this.analysis.currentStamp() };
        contextValue[STAMP_READ] = kept.stamp;
        const hit = this.responses.get(key);
        if (!hit || hit.stamp !== kept.stamp.writes) return null;
        this.responses.touch(key);
        kept = null;
        return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit.result } };
      },
      willSendResponse: async ({ response }) => {
        if (!kept || response.body.kind !== 'single' || response.body.singleResult.errors) return;
        const { result, json } = keptCopy(response.body.singleResult);
        this.responses.set(kept.key, { stamp: kept.stamp.writes, result }, BYTES_PER_JSON_CHARACTER * json.length);
      },
    };
  }
}

function asksOnlyKeptQuestions(operation: OperationDefinitionNode | undefined): boolean {
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && KEPT_QUESTIONS.has(selection.name.value));
}
