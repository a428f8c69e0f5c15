import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ANALYSIS_CONFIG } from './analysis/kept-results';
import { GraphQLModule } from '@nestjs/graphql';
import { AnalysisModule } from './analysis/analysis.module';
import { responseJson } from './analysis/kept-json';
import { BlueprintsModule } from './blueprints/blueprints.module';
import { DatabaseModule } from './database/database.module';
import { Neo4jOptions } from './database/database.tokens';
import { EmbeddedNeo4j } from './database/embedded-neo4j';
import { DemoModule } from './demo/demo.module';
import { EditingModule } from './editing/editing.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { ComparisonModule } from './comparison/comparison.module';
import { LintModule } from './lint/lint.module';
import { LiveModule } from './live/live.module';
import { graphqlWsOptions } from './live/websocket-options';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PagingModule } from './paging/paging.module';
import { ReferencesModule } from './references/references.module';
import { WebModule } from './web/web.module';
import { AnalysisConfig, DEFAULT_ANALYSIS_CONFIG, LoggingConfig, SecurityConfig, loadConfig } from './config/app-config';
import { operationLogPlugin } from './logging/operation-log.plugin';
import { unexpectedErrorsPlugin } from './logging/unexpected-errors.plugin';
import { operationChecksPlugin } from './security/operation-checks.plugin';
import { ResponseBudget, chargeRootFields, responseBudgetPlugin } from './security/response-budget';
import { describeRootTypes } from './schema/root-types';
import { withProblemList } from './common/problem-list';

/** The GraphQL modules, shared by the app and the schema printer. */
export const FEATURE_MODULES = [BlueprintsModule, AnalysisModule, OrganisationModule, EditingModule, HistoryModule, ComparisonModule, LintModule, OpportunitiesModule, LiveModule, PagingModule, ReferencesModule];

/** How the app serves: access control, query limits and logging (from loadConfig). */
export interface ServingConfig {
  security: SecurityConfig;
  logging: LoggingConfig;
  /** The defaults when absent. */
  analysis?: AnalysisConfig;
}

/** The defaults of an empty environment: no keys (open, on loopback), development logging. */
export function defaultServingConfig(): ServingConfig {
  const { security, logging, analysis } = loadConfig({});
  return { security, logging, analysis };
}

/** The analysis's limits, for KeptResults wherever the analysis module is imported. */
@Global()
@Module({})
class AnalysisConfigModule {
  static forRoot(config: AnalysisConfig): DynamicModule {
    return { module: AnalysisConfigModule, providers: [{ provide: ANALYSIS_CONFIG, useValue: config }], exports: [ANALYSIS_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(neo4j: Neo4jOptions, embedded?: EmbeddedNeo4j, serving = defaultServingConfig()): DynamicModule {
    const { security, logging } = serving;
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(neo4j, embedded),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: security.introspection,
          includeStacktraceInErrorResponses: security.development,
          hideSchemaDetailsFromClientErrors: !security.fieldSuggestions,
          parseOptions: { maxTokens: security.limits.maxTokens },
          formatError: withProblemList,
          stringifyResult: responseJson,
          plugins: [
            operationChecksPlugin(security.limits),
            operationLogPlugin(logging.slowQueryMs),
            unexpectedErrorsPlugin(!security.development),
            responseBudgetPlugin(),
            // No HTTP cache hints are set anywhere, so Apollo's cache-control plugin would only cost a hook per resolved field.
            ApolloServerPluginCacheControlDisabled(),
          ],
          context: ({ req }: { req: unknown }) => ({ req, responseBudget: new ResponseBudget(security.limits.maxResponseFields) }),
          transformSchema: (schema) => chargeRootFields(describeRootTypes(schema)),
          // Cross-site writes are stopped at the door (app.factory: JSON bodies only), and GET runs no
          // mutation; Apollo's own check would also refuse plain GET queries, which the contract allows.
          csrfPrevention: false,
          subscriptions: { 'graphql-ws': graphqlWsOptions(security) },
        }),
        AnalysisConfigModule.forRoot(serving.analysis ?? DEFAULT_ANALYSIS_CONFIG),
        HealthModule,
        DemoModule,
        WebModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
