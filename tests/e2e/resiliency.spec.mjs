// Resiliency by design (#18): the portal's resiliency choice at creation, a Maximum resiliency pair
// created as one design and walked through, the resiliency review with a finding dismissed on
// purpose, and the two design demos played to their end. Axe on every new screen; screenshots
// (desktop 1280 and narrow 390) go to RESILIENCY_SHOTS when it is set.
import { test, expect } from '@playwright/test';
import { Wizard, KEY, axe } from './pages.mjs';

const SHOTS = process.env.RESILIENCY_SHOTS;

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

async function shoot(page, name) {
  if (!SHOTS) return;
  for (const [w, tag] of [[1280, 'desktop'], [390, 'narrow']]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${tag}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function stored(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{"data":{"circuits":[]}}').data.circuits, KEY);
}

test('create starts with the resiliency choice, each option with what it protects against and costs', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.openCreateForm({ name: 'ckt-one' });
  const group = page.getByRole('group', { name: 'Resiliency' });
  await expect(group.getByRole('radio')).toHaveCount(3);
  await expect(group.getByLabel('Maximum Resiliency (Recommended)')).toBeVisible();
  await expect(group.getByLabel('High Resiliency')).toBeVisible();
  await expect(group.getByLabel('Standard Resiliency')).toBeChecked();
  await expect(group).toContainText('Two circuits, billed separately');
  await expect(group).toContainText('Priced the same as Standard resiliency');
  await expect(group).toContainText('does not protect against location wide outages');
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'create-choice');
});

test('High resiliency offers only Metro peering locations and refuses another', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.openCreateForm({ name: 'ckt-metro' });
  await page.getByLabel('High Resiliency').check();
  const offered = await page.locator('#peering-locations option').evaluateAll((os) => os.map((o) => o.value));
  expect(offered.length).toBeGreaterThan(10);
  expect(offered.every((v) => v.endsWith(' Metro'))).toBe(true);
  await page.getByRole('combobox', { name: 'Provider', exact: true }).fill('Equinix');
  await page.getByLabel('Peering location').fill('Silicon Valley');
  await page.getByLabel('Bandwidth').selectOption('200');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('High resiliency is ExpressRoute Metro, and Silicon Valley is not a Metro peering location');
  await summary.getByRole('link', { name: /High resiliency is ExpressRoute Metro/ }).click();
  await expect(page.getByLabel('Peering location')).toBeFocused();
  await page.getByLabel('Peering location').fill('Silicon Valley Metro');
  await page.getByRole('combobox', { name: 'Provider', exact: true }).fill('Megaport');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(w.heading('Check the circuit before you create it')).toBeVisible();
  await expect(page.locator('.summary-row', { hasText: 'Resiliency' })).toContainText('High Resiliency');
  await w.press('Create');
  await expect(page.getByText('High resiliency: ExpressRoute Metro at Silicon Valley Metro.')).toBeVisible();
  const circuits = await stored(page);
  expect(circuits.map((c) => [c.resiliency, c.pair])).toEqual([['High', null]]);
});

