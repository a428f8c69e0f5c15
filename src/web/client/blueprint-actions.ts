/// <reference lib="dom" />
/**
 * Making blueprints from the pages: "New blueprint" on the list, "Duplicate
 * as future state" on a blueprint, and the grid as a PNG for slides.
 */
import { blueprintHref } from '../hrefs';
import { openDialog } from './dialog';
import { GraphQL, byId } from './dom';
import { keyFromName as keyFrom } from '../key-from-name';

const CREATE = 'mutation($document: BlueprintDocumentInput!) { importBlueprint(document: $document, mode: CREATE) { blueprint { key } } }';
const DUPLICATE =
  'mutation($key: String!, $newKey: String!, $name: String) { duplicateBlueprint(key: $key, newKey: $newKey, state: FUTURE, name: $name) { key } }';
const STATES = [
  { value: 'CURRENT', label: 'Current state' },
  { value: 'FUTURE', label: 'Future state' },
  { value: 'DAY_IN_LIFE', label: 'Day in the life' },
];


/** The list page: a blueprint made from a name (its key derived and editable), a description, a state and a persona. */
export function setupNewBlueprint(graphql: GraphQL): void {
  const taken = new Set(Array.from(document.querySelectorAll<HTMLElement>('tr[data-blueprint]')).map((row) => row.dataset.blueprint!));
  byId('new-blueprint').addEventListener('click', () =>
    void openDialog({
      title: 'New blueprint',
      root: 'document',
      fields: [
        { name: 'name', label: 'Name', required: true },
        { name: 'key', label: 'Key', keyFrom: 'name', taken },
        { name: 'state', label: 'State', kind: 'select', value: 'CURRENT', options: STATES },
        { name: 'description', label: 'Description', kind: 'textarea', path: 'document.description' },
        { name: 'persona', label: 'Persona', path: 'document.persona.name' },
        { name: 'personaDescription', label: 'About the persona', kind: 'textarea', path: 'document.persona.description' },
      ],
      saveLabel: 'Create',
      conflictAt: { field: 'key', message: 'a blueprint has this key already: choose another' },
      save: async (values) => {
        const key = (values.key as string) || keyFrom(values.name as string, taken);
        const text = (name: string) => (values[name] as string).trim() || null;
        const [persona, about] = [text('persona'), text('personaDescription')];
        const document = {
          key,
          name: values.name,
          description: text('description'),
          state: values.state,
          ...(persona ? { persona: { name: persona, description: about } } : {}),
          stages: [],
        };
        await graphql(CREATE, { document });
        window.location.assign(blueprintHref(key));
      },
    }),
  );
}

/** A blueprint page: a copy under a new key as a FUTURE state, to rework and compare. */
export function setupDuplicate(graphql: GraphQL, key: string, name: string): void {
  byId('duplicate').addEventListener('click', () =>
    void openDialog({
      title: 'Duplicate as future state',
      fields: [
        { name: 'name', label: 'Name', value: `${name} (future state)`, required: true },
        { name: 'key', label: 'Key', value: `${key}-future`.slice(0, 100), path: 'newKey' },
      ],
      saveLabel: 'Duplicate',
      conflictAt: { field: 'key', message: 'a blueprint has this key already: choose another' },
      save: async (values) => {
        await graphql(DUPLICATE, { key, newKey: values.key, name: values.name });
        window.location.assign(blueprintHref(values.key as string));
      },
    }),
  );
}

/** The grid drawn at twice its size into a PNG file, from the same SVG the page shows. */
export function setupPngDownload(key: string): void {
  const button = document.getElementById('download-png');
  button?.addEventListener('click', async () => {
    const svg = await (await fetch(`${blueprintHref(key)}.svg`, { credentials: 'same-origin' })).text();
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${key}.png`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
}
