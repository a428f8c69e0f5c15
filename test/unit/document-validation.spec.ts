import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkDocument, checkPart, DocumentCheck } from '../../src/blueprints/document-validation';
import {
  ActionDocument,
  BlueprintDocument,
  DepartmentDocument,
  PainPointDocument,
  StageDocument,
} from '../../src/blueprints/dto/blueprint-document';
import { BadUserInputError, Problem } from '../../src/common/errors';

/*
 * The rules of a blueprint document (docs/api-contract.md, "Rules"), checked
 * without a database. Every test starts from the valid example document and
 * breaks exactly one thing (unless it says otherwise), then asserts the exact
 * problem paths and that the message says what is wrong.
 *
 * Positions in the example (after-sales-repair.yaml):
 *   stages[0] notice   / steps[0] search-help : ca-search-help (CUSTOMER), fs-help-page, sp-content-update
 *   stages[1] report   / steps[0] call-hotline: ca-call (CUSTOMER), fs-agent, bs-order-lookup, sp-order-sync
 *   stages[2] repair   / steps[0] drop-off    : ca-drop-off (CUSTOMER), fs-guard, fs-intake, bs-diagnosis
 *                      / steps[1] wait-part   : ca-wait (CUSTOMER), fs-status, bs-order-part, sp-replenish
 *   stages[3] resolve  / steps[0] pick-up     : ca-pick-up (CUSTOMER), fs-hand-over
 *   painPoints: help-hidden, order-not-found, guard-rude (causes [fs-guard]), part-wait
 */

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'after-sales-repair.yaml');
const FIXTURE_TEXT = fs.readFileSync(FIXTURE, 'utf8');

/** A fresh, valid example document (plain data, as parsed from the YAML file). */
function example(): any {
  return parse(FIXTURE_TEXT);
}

/** The example with one change applied. */
function changed(change: (doc: any) => void): any {
  const doc = example();
  change(doc);
  return doc;
}

const KEY_MESSAGE = /must be a key/;
const NAME_MESSAGE = /1 to 200 characters, as given, with at least one visible character/;

/**
 * Asserts that the document has problems at exactly these paths (in any order),
 * and at each path one whose message matches the pattern.
 */
function expectProblems(raw: unknown, expected: [string, RegExp][], root?: string): DocumentCheck {
  const check = root === undefined ? checkDocument(raw) : checkDocument(raw, root);
  const paths = [...new Set(check.problems.map((p) => p.path))].sort();
  expect(paths).toEqual([...new Set(expected.map(([p]) => p))].sort());
  for (const [p, message] of expected) {
    const atPath = check.problems.filter((problem) => problem.path === p);
    expect(atPath.some((problem) => message.test(problem.message))).toBe(true);
  }
  for (const problem of check.problems) {
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim().length).toBeGreaterThan(5);
  }
  return check;
}

function expectOneProblem(raw: unknown, path: string, message: RegExp): Problem {
  const check = expectProblems(raw, [[path, message]]);
  return check.problems[0];
}

function expectValid(raw: unknown): DocumentCheck {
  const check = checkDocument(raw);
  expect(check.problems).toEqual([]);
  expect(check.document).toBeInstanceOf(BlueprintDocument);
  return check;
}

const repeat = (text: string, times: number) => text.repeat(times);

// ---------------------------------------------------------------------------

describe('checkDocument: the example document', () => {
  it('is valid, typed, and references nothing outside itself', () => {
    const check = expectValid(example());
    expect(check.externalReferences).toEqual([]);
    expect(check.document!.stages).toHaveLength(4);
    expect(check.document!.stages[2].steps[1].actions[2].dependsOn).toEqual(['sp-replenish', 'bs-diagnosis']);
  });

  it('is valid without any of the optional parts', () => {
    expectValid({
      key: 'minimal',
      name: 'Minimal',
      stages: [{ key: 's', name: 'S', steps: [{ key: 't', name: 'T', actions: [{ key: 'a', lane: 'CUSTOMER', name: 'A' }] }] }],
    });
    expectValid({ key: 'empty', name: 'Empty', stages: [] });
  });

  it('accepts null for optional fields', () => {
    expectValid(
      changed((d) => {
        d.description = null;
        d.state = null;
        d.persona = null;
        d.painPoints[0].frequency = null;
        d.painPoints[0].category = null;
        d.stages[0].steps[0].actions[0].emotion = null;
        d.stages[0].steps[0].actions[0].dependsOn = null;
        d.stages[0].steps[0].evidence = null;
      }),
    );
  });

  it('uses the root it is given for every path', () => {
    expectProblems(
      changed((d) => (d.name = '')),
      [['input.name', NAME_MESSAGE]],
      'input',
    );
    expectProblems(
      changed((d) => (d.stages[1].steps[0].actions[2].dependsOn = ['nowhere'])),
      [['input.stages[1].steps[0].actions[2].dependsOn[0]', /nowhere/]],
      'input',
    );
  });
});

describe('checkDocument: a document that is not an object', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'blueprint'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [example()]],
  ])('%s is one problem at the root', (_what, raw) => {
    const check = checkDocument(raw);
    expect(check.problems).toEqual([{ path: 'document', message: expect.stringMatching(/object/) }]);
    expect(check.document).toBeUndefined();
    expect(check.externalReferences).toEqual([]);
  });

  it('reports at the root it is given', () => {
    expect(checkDocument('x', 'file').problems).toEqual([{ path: 'file', message: expect.stringMatching(/object/) }]);
  });
});