test('Maximum resiliency creates two circuits as a pair, at two peering locations, shown as one design', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.openCreateForm({ name: 'ckt-sv' });
  await page.getByLabel('Maximum Resiliency (Recommended)').check();
  await page.getByRole('combobox', { name: 'Provider', exact: true }).first().fill('Equinix');
  await page.locator('#create-peering-location').fill('Silicon Valley');
  await page.getByLabel('Bandwidth').selectOption('200');
  const second = page.getByRole('region', { name: 'Second circuit' });
  await expect(second).toBeVisible();
  // The second location's suggestions: never the first's site, North America first.
  const offered = await page.locator('#second-peering-locations option').evaluateAll((os) => os.map((o) => o.value));
  expect(offered).not.toContain('Silicon Valley');
  expect(offered).not.toContain('Silicon Valley Metro');
  await second.getByLabel('Name').fill('ckt-la');
  await second.getByLabel('Region').fill('West US');
  await second.getByLabel('Provider').fill('Megaport');
  await second.getByLabel('Peering location').fill('Silicon Valley');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText("The second circuit's peering location, Silicon Valley, is the first circuit's site");
  await expect(second.getByLabel('Peering location')).toHaveAttribute('aria-invalid', 'true');
  await second.getByLabel('Peering location').fill('Los Angeles');
  await expect(page.locator('#second-peering-location-facts')).toHaveText("Los Angeles is in North America, like the first circuit's location.");
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'create-maximum');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(w.heading('Check the circuit before you create it')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Two circuits, billed twice' })).toBeVisible();
  await expect(page.locator('.summary-row', { hasText: 'Resiliency' })).toContainText('Maximum Resiliency (Recommended)');
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'create-maximum-review');
  await w.press('Create both circuits');
  await expect(page.getByText('Billing starts now')).toBeVisible();
  await expect(page.locator('.resiliency-card > .resiliency-summary')).toContainText('Maximum resiliency: paired with ckt-la.');

  // The pair's commands on step 1: New-AzExpressRouteCircuit and az ... create twice.
  await page.getByText('Commands that create both circuits of the pair').click();
  const cmd = page.locator('.resiliency-card .command');
  await expect(cmd.locator('pre').first()).toHaveText(
    "New-AzExpressRouteCircuit -Name 'ckt-sv' -ResourceGroupName 'ExpressRouteResourceGroup' -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName 'Equinix' -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200\n"
    + "New-AzExpressRouteCircuit -Name 'ckt-la' -ResourceGroupName 'ExpressRouteResourceGroup' -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName 'Megaport' -PeeringLocation 'Los Angeles' -BandwidthInMbps 200");
  await expect(cmd.locator('pre').nth(1)).toHaveText(
    "az network express-route create --name ckt-sv --resource-group ExpressRouteResourceGroup --location 'West US' --provider Equinix --peering-location 'Silicon Valley' --bandwidth 200 --sku-tier Standard --sku-family MeteredData\n"
    + "az network express-route create --name ckt-la --resource-group ExpressRouteResourceGroup --location 'West US' --provider Megaport --peering-location 'Los Angeles' --bandwidth 200 --sku-tier Standard --sku-family MeteredData");
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'pair-step1');

  // Stored as a pair; each circuit has its own service key.
  const circuits = await stored(page);
  expect(circuits).toHaveLength(2);
  expect(circuits[0].pair).toBe(circuits[1].id);
  expect(circuits[1].pair).toBe(circuits[0].id);
  expect(circuits.map((c) => c.resiliency)).toEqual(['Maximum', 'Maximum']);
  expect(circuits[0].circuit.serviceKey).not.toBe(circuits[1].circuit.serviceKey);
  expect(circuits.map((c) => c.circuit.port.peeringLocation)).toEqual(['Silicon Valley', 'Los Angeles']);

  // Walk the second through the steps from the first's card.
  await page.getByRole('link', { name: 'ckt-la' }).click();
  await expect(page.locator('.circuit-name')).toContainText('ckt-la');
  await expect(page.locator('.resiliency-card > .resiliency-summary')).toContainText('paired with ckt-sv');

  // "Your circuits": one design with both circuits, listed one after the other and framed as one.
  await w.home();
  const cards = page.locator('li.circuit-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveClass(/design-first/);
  await expect(cards.nth(1)).toHaveClass(/design-second/);
  await expect(cards.nth(0).locator('.design-title')).toHaveText('Maximum resiliency design: ckt-sv and ckt-la');
  await expect(cards.nth(0)).toContainText('Maximum resiliency: paired with ckt-la.');
  await expect(cards.nth(1)).toContainText('Maximum resiliency: paired with ckt-sv.');
  // Nothing between the two cards: the second's frame starts where the first's ends.
  const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(Math.abs(b.y - (a.y + a.height))).toBeLessThan(2);
  await expect(page.getByRole('heading', { name: 'Resiliency review' })).toBeVisible();
  await expect(page.getByText('Nothing to review in what is saved here.')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'home-design');
});

