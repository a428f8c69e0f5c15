import { LiveResolver } from '../live/live.resolver';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describeRootTypes } from './root-types';
import { AnalysisResolver, PainContributionResolver } from '../analysis/analysis.resolver';
import { BlueprintsResolver } from '../blueprints/blueprints.resolver';
import { EditingResolver } from '../editing/editing.resolver';
import { OrganisationResolver } from '../organisation/organisation.resolver';
import { DepartmentResolver } from '../organisation/department.resolver';
import { BLUEPRINT_REFERENCE_RESOLVERS } from '../references/blueprint-references.resolver';
import { HistoryResolver } from '../history/history.resolver';
import { ComparisonResolver } from '../comparison/comparison.resolver';
import { LintResolver } from '../lint/lint.resolver';
import { OpportunitiesResolver } from '../opportunities/opportunities.resolver';
import { PagingResolver } from '../paging/paging.resolver';

/** Every resolver of FEATURE_MODULES (src/app.module.ts); the schema test fails when one is missing here. */
export const RESOLVERS = [
  BlueprintsResolver,
  AnalysisResolver,
  PainContributionResolver,
  OrganisationResolver,
  DepartmentResolver,
  ...BLUEPRINT_REFERENCE_RESOLVERS,
  EditingResolver,
  HistoryResolver,
  ComparisonResolver,
  LintResolver,
  OpportunitiesResolver,
  PagingResolver,
  LiveResolver,
];

const HEADER = '# The GraphQL schema of Blueprint Graph, emitted from the code by `npm run schema`. Do not edit.\n\n';

export function printSortedSchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Builds the schema from the resolvers alone: no database, no HTTP. */
export async function buildSchemaText(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
    return printSortedSchema(describeRootTypes(schema));
  } finally {
    await app.close();
  }
}
