// Global Reach between two saved circuits, through step 5 and "Your circuits": offered once both
// have private peering, refused with the core's reason (Premium across geopolitical regions, a
// subnet that overlaps a peering), added from one circuit and shown on both, the exact commands,
// then removed where it was made.
import { test, expect } from '@playwright/test';
import { Wizard, KEY, axe } from './pages.mjs';

const SHOTS = process.env.GR_SHOTS; // a directory: save screenshots there for review

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

/** The `<pre>` texts of one command section, PowerShell then CLI. */
async function commandTexts(page, title) {
  const section = page.locator('section.command', { has: page.getByRole('heading', { name: title, exact: true }) });
  return section.locator('pre code').allTextContents();
}

/** A provisioned circuit with Azure private peering on its own /29. */
async function office(w, { name, location, tier = 'Standard', primary, secondary }) {
  await w.home();
  await w.createCircuit({ name, location, tier });
  await w.provision();
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': primary, 'Secondary subnet': secondary, 'VLAN ID': '100' });
  await w.press('Save peering');
  await expect(w.page.getByRole('region', { name: 'Azure private peering' })).toBeVisible();
}

const RG = 'ExpressRouteResourceGroup';
const SUB = '<subscription-id>';
const LONDON_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/expressRouteCircuits/office-london`;

test('two circuits are joined by Global Reach from step 5, shown on both, with the exact commands', async ({ page }) => {
  const w = new Wizard(page);
  await office(w, { name: 'office-sf', location: 'Silicon Valley', primary: '192.168.10.0/30', secondary: '192.168.10.4/30' });
  await w.step(5);
  const section = page.getByRole('region', { name: 'Global Reach' });
  await expect(section).toContainText('Global Reach needs a second circuit with Azure private peering');

  await office(w, { name: 'office-london', location: 'London', primary: '192.168.20.0/30', secondary: '192.168.20.4/30' });

  // "Your circuits" offers it on both circuits.
  await w.home();
  await expect(page.getByRole('link', { name: 'Add Global Reach to office-sf' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add Global Reach to office-london' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole('link', { name: 'Add Global Reach to office-sf' }).click();
  await expect(page.getByText('Step 5 of 5')).toBeVisible();
  const form = section.locator('form.global-reach-form');
  await expect(form.getByLabel('ExpressRoute circuit')).toContainText('office-london (London, Standard)');

  // Field errors: every one at once, in the error summary and beside each field.
  await form.getByLabel('Global Reach IPv4 subnet').fill('10.254.0.0/30');
  await form.getByLabel('Global Reach IPv6 subnet').fill('fd00:1::/126');
  await form.getByRole('button', { name: 'Add Global Reach' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Global Reach name is required.');
  await expect(summary).toContainText('10.254.0.0/30 is not a /29 IPv4 subnet');
  await expect(summary).toContainText('fd00:1::/126 is not a /125 IPv6 subnet');
  await expect(form.getByLabel('Global Reach IPv4 subnet')).toHaveAttribute('aria-invalid', 'true');

  // Silicon Valley (North America) and London (Europe): both need Premium.
  await form.getByLabel('Global Reach name').fill('sf-to-london');
  await form.getByLabel('Global Reach IPv4 subnet').fill('10.254.0.0/29');
  await form.getByLabel('Global Reach IPv6 subnet').fill('fd00:1::/125');
  await form.getByRole('button', { name: 'Add Global Reach' }).click();
  const feedback = page.locator('#action-feedback');
  await expect(feedback).toContainText('Cannot add Global Reach sf-to-london');
  await expect(feedback).toContainText('The circuits are in different geopolitical regions (North America and Europe), so both need ExpressRoute Premium; office-sf and office-london are not Premium.');
  await expect(feedback).toContainText('Enable ExpressRoute Premium on office-sf and office-london');
  await expect(feedback).toContainText('Source: [GR-FAQ] [GLOBAL-REACH] [LOCATIONS]');
  // The rule's sources as links, under the error summary.
  await expect(form.getByRole('link', { name: 'ExpressRoute FAQ: Global Reach (Microsoft Learn)' })).toHaveAttribute('href', 'https://learn.microsoft.com/azure/expressroute/expressroute-faqs#globalreach');
  if (SHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.screenshot({ path: `${SHOTS}/global-reach-refused-desktop.png` });
  }

  // Premium on both (the SKU change of each circuit), then a subnet that overlaps a peering.
  for (const name of ['office-london', 'office-sf']) {
    await w.home();
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('navigation', { name: 'Circuit' }).getByRole('link', { name: 'Changes and end of life' }).click();
    await page.getByLabel('SKU', { exact: true }).selectOption('Premium');
    await page.getByRole('button', { name: 'Change SKU' }).click();
    await expect(page.locator('#action-feedback')).toContainText('Done: Change SKU.');
  }
  await w.home();
  await page.getByRole('link', { name: 'office-sf', exact: true }).click();
  // office-sf was left on step 5: it opens there.
  await expect(page.getByRole('heading', { level: 1, name: 'Link virtual networks' })).toBeVisible();
  await form.getByLabel('Global Reach IPv4 subnet').fill('192.168.20.0/29');
  await form.getByRole('button', { name: 'Add Global Reach' }).click();
  await expect(feedback).toContainText('Global Reach subnet 192.168.20.0/29 overlaps 192.168.20.0/30 (AzurePrivatePeering Primary subnet of circuit office-london)');
  await expect(form.getByLabel('Global Reach IPv4 subnet')).toHaveAttribute('aria-invalid', 'true');

  // Added.
  await form.getByLabel('Global Reach IPv4 subnet').fill('10.254.0.0/29');
  await form.getByRole('button', { name: 'Add Global Reach' }).click();
  await expect(feedback).toContainText('Done: Add Global Reach sf-to-london to office-london.');
  await expect(feedback).toContainText('capped by the smaller circuit');
  const table = section.getByRole('table', { name: 'Global Reach connections' });
  const row = table.getByRole('row', { name: /sf-to-london/ });
  await expect(row.getByRole('cell')).toHaveText(['sf-to-london', 'office-london', '10.254.0.0/29', 'fd00:1::/125', 'Connected', 'Remove Global Reach sf-to-london']);
  await expect(page.locator('.limit')).toContainText('1 of 25 links used. 1 of them is a Global Reach connection (sf-to-london).');

  // The commands, exactly.
  await section.getByText('Do it for real: Global Reach in Az PowerShell and Azure CLI').click();
  const get = `$ckt = Get-AzExpressRouteCircuit -Name 'office-sf' -ResourceGroupName '${RG}'`;
  expect(await commandTexts(page, 'Add Global Reach sf-to-london to circuit office-london')).toEqual([
    `${get}\nAdd-AzExpressRouteCircuitConnectionConfig -Name 'sf-to-london' -ExpressRouteCircuit $ckt -PeerExpressRouteCircuitPeering '${LONDON_ID}/peerings/AzurePrivatePeering' -AddressPrefix '10.254.0.0/29'\n`
      + `Set-AzExpressRouteCircuitConnectionConfig -Name 'sf-to-london' -ExpressRouteCircuit $ckt -PeerExpressRouteCircuitPeering '${LONDON_ID}/peerings/AzurePrivatePeering' -AddressPrefix 'fd00:1::/125' -AddressPrefixType IPv6\n`
      + 'Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt',
    `az network express-route peering connection create --resource-group ${RG} --circuit-name office-sf --peering-name AzurePrivatePeering --name sf-to-london --peer-circuit '${LONDON_ID}' --address-prefix 10.254.0.0/29\n`
      + `az network express-route peering connection ipv6-config set --resource-group ${RG} --circuit-name office-sf --peering-name AzurePrivatePeering --name sf-to-london --address-prefix fd00:1::/125`,
  ]);
  expect(await commandTexts(page, 'Remove Global Reach sf-to-london')).toEqual([
    `${get}\nRemove-AzExpressRouteCircuitConnectionConfig -Name 'sf-to-london' -ExpressRouteCircuit $ckt\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt`,
    `az network express-route peering connection delete --resource-group ${RG} --circuit-name office-sf --peering-name AzurePrivatePeering --name sf-to-london`,
  ]);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.screenshot({ path: `${SHOTS}/global-reach-desktop.png` });
  }
  // Narrow (390 px): still axe clean.
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await axe(page)).toEqual([]);
  if (SHOTS) await section.screenshot({ path: `${SHOTS}/global-reach-narrow.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Stored on both circuits.
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits, KEY);
  const [sf, london] = ['office-sf', 'office-london'].map((n) => stored.find((s) => s.circuit.name === n).circuit);
  expect(sf.peerings[0].globalReach.map((g) => [g.name, g.addressPrefix])).toEqual([['sf-to-london', '10.254.0.0/29']]);
  expect(london.peerings[0].peerGlobalReach.map((g) => g.name)).toEqual(['sf-to-london']);

  // Shown on the other circuit, removed only where it was made; "Your circuits" lists it.
  await w.home();
  await expect(page.locator('.global-reach-line').first()).toContainText('Global Reach: sf-to-london with');
  await page.getByRole('link', { name: 'office-london', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Wizard steps' })).toBeVisible();
  await w.step(5);
  const otherRow = section.getByRole('table', { name: 'Global Reach connections' }).getByRole('row', { name: /sf-to-london/ });
  await expect(otherRow).toContainText('office-sf (made there)');
  await expect(otherRow.getByRole('link', { name: 'Made on office-sf: remove it there' })).toBeVisible();
  // Deleting the circuit is refused while the connection exists.
  await w.home();
  const card = page.locator('li.circuit-card', { has: page.getByRole('heading', { name: 'office-london' }) });
  await card.getByRole('button', { name: 'Delete office-london' }).click();
  await expect(card.getByRole('alert')).toContainText('The circuit cannot be deleted yet');
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/global-reach-home-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: `${SHOTS}/global-reach-home-narrow.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await page.getByRole('link', { name: 'office-london', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Wizard steps' })).toBeVisible();
  await w.step(5);
  await otherRow.getByRole('link', { name: 'Made on office-sf: remove it there' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Link virtual networks' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Global Reach sf-to-london' }).click();
  await expect(feedback).toContainText('Done: Remove Global Reach sf-to-london.');
  await expect(section).toContainText('No Global Reach connections on this circuit.');
  const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits, KEY);
  for (const s of after) {
    expect(s.circuit.peerings[0].globalReach).toEqual([]);
    expect(s.circuit.peerings[0].peerGlobalReach).toEqual([]);
  }
});
