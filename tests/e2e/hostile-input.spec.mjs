// Hostile input is inert: XSS payloads in every text field, in imported files (JSON and PowerShell)
// and in shared links. Nothing runs, nothing is injected, and the text is shown literally.
// These tests strip the CSP header, so what is checked is the app's own rendering, not the CSP
// catching a mistake (security.spec.mjs checks the CSP separately).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { Wizard, KEY } from './pages.mjs';

export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '<iframe src="javascript:window.__xss=1">',
  '<a href="javascript:window.__xss=1">x</a>',
  '<svg><script>window.__xss=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<body onload=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  "{{constructor.constructor('window.__xss=1')()}}",
  '${window.__xss=1}',
  "<style>@import 'javascript:window.__xss=1'</style>",
  '<object data="javascript:window.__xss=1">',
  '<embed src="javascript:window.__xss=1">',
  '<!--<img src=--><img src=x onerror=window.__xss=1//-->',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '</textarea><script>window.__xss=1</script>',
  '<img src=x:x onerror=window.__xss=1 <b>broken',
  '<scr<script>ipt>window.__xss=1</script>',
];

const EXAMPLES = path.resolve('core/tests/fixtures/azure-examples');
const counts = { fills: 0, imports: 0, links: 0 };

// Playwright's routes do not see what a service worker answers, so a page it served would come
// with the CSP header these tests strip: the worker is kept out here (tests/e2e/offline.spec.mjs
// covers it).
test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
  // Serve without the CSP header: the rendering itself must be inert.
  await page.route('**/*', async (route) => {
    // A request can end before it is answered (the idle prefetch of another page's bundle, cut
    // short by a navigation): Playwright then disposes the response, and fulfilling it throws.
    try {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response: res, headers });
    } catch (e) {
      if (!/disposed|closed|aborted|ECONNRESET|socket hang up/i.test(String(e))) throw e;
    }
  });
  page.__dialogs = [];
  page.on('dialog', (d) => { page.__dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.__errors = [];
  page.on('pageerror', (e) => page.__errors.push(e.message));
});

test.afterAll(() => {
  console.log(`hostile input: ${PAYLOADS.length} payloads; ${counts.fills} field fills, ${counts.imports} imports, ${counts.links} shared links`);
});

/** Nothing ran and nothing was injected; `shown` (when given) appears literally on the page. */
async function expectInert(page, where, shown) {
  await page.waitForTimeout(20);
  const r = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
        if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(`${el.tagName}[${a.name}=${a.value}]`);
      }
    }
    const injected = [...document.querySelectorAll('main script, main iframe, main object, main embed, main img, main math, main style, main noscript, main body, main a[href^="javascript"], main input[autofocus], main svg script, main [onerror], main [onload]')]
      .map((e) => e.outerHTML.slice(0, 100));
    return { xss: window.__xss, bad, injected, text: document.querySelector('main').innerText };
  });
  expect(r.xss, `${where}: window.__xss was set`).toBeUndefined();
  expect(r.bad, where).toEqual([]);
  expect(r.injected, where).toEqual([]);
  expect(page.__dialogs, where).toEqual([]);
  expect(page.__errors, where).toEqual([]);
  if (shown !== undefined) expect(r.text, `${where}: payload not shown literally`).toContain(shown);
}

test('no inner_html (or any HTML-string API) with anything in src/', () => {
  const hits = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.rs')) {
        fs.readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
          if (/inner_html|set_inner_html|innerHTML|outer_html|insert_adjacent_html|document\.write|\beval\(/.test(line)) hits.push(`${p}:${i + 1}: ${line.trim()}`);
        });
      }
    }
  };
  walk(path.resolve('src'));
  walk(path.resolve('core/src'));
  expect(hits).toEqual([]);
});

const CREATE_FIELDS = [
  ['Subscription', (p) => p.getByLabel('Subscription', { exact: true })],
  ['Resource group', (p) => p.getByLabel('Resource group')],
  ['Region', (p) => p.getByLabel('Region')],
  ['Name', (p) => p.getByLabel('Name', { exact: true })],
  ['Provider', (p) => p.getByRole('combobox', { name: 'Provider', exact: true })],
  ['Peering location', (p) => p.getByLabel('Peering location')],
];

