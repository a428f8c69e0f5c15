import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { updatedFileText } from '../../src/cli/file-update';
import { commonLines } from '../../src/cli/line-diff';
import { lineChanges } from '../helpers/line-changes';

/** A file kept in git, brought up to the server's version: only what differs changes. */

/** Written by a person: comments, fields in an order of their own, [ ] tight and { } padded, a folded description. */
const FILE = `# The repair journey, as the service team keeps it.
name: Repair   # shown on the map
key: repair
description: >-
  From the first call
  to the pick-up.

departments:
  - { key: it, name: IT }
  - { key: ops, name: Operations }

stages:
  # Everything before the machine is in.
  - name: Report
    key: report
    steps:
      - key: call
        name: Call the hotline
        evidence: [Waiting music]
        actions:
          - { key: ca-call, lane: CUSTOMER, name: Calls, emotion: -2, dependsOn: [fs-agent] }
          - { key: fs-agent, lane: FRONTSTAGE, name: Agent registers it, department: ops, systems: [crm] }
          - { key: bs-lookup, lane: BACKSTAGE, name: Looks the order up, department: it }
  - name: Repair
    key: repair
    steps:
      - key: fix
        name: Fix it
        actions:
          - key: bs-fix   # the real work
            lane: BACKSTAGE
            name: Technician repairs it
            department: it

painPoints:
  - key: long-wait
    title: Long wait on the line
    severity: 3
    action: ca-call
`;

/** The file as the server has it: what a pull starts from. */
const current = () => parse(FILE);

