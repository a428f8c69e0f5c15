import { Browser } from 'playwright-core';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/app-config';
import { DemoData } from '../../src/demo/demo-data';
import { launchChromium, watchErrors } from '../helpers/browser';
import { runCypher } from '../helpers/cypher';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * Another site's page, open in a browser that has signed in to the app (Basic,
 * as the pages ask for), posts forms to /graphql: none of them may write.
 */

const ADMIN_KEY = `admin-${'c'.repeat(30)}`;

const ENCTYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** A page of forms that submit themselves, each into a frame of its own, each naming a department to create. */
function attackerPage(target: string, keys: string[]): string {
  const forms = ENCTYPES.map((enctype, i) => {
    const mutation = `mutation { upsertDepartment(input: { key: "${keys[i]}", name: "Planted" }) { key } }`;
    // text/plain sends name=value: a name of '{"query":"...","x":"' and a value of '"}' make it look like JSON.
    const field =
      enctype === 'text/plain'
        ? `<input name='${JSON.stringify({ query: mutation, x: '' }).slice(0, -2)}' value='"}'>`
        : `<input name="query" value='${mutation}'>`;
    return `<iframe name="f${i}"></iframe><form id="form${i}" method="POST" action="${target}" enctype="${enctype}" target="f${i}">${field}</form>`;
  });
  const submit = ENCTYPES.map((_, i) => `document.getElementById('form${i}').submit();`).join('');
  return `<!doctype html><html><body>${forms.join('')}<script>${submit}</script></body></html>`;
}

describe('cross-site requests in Chromium', () => {
  let api: TestApp;
  let browser: Browser;
  let attacker: Server;
  let attackerUrl: string;
  let demoKeys: string[];
  const keys = ENCTYPES.map(() => uniqueKey('csrf'));

  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: `admin:${ADMIN_KEY}` });
    api = await startTestApp({ serving: { security, logging } });
    demoKeys = await api.app.get(DemoData).load();
    attacker = createServer((_, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(attackerPage(`${api.url}/graphql`, keys));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    for (const key of demoKeys ?? []) await api?.graphql('mutation($key: String!) { deleteBlueprint(key: $key) }', { key }, { authorization: `Bearer ${ADMIN_KEY}` });
    await api?.close();
  });

  it("forms from another origin run no mutation, while the app's own pages keep working when signed in", async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'designer', password: ADMIN_KEY } });
    const page = await context.newPage();
    const errors = watchErrors(page);

    // Signed in: the app's own page and its script's GraphQL requests work.
    await page.goto(`${api.url}/blueprints/${demoKeys[0]}`);
    await page.waitForSelector('#root-causes li[data-department]');
    expect(errors).toEqual([]);

    const refused: number[] = [];
    page.on('response', (response) => {
      if (response.url() === `${api.url}/graphql` && response.request().method() === 'POST') refused.push(response.status());
    });
    await page.goto(attackerUrl);
    for (const deadline = Date.now() + 10_000; refused.length < ENCTYPES.length && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toEqual(ENCTYPES.map(() => 415));
    const [row] = await runCypher(api, 'MATCH (d:Department) WHERE d.key IN $keys RETURN count(d) AS n', { keys });
    expect(Number(row.n)).toBe(0);
    await context.close();
  });
});