describe('checkDocument: keys match ^[a-z0-9][a-z0-9._-]{0,99}$', () => {
  it('accepts digits, dots, underscores and dashes after the first character, and exactly 100 characters', () => {
    expectValid(changed((d) => (d.key = '0a.b_c-d')));
    expectValid(changed((d) => (d.key = repeat('k', 100))));
    expectValid(changed((d) => (d.stages[0].key = '9')));
  });

  it('rejects characters outside the set (space, slash, non-ASCII letter, colon)', () => {
    for (const bad of ['after sales', 'after/sales', 'naprawa-ż', 'a:b']) {
      expectOneProblem(changed((d) => (d.key = bad)), 'document.key', KEY_MESSAGE);
    }
  });

  it('rejects uppercase letters', () => {
    expectOneProblem(changed((d) => (d.stages[0].key = 'Notice')), 'document.stages[0].key', KEY_MESSAGE);
  });

  it("rejects a leading '-' (and a leading '.' or '_')", () => {
    // ca-pick-up is referenced nowhere, so renaming it breaks nothing else.
    expectOneProblem(
      changed((d) => (d.stages[3].steps[0].actions[0].key = '-ca-pick-up')),
      'document.stages[3].steps[0].actions[0].key',
      KEY_MESSAGE,
    );
    expectOneProblem(changed((d) => (d.painPoints[0].key = '.help')), 'document.painPoints[0].key', KEY_MESSAGE);
    expectOneProblem(changed((d) => (d.departments[0].key = '_cs')), 'document.departments[0].key', KEY_MESSAGE);
  });

  it('rejects 101 characters', () => {
    expectOneProblem(
      changed((d) => (d.stages[2].steps[1].key = repeat('w', 101))),
      'document.stages[2].steps[1].key',
      KEY_MESSAGE,
    );
  });

  it('rejects an empty key', () => {
    expectOneProblem(changed((d) => (d.roles[2].key = '')), 'document.roles[2].key', KEY_MESSAGE);
  });

  it('applies to the keys of every list and to the keys that reference', () => {
    expectProblems(
      changed((d) => {
        d.systems[0].key = 'CRM';
        d.processes[1].key = 'defect analysis';
        d.roles[0].department = 'Customer-Service';
        d.stages[1].steps[0].actions[1].role = 'Hotline-Agent';
        d.stages[0].steps[0].actions[2].department = '-ecommerce';
        d.stages[2].steps[0].actions[3].process = 'Defect';
        d.painPoints[1].action = 'CA-CALL';
      }),
      [
        ['document.systems[0].key', KEY_MESSAGE],
        ['document.processes[1].key', KEY_MESSAGE],
        ['document.roles[0].department', KEY_MESSAGE],
        ['document.stages[1].steps[0].actions[1].role', KEY_MESSAGE],
        ['document.stages[0].steps[0].actions[2].department', KEY_MESSAGE],
        ['document.stages[2].steps[0].actions[3].process', KEY_MESSAGE],
        ['document.painPoints[1].action', KEY_MESSAGE],
      ],
    );
  });

  it('applies to the items of systems, dependsOn and causes', () => {
    // Reported on the list (or its item); an action key that breaks the
    // pattern may also be reported as naming no action.
    const expectKeyProblemIn = (raw: unknown, list: string) => {
      const { problems } = checkDocument(raw);
      expect(problems.length).toBeGreaterThanOrEqual(1);
      for (const problem of problems) expect(problem.path.startsWith(list)).toBe(true);
      expect(problems.some((p) => KEY_MESSAGE.test(p.message))).toBe(true);
    };
    expectKeyProblemIn(
      changed((d) => (d.stages[1].steps[0].actions[2].dependsOn = ['Sp-Order-Sync'])),
      'document.stages[1].steps[0].actions[2].dependsOn',
    );
    expectKeyProblemIn(
      changed((d) => (d.stages[1].steps[0].actions[2].systems = ['crm', 'E R P'])),
      'document.stages[1].steps[0].actions[2].systems',
    );
    expectKeyProblemIn(changed((d) => (d.painPoints[2].causes = ['FS-GUARD'])), 'document.painPoints[2].causes');
  });
});

describe('checkDocument: unique keys', () => {
  it('stage keys are unique within the document', () => {
    expectOneProblem(changed((d) => (d.stages[3].key = 'notice')), 'document.stages[3].key', /stage key "notice" is used twice/);
  });

  it('step keys are unique within the document, across stages', () => {
    expectOneProblem(
      changed((d) => (d.stages[3].steps[0].key = 'call-hotline')),
      'document.stages[3].steps[0].key',
      /step key "call-hotline" is used twice/,
    );
  });

  it('step keys are unique within one stage', () => {
    expectOneProblem(changed((d) => (d.stages[2].steps[1].key = 'drop-off')), 'document.stages[2].steps[1].key', /step key "drop-off"/);
  });

  it('action keys are unique within the document, across steps and stages', () => {
    // ca-pick-up is referenced nowhere, so renaming it breaks nothing else.
    expectOneProblem(
      changed((d) => (d.stages[3].steps[0].actions[0].key = 'ca-call')),
      'document.stages[3].steps[0].actions[0].key',
      /action key "ca-call" is used twice/,
    );
  });

  it('action keys are unique within one step', () => {
    expectOneProblem(
      changed((d) => {
        d.stages[3].steps[0].actions[0].key = 'fs-hand-over';
        delete d.stages[3].steps[0].actions[0].dependsOn; // it would depend on itself
      }),
      'document.stages[3].steps[0].actions[1].key',
      /action key "fs-hand-over" is used twice/,
    );
  });

  it('pain point keys are unique within the document', () => {
    expectOneProblem(changed((d) => (d.painPoints[3].key = 'help-hidden')), 'document.painPoints[3].key', /pain point key "help-hidden"/);
  });

  it('department keys are unique within their list', () => {
    // field-service is no longer listed, so its references become external (not problems).
    expectOneProblem(
      changed((d) => (d.departments[1].key = 'customer-service')),
      'document.departments[1].key',
      /department key "customer-service" is used twice/,
    );
  });

  it('role keys are unique within their list', () => {
    expectOneProblem(changed((d) => (d.roles[3].key = 'hotline-agent')), 'document.roles[3].key', /role key "hotline-agent" is used twice/);
  });

  it('system keys are unique within their list', () => {
    expectOneProblem(changed((d) => (d.systems[2].key = 'crm')), 'document.systems[2].key', /system key "crm" is used twice/);
  });

  it('process keys are unique within their list', () => {
    expectOneProblem(
      changed((d) => (d.processes[1].key = 'parts-replenishment')),
      'document.processes[1].key',
      /process key "parts-replenishment" is used twice/,
    );
  });

  it('a key may appear in different organisation lists (unique only within its list)', () => {
    expectValid(
      changed((d) => {
        d.roles.push({ key: 'it', name: 'IT generalist', department: 'it' });
        d.systems.push({ key: 'quality', name: 'Quality tracker', department: 'quality' });
      }),
    );
  });

  it('every repetition is reported, each at its own path', () => {
    expectProblems(
      changed((d) => {
        d.stages[1].key = 'notice';
        d.stages[2].key = 'notice';
      }),
      [
        ['document.stages[1].key', /used twice/],
        ['document.stages[2].key', /used twice/],
      ],
    );
  });
});

