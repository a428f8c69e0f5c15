import 'reflect-metadata';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { FEATURE_MODULES } from '../app.module';
import { describeRootTypes } from './root-types';

/** What @Resolver() marks its class with; @nestjs/graphql does not export the name (the schema test holds it to the code). */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

/** The resolvers that FEATURE_MODULES (src/app.module.ts) provide: the one list the app and the printed schema share. */
export function featureResolvers(): Function[] {
  return FEATURE_MODULES.flatMap((module) => (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []) as unknown[]).filter(
    (provider): provider is Function => typeof provider === 'function' && Reflect.hasMetadata(RESOLVER_TYPE_METADATA, provider),
  );
}

const HEADER = '# The GraphQL schema of Blueprint Graph, emitted from the code by `npm run schema`. Do not edit.\n\n';

export function printSortedSchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Builds the schema from the resolvers alone: no database, no HTTP. */
export async function buildSchemaText(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(featureResolvers());
    return printSortedSchema(describeRootTypes(schema));
  } finally {
    await app.close();
  }
}
