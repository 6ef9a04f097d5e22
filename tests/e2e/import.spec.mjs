// Import a real circuit's output, diagnose it, save it; back up and restore all data.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { Wizard, KEY } from './pages.mjs';

const examples = path.resolve('core/tests/fixtures/azure-examples');
const example = (f) => fs.readFileSync(path.join(examples, f), 'utf8');
// Pastes shaped like what people really have: redacted output, a Direct port, other resources.
const pastes = path.resolve('core/tests/fixtures/pastes');
const pasted = (f) => fs.readFileSync(path.join(pastes, f), 'utf8');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

async function importText(page, text) {
  await page.goto('./#/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import a circuit' })).toBeVisible();
  await page.getByLabel("Paste the circuit's output").fill(text);
  await page.getByRole('button', { name: 'Read the output' }).click();
}

test('the REST example circuit imports at its real state with a diagnosis, and saves', async ({ page }) => {
  await importText(page, example('ExpressRouteCircuitGet.json'));
  const card = page.locator('section.card', { hasText: 'circuitName' });
  await expect(card.locator('.badge', { hasText: 'Provider status' })).toContainText('NotProvisioned');
  await expect(card.locator('.badge', { hasText: 'Status' }).last()).toContainText('Enabled');
  await expect(card).toContainText('Standard_MeteredData');
  await expect(card.locator('.next')).toContainText(/service key/i);
  await card.getByRole('button', { name: 'Save to your circuits' }).click();
  await card.getByRole('link', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify the provisioning state' })).toBeVisible();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'circuitName' })).toBeVisible();
});

test('a Microsoft peering in ValidationNeeded is diagnosed as blocking', async ({ page }) => {
  await importText(page, example('ExpressRouteCircuitPeeringGet.json'));
  await expect(page.getByText('This is a peering, not a whole circuit').first()).toBeVisible();
  // Read alone: no circuit state that the paste did not contain.
  await expect(page.locator('section.card .badge')).toHaveCount(0);
  await expect(page.locator('section.card').first()).not.toContainText('Provider status');
  const blocking = page.locator('h4', { hasText: 'What is blocking' }).first().locator('xpath=following-sibling::ul[1]');
  await expect(blocking).toContainText(/ValidationNeeded|validation/i);
  await expect(blocking).toContainText(/support ticket/i);
});

test('PowerShell list output from the docs imports, with the redacted values flagged', async ({ page }) => {
  await importText(page, example('docs-Get-AzExpressRouteCircuit-NotProvisioned.txt'));
  await expect(page.locator('.badge', { hasText: 'Provider status' }).first()).toContainText('NotProvisioned');
  await expect(page.locator('.callout.warning').first()).toContainText(/could not be read as given/);
});

test('every example file imports or says clearly what it is', async ({ page }) => {
  for (const f of fs.readdirSync(examples)) {
    await importText(page, example(f));
    await expect(page.locator('#import-results'), f).toBeVisible();
    await expect(page.locator('.error-summary'), f).toHaveCount(0);
  }
  for (const f of fs.readdirSync(pastes)) {
    await importText(page, pasted(f));
    await expect(page.locator('#import-results'), f).toBeVisible();
    await expect(page.locator('.error-summary'), f).toHaveCount(0);
  }
});

// Regression: a peering whose peer ASN was redacted to 123## and whose VLAN became xxx vanished,
// and the page then said "No peering is configured" about that very peering.
test('a redacted paste keeps the peering and says which fields could not be read', async ({ page }) => {
  await importText(page, pasted('cli-show-redacted.json'));
  const card = page.locator('section.card', { hasText: 'ER-Prod-Amsterdam' });
  // What identifies the circuit.
  const facts = card.getByRole('table', { name: 'What identifies this circuit' });
  for (const [label, value] of [['Provider', 'Equinix'], ['Peering location', 'Amsterdam'], ['Bandwidth', '1 Gbps'],
    ['SKU', 'Standard_MeteredData'], ['Region', 'westeurope']]) {
    await expect(facts.getByRole('row', { name: label })).toContainText(value);
  }
  // The peering is there, its two values unknown, and the page names them.
  const peerings = card.getByRole('table', { name: 'Peerings in the paste' });
  const privateRow = peerings.getByRole('row', { name: /AzurePrivatePeering/ });
  await expect(privateRow.getByRole('cell')).toHaveText(['Enabled', 'unknown', 'unknown', "peer ASN ('123##'), VLAN ID ('xxx')"]);
  await expect(peerings.getByRole('row', { name: /MicrosoftPeering/ }).getByRole('cell').nth(1)).toHaveText('300');
  const blocking = card.locator('h4', { hasText: 'What is blocking' }).locator('xpath=following-sibling::ul[1]');
  await expect(blocking).toContainText("AzurePrivatePeering is in the paste, but the peer ASN ('123##') and the VLAN ID ('xxx') could not be read");
  await expect(card).not.toContainText('No peering is configured');
  // Microsoft peering: the causes in the paste come before the ticket.
  await expect(blocking).toContainText('the routing registry is NONE');
  await expect(blocking).toContainText('peer ASN 65001 is a private AS number');
  await expect(card.locator('.next')).toContainText('Find the values that could not be read');
  await expect(card.locator('.callout.warning')).toContainText("peerings[0].vlanId: the value 'xxx' was redacted before sharing");
  await expect(card.getByRole('button', { name: 'Save to your circuits' })).toBeVisible();
});

test('an ExpressRoute Direct port is read as a port: both links Disabled, the LOA and cross-connects first', async ({ page }) => {
  for (const f of ['docs-Get-AzExpressRoutePort-Disabled.txt', 'ExpressRoutePortGet.json']) {
    await importText(page, pasted(f));
    const card = page.locator('section.card').first();
    const facts = card.getByRole('table', { name: 'What identifies this port' });
    await expect(facts.getByRole('row', { name: 'Port bandwidth' }), f).toContainText('100 Gbps per link');
    await expect(facts.getByRole('row', { name: 'Encapsulation' }), f).toContainText('QinQ');
    const links = card.getByRole('table', { name: 'Links of the port' });
    await expect(links.getByRole('row', { name: /link1/ }).getByRole('cell').first(), f).toHaveText('Disabled');
    await expect(links.getByRole('row', { name: /link2/ }).getByRole('cell').first(), f).toHaveText('Disabled');
    await expect(card.locator('.next'), f).toContainText('Generate the LOA and order the cross-connects');
    const blocking = card.locator('h4', { hasText: 'What is blocking' }).locator('xpath=following-sibling::ul[1]');
    await expect(blocking, f).toContainText('are Disabled, as a new port\'s links are: no traffic can pass on this port yet');
    await expect(blocking, f).toContainText('Letter of Authorization');
    await expect(card, f).toContainText('45 days');
    await expect(card, f).not.toContainText(/service key to the provider/i);
    await expect(card.locator('.badge'), f).toHaveCount(0);
    await expect(card.getByRole('button', { name: 'Save to your circuits' }), f).toHaveCount(0);
    await expect(card, f).toContainText('Only a whole circuit can be saved to your circuits.');
  }
  await expect(page.getByRole('heading', { level: 3, name: /portName/ })).toBeVisible();
});

test('a connection is named, with what to paste instead', async ({ page }) => {
  await importText(page, pasted('cli-connection-show.json'));
  const card = page.locator('section.card').first();
  await expect(card).toContainText('This is a connection');
  await expect(card.locator('.next')).toContainText('az network express-route show');
  await expect(card.locator('.badge')).toHaveCount(0);
});

test('text that is not valid input says where and what was expected; nothing is saved', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Existing' });
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  await importText(page, '{\n  "name": "x",\n  "properties": {\n    "serviceKey": 12,,\n  }\n}');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(/line 4, column \d+/);
  await expect(page.getByLabel("Paste the circuit's output")).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#import-results')).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
  await importText(page, 'hello, this is not a circuit');
  await expect(page.locator('.error-summary')).toContainText(/line 1, column 1/);
});