describe('checkDocument: names, titles, descriptions, evidence', () => {
  it('a blank name is a problem (empty and whitespace only)', () => {
    expectOneProblem(changed((d) => (d.name = '')), 'document.name', NAME_MESSAGE);
    expectOneProblem(changed((d) => (d.name = '  \t\n ')), 'document.name', NAME_MESSAGE);
  });

  it('a name of 201 characters is a problem; 200 is fine', () => {
    expectOneProblem(changed((d) => (d.stages[0].name = repeat('n', 201))), 'document.stages[0].name', NAME_MESSAGE);
    expectValid(changed((d) => (d.stages[0].name = repeat('n', 200))));
  });

  it('length is counted as given, white space included', () => {
    expectValid(changed((d) => (d.name = `  ${repeat('n', 196)}  `)));
    expectOneProblem(changed((d) => (d.name = `   ${repeat('n', 195)}   `)), 'document.name', NAME_MESSAGE);
    expectOneProblem(changed((d) => (d.name = `${repeat(' ', 1_000_000)}x`)), 'document.name', NAME_MESSAGE);
  });

  it('a name of only invisible characters is blank: NUL, other controls, U+200B and its kind', () => {
    for (const invisible of ['\u0000', '\u0000\u0001\u007f', '\u200b\u200c\u200d\u2060\ufeff', '\u00a0\u3000\u2028', '\u200b \u00ad', '\u3164', '\u115f\u1160\uffa0', '\u2800', '\u034f\u17b4\ufe0f\u180b']) {
      expectOneProblem(changed((d) => (d.name = invisible)), 'document.name', NAME_MESSAGE);
    }
    expectValid(changed((d) => (d.name = '\u200bx\u200b')));
    expectValid(changed((d) => (d.name = '\u2764\ufe0f')));
  });

  it('200 Unicode characters, emoji included, are accepted; 201 emoji are not', () => {
    expectValid(changed((d) => (d.name = repeat('😀', 200))));
    expectValid(changed((d) => (d.stages[0].steps[0].actions[0].name = repeat('ż', 100) + repeat('🔧', 100))));
    expectOneProblem(changed((d) => (d.name = repeat('😀', 201))), 'document.name', NAME_MESSAGE);
  });

  it('applies to every name and title', () => {
    expectProblems(
      changed((d) => {
        d.persona.name = ' ';
        d.departments[0].name = '';
        d.roles[0].name = repeat('r', 201);
        d.systems[0].name = '';
        d.processes[0].name = '';
        d.stages[0].steps[0].name = '';
        d.stages[0].steps[0].actions[0].name = '';
        d.painPoints[0].title = '   ';
      }),
      [
        ['document.persona.name', NAME_MESSAGE],
        ['document.departments[0].name', NAME_MESSAGE],
        ['document.roles[0].name', NAME_MESSAGE],
        ['document.systems[0].name', NAME_MESSAGE],
        ['document.processes[0].name', NAME_MESSAGE],
        ['document.stages[0].steps[0].name', NAME_MESSAGE],
        ['document.stages[0].steps[0].actions[0].name', NAME_MESSAGE],
        ['document.painPoints[0].title', NAME_MESSAGE],
      ],
    );
  });

  it('a pain point title of 201 characters is a problem', () => {
    expectOneProblem(changed((d) => (d.painPoints[2].title = repeat('t', 201))), 'document.painPoints[2].title', NAME_MESSAGE);
  });

  it('descriptions are at most 5,000 characters (5,000 and empty accepted)', () => {
    expectValid(
      changed((d) => {
        d.description = repeat('d', 5000);
        d.persona.description = repeat('😀', 5000);
        d.stages[0].steps[0].actions[0].description = '';
        d.painPoints[0].description = repeat('p', 5000);
      }),
    );
    expectProblems(
      changed((d) => {
        d.description = repeat('d', 5001);
        d.persona.description = repeat('😀', 5001);
        d.stages[0].steps[0].actions[0].description = repeat('a', 5001);
        d.painPoints[0].description = repeat('p', 5001);
      }),
      [
        ['document.description', /at most 5000/],
        ['document.persona.description', /at most 5000/],
        ['document.stages[0].steps[0].actions[0].description', /at most 5000/],
        ['document.painPoints[0].description', /at most 5000/],
      ],
    );
  });

  it('evidence items are 1..200 characters (blank and 201 are problems)', () => {
    expectValid(changed((d) => (d.stages[0].steps[0].evidence = ['x', repeat('e', 200), repeat('🧾', 200)])));
    expectValid(changed((d) => (d.stages[0].steps[0].evidence = [])));
    expectOneProblem(
      changed((d) => (d.stages[0].steps[0].evidence = ['Help page', '   '])),
      'document.stages[0].steps[0].evidence[1]',
      /must be a text of 1 to 200 characters/,
    );
    expectOneProblem(
      changed((d) => (d.stages[2].steps[0].evidence = [repeat('e', 201)])),
      'document.stages[2].steps[0].evidence[0]',
      /must be a text of 1 to 200 characters/,
    );
  });

  // A problem in a list item is reported at the item, as the contract's
  // paths point at items (`...dependsOn[0]`), each bad item on its own.
  it('a bad evidence item is reported at its own index, each bad item separately', () => {
    expectProblems(
      changed((d) => (d.stages[0].steps[0].evidence = ['ok', '', repeat('e', 201)])),
      [
        ['document.stages[0].steps[0].evidence[1]', NAME_MESSAGE],
        ['document.stages[0].steps[0].evidence[2]', NAME_MESSAGE],
      ],
    );
  });
});

