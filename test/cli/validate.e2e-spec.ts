import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';

/**
 * `blueprint validate` as a user runs it on the files of a repository: a
 * syntax slip is one problem at its place with what to do.
 */
describe('blueprint validate', () => {
  const nowhere = 'bolt://127.0.0.1:1';
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-validate-'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('an indentation slip is one problem line, at the slipped line and column, in plain words; exit 1', async () => {
    const file = write(
      'slipped.yaml',
      [
        'key: slipped',
        'name: Slipped',
        'stages:',
        '  - key: only',
        '    name: Only',
        '     steps:',
        '      - key: step',
        '        name: Step',
        '        actions: []',
        '',
      ].join('\n'),
    );
    const run = await runCli(['validate', file], nowhere);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([`${file}:6:6 (syntax): the indentation is off: align this line with its sibling keys above`]);
    expect(run.stderr).toContain('1 of 1 file invalid');
  });
});