test('an uploaded file imports like pasted text', async ({ page }) => {
  await page.goto('./#/import');
  await page.getByLabel('Or choose a file').setInputFiles(path.join(examples, 'ExpressRouteCircuitCreate.json'));
  await expect(page.locator('#import-results')).toBeVisible();
  await expect(page.getByLabel("Paste the circuit's output")).not.toHaveValue('');
});

test('export as Azure JSON then import gives the same circuit state', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'RoundTrip' });
  await w.provision();
  // Changes and end of life points to the export, which is beside the share link on the timeline.
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await page.getByRole('link', { name: 'Share or export this circuit' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Export' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as Azure JSON' }).click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const json = JSON.parse(text);
  expect(json.type).toBe('Microsoft.Network/expressRouteCircuits');
  expect(json.properties.serviceProviderProvisioningState).toBe('Provisioned');
  expect(json.sku.name).toBe('Standard_MeteredData');
  await importText(page, text);
  const card = page.locator('section.card', { hasText: 'RoundTrip' });
  await expect(card.locator('.badge', { hasText: 'Provider status' })).toContainText('Provisioned');
});

test('backup and restore: restoring merges, keeps everything, and asks about conflicts', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'First' });
  await page.goto('./#/import');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backupPath = await download.path();
  // Change the circuit after the backup, and add another one.
  await page.goto('./');
  await page.getByRole('link', { name: 'Open First' }).click();
  await w.provision();
  await w.home();
  await w.createCircuit({ name: 'Second' });
  await page.goto('./#/import');
  await page.getByLabel('Restore from a backup file').setInputFiles(backupPath);
  await expect(page.getByText('Some circuits differ between this browser and the backup')).toBeVisible();
  await page.getByLabel('Keep both').check();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was removed' })).toBeVisible();
  await page.goto('./');
  for (const name of ['First', 'Second', 'First (restored)']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'First', exact: true }).locator('xpath=..').locator('.badge').first()).toContainText('Provisioned');
});