test('payloads in every create field: refused ones are shown as text, accepted ones render as text everywhere', async ({ page }) => {
  test.setTimeout(300_000);
  const w = new Wizard(page);
  await w.home();
  for (const [i, payload] of PAYLOADS.entries()) {
    await page.goto('./#/create');
    await expect(w.heading('Create the circuit')).toBeVisible();
    for (const [, field] of CREATE_FIELDS) { await field(page).fill(payload); counts.fills++; }
    await page.getByLabel('Bandwidth').selectOption('200');
    await w.press('Continue');
    await expect(page.locator('.error-summary')).toBeVisible();
    await expectInert(page, `create errors, payload ${i}`);
    for (const [label, field] of CREATE_FIELDS) await expect(field(page), label).toHaveValue(payload);
    // The name is refused by the core's validation, and the refusal shows the payload as text.
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#create-name-error')).toContainText(payload.trim());
    // Replace what the core refuses with valid values; keep the payload wherever it is accepted.
    const accepted = [];
    for (const [label, field] of CREATE_FIELDS) {
      if (await field(page).getAttribute('aria-invalid') === 'true') {
        await field(page).fill(label === 'Name' ? `Xss${i}` : label === 'Resource group' ? 'rg' : '');
      } else accepted.push(label);
    }
    await w.press('Continue');
    await expect(w.heading('Check the circuit before you create it')).toBeVisible();
    expect(accepted).toEqual(expect.arrayContaining(['Region', 'Provider', 'Peering location']));
    await expectInert(page, `review, payload ${i}`, payload);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByText('Billing starts now')).toBeVisible();
    await expectInert(page, `step 1, payload ${i}`, payload);
    await w.step(2);
    await expectInert(page, `step 2, payload ${i}`, payload);
    await page.getByRole('link', { name: 'Your circuits' }).click();
    await expect(w.heading('Your circuits')).toBeVisible();
    await expectInert(page, `list, payload ${i}`, payload);
    // Stored as data, and still inert after a reload from storage.
    const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
    expect(JSON.parse(stored).data.circuits.at(-1).circuit.region).toBe(payload);
  }
  await w.reload();
  await expectInert(page, 'list after reload', PAYLOADS[0]);
});

test('payloads in every peering, link and authorization field', async ({ page }) => {
  test.setTimeout(400_000);
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Hostile' });
  await w.provision();
  const PRIVATE = ['Peer ASN', 'Primary subnet', 'Secondary subnet', 'VLAN ID', 'Shared key', 'IPv6 primary subnet', 'IPv6 secondary subnet'];
  const MICROSOFT = ['Advertised public prefixes', 'Customer ASN'];
  const LINK = ['Connection name', 'Virtual network', 'Virtual network region', 'Address space'];
  for (const [i, payload] of PAYLOADS.entries()) {
    await w.step(4);
    await w.press('Configure Azure private peering');
    await page.getByText('IPv6 (optional)').click();
    for (const label of PRIVATE) { await page.getByLabel(label, { exact: true }).fill(payload); counts.fills++; }
    await w.press('Save peering');
    await expect(page.locator('.error-summary')).toBeVisible();
    await expectInert(page, `private peering errors, payload ${i}`);
    for (const label of PRIVATE) await expect(page.getByLabel(label, { exact: true })).toHaveValue(payload);
    await w.press('Cancel');
    await w.press('Configure Microsoft peering');
    for (const label of [...PRIVATE.slice(0, 5), ...MICROSOFT]) { await page.getByLabel(label, { exact: true }).fill(payload); counts.fills++; }
    await w.press('Save peering');
    await expect(page.locator('.error-summary')).toBeVisible();
    await expectInert(page, `Microsoft peering errors, payload ${i}`);
    await w.press('Cancel');
  }
  // Linking needs a private peering: save a valid one, then every link and authorization field.
  await w.step(4);
  await w.press('Configure Azure private peering');
  // The form comes back with the last payloads as drafts: replace or clear every field.
  if (!(await page.getByLabel('IPv6 primary subnet', { exact: true }).isVisible())) await page.getByText('IPv6 (optional)').click();
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '192.168.17.16/30', 'Secondary subnet': '192.168.17.20/30', 'VLAN ID': '100',
    'Shared key': '', 'IPv6 primary subnet': '', 'IPv6 secondary subnet': '' });
  await w.press('Save peering');
  await expect(page.locator('ul.plain').getByText('your router 192.168.17.17, Microsoft 192.168.17.18')).toBeVisible();
  await w.step(5);
  await expect(page.getByLabel('Connection name')).toBeVisible();
  for (const [i, payload] of PAYLOADS.entries()) {
    for (const label of LINK) { await page.getByLabel(label, { exact: true }).fill(payload); counts.fills++; }
    await page.getByLabel('Another subscription').check();
    await page.getByLabel('Authorization key').fill(payload); counts.fills++;
    await w.press('Link virtual network');
    await expectInert(page, `link errors, payload ${i}`);
    // Names the core accepts are linked and shown as text; then unlinked again.
    await page.getByLabel("The circuit's subscription").check();
    await page.getByLabel('Address space').fill('10.1.0.0/16');
    await page.getByLabel('Virtual network region').fill(payload);
    await w.press('Link virtual network');
    await expectInert(page, `link, payload ${i}`);
    const unlink = page.getByRole('button', { name: `Unlink ${payload}`, exact: true });
    if (await unlink.count()) {
      await expectInert(page, `linked, payload ${i}`, payload);
      await unlink.click();
    }
    await page.getByLabel('Authorization name').fill(payload); counts.fills++;
    await w.press('Add authorization');
    await expectInert(page, `authorization, payload ${i}`);
    const remove = page.getByRole('button', { name: `Remove authorization ${payload}`, exact: true });
    if (await remove.count()) {
      await expectInert(page, `authorization added, payload ${i}`, payload);
      await remove.click();
    }
  }
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  // The timeline is on the tools page: wait until it has loaded.
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline', exact: true })).toBeVisible();
  await expectInert(page, 'timeline');
});

