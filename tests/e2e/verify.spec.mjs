// Verify connectivity on step 4: the commands for a peering and link, a pasted output read, and
// what it means. The pastes are Microsoft's documented examples: [TROUBLE-ARP]'s ARP table with
// only the On-Prem entry (the docs call it an expected state) and the REST example of the route
// table summary with its neighbor Idle [SPEC-2024-05].
import { test, expect } from '@playwright/test';
import { Wizard, axe } from './pages.mjs';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

const ARP_ON_PREM_ONLY = `PS C:\\> Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath Secondary

Age InterfaceProperty IpAddress  MacAddress
--- ----------------- ---------  ----------
 10 On-Prem           10.0.0.5   ffff.eeee.dddd
`;

const SUMMARY_IDLE = `{
  "value": [
    { "neighbor": "100.65.171.1", "v": 4, "as": 9583, "upDown": "never", "statePfxRcd": "Idle" }
  ]
}`;

const SUMMARY_UP = `Neighbor V AS UpDown StatePfxRcd
10.0.0.1 4 65020 8w4d 50
`;

async function withPrivatePeering(page) {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Verify' });
  await w.provision();
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '10.0.0.0/30', 'Secondary subnet': '10.0.0.4/30', 'VLAN ID': '100' });
  await w.press('Save peering');
  await expect(page.getByRole('heading', { name: 'Verify connectivity' })).toBeVisible();
  return w;
}

test('verify connectivity: commands per link, a documented ARP table and an Idle neighbor read', async ({ page }) => {
  const w = await withPrivatePeering(page);
  const section = page.locator('section.verify');

  // The commands follow the peering and link picked.
  await page.getByLabel('Link', { exact: true }).selectOption('Secondary');
  await expect(section.locator('pre').filter({ hasText: 'Get-AzExpressRouteCircuitARPTable' })).toContainText('-PeeringType AzurePrivatePeering -DevicePath Secondary');
  await expect(section.locator('pre').filter({ hasText: 'list-route-tables-summary' })).toContainText('--peering-name AzurePrivatePeering --path secondary');
  await expect(section.getByRole('button', { name: /^Copy/ })).toHaveCount(6);

  // Microsoft's entry missing on Secondary: the ARP article's expected state, not a fault.
  await page.getByLabel('What the command printed').fill(ARP_ON_PREM_ONLY);
  await w.press('Read the output');
  const readings = section.locator('.verify-readings');
  await expect(readings).toContainText("Secondary link: your side answers ARP; no entry for Microsoft's side");
  await expect(readings).toContainText('may show only the on-premises interface');
  await expect(readings.getByRole('link', { name: /Getting ARP tables in the Resource Manager deployment model/ }).first()).toHaveAttribute('href', 'https://learn.microsoft.com/azure/expressroute/expressroute-troubleshooting-arp-resource-manager');
  await expect(readings.locator('.reading.error')).toHaveCount(0);

  // The REST example's summary, neighbor Idle, on Primary.
  await page.getByLabel('Link', { exact: true }).selectOption('Primary');
  await page.getByLabel('What the command printed').fill(SUMMARY_IDLE);
  await w.press('Read the output');
  await expect(readings.locator('.reading.error')).toContainText('Primary link: BGP neighbor 100.65.171.1 is not established (state Idle)');
  await expect(readings).toContainText('MD5');

  // The Secondary link's session up while Primary is Idle: no redundancy.
  await page.getByLabel('Link', { exact: true }).selectOption('Secondary');
  await page.getByLabel('What the command printed').fill(SUMMARY_UP);
  await w.press('Read the output');
  await expect(readings).toContainText('AzurePrivatePeering: only the Secondary link is up; the Primary link is down, so there is no redundancy');

  expect(await axe(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.screenshot({ path: 'test-results/verify-desktop.png' });
  await page.setViewportSize({ width: 375, height: 800 });
  await section.screenshot({ path: 'test-results/verify-narrow.png' });
  expect(await axe(page)).toEqual([]);
});

test('verify connectivity: garbage is refused with its line and column on the field', async ({ page }) => {
  const w = await withPrivatePeering(page);
  const field = page.getByLabel('What the command printed');
  await field.fill('Route Table Summary:\n\n  this is not a table\n');
  await w.press('Read the output');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#verify-output-error')).toContainText('Line 3, column 3');
  await expect(field).toHaveValue('Route Table Summary:\n\n  this is not a table\n');
  expect(await axe(page)).toEqual([]);
});
