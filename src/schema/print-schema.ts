import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';
import { documentJsonSchema } from './document-json-schema';
import { buildSchemaText } from './schema-printer';

export const JSON_SCHEMA_FILE = 'blueprint-document.schema.json';

/** Writes schema.gql and the JSON Schema of documents at the project's root, from the code. */
async function main(): Promise<void> {
  const graphql = path.join(PROJECT_ROOT, 'schema.gql');
  fs.writeFileSync(graphql, await buildSchemaText());
  const jsonSchema = path.join(PROJECT_ROOT, JSON_SCHEMA_FILE);
  fs.writeFileSync(jsonSchema, JSON.stringify(documentJsonSchema(), null, 2) + '\n');
  console.log(`wrote ${graphql} and ${jsonSchema}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