describe('checkDocument: references', () => {
  it('role, system and process departments that the document does not list are external references, not problems', () => {
    const check = expectValid(
      changed((d) => {
        d.roles[1].department = 'legal';
        d.systems[2].department = 'finance';
        d.processes[0].department = 'procurement';
      }),
    );
    expect(check.externalReferences).toEqual([
      { kind: 'department', key: 'legal', path: 'document.roles[1].department' },
      { kind: 'department', key: 'finance', path: 'document.systems[2].department' },
      { kind: 'department', key: 'procurement', path: 'document.processes[0].department' },
    ]);
  });

  it("an action's role, department, process and systems not listed are external references with their paths", () => {
    const check = expectValid(
      changed((d) => {
        d.stages[1].steps[0].actions[1].role = 'team-lead';
        d.stages[0].steps[0].actions[2].department = 'marketing';
        d.stages[2].steps[0].actions[3].process = 'warranty-check';
        d.stages[1].steps[0].actions[2].systems = ['crm', 'data-lake'];
      }),
    );
    expect(check.externalReferences).toEqual(
      expect.arrayContaining([
        { kind: 'role', key: 'team-lead', path: 'document.stages[1].steps[0].actions[1].role' },
        { kind: 'department', key: 'marketing', path: 'document.stages[0].steps[0].actions[2].department' },
        { kind: 'process', key: 'warranty-check', path: 'document.stages[2].steps[0].actions[3].process' },
        { kind: 'system', key: 'data-lake', path: 'document.stages[1].steps[0].actions[2].systems[1]' },
      ]),
    );
    expect(check.externalReferences).toHaveLength(4);
  });

  it('a document without organisation lists refers to everything externally', () => {
    const check = expectValid(
      changed((d) => {
        delete d.departments;
        delete d.roles;
        delete d.systems;
        delete d.processes;
      }),
    );
    expect(check.externalReferences).toContainEqual({
      kind: 'system',
      key: 'erp',
      path: 'document.stages[2].steps[1].actions[2].systems[0]',
    });
    expect(check.externalReferences.every((r) => ['department', 'role', 'system', 'process'].includes(r.kind))).toBe(true);
    // 2 explicit departments, 8 roles, 12 systems, 2 processes named by actions
    expect(check.externalReferences).toHaveLength(24);
  });

  it('dependsOn naming an unknown action is a problem at the item', () => {
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[2].dependsOn = ['nowhere'])),
      'document.stages[1].steps[0].actions[2].dependsOn[0]',
      /names no action of this document: "nowhere"/,
    );
  });

  it('dependsOn naming a stage, step or pain point (not an action) is a problem', () => {
    expectProblems(
      changed((d) => (d.stages[2].steps[1].actions[2].dependsOn = ['sp-replenish', 'repair', 'drop-off', 'part-wait'])),
      [
        ['document.stages[2].steps[1].actions[2].dependsOn[1]', /"repair"/],
        ['document.stages[2].steps[1].actions[2].dependsOn[2]', /"drop-off"/],
        ['document.stages[2].steps[1].actions[2].dependsOn[3]', /"part-wait"/],
      ],
    );
  });

  it('dependsOn naming an action of another stage is fine (forward and backward)', () => {
    expectValid(
      changed((d) => {
        d.stages[0].steps[0].actions[2].dependsOn = ['bs-diagnosis'];
        d.stages[3].steps[0].actions[1].dependsOn = ['bs-diagnosis'];
      }),
    );
  });

  it("a pain point's action naming an unknown action is a problem", () => {
    expectOneProblem(changed((d) => (d.painPoints[1].action = 'ca-email')), 'document.painPoints[1].action', /names no action.*"ca-email"/);
  });

  it("a pain point's causes naming an unknown action is a problem at the item", () => {
    expectOneProblem(
      changed((d) => (d.painPoints[2].causes = ['fs-guard', 'fs-doorman'])),
      'document.painPoints[2].causes[1]',
      /names no action.*"fs-doorman"/,
    );
  });

  it('an action depending on itself is a problem', () => {
    expectOneProblem(
      changed((d) => (d.stages[2].steps[1].actions[2].dependsOn = ['sp-replenish', 'bs-order-part'])),
      'document.stages[2].steps[1].actions[2].dependsOn[1]',
      /cannot depend on itself/,
    );
  });

  it('cycles between different actions are allowed', () => {
    expectValid(changed((d) => (d.stages[2].steps[0].actions[3].dependsOn = ['fs-intake'])));
  });

  it('a repeated key in systems is a problem at the repetition', () => {
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[2].systems = ['crm', 'erp', 'crm'])),
      'document.stages[1].steps[0].actions[2].systems[2]',
      /repeats "crm"/,
    );
  });

  it('a repeated key in dependsOn is a problem at the repetition', () => {
    expectOneProblem(
      changed((d) => (d.stages[2].steps[0].actions[0].dependsOn = ['fs-guard', 'fs-guard'])),
      'document.stages[2].steps[0].actions[0].dependsOn[1]',
      /repeats "fs-guard"/,
    );
  });

  it('a repeated key in causes is a problem at the repetition', () => {
    expectOneProblem(
      changed((d) => (d.painPoints[3].causes = ['sp-replenish', 'bs-order-part', 'sp-replenish'])),
      'document.painPoints[3].causes[2]',
      /repeats "sp-replenish"/,
    );
  });

  it('a repeated unknown key is reported as unknown once and as repeated once', () => {
    expectProblems(
      changed((d) => (d.stages[1].steps[0].actions[2].dependsOn = ['ghost', 'ghost'])),
      [
        ['document.stages[1].steps[0].actions[2].dependsOn[0]', /names no action.*"ghost"/],
        ['document.stages[1].steps[0].actions[2].dependsOn[1]', /repeats "ghost"/],
      ],
    );
  });
});

describe('checkDocument: numbers', () => {
  it('emotion from -3 to 3 on CUSTOMER actions is accepted', () => {
    expectValid(
      changed((d) => {
        d.stages[0].steps[0].actions[0].emotion = -3;
        d.stages[1].steps[0].actions[0].emotion = 3;
        d.stages[2].steps[0].actions[0].emotion = 0;
      }),
    );
  });

  it('emotion out of range is a problem (4 and -4)', () => {
    expectOneProblem(
      changed((d) => (d.stages[0].steps[0].actions[0].emotion = 4)),
      'document.stages[0].steps[0].actions[0].emotion',
      /integer from -3 to 3/,
    );
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[0].emotion = -4)),
      'document.stages[1].steps[0].actions[0].emotion',
      /integer from -3 to 3/,
    );
  });

  it('a non-integer emotion is a problem', () => {
    expectOneProblem(
      changed((d) => (d.stages[3].steps[0].actions[0].emotion = 1.5)),
      'document.stages[3].steps[0].actions[0].emotion',
      /integer from -3 to 3/,
    );
    expectOneProblem(
      changed((d) => (d.stages[3].steps[0].actions[0].emotion = '1')),
      'document.stages[3].steps[0].actions[0].emotion',
      /integer from -3 to 3/,
    );
  });

  it('emotion on a non-CUSTOMER action is a problem', () => {
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[3].emotion = 1)),
      'document.stages[1].steps[0].actions[3].emotion',
      /only for CUSTOMER actions; this one is SUPPORT/,
    );
  });

  it.each([0, 6, 2.5, -1, '3'])('severity %p is a problem', (severity) => {
    expectOneProblem(changed((d) => (d.painPoints[1].severity = severity)), 'document.painPoints[1].severity', /integer from 1 to 5/);
  });

  it('severity 1 and 5 are accepted', () => {
    expectValid(
      changed((d) => {
        d.painPoints[0].severity = 1;
        d.painPoints[1].severity = 5;
      }),
    );
  });

  it.each([0, 1.5, -1, '0.5'])('frequency %p is a problem', (frequency) => {
    expectOneProblem(
      changed((d) => (d.painPoints[3].frequency = frequency)),
      'document.painPoints[3].frequency',
      /greater than 0 and at most 1/,
    );
  });

  it('frequency 1 and a tiny positive frequency are accepted', () => {
    expectValid(
      changed((d) => {
        d.painPoints[0].frequency = 1;
        d.painPoints[1].frequency = 1e-9;
      }),
    );
  });

  it('a missing frequency is accepted', () => {
    expectValid(changed((d) => delete d.painPoints[0].frequency));
  });
});

