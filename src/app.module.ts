import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AnalysisModule } from './analysis/analysis.module';
import { BlueprintsModule } from './blueprints/blueprints.module';
import { DatabaseModule } from './database/database.module';
import { Neo4jOptions } from './database/database.tokens';
import { EmbeddedNeo4j } from './database/embedded-neo4j';
import { DemoModule } from './demo/demo.module';
import { EditingModule } from './editing/editing.module';
import { HealthModule } from './health/health.module';
import { OrganisationModule } from './organisation/organisation.module';
import { WebModule } from './web/web.module';

/** The GraphQL modules, shared by the app and the schema printer. */
export const FEATURE_MODULES = [BlueprintsModule, AnalysisModule, OrganisationModule, EditingModule];

@Module({})
export class AppModule {
  static forRoot(neo4j: Neo4jOptions, embedded?: EmbeddedNeo4j): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(neo4j, embedded),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          // Credentials are bearer keys, never cookies, so cross-site requests carry none; plain GET queries stay spec-compliant.
          csrfPrevention: false,
        }),
        HealthModule,
        DemoModule,
        WebModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
