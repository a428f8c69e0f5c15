/// <reference lib="dom" />
/**
 * The editor's forms: a modal <dialog> (role dialog) with labelled fields, a
 * Save that runs the edit and stays open to show its problems at the fields
 * they concern (or a conflict above them), keeping what the user typed.
 */
import { keyFromName } from '../key-from-name';
import { GraphQLRequestError, el } from './dom';
import { identityOf } from './picture';

export interface Option {
  value: string;
  label: string;
}

export interface Field {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'select' | 'multiselect' | 'lines';
  value?: string | string[] | number | null;
  options?: Option[];
  required?: boolean;
  /** For numbers. */
  min?: number;
  max?: number;
  step?: number;
  /** A search box over a list's options, that shows those whose label holds what is typed. */
  searchable?: boolean;
  /** A small button under the field, e.g. "New role", that may add an option. */
  extra?: { label: string; run(field: HTMLSelectElement): Promise<void> };
  /** A key field that follows the key derived from another field (`name`) until the user types in it. */
  keyFrom?: string;
  taken?: ReadonlySet<string>;
  /** Where the API's problems for this field point (`action.role`); the field's name under `root` when absent. */
  path?: string;
}

export type Values = Record<string, string | string[]>;

export interface DialogSpec {
  title: string;
  fields: Field[];
  /** The argument the API's problem paths start with (`action`, `painPoint`). */
  root?: string;
  /** Text above the fields (what else a removal takes with it). */
  intro?: (Node | string)[];
  saveLabel?: string;
  /** Runs the edit; a GraphQLRequestError keeps the dialog open with its problems shown. */
  save(values: Values): Promise<void>;
  /** A "Delete" button, when the thing can be removed from here. */
  remove?: {
    confirm: string;
    /** Why it cannot be removed yet (what blocks it), said instead of asking; null or absent when it can. */
    blockedBy?: string | null;
    run(): Promise<void>;
  };
  /** More buttons that close the dialog and hand over (e.g. "Add pain point"). */
  more?: { label: string; run(): void }[];
  /** Says what a conflict means: who changed it since, and how. */
  explainConflict?(error: GraphQLRequestError): Promise<string>;
  /** A conflict that a field causes (a key taken), shown at that field in these words. */
  conflictAt?: { field: string; message: string };
}

let dialogSequence = 0;

export function openDialog(spec: DialogSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const id = `dialog-${++dialogSequence}`;
    const dialog = el('dialog', { class: 'editor', 'aria-labelledby': `${id}-title` });
    const form = el('form', { method: 'dialog', novalidate: '' });
    const problem = el('p', { class: 'dialog-problem', role: 'alert' });
    const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
    const hints = new Map<string, HTMLElement>();
    form.append(el('h2', { id: `${id}-title` }, spec.title), ...(spec.intro ?? []).map((part) => (typeof part === 'string' ? el('p', {}, part) : part)));
    for (const field of spec.fields) {
      const input = fieldInput(field, `${id}-field-${field.name}`);
      inputs.set(field.name, input);
      const hint = el('span', { class: 'problem', id: `${id}-field-${field.name}-problem` });
      input.setAttribute('aria-describedby', hint.id);
      hints.set(field.name, hint);
      // The label names the field alone (not the options of a list inside it), for assistive technology and tests.
      const label = el('label', { for: input.id, id: `${input.id}-label` }, field.label);
      const search = field.searchable && input instanceof HTMLSelectElement ? [searchBox(input, label.id)] : [];
      form.append(el('div', { class: 'field', 'data-field': field.name }, label, ...search, input, hint));
      if (field.extra) {
        const extra = el('button', { type: 'button', class: 'inline-new' }, field.extra.label);
        extra.addEventListener('click', () => void field.extra!.run(input as HTMLSelectElement));
        form.append(extra);
      }
    }
    for (const field of spec.fields) {
      const source = field.keyFrom ? inputs.get(field.keyFrom) : undefined;
      const target = inputs.get(field.name)!;
      if (!source) continue;
      let typed = target.value !== '';
      target.addEventListener('input', () => (typed = target.value !== ''));
      source.addEventListener('input', () => {
        if (!typed) target.value = source.value.trim() ? keyFromName(source.value, field.taken ?? new Set()) : '';
      });
    }
    const buttons = el('div', { class: 'buttons' });
    const opener = document.activeElement instanceof Element ? identityOf(document.activeElement) : null;
    const finish = (done: boolean) => {
      dialog.close();
      dialog.remove();
      // Back where the user was, on the same card or control of a grid redrawn meanwhile.
      if (opener) document.querySelector<HTMLElement | SVGElement>(opener)?.focus();
      resolve(done);
    };
    if (spec.remove) {
      const remove = el('button', { type: 'button', class: 'danger' }, 'Delete');
      remove.addEventListener('click', async () => {
        if (spec.remove!.blockedBy) {
          clearProblems();
          problem.textContent = spec.remove!.blockedBy;
          return;
        }
        if (!window.confirm(spec.remove!.confirm)) return;
        if (await attempt(() => spec.remove!.run())) finish(true);
      });
      buttons.append(remove);
    }
    for (const more of spec.more ?? []) {
      const button = el('button', { type: 'button' }, more.label);
      button.addEventListener('click', () => {
        finish(false);
        more.run();
      });
      buttons.append(button);
    }
    const cancel = el('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => finish(false));
    buttons.append(cancel, el('button', { type: 'submit' }, spec.saveLabel ?? 'Save'));
    form.append(problem, buttons);
    dialog.append(form);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });

    const fieldOf = (path: string): string | undefined => {
      for (const field of spec.fields) {
        const own = field.path ?? (spec.root ? `${spec.root}.${field.name}` : field.name);
        if (path === own || path.startsWith(`${own}.`) || path.startsWith(`${own}[`)) return field.name;
      }
      return undefined;
    };
    const clearProblems = () => {
      problem.textContent = '';
      for (const [name, hint] of hints) {
        hint.textContent = '';
        inputs.get(name)!.removeAttribute('aria-invalid');
      }
    };
    const showAt = (name: string, message: string) => {
      hints.get(name)!.textContent = message;
      inputs.get(name)!.setAttribute('aria-invalid', 'true');
    };
    const focusFirstProblem = () => [...inputs.values()].find((input) => input.getAttribute('aria-invalid') === 'true')?.focus();
    const attempt = async (run: () => Promise<void>): Promise<boolean> => {
      clearProblems();
      try {
        await run();
        return true;
      } catch (error) {
        if (!(error instanceof GraphQLRequestError)) {
          problem.textContent = (error as Error).message;
          return false;
        }
        if (error.code === 'CONFLICT' && spec.conflictAt) {
          showAt(spec.conflictAt.field, spec.conflictAt.message);
          return false;
        }
        if (error.code === 'CONFLICT' && spec.explainConflict) {
          problem.textContent = await spec.explainConflict(error);
          return false;
        }
        const unplaced: string[] = [];
        for (const item of error.errors.flatMap((e) => e.extensions?.problems ?? [{ path: '', message: e.message }])) {
          const name = fieldOf(item.path);
          if (name) showAt(name, item.message);
          else unplaced.push(item.message);
        }
        problem.textContent = unplaced.join('; ');
        focusFirstProblem();
        return false;
      }
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values: Values = {};
      for (const [name, input] of inputs) values[name] = valueOf(input, spec.fields.find((f) => f.name === name)!);
      // A whole number asked for and something else given: said at the field, nothing sent.
      const notWhole = spec.fields.filter((f) => f.kind === 'number' && f.step === 1 && values[f.name] !== '' && !Number.isInteger(Number(values[f.name])));
      if (notWhole.length > 0) {
        clearProblems();
        for (const field of notWhole) showAt(field.name, 'must be a whole number');
        focusFirstProblem();
        return;
      }
      if (await attempt(() => spec.save(values))) finish(true);
    });
    document.body.append(dialog);
    dialog.showModal();
    (inputs.values().next().value as HTMLElement | undefined)?.focus();
  });
}