test('the review finds a VNet reached through one circuit only, and a finding dismissed on purpose stays dismissed', async ({ page }) => {
  // The happy-path demo ends with a VNet linked to one circuit: save a copy of it.
  await page.goto('./#/demos/happy-path');
  for (let i = 0; i < 4; i++) await page.getByRole('group', { name: 'Scenario controls' }).getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save a copy to your circuits' }).click();
  const w = new Wizard(page);
  await w.home();
  const review = page.getByRole('region', { name: 'Resiliency review' });
  await expect(review).toContainText('1 finding.');
  const item = review.locator('.findings-short li');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveText('conn-hub-vnet reaches on-premises through demo-happy-path only');
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'home-finding');
  // The circuit's page: why, what to do, Microsoft's guidance, and Dismiss.
  await item.getByRole('link', { name: /^conn-hub-vnet reaches on-premises through demo-happy-path only$/ }).click();
  const finding = page.locator('li.finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('What to do: For maximum resiliency, link conn-hub-vnet to a second circuit at a different peering location');
  await expect(finding.getByRole('link', { name: 'Design and architect ExpressRoute for resiliency (Microsoft Learn)' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await shoot(page, 'circuit-finding');
  await finding.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(finding).toHaveCount(0);
  await expect(page.getByText('1 finding dismissed on purpose.')).toBeVisible();
  await w.reload();
  await expect(page.locator('li.finding')).toHaveCount(0);
  const circuits = await stored(page);
  expect(circuits[0].dismissed).toEqual(['single-path-vnet:connhubvnet/westus']);
  await w.home();
  await expect(review).toContainText('Nothing to review in what is saved here. 1 dismissed on purpose.');
  await page.getByRole('link', { name: 'demo-happy-path' }).first().click();
  await page.getByRole('button', { name: 'Show them again' }).click();
  await expect(page.locator('li.finding')).toHaveCount(1);
});

test('demo "Maximum resiliency: two circuits, one design" plays to its end with nothing left to review', async ({ page }) => {
  await page.goto('./#/demos');
  await page.getByRole('link', { name: 'Maximum resiliency: two circuits, one design' }).click();
  await expect(page.getByText('Step 0 of 8', { exact: true })).toBeVisible();
  await expect(page.locator('.demo-circuit')).toHaveCount(2);
  const next = page.getByRole('group', { name: 'Scenario controls' }).getByRole('button', { name: 'Next' });
  for (let i = 1; i <= 8; i++) {
    await next.click();
    await expect(page.getByText(`Step ${i} of 8`, { exact: true })).toBeVisible();
    if (i === 6) {
      const review = page.getByRole('region', { name: 'Resiliency review' });
      await expect(review.locator('li.finding')).toHaveCount(2);
      await expect(review).toContainText('hub-vnet is linked to demo-er-silicon-valley but not to demo-er-los-angeles');
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'demo-maximum-step6');
    }
  }
  await expect(next).toBeDisabled();
  await expect(page.getByText('end of the scenario')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Resiliency review' })).toContainText('Nothing to review for these circuits.');
  await expect(page.locator('.demo-circuit', { hasText: 'demo-er-los-angeles' })).toContainText('Linked: hub-vnet');
  expect(await stored(page)).toHaveLength(0);
});

test('demo "Secondary link down: reading the ARP table" plays to its end, each output read', async ({ page }) => {
  await page.goto('./#/demos/secondary-link-down');
  await expect(page.getByText('Step 0 of 9', { exact: true })).toBeVisible();
  const next = page.getByRole('group', { name: 'Scenario controls' }).getByRole('button', { name: 'Next' });
  for (let i = 1; i <= 9; i++) {
    await next.click();
    await expect(page.getByText(`Step ${i} of 9`, { exact: true })).toBeVisible();
    if (i === 5) {
      const narration = page.locator('.narration');
      await expect(narration).toContainText('read the ARP table of the Secondary link');
      await expect(narration.locator('pre.pasted')).toContainText('Microsoft         192.168.17.22');
      await expect(narration.locator('li.reading.error')).toContainText('Secondary link: no ARP entry for your side (On-Prem)');
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'demo-secondary-step5');
    }
    if (i === 7) {
      await expect(page.locator('.narration li.reading', { hasText: 'both links' }).first()).toBeVisible();
    }
  }
  await expect(page.getByText('end of the scenario')).toBeVisible();
  const readings = page.locator('.narration li.reading');
  await expect(readings.first()).toBeVisible();
  await expect(page.locator('.narration li.reading.error')).toHaveCount(0);
  await expect(page.locator('.narration li.reading.warning')).toHaveCount(0);
});
