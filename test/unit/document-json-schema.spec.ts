import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { documentJsonSchema } from '../../src/schema/document-json-schema';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('the JSON Schema of blueprint documents', () => {
  const schema = documentJsonSchema();
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is the committed blueprint-document.schema.json (run `npm run schema` after changing the rules)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'blueprint-document.schema.json'), 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('accepts every demo blueprint', () => {
    for (const file of fs.readdirSync(path.join(ROOT, 'demo'))) {
      expect([file, validate(read(`demo/${file}`)), validate.errors]).toEqual([file, true, null]);
    }
  });

  it('carries the field rules of the validation: keys, ranges, enums, unknown fields, required fields', () => {
    const document = read('test/fixtures/after-sales-repair.yaml');
    const broken = structuredClone(document);
    broken.stages[0].steps[0].actions[0].key = 'Bad Key';
    broken.painPoints[0].severity = 9;
    broken.painPoints[1].frequency = 0;
    broken.stages[0].steps[0].actions[1].lane = 'BACKSTAGE_OFFICE';
    broken.owner = 'someone';
    delete broken.stages[1].name;
    expect(validate(broken)).toBe(false);
    const places = new Set(validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`));
    for (const expected of [
      '/stages/0/steps/0/actions/0/key pattern',
      '/painPoints/0/severity maximum',
      '/painPoints/1/frequency exclusiveMinimum',
      '/stages/0/steps/0/actions/1/lane enum',
      ' additionalProperties',
      '/stages/1 required',
    ]) {
      expect(places).toContain(expected);
    }
  });
});
