import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';
import { buildSchemaText } from './schema-printer';

/** Writes schema.gql at the project's root from the code. */
buildSchemaText()
  .then((text) => {
    const file = path.join(PROJECT_ROOT, 'schema.gql');
    fs.writeFileSync(file, text);
    console.log(`wrote ${file}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