describe('updatedFileText (YAML)', () => {
  it('leaves the file byte for byte when the document says the same', () => {
    expect(updatedFileText(FILE, current(), 'yaml')).toBe(FILE);
    // Null and empty lists say the same as absent.
    const text = FILE.replace('key: repair\n', 'key: repair\nstate: null\n');
    expect(updatedFileText(text, current(), 'yaml')).toBe(text);
    // An export fills in the defaults a file may leave out.
    const exported = current();
    Object.assign(exported, { state: 'CURRENT' });
    Object.assign(exported.painPoints[0], { frequency: 1, category: 'OTHER' });
    expect(updatedFileText(FILE, exported, 'yaml')).toBe(FILE);
    exported.painPoints[0].category = 'PROCESS';
    expect(lineChanges(FILE, updatedFileText(FILE, exported, 'yaml'))).toEqual({ removed: [], added: ['    category: PROCESS'] });
  });

  it('a changed name changes its line only: comments, order and layout stay', () => {
    const document = current();
    document.stages[0].steps[0].actions[1].name = 'Agent registers the complaint';
    document.painPoints[0].severity = 4;
    const text = updatedFileText(FILE, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(FILE, text)).toEqual({
      removed: ['          - { key: fs-agent, lane: FRONTSTAGE, name: Agent registers it, department: ops, systems: [crm] }', '    severity: 3'],
      added: ['          - { key: fs-agent, lane: FRONTSTAGE, name: Agent registers the complaint, department: ops, systems: [crm] }', '    severity: 4'],
    });
  });

  it('a value that needs quotes now gets them, its comment kept where it was; a folded text stays folded', () => {
    const document = current();
    document.name = 'Repair: the whole story';
    document.description = 'From the first call to the pick-up, and the invoice.';
    const text = updatedFileText(FILE, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(FILE, text)).toEqual({
      removed: ['name: Repair   # shown on the map', '  From the first call', '  to the pick-up.'],
      added: ['name: "Repair: the whole story"   # shown on the map', '  From the first call to the pick-up, and the invoice.'],
    });
  });

  it('an action added or removed is its line; a new one is written like those beside it', () => {
    const document = current();
    const actions = document.stages[0].steps[0].actions;
    actions.splice(2, 1);
    actions.push({ key: 'sp-sync', lane: 'SUPPORT', name: 'Orders sync', department: 'it' });
    const text = updatedFileText(FILE, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(FILE, text)).toEqual({
      removed: ['          - { key: bs-lookup, lane: BACKSTAGE, name: Looks the order up, department: it }'],
      added: ['          - { key: sp-sync, lane: SUPPORT, name: Orders sync, department: it }'],
    });
  });

  it("a new field goes after the field before it in the document's order; a field no longer there goes", () => {
    const document = current();
    const fix = document.stages[1].steps[0].actions[0];
    delete fix.department;
    fix.description = 'Parts and labour';
    fix.systems = ['erp'];
    delete document.stages[0].steps[0].evidence;
    const text = updatedFileText(FILE, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(FILE, text)).toEqual({
      removed: ['        evidence: [Waiting music]', '            department: it'],
      added: ['            description: Parts and labour', '            systems: [erp]'],
    });
    expect(text).toContain('          - key: bs-fix   # the real work\n            lane: BACKSTAGE\n            name: Technician repairs it\n            description: Parts and labour\n');
  });

  it('items are matched by key: stages swapped move with their comments', () => {
    const document = current();
    document.stages.reverse();
    const text = updatedFileText(FILE, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(text.indexOf('  - name: Repair\n')).toBeLessThan(text.indexOf('  - name: Report\n'));
    expect(text).toContain('          - key: bs-fix   # the real work\n');
    expect(text).toContain('# The repair journey, as the service team keeps it.\nname: Repair   # shown on the map\nkey: repair\n');
    expect(lineChanges(FILE, text).removed).toHaveLength(lineChanges(FILE, text).added.length);
  });

  it('departments and the other listings keep the file\'s order and the entries the blueprint does not name', () => {
    // The server lists only what the blueprint references, sorted by key.
    const text = FILE.replace('  - { key: ops, name: Operations }\n', '  - { key: ops, name: Operations }\n  - { key: quality, name: Quality }\n').replace(
      '  - { key: it, name: IT }\n  - { key: ops, name: Operations }\n',
      '  - { key: ops, name: Operations }\n  - { key: it, name: IT }\n',
    );
    expect(updatedFileText(text, current(), 'yaml')).toBe(text);
    const document = current();
    document.departments[1].name = 'Operations & Logistics';
    document.departments.push({ key: 'sales', name: 'Sales' });
    expect(lineChanges(text, updatedFileText(text, document, 'yaml'))).toEqual({
      removed: ['  - { key: ops, name: Operations }'],
      added: ['  - { key: ops, name: Operations & Logistics }', '  - { key: sales, name: Sales }'],
    });
  });

  it('follows an indentation of four', () => {
    const file = 'key: four\nname: Four\npersona:\n    name: Ann\n    description: Buys\nstages:\n    - key: s\n      name: S   # one stage\n      steps:\n          - key: t\n            name: T\n            actions: []\n';
    const document = parse(file);
    document.persona.description = 'Buys twice';
    document.stages[0].steps.push({ key: 'u', name: 'U', actions: [] });
    const text = updatedFileText(file, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(file, text)).toEqual({
      removed: ['    description: Buys'],
      added: ['    description: Buys twice', '          - key: u', '            name: U', '            actions: []'],
    });
  });

  it('follows list items flush with their key', () => {
    const file = 'key: flush\nname: Flush\nstages:\n- key: s\n  name: S   # one stage\n  steps:\n  - key: t\n    name: T\n    actions: []\n';
    const document = parse(file);
    document.stages[0].steps.unshift({ key: 'u', name: 'U', actions: [] });
    const text = updatedFileText(file, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(file, text)).toEqual({ removed: [], added: ['  - key: u', '    name: U', '    actions: []'] });
  });
});

describe('updatedFileText on the example file', () => {
  const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'after-sales-repair.yaml'), 'utf8');

  it('a renamed action, a new one beside it and a text that reads as a number: those lines alone', () => {
    const document = parse(EXAMPLE);
    const actions = document.stages[0].steps[0].actions;
    actions[1].name = 'Help page, hotline number hidden';
    actions.splice(2, 0, { key: 'sp-search', lane: 'SUPPORT', name: 'Search index', systems: ['web-shop'] });
    document.persona.name = '2024';
    const text = updatedFileText(EXAMPLE, document, 'yaml');
    expect(parse(text)).toEqual(document);
    expect(lineChanges(EXAMPLE, text)).toEqual({
      removed: [
        '  name: First-time buyer',
        '          - { key: fs-help-page, lane: FRONTSTAGE, name: Help page with the hotline number, systems: [web-shop], dependsOn: [sp-content-update] }',
      ],
      added: [
        '  name: "2024"',
        '          - { key: fs-help-page, lane: FRONTSTAGE, name: "Help page, hotline number hidden", systems: [web-shop], dependsOn: [sp-content-update] }',
        '          - { key: sp-search, lane: SUPPORT, name: Search index, systems: [web-shop] }',
      ],
    });
  });

  it('whatever changes, the file reads as the new document', () => {
    const change = fc.record({
      rename: fc.option(fc.constantFrom('New name', 'Name: with a colon', '42', 'true', "It's, [odd]", 'two\nlines'), { nil: undefined }),
      dropAction: fc.option(fc.nat(3), { nil: undefined }),
      addAction: fc.boolean(),
      dropPainPoint: fc.boolean(),
      swapStages: fc.boolean(),
      severity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(change, (c) => {
        const document = parse(EXAMPLE);
        const actions = document.stages[2].steps[0].actions;
        if (c.rename !== undefined) actions[0].name = c.rename;
        if (c.dropAction !== undefined) actions.splice(c.dropAction, 1);
        if (c.addAction) actions.push({ key: 'new-action', lane: 'BACKSTAGE', name: 'New', dependsOn: ['fs-guard'] });
        if (c.dropPainPoint) document.painPoints.shift();
        if (c.swapStages) document.stages.push(document.stages.shift());
        if (c.severity !== undefined) document.painPoints[0].severity = c.severity;
        const text = updatedFileText(EXAMPLE, document, 'yaml');
        expect(parse(text)).toEqual(document);
        expect(text.startsWith('# A blueprint document in the shape of docs/api-contract.md.\n')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('updatedFileText (JSON)', () => {
  it('is left as it is when it says the same, else written as export writes it', () => {
    const file = '{"key": "a", "name": "A", "stages": [], "description": null}\n';
    expect(updatedFileText(file, { key: 'a', name: 'A', stages: [] }, 'json')).toBe(file);
    expect(updatedFileText(file, { key: 'a', name: 'B', stages: [], painPoints: [] }, 'json')).toBe('{\n  "key": "a",\n  "name": "B",\n  "stages": []\n}\n');
  });
});

describe('commonLines', () => {
  /** The length of a longest common subsequence, the slow sure way. */
  const lcsLength = (a: string[], b: string[]) => {
    let row = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      const next = [0];
      b.forEach((y, j) => next.push(x === y ? row[j] + 1 : Math.max(row[j + 1], next[j])));
      row = next;
    }
    return row[b.length];
  };

  it('keeps a longest run of equal lines in order', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const pairs = commonLines(a, b)!;
        expect(pairs).toHaveLength(lcsLength(a, b));
        pairs.forEach(([i, j], n) => {
          expect(a[i]).toBe(b[j]);
          if (n > 0) expect(i > pairs[n - 1][0] && j > pairs[n - 1][1]).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives up past the edits allowed', () => {
    expect(commonLines(['a', 'b', 'c'], ['x', 'y', 'z'], 5)).toBeUndefined();
    expect(commonLines(['a', 'b', 'c'], ['x', 'y', 'z'], 6)).toEqual([]);
  });
});