/**
 * A box named "Search" (described by the field's label) that narrows a
 * list's options to those whose label holds the text, case aside; the chosen
 * ones stay in sight. Enter chooses, in a single choice, the option named
 * so, else the first whose name starts so, else the first shown; the down
 * arrow goes into the list.
 */
function searchBox(select: HTMLSelectElement, labelId: string): HTMLInputElement {
  const box = el('input', { type: 'search', class: 'field-search', 'aria-label': 'Search', 'aria-describedby': labelId, 'aria-controls': select.id, placeholder: 'Search…', autocomplete: 'off' });
  box.addEventListener('input', () => {
    const wanted = box.value.trim().toLocaleLowerCase();
    for (const option of Array.from(select.options)) option.hidden = wanted !== '' && !option.selected && !option.label.toLocaleLowerCase().includes(wanted);
  });
  box.addEventListener('keydown', (event) => {
    const shown = Array.from(select.options).filter((option) => !option.hidden);
    if (event.key === 'Enter') {
      event.preventDefault();
      const wanted = box.value.trim().toLocaleLowerCase();
      const named = shown.filter((option) => option.value !== '');
      const best =
        named.find((option) => option.label.toLocaleLowerCase() === wanted) ??
        named.find((option) => option.label.toLocaleLowerCase().startsWith(wanted)) ??
        named[0];
      if (!select.multiple && best) {
        select.value = best.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      select.focus();
    }
  });
  return box;
}

function fieldInput(field: Field, id: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const kind = field.kind ?? 'text';
  const attributes: Record<string, string> = { id, name: field.name };
  if (field.required) attributes.required = '';
  if (kind === 'select' || kind === 'multiselect') {
    const select = el('select', kind === 'multiselect' ? { ...attributes, multiple: '' } : attributes);
    const chosen = new Set(Array.isArray(field.value) ? field.value : field.value == null ? [] : [String(field.value)]);
    for (const option of field.options ?? []) {
      const item = el('option', { value: option.value }, option.label);
      item.selected = chosen.has(option.value);
      select.append(item);
    }
    return select;
  }
  if (kind === 'textarea' || kind === 'lines') {
    const area = el('textarea', { ...attributes, rows: kind === 'lines' ? '3' : '2' });
    area.value = Array.isArray(field.value) ? field.value.join('\n') : String(field.value ?? '');
    return area;
  }
  const input = el('input', { ...attributes, type: kind === 'number' ? 'number' : 'text' });
  if (field.min !== undefined) input.min = String(field.min);
  if (field.max !== undefined) input.max = String(field.max);
  if (field.step !== undefined) input.step = String(field.step);
  input.value = field.value == null ? '' : String(field.value);
  return input;
}

function valueOf(input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, field: Field): string | string[] {
  if (field.kind === 'multiselect') return Array.from((input as HTMLSelectElement).selectedOptions).map((option) => option.value);
  if (field.kind === 'lines') {
    return input.value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }
  return input.value;
}
