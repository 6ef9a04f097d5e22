// Credentials never travel by accident (issue: a shared link carried the authorization key and
// the service key in clear). A circuit with every kind of credential is shared, exported and
// backed up: the link carries none and the opened page shows them as not shared; the exports say
// what they contain before the download, and "Export without keys" leaves them out; on screen
// keys are shortened except where needed, and never in the title or the URL.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { Wizard, KEY, axe } from './pages.mjs';

const SHOTS = process.env.CRED_SHOTS; // a directory: save screenshots there for review
const MD5 = 'Md5Secret42';

async function stored(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)).data.circuits, KEY);
}

/** What anyone holding the link can read: the `#/share/` payload, base64url-decoded. */
function decodeLink(url) {
  const payload = url.split('#/share/')[1];
  return Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

async function expectNoAxeViolations(page, name) {
  const violations = await axe(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Creates, provisions, adds private peering with an MD5 key and an authorization. */
async function circuitWithEveryCredential(page, name) {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name });
  await w.provision();
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '192.168.17.16/30', 'Secondary subnet': '192.168.17.20/30', 'VLAN ID': '100', 'Shared key': MD5 });
  await w.press('Save peering');
  await expect(page.locator('ul.plain').getByText('your router 192.168.17.17, Microsoft 192.168.17.18')).toBeVisible();
  await w.step(5);
  await page.getByLabel('Authorization name').fill('ShareAuth');
  await w.press('Add authorization');
  // Right after creating it, the authorization key is shown in full, with Copy.
  const row = page.getByRole('table', { name: 'Authorizations on this circuit' }).getByRole('row', { name: /ShareAuth/ });
  await expect(row.locator('code')).toHaveText(/^[0-9a-f-]{36}$/);
  const [c] = (await stored(page)).filter((s) => s.circuit.name === name);
  const serviceKey = c.circuit.serviceKey;
  const authKey = c.circuit.authorizations[0].authorizationKey;
  expect(serviceKey).toMatch(/^[0-9a-f-]{36}$/);
  await expect(row.locator('code')).toHaveText(authKey);
  return { w, serviceKey, authKey, secrets: [serviceKey, authKey, MD5] };
}

test('a shared link carries no credential, and the opened page shows them as not shared', async ({ page, browser }) => {
  const { w, secrets, authKey } = await circuitWithEveryCredential(page, 'KeyedCircuit');
  // Elsewhere the authorization key is shortened, and never in the title or the URL.
  await w.reload();
  const row = page.getByRole('table', { name: 'Authorizations on this circuit' }).getByRole('row', { name: /ShareAuth/ });
  await expect(row.locator('code')).toHaveText(`${authKey.slice(0, 4)}…${authKey.slice(-4)}`);
  await expect(page.getByText(authKey)).toHaveCount(0);
  await expect(page.getByLabel('Authorization key', { exact: true })).toHaveCount(0);
  for (const s of secrets) {
    expect(await page.title()).not.toContain(s);
    expect(page.url()).not.toContain(s);
  }

  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Share this circuit' })).toBeVisible();
  const panel = page.locator('section.share-box');
  await expect(panel).toContainText('Left out of the link');
  await expect(panel.getByRole('listitem')).toHaveText([
    'Service key', 'Authorization key of ShareAuth', 'MD5 shared key of Azure private peering',
  ]);
  const url = await page.getByLabel('Link to share').inputValue();
  expect(url).toContain('#/share/');
  const text = decodeLink(url);
  expect(text).toContain('"name":"KeyedCircuit"');
  for (const s of secrets) {
    expect(url).not.toContain(s);
    expect(text.toLowerCase()).not.toContain(s.toLowerCase());
  }
  expect(JSON.parse(text).circuit.serviceKey).toBe('');
  await expectNoAxeViolations(page, 'timeline with the share panel');
  if (SHOTS) {
    await panel.screenshot({ path: `${SHOTS}/share-panel-desktop.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await panel.screenshot({ path: `${SHOTS}/share-panel-narrow.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Opened elsewhere: the same circuit, its keys shown as not shared, still explained and drawn.
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1, name: 'Shared circuit: KeyedCircuit' })).toBeVisible();
  const notShared = other.getByRole('region', { name: 'Keys not shared' });
  await expect(notShared.locator('dt')).toHaveText([
    'Service key', 'Authorization key of ShareAuth', 'MD5 shared key of Azure private peering',
  ]);
  await expect(notShared.locator('dd')).toHaveText(['Not shared', 'Not shared', 'Not shared']);
  await expect(other.getByText('Every state of this circuit, explained')).toBeVisible();
  await expect(other.locator('section.diagram').first()).toBeVisible();
  const body = await other.locator('body').innerText();
  for (const s of secrets) {
    expect(body).not.toContain(s);
    expect(await other.title()).not.toContain(s);
  }
  await expectNoAxeViolations(other, 'shared circuit with keys not shared');
  // A copy saved from the link has no key, and its commands say so with a marked placeholder.
  await other.getByRole('button', { name: 'Save a copy to your circuits' }).click();
  await other.getByRole('link', { name: 'Open the saved copy' }).click();
  const copy = (await stored(other))[0].circuit;
  expect(JSON.stringify(copy)).not.toContain(secrets[0]);
  await ctx.close();
});