describe('checkDocument: enum values', () => {
  it('an unknown lane is a problem (case matters)', () => {
    expectOneProblem(
      changed((d) => (d.stages[0].steps[0].actions[1].lane = 'frontstage')),
      'document.stages[0].steps[0].actions[1].lane',
      /must be one of CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT/,
    );
    expectOneProblem(
      changed((d) => (d.stages[0].steps[0].actions[1].lane = 'KITCHEN')),
      'document.stages[0].steps[0].actions[1].lane',
      /must be one of CUSTOMER/,
    );
  });

  it('an unknown channel is a problem', () => {
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[0].channel = 'FAX')),
      'document.stages[1].steps[0].actions[0].channel',
      /must be one of WEB, MOBILE_APP, PHONE/,
    );
  });

  it('an unknown state is a problem', () => {
    expectOneProblem(changed((d) => (d.state = 'PAST')), 'document.state', /must be one of CURRENT, FUTURE, DAY_IN_LIFE/);
  });

  it('an unknown category is a problem', () => {
    expectOneProblem(
      changed((d) => (d.painPoints[0].category = 'UX')),
      'document.painPoints[0].category',
      /must be one of FINANCIAL, PROCESS, SUPPORT, PRODUCTIVITY, OTHER/,
    );
  });

  it('every value of every enum is accepted', () => {
    for (const state of ['CURRENT', 'FUTURE', 'DAY_IN_LIFE']) expectValid(changed((d) => (d.state = state)));
    for (const channel of ['WEB', 'MOBILE_APP', 'PHONE', 'EMAIL', 'CHAT', 'SOCIAL', 'IN_PERSON', 'MAIL', 'OTHER']) {
      expectValid(changed((d) => (d.stages[0].steps[0].actions[0].channel = channel)));
    }
    for (const category of ['FINANCIAL', 'PROCESS', 'SUPPORT', 'PRODUCTIVITY', 'OTHER']) {
      expectValid(changed((d) => (d.painPoints[0].category = category)));
    }
    for (const lane of ['FRONTSTAGE', 'BACKSTAGE', 'SUPPORT', 'CUSTOMER']) {
      expectValid(changed((d) => (d.stages[0].steps[0].actions[1].lane = lane)));
    }
  });
});

describe('checkDocument: wrong types', () => {
  it('name: 123 is a problem at document.name', () => {
    expectOneProblem(changed((d) => (d.name = 123)), 'document.name', NAME_MESSAGE);
  });

  it('stages: "x" is a problem at document.stages', () => {
    const check = checkDocument(changed((d) => (d.stages = 'x')));
    expect(check.problems).toContainEqual({ path: 'document.stages', message: expect.stringMatching(/must be an array/) });
    // the only other problems are the pain points' actions, which no longer exist
    for (const problem of check.problems.filter((p) => p.path !== 'document.stages')) {
      expect(problem.path).toMatch(/^document\.painPoints\[\d\]\.(action|causes\[0\])$/);
      expect(problem.message).toMatch(/names no action/);
    }
  });

  it('an actions item that is a string is a problem at that item', () => {
    const check = checkDocument(changed((d) => (d.stages[3].steps[0].actions[0] = 'ca-pick-up')));
    expect(check.problems.map((p) => p.path)).toEqual(['document.stages[3].steps[0].actions[0]']);
    expect(check.problems[0].message).toMatch(/object/);
  });

  it('a list given as a single value is a problem (systems, dependsOn, evidence, painPoints)', () => {
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[1].systems = 'crm')),
      'document.stages[1].steps[0].actions[1].systems',
      /must be an array/,
    );
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].actions[1].dependsOn = 'bs-order-lookup')),
      'document.stages[1].steps[0].actions[1].dependsOn',
      /must be an array/,
    );
    expectOneProblem(
      changed((d) => (d.stages[1].steps[0].evidence = 'Waiting music')),
      'document.stages[1].steps[0].evidence',
      /must be an array/,
    );
    const check = checkDocument(changed((d) => (d.painPoints = 'none')));
    expect(check.problems.map((p) => p.path)).toContain('document.painPoints');
    expect(check.problems.some((p) => /must be an array/.test(p.message))).toBe(true);
  });

  it('a persona that is a string is a problem', () => {
    expectOneProblem(changed((d) => (d.persona = 'First-time buyer')), 'document.persona', /object/);
  });

  it('a key that is a number is a problem', () => {
    expectOneProblem(changed((d) => (d.stages[0].key = 7)), 'document.stages[0].key', KEY_MESSAGE);
  });

  it('a lane that is a boolean is a problem', () => {
    expectOneProblem(changed((d) => (d.stages[0].steps[0].actions[0].lane = true)), 'document.stages[0].steps[0].actions[0].lane', /one of/);
  });

  it('a description that is a number is a problem', () => {
    const check = checkDocument(changed((d) => (d.description = 5)));
    expect(check.problems.length).toBeGreaterThanOrEqual(1);
    expect(check.problems.every((p) => p.path === 'document.description')).toBe(true);
  });

  // An array where an object belongs is a problem at that place. GraphQL
  // input coercion stops this too, but files go through checkDocument only.
  it('an actions item that is an array is a problem at that item', () => {
    // ca-pick-up is referenced nowhere, so nothing else breaks.
    const check = checkDocument(changed((d) => (d.stages[3].steps[0].actions[0] = [])));
    expect(check.problems.map((p) => p.path)).toEqual(['document.stages[3].steps[0].actions[0]']);
  });

  it('a persona that is an array is a problem', () => {
    const check = checkDocument(changed((d) => (d.persona = [{ name: 'First-time buyer' }])));
    expect(check.problems.map((p) => p.path)).toEqual(['document.persona']);
  });
});

