import { parseSource } from '../../src/cli/source-file';

/** YAML syntax slips, each reported once, at the slip, with what to do in plain words. */
describe('syntax errors of a blueprint file', () => {
  const errorOf = (text: string) => {
    const source = parseSource('file.yaml', text);
    expect(source.data).toBeUndefined();
    return source.syntaxError;
  };

  it('a value holding ": " is to be quoted', () => {
    expect(errorOf('key: a\nname: Checks in: the desk  # why\nstages: []\n')).toEqual({
      line: 2,
      column: 7,
      message: 'this value holds ": ", which YAML reads as a key of its own: put the value in quotes, as "Checks in: the desk"',
    });
    expect(errorOf('key: a\nstages:\n  - key: s\n    name: Note:\n    steps: []\n')).toMatchObject({ line: 4, column: 11, message: expect.stringContaining('"Note:"') });
  });

  it('a key indented deeper or shallower than its siblings: at the slipped line, align it', () => {
    const hint = 'the indentation is off: align this line with its sibling keys above';
    expect(errorOf('key: a\nname: A\nstages:\n  - key: s\n    name: S\n\n     steps: []\n')).toEqual({ line: 7, column: 6, message: hint });
    expect(errorOf('key: a\nname: A\nstages:\n  - key: s\n    name: S\n   steps: []\n')).toEqual({ line: 6, column: 4, message: hint });
    expect(errorOf('key: a\n  name: b\nstages: []\n')).toEqual({ line: 2, column: 3, message: hint });
    expect(errorOf('persona:\n    name: x\n  description: y\nkey: a\n')).toEqual({ line: 3, column: 3, message: hint });
    expect(errorOf('stages:\n  - key: a\n   - key: b\n')).toEqual({ line: 3, column: 4, message: hint });
    expect(errorOf('stages:\n  - key: a\n    - key: b\n')).toEqual({ line: 3, column: 5, message: hint });
  });

  it('a tab used for indentation: use spaces', () => {
    expect(errorOf('key: a\npersona:\n\tname: x\n')).toEqual({
      line: 3,
      column: 1,
      message: 'a tab indents this line: YAML indents with spaces only, so use spaces',
    });
  });

  it('an unclosed quote: at the quote that opens it', () => {
    expect(errorOf('key: a\nname: "Says \\"hi\nstages: []\n')).toEqual({
      line: 2,
      column: 7,
      message: 'the " opened here is never closed: end the text with "',
    });
    expect(errorOf("key: a\nname: 'It''s\nstages: []\n")).toEqual({
      line: 2,
      column: 7,
      message: "the ' opened here is never closed: end the text with '",
    });
    // JSON: the string runs on into the next line, where the parser loses its way.
    expect(errorOf('{\n  "key": "a,\n  "name": "b"\n}\n')).toEqual({
      line: 2,
      column: 10,
      message: 'the " opened here is not closed on its line: end the text with "',
    });
  });

  it('an unclosed bracket or brace: at the one that opens it', () => {
    expect(errorOf('key: a\nsystems: [crm, erp\nname: x\n')).toEqual({
      line: 2,
      column: 10,
      message: 'the [ opened here is never closed: end it with ]',
    });
    expect(errorOf('key: a\npersona: { name: x\nname: y\n')).toEqual({
      line: 2,
      column: 10,
      message: 'the { opened here is never closed: end it with }',
    });
    expect(errorOf('{\n  "key": "a",\n  "name": "b"\n')).toEqual({ line: 1, column: 1, message: 'the { opened here is never closed: end it with }' });
  });

  it('a duplicate key: named, with the line it is first given on', () => {
    expect(errorOf('key: a\npersona:\n  name: a\n  description: x\n  name: b\n')).toEqual({
      line: 5,
      column: 3,
      message: 'the key "name" is given twice in the same mapping (first on line 3): keep one of them',
    });
  });

  it('reports only the first error: the later ones follow from it', () => {
    const source = parseSource('file.yaml', 'key: a\n\tname: x\nname: "y\nkey: b\n');
    expect(source.syntaxError).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('tab') });
  });

  it("any other error in the parser's words, without its trace; an alias without its anchor at the alias", () => {
    expect(errorOf('key: a\nname: "C:\\q"\n')).toEqual({
      line: 2,
      column: 10,
      message: 'Invalid escape sequence \\q: write \\\\ for a backslash in double quotes, or put the text in single quotes',
    });
    const alias = errorOf('key: a\npersona: &p { name: x }\nname: *p\ndescription: *nope\n')!;
    expect(alias).toMatchObject({ line: 4, column: 14 });
    expect(alias.message).not.toContain('\n');
  });

  it('a valid file has none', () => {
    const source = parseSource('file.yaml', 'key: a\nname: "Checks in: the desk"\nstages: []\n');
    expect(source.syntaxError).toBeUndefined();
    expect(source.data).toEqual({ key: 'a', name: 'Checks in: the desk', stages: [] });
  });
});