test('exports say which keys they contain before the download, and "Export without keys" leaves them out', async ({ page }) => {
  const { secrets } = await circuitWithEveryCredential(page, 'ExportKeys');
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Export' })).toBeVisible();
  const full = page.getByRole('button', { name: 'Download as Azure JSON' });
  const warning = 'The Azure JSON contains the service key, 1 authorization key and 1 MD5 shared key';
  await expect(page.locator('#export-keys')).toContainText(warning);
  // The warning is the button's description, so it is heard before pressing it.
  await expect(full).toHaveAccessibleDescription(new RegExp(`^${warning}`));
  const [download] = await Promise.all([page.waitForEvent('download'), full.click()]);
  const withKeys = fs.readFileSync(await download.path(), 'utf8');
  for (const s of secrets) expect(withKeys).toContain(s);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded the Azure JSON.' })).toBeVisible();

  const [bare] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export without keys' }).click(),
  ]);
  expect(bare.suggestedFilename()).toBe('ExportKeys-without-keys.json');
  const without = fs.readFileSync(await bare.path(), 'utf8');
  for (const s of secrets) expect(without.toLowerCase()).not.toContain(s.toLowerCase());
  const json = JSON.parse(without);
  expect(json.properties.serviceKey).toBe('');
  expect(json.properties.authorizations[0].properties.authorizationKey).toBe('');
  expect(json.properties.serviceProviderProvisioningState).toBe('Provisioned');
  if (SHOTS) {
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Export' }) });
    await card.screenshot({ path: `${SHOTS}/export-desktop.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await card.screenshot({ path: `${SHOTS}/export-narrow.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  // The JSON shown on screen is the one without keys.
  await page.getByText('Show the JSON (without keys)').click();
  const shown = await page.locator('details.commands pre').last().innerText();
  for (const s of secrets) expect(shown).not.toContain(s);
  await expectNoAxeViolations(page, 'export section');

  // The backup keeps every key, so that restoring loses nothing, and says so first.
  await page.goto('./tools.html#/import');
  const backup = page.getByRole('button', { name: 'Download a backup' });
  await expect(backup).toHaveAccessibleDescription(/^The backup contains the service key, 1 authorization key and 1 MD5 shared key, so that restoring loses nothing/);
  const [file] = await Promise.all([page.waitForEvent('download'), backup.click()]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  for (const s of secrets) expect(text).toContain(s);
  await expectNoAxeViolations(page, 'backup with its key warning');
  if (SHOTS) {
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Back up and restore' }) });
    await card.screenshot({ path: `${SHOTS}/backup-desktop.png` });
  }
});

test('imported output with keys: the page says they stay in this browser', async ({ page }) => {
  await page.goto('./tools.html#/import');
  const out = {
    name: 'ImportedKeys', id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ImportedKeys',
    type: 'Microsoft.Network/expressRouteCircuits', location: 'westus',
    sku: { name: 'Standard_MeteredData', tier: 'Standard', family: 'MeteredData' },
    properties: {
      provisioningState: 'Succeeded', circuitProvisioningState: 'Enabled', serviceProviderProvisioningState: 'Provisioned',
      serviceKey: '1d05cf70-1db5-419f-ad86-1ca62c3c125b', allowClassicOperations: false, peerings: [],
      authorizations: [{ name: 'a1', properties: { authorizationKey: '2e16d081-2ec6-420a-be97-2db73d23d36c', authorizationUseStatus: 'Available' } }],
      serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: 'Silicon Valley', bandwidthInMbps: 200 },
    },
  };
  await expect(page.getByText('Keys in what you paste')).toContainText('stay in this browser');
  await page.getByLabel("Paste the circuit's output").fill(JSON.stringify(out));
  await page.getByRole('button', { name: 'Read the output' }).click();
  const card = page.locator('section.card', { hasText: 'ImportedKeys' });
  await expect(card).toContainText('This output contains the service key and 1 authorization key. It stays in this browser only');
  await expectNoAxeViolations(page, 'import preview with keys');
});