test('Global Reach connections read from a real circuit are shown using links on step 5', async ({ page }) => {
  // Azure CLI `az network express-route show` shape, with two Global Reach connections
  // (ExpressRouteCircuitConnection) on the private peering [SPEC-2024-05] [LIMITS].
  const circuit = {
    name: 'GR-Circuit', resourceGroup: 'rg', location: 'westus', type: 'Microsoft.Network/expressRouteCircuits',
    id: '/subscriptions/81ab786c-56eb-4a4d-bb5f-f60329772466/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/GR-Circuit',
    sku: { family: 'MeteredData', name: 'Standard_MeteredData', tier: 'Standard' },
    serviceProviderProperties: { bandwidthInMbps: 200, peeringLocation: 'Silicon Valley', serviceProviderName: 'Equinix' },
    serviceProviderProvisioningState: 'Provisioned', circuitProvisioningState: 'Enabled', provisioningState: 'Succeeded',
    serviceKey: '1d05cf70-1db5-419f-ad86-1ca62c3c125b', allowClassicOperations: false, authorizations: [],
    peerings: [{
      name: 'AzurePrivatePeering', peeringType: 'AzurePrivatePeering', azureAsn: 12076, peerAsn: 65020,
      primaryPeerAddressPrefix: '192.168.17.16/30', secondaryPeerAddressPrefix: '192.168.17.20/30',
      provisioningState: 'Succeeded', state: 'Enabled', vlanId: 100,
      connections: [{ name: 'gr-to-london' }, { name: 'gr-to-tokyo' }],
    }],
  };
  await importText(page, JSON.stringify(circuit, null, 2));
  const card = page.locator('section.card', { hasText: 'GR-Circuit' });
  await card.getByRole('button', { name: 'Save to your circuits' }).click();
  await card.getByRole('link', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify the provisioning state' })).toBeVisible();
  await page.getByRole('link', { name: '5. Link virtual networks' }).click();
  await expect(page.locator('.limit')).toContainText('2 of 10 links used. 2 of them are Global Reach connections (gr-to-london, gr-to-tokyo).');
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits[0].circuit.peerings[0].globalReach, KEY);
  // Stored as connections (name, peer circuit, prefixes, status); what the paste did not hold is
  // kept unknown rather than invented.
  expect(stored.map((g) => g.name)).toEqual(['gr-to-london', 'gr-to-tokyo']);
  expect(stored.map((g) => [g.peerCircuitId, g.addressPrefix, g.status])).toEqual([['', null, null], ['', null, null]]);
});