/** The example REST response with `payload` in every text the importer reads and shows. */
function hostileJson(payload) {
  const doc = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'ExpressRouteCircuitGet.json'), 'utf8'));
  const body = doc.responses['200'].body;
  body.name = payload;
  body.location = payload;
  body.properties.serviceProviderProperties.serviceProviderName = payload;
  body.properties.serviceProviderProperties.peeringLocation = payload;
  body.properties.serviceProviderNotes = payload;
  body.properties[payload] = payload; // an unknown field, listed by the diagnosis
  body.tags = { note: payload };
  return JSON.stringify(doc, null, 2);
}

/** The PowerShell list output with `payload` as name, provider, location and notes. */
function hostilePowerShell(payload) {
  const text = fs.readFileSync(path.join(EXAMPLES, 'docs-Get-AzExpressRouteCircuit-NotProvisioned.txt'), 'utf8');
  return text
    .replace(/^Name(\s+): .*$/m, `Name$1: ${payload}`)
    .replace(/^ServiceProviderNotes(\s+):.*$/m, `ServiceProviderNotes$1: ${payload}`)
    .replace('"ServiceProviderName": "Equinix"', `"ServiceProviderName": ${JSON.stringify(payload)}`)
    .replace('"PeeringLocation": "Silicon Valley"', `"PeeringLocation": ${JSON.stringify(payload)}`);
}

test('payloads in imported output, pasted and as a file, JSON and PowerShell; saved circuits stay inert', async ({ page }) => {
  test.setTimeout(300_000);
  const w = new Wizard(page);
  await w.home();
  for (const [i, payload] of PAYLOADS.entries()) {
    for (const [format, text] of [['json', hostileJson(payload)], ['powershell', hostilePowerShell(payload)]]) {
      await page.goto('./#/import');
      await expect(w.heading('Import a circuit')).toBeVisible();
      if (i % 2 === 0) {
        await page.getByLabel("Paste the circuit's output").fill(text);
        await w.press('Read the output');
      } else {
        await page.getByLabel('Or choose a file').setInputFiles({ name: `hostile-${i}.${format === 'json' ? 'json' : 'txt'}`, mimeType: 'text/plain', buffer: Buffer.from(text) });
        await w.press('Read the output');
      }
      counts.imports++;
      await expect(page.locator('main')).toContainText(/Found \d item|There is a problem/);
      await expectInert(page, `import preview (${format}), payload ${i}`);
      const save = page.getByRole('button', { name: 'Save to your circuits' });
      if (await save.count()) {
        await expectInert(page, `import preview (${format}), payload ${i}`, payload.trim());
        await save.first().click();
        await expectInert(page, `import saved (${format}), payload ${i}`);
        await page.getByRole('link', { name: 'Open it' }).click();
        // The wizard is another page (tools.html → wizard.html): wait until it has loaded.
        await page.waitForURL(/\/wizard\/wizard\.html#\/c\//);
        await expect(page.locator('main h1')).toBeVisible();
        await expectInert(page, `imported circuit (${format}), payload ${i}`);
      }
    }
  }
  await w.home();
  await expectInert(page, 'list of imported circuits');
  await w.reload();
  await expectInert(page, 'list of imported circuits after reload');
});

test('payloads in shared links: as the circuit, as the scenario name, and as raw link text', async ({ page }) => {
  test.setTimeout(200_000);
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'ShareBase' });
  const base = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits[0].circuit, KEY);
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  for (const [i, payload] of PAYLOADS.entries()) {
    const circuit = JSON.parse(JSON.stringify(base));
    circuit.name = payload;
    circuit.resourceGroup = payload;
    circuit.region = payload;
    const links = [
      enc({ v: 1, kind: 'circuit', circuit }),
      enc({ v: 1, kind: 'scenario', slug: payload, step: 0 }),
      enc({ v: 1, kind: payload }),
      encodeURIComponent(payload),
      payload.replace(/ /g, '%20'),
    ];
    for (const [j, link] of links.entries()) {
      await page.goto(`./#/share/${link}`);
      await expect(page.locator('h1')).toBeVisible();
      counts.links++;
      await expectInert(page, `shared link ${j}, payload ${i}`, j <= 1 ? payload.trim() : undefined);
    }
  }
  // Nothing saved was touched by opening links.
  const names = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits.map((c) => c.circuit.name), KEY);
  expect(names).toEqual(['ShareBase']);
});