describe('checkDocument: unknown fields', () => {
  it('are reported at their paths, at every level, when read from a YAML file', () => {
    const yamlText = FIXTURE_TEXT.replace(/^state: CURRENT$/m, 'state: CURRENT\nowner: Jane')
      .replace('name: First-time buyer', 'name: First-time buyer\n  age: 34')
      .replace('{ key: it, name: IT }', '{ key: it, name: IT, head: Bob }')
      .replace(
        '{ key: fs-guard, lane: FRONTSTAGE, name: Guard checks the visitor, role: security-guard }',
        '{ key: fs-guard, lane: FRONTSTAGE, name: Guard checks the visitor, role: security-guard, colour: red }',
      )
      .replace('evidence: [Repair report]', 'evidence: [Repair report]\n        photos: 3')
      .replace('severity: 5, frequency: 0.5', 'severity: 5, frequency: 0.5, owner: logistics')
      .replace('  - key: resolve\n', '  - key: resolve\n    colour: green\n');
    const doc = parse(yamlText);
    expectProblems(doc, [
      ['document.owner', /not a field/],
      ['document.persona.age', /not a field/],
      ['document.departments[3].head', /not a field/],
      ['document.stages[2].steps[0].actions[1].colour', /not a field/],
      ['document.stages[3].steps[0].photos', /not a field/],
      ['document.stages[3].colour', /not a field/],
      ['document.painPoints[3].owner', /not a field/],
    ]);
  });

  it('a misspelt field is reported and the required one it replaces is missing', () => {
    expectProblems(
      changed((d) => {
        d.painPoints[0].titel = d.painPoints[0].title;
        delete d.painPoints[0].title;
      }),
      [
        ['document.painPoints[0].titel', /not a field/],
        ['document.painPoints[0].title', NAME_MESSAGE],
      ],
    );
  });

  it('the output-only fields of the API (impact, owners) are not fields of the document', () => {
    expectProblems(
      changed((d) => {
        d.painPoints[0].impact = 1.2;
        d.stages[0].steps[0].actions[0].owners = ['ecommerce'];
      }),
      [
        ['document.painPoints[0].impact', /not a field/],
        ['document.stages[0].steps[0].actions[0].owners', /not a field/],
      ],
    );
  });

  // Object mapping drops the keys "constructor" and "__proto__"; they are
  // still reported as unknown fields of a YAML file.
  it('"constructor" and "__proto__" in a YAML file are reported as unknown fields', () => {
    const doc = parse(`${FIXTURE_TEXT}\nconstructor: 1\n__proto__: { x: 1 }\n`);
    expectProblems(doc, [
      ['document.constructor', /not a field/],
      ['document.__proto__', /not a field/],
    ]);
  });
});

describe('checkDocument: required fields', () => {
  it('key, name and stages of the document', () => {
    expectProblems(
      changed((d) => {
        delete d.key;
        delete d.name;
        delete d.stages;
        delete d.painPoints; // they would name actions of the missing stages
      }),
      [
        ['document.key', KEY_MESSAGE],
        ['document.name', NAME_MESSAGE],
        ['document.stages', /must be an array/],
      ],
    );
  });

  it("a stage's steps and a step's actions", () => {
    const check = checkDocument(
      changed((d) => {
        delete d.stages[3].steps[0].actions; // ca-pick-up and fs-hand-over: referenced only there
        delete d.stages[0].steps;
        d.painPoints.splice(0, 1); // occurs at ca-search-help of stage 0
      }),
    );
    const paths = [...new Set(check.problems.map((p) => p.path))].sort();
    expect(paths).toEqual(['document.stages[0].steps', 'document.stages[3].steps[0].actions']);
    expect(check.problems.every((p) => /must be an array/.test(p.message) || /nested/.test(p.message))).toBe(true);
  });

  it("an action's key, lane and name", () => {
    expectProblems(
      changed((d) => {
        const action = d.stages[3].steps[0].actions[0];
        delete action.key;
        delete action.lane;
        delete action.name;
      }),
      [
        ['document.stages[3].steps[0].actions[0].key', KEY_MESSAGE],
        ['document.stages[3].steps[0].actions[0].lane', /one of/],
        ['document.stages[3].steps[0].actions[0].name', NAME_MESSAGE],
      ],
    );
  });

  it("a pain point's key, title, action and severity", () => {
    expectProblems(
      changed((d) => {
        d.painPoints[1] = { frequency: 0.4 };
      }),
      [
        ['document.painPoints[1].key', KEY_MESSAGE],
        ['document.painPoints[1].title', NAME_MESSAGE],
        ['document.painPoints[1].action', KEY_MESSAGE],
        ['document.painPoints[1].severity', /integer from 1 to 5/],
      ],
    );
  });

  it('the department of roles, systems and processes, a department name, a persona name', () => {
    expectProblems(
      changed((d) => {
        delete d.roles[0].department;
        delete d.systems[1].department;
        delete d.processes[0].department;
        delete d.departments[2].name;
        delete d.persona.name;
      }),
      [
        ['document.roles[0].department', KEY_MESSAGE],
        ['document.systems[1].department', KEY_MESSAGE],
        ['document.processes[0].department', KEY_MESSAGE],
        ['document.departments[2].name', NAME_MESSAGE],
        ['document.persona.name', NAME_MESSAGE],
      ],
    );
  });

  it("a step's key and name, a stage's key and name", () => {
    expectProblems(
      changed((d) => {
        delete d.stages[1].key;
        delete d.stages[1].name;
        delete d.stages[2].steps[1].key;
        delete d.stages[2].steps[1].name;
      }),
      [
        ['document.stages[1].key', KEY_MESSAGE],
        ['document.stages[1].name', NAME_MESSAGE],
        ['document.stages[2].steps[1].key', KEY_MESSAGE],
        ['document.stages[2].steps[1].name', NAME_MESSAGE],
      ],
    );
  });
});

describe('checkDocument: limits', () => {
  /** One stage, one step, `count` SUPPORT actions a0, a1, ... */
  function documentWithActions(count: number, action: (i: number) => Record<string, unknown> = () => ({})): any {
    return {
      key: 'big',
      name: 'Big',
      stages: [
        {
          key: 'stage',
          name: 'Stage',
          steps: [
            {
              key: 'step',
              name: 'Step',
              actions: Array.from({ length: count }, (_, i) => ({ key: `a${i}`, lane: 'SUPPORT', name: `Action ${i}`, ...action(i) })),
            },
          ],
        },
      ],
    };
  }

  it('a document holds at most 200 stages, 1,000 steps and 1,000 pain points', () => {
    const stages = (count: number, stepsEach: number) =>
      Array.from({ length: count }, (_, s) => ({
        key: `s${s}`,
        name: 'S',
        steps: Array.from({ length: stepsEach }, (_, t) => ({ key: `s${s}-t${t}`, name: 'T', actions: [] })),
      }));
    expectValid({ key: 'many', name: 'Many', stages: stages(200, 5) });
    expectOneProblem({ key: 'many', name: 'Many', stages: stages(201, 1) }, 'document.stages', /201 stages.*at most 200/);
    expectOneProblem({ key: 'many', name: 'Many', stages: stages(100, 11) }, 'document.stages', /1100 steps.*at most 1000/);
    expectOneProblem({ key: 'many', name: 'Many', stages: stages(1, 100_000) }, 'document.stages', /100000 steps/);
    const painPoints = (count: number) => Array.from({ length: count }, (_, p) => ({ key: `p${p}`, title: 'P', action: 'a', severity: 1 }));
    const withPain = (count: number) => ({
      key: 'pain',
      name: 'Pain',
      stages: [{ key: 's', name: 'S', steps: [{ key: 't', name: 'T', actions: [{ key: 'a', lane: 'CUSTOMER', name: 'A' }] }] }],
      painPoints: painPoints(count),
    });
    expectValid(withPain(1000));
    expectOneProblem(withPain(1001), 'document.painPoints', /1001 pain points.*at most 1000/);
  });

  it('5,000 actions are accepted', () => {
    expectValid(documentWithActions(5000));
  });

  it('5,001 actions are a problem', () => {
    expectOneProblem(documentWithActions(5001), 'document.stages', /5001 actions.*at most 5000/);
  });

  it('5,001 actions spread over several stages and steps are a problem', () => {
    const doc: any = { key: 'big', name: 'Big', stages: [] };
    for (let s = 0; s < 3; s++) {
      doc.stages.push({ key: `s${s}`, name: `S${s}`, steps: [] });
      for (let t = 0; t < 3; t++) {
        const count = s === 2 && t === 2 ? 5001 - 8 * 556 : 556;
        doc.stages[s].steps.push({
          key: `s${s}-t${t}`,
          name: 'Step',
          actions: Array.from({ length: count }, (_, i) => ({ key: `s${s}-t${t}-a${i}`, lane: 'BACKSTAGE', name: 'A' })),
        });
      }
    }
    expectOneProblem(doc, 'document.stages', /5001 actions/);
  });

  it('50,000 references are accepted; 50,001 are a problem (systems)', () => {
    const systems = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);
    const ok = checkDocument(documentWithActions(1, () => ({ systems: systems(50000) })));
    expect(ok.problems).toEqual([]);
    expect(ok.externalReferences).toHaveLength(50000);
    expectOneProblem(documentWithActions(1, () => ({ systems: systems(50001) })), 'document', /50001 references.*at most 50000/);
  });

  it('dependsOn, pain point actions and causes count as references', () => {
    // 250 actions, each depending on the 200 that follow it (cyclically): 50,000 references.
    const n = 250;
    const deps = (i: number) => ({ dependsOn: Array.from({ length: 200 }, (_, j) => `a${(i + 1 + j) % n}`) });
    expectValid(documentWithActions(n, deps));
    const withPainPoint = documentWithActions(n, deps);
    withPainPoint.painPoints = [{ key: 'p', title: 'P', action: 'a0', severity: 3 }];
    expectOneProblem(withPainPoint, 'document', /50001 references/);
    const withCause = documentWithActions(n, (i) => (i === 0 ? { dependsOn: deps(0).dependsOn.slice(1) } : deps(i)));
    withCause.painPoints = [{ key: 'p', title: 'P', action: 'a0', causes: ['a1', 'a2'], severity: 3 }];
    // 49,999 dependencies + 1 action + 2 causes
    expectOneProblem(withCause, 'document', /50002 references/);
  });

  it('organisation departments and action owners count as references', () => {
    // 1 role department + 49,999 systems + 1 role reference = 50,001
    const doc = documentWithActions(1, () => ({ role: 'r', systems: Array.from({ length: 49999 }, (_, i) => `s${i}`) }));
    doc.roles = [{ key: 'r', name: 'R', department: 'd' }];
    expectOneProblem(doc, 'document', /50001 references/);
  });
});

describe('checkDocument: several problems are reported together', () => {
  it('every shape problem of the document, not only the first', () => {
    expectProblems(
      changed((d) => {
        d.key = 'Bad Key';
        d.state = 'PAST';
        d.persona.name = '';
        d.stages[0].steps[0].actions[0].emotion = 9;
        d.stages[1].steps[0].actions[1].lane = 'BACK';
        d.stages[2].steps[1].evidence = [''];
        d.painPoints[0].severity = 0;
        d.painPoints[3].frequency = 2;
        d.painPoints[2].unknown = true;
      }),
      [
        ['document.key', KEY_MESSAGE],
        ['document.state', /one of/],
        ['document.persona.name', NAME_MESSAGE],
        ['document.stages[0].steps[0].actions[0].emotion', /-3 to 3/],
        ['document.stages[1].steps[0].actions[1].lane', /one of/],
        ['document.stages[2].steps[1].evidence[0]', /1 to 200/],
        ['document.painPoints[0].severity', /1 to 5/],
        ['document.painPoints[3].frequency', /greater than 0/],
        ['document.painPoints[2].unknown', /not a field/],
      ],
    );
  });

  it('shape problems and cross-field problems together', () => {
    expectProblems(
      changed((d) => {
        d.key = 'Bad Key';
        d.painPoints[0].severity = 9;
        d.stages[1].steps[0].actions[2].dependsOn = ['nowhere'];
        d.stages[2].steps[1].actions[2].systems = ['erp', 'erp'];
      }),
      [
        ['document.key', KEY_MESSAGE],
        ['document.painPoints[0].severity', /1 to 5/],
        ['document.stages[1].steps[0].actions[2].dependsOn[0]', /"nowhere"/],
        ['document.stages[2].steps[1].actions[2].systems[1]', /repeats "erp"/],
      ],
    );
  });

  it('every cross-field problem of the document, not only the first', () => {
    expectProblems(
      changed((d) => {
        d.stages[3].key = 'notice';
        d.stages[3].steps[0].key = 'search-help';
        d.systems[2].key = 'crm';
        d.stages[1].steps[0].actions[2].dependsOn = ['nowhere'];
        d.stages[1].steps[0].actions[1].emotion = -1;
        d.stages[2].steps[1].actions[2].dependsOn = ['bs-order-part', 'sp-replenish', 'sp-replenish'];
        d.painPoints[1].action = 'ghost';
        d.painPoints[2].causes = ['phantom'];
        d.painPoints[3].key = 'help-hidden';
      }),
      [
        ['document.stages[3].key', /stage key "notice"/],
        ['document.stages[3].steps[0].key', /step key "search-help"/],
        ['document.systems[2].key', /system key "crm"/],
        ['document.stages[1].steps[0].actions[2].dependsOn[0]', /"nowhere"/],
        ['document.stages[1].steps[0].actions[1].emotion', /only for CUSTOMER/],
        ['document.stages[2].steps[1].actions[2].dependsOn[0]', /itself/],
        ['document.stages[2].steps[1].actions[2].dependsOn[2]', /repeats/],
        ['document.painPoints[1].action', /"ghost"/],
        ['document.painPoints[2].causes[0]', /"phantom"/],
        ['document.painPoints[3].key', /pain point key "help-hidden"/],
      ],
    );
  });
});

describe('checkPart', () => {
  it('returns the typed part when it is valid', () => {
    const stage = checkPart(StageDocument, example().stages[1], 'stage');
    expect(stage).toBeInstanceOf(StageDocument);
    expect(stage.steps[0].actions[1]).toBeInstanceOf(ActionDocument);
    expect(stage.steps[0].actions.map((a) => a.key)).toEqual(['ca-call', 'fs-agent', 'bs-order-lookup', 'sp-order-sync']);
    const department = checkPart(DepartmentDocument, { key: 'legal', name: 'Legal' }, 'department');
    expect(department).toEqual(Object.assign(new DepartmentDocument(), { key: 'legal', name: 'Legal' }));
  });

  it('throws BAD_USER_INPUT with every problem, under the root it is given', () => {
    let error: unknown;
    try {
      checkPart(ActionDocument, { key: 'Bad', lane: 'NOWHERE', name: '', emotion: 7, extra: 1 }, 'action');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadUserInputError);
    const bad = error as BadUserInputError;
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.problems).toBe(bad.extensions.problems);
    expect(bad.problems.map((p) => p.path).sort()).toEqual(
      ['action.emotion', 'action.extra', 'action.key', 'action.lane', 'action.name'].sort(),
    );
    expect(bad.message).toMatch(/^5 problems in the input; first: action\./);
  });

  it('reports nested parts with their indexes', () => {
    const stage = example().stages[2];
    stage.steps[1].actions[3].lane = 'X';
    stage.steps[0].name = ' ';
    expect(() => checkPart(StageDocument, stage, 'stage')).toThrow(BadUserInputError);
    try {
      checkPart(StageDocument, stage, 'stage');
    } catch (e) {
      expect((e as BadUserInputError).problems).toEqual([
        { path: 'stage.steps[0].name', message: expect.stringMatching(NAME_MESSAGE) },
        { path: 'stage.steps[1].actions[3].lane', message: expect.stringMatching(/one of/) },
      ]);
    }
  });

  it('checks field rules only (references are the document check)', () => {
    // A pain point naming an unknown action is fine as a part.
    const part = checkPart(PainPointDocument, { key: 'p', title: 'P', action: 'anything', severity: 2 }, 'painPoint');
    expect(part.action).toBe('anything');
    expect(() => checkPart(PainPointDocument, { key: 'p', title: 'P', action: 'x', severity: 6 }, 'painPoint')).toThrow(
      expect.objectContaining({ problems: [{ path: 'painPoint.severity', message: expect.stringMatching(/1 to 5/) }] }),
    );
  });
});

describe('checkDocument: did you mean', () => {
  const messageAt = (raw: unknown, path: string) => checkDocument(raw).problems.find((problem) => problem.path === path)?.message;

  it('an unknown field names the nearest field of its part', () => {
    const action = 'document.stages[2].steps[0].actions[0]';
    const doc = changed((d) => {
      const first = d.stages[2].steps[0].actions[0];
      first.dependsOm = first.dependsOn;
      delete first.dependsOn;
    });
    expect(messageAt(doc, `${action}.dependsOm`)).toBe('is not a field of the document (did you mean "dependsOn"?)');
    expect(messageAt(changed((d) => (d.painPoints[0].titel = 'T')), 'document.painPoints[0].titel')).toBe(
      'is not a field of the document (did you mean "title"?)',
    );
    expect(messageAt(changed((d) => (d.stages[0].colour = 'red')), 'document.stages[0].colour')).toBe('is not a field of the document');
  });

  it('an unknown enum value names the nearest value', () => {
    expect(messageAt(changed((d) => (d.stages[0].steps[0].actions[1].lane = 'BACKSTGE')), 'document.stages[0].steps[0].actions[1].lane')).toBe(
      'must be one of CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT (did you mean "BACKSTAGE"?)',
    );
    expect(messageAt(changed((d) => (d.state = 'future')), 'document.state')).toBe('must be one of CURRENT, FUTURE, DAY_IN_LIFE (did you mean "FUTURE"?)');
    expect(messageAt(changed((d) => (d.state = 'PAST')), 'document.state')).toBe('must be one of CURRENT, FUTURE, DAY_IN_LIFE');
  });

  it('a reference to an action of the document names the nearest action', () => {
    expect(messageAt(changed((d) => (d.stages[2].steps[0].actions[0].dependsOn = ['fs-gaurd'])), 'document.stages[2].steps[0].actions[0].dependsOn[0]')).toBe(
      'names no action of this document: "fs-gaurd" (did you mean "fs-guard"?)',
    );
    expect(messageAt(changed((d) => (d.painPoints[0].action = 'ca-serch-help')), 'document.painPoints[0].action')).toBe(
      'names no action of this document: "ca-serch-help" (did you mean "ca-search-help"?)',
    );
    expect(messageAt(changed((d) => (d.painPoints[2].causes = ['fs-doorman'])), 'document.painPoints[2].causes[0]')).toBe(
      'names no action of this document: "fs-doorman"',
    );
  });
});
