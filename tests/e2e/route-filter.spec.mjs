// Route filters of Microsoft peering, through step 4: the blocking item once the peering is saved,
// the form (portal labels, services picked by name with their community values, the core's
// refusals on their fields), the exact commands, attaching, and the card saying which services
// the peering receives; Microsoft 365 on a Premium circuit needs Microsoft's authorization.
import { test, expect } from '@playwright/test';
import { Wizard, axe } from './pages.mjs';

const SHOTS = process.env.ROUTE_FILTER_SHOTS; // a directory: save screenshots there for review

const RG = 'ExpressRouteResourceGroup';
const GET = `$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName '${RG}'`;
const SET = 'Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt';
const GET_RF = `$routefilter = Get-AzRouteFilter -Name 'rf-microsoft' -ResourceGroupName '${RG}'`;
const BLOCKING = 'Receives no Microsoft prefixes yet: attach a route filter';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

/** The `<pre>` texts of one command section of the route filter, PowerShell then CLI. */
async function commandTexts(section, title) {
  const cmd = section.locator('section.command', { has: section.page().getByRole('heading', { name: title }) });
  return cmd.locator('pre code').allTextContents();
}

/** Opens the route filter's "Do it for real" list (it may already be open after a re-render). */
async function openCommands(section) {
  const details = section.locator('details.commands');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

async function microsoftPeering(w, options = {}) {
  await w.home();
  await w.createCircuit(options);
  await w.provision();
  await w.step(4);
  await w.press('Configure Microsoft peering');
  await w.fillPeering({
    'Peer ASN': '100', 'Primary subnet': '123.0.0.0/30', 'Secondary subnet': '123.0.0.4/30', 'VLAN ID': '300',
    'Advertised public prefixes': '123.1.0.0/24', 'Customer ASN': '23', 'Routing registry name': 'ARIN',
  });
  await w.press('Save peering');
  await w.press('Validation succeeds');
}

test('a route filter is created with services picked by name, attached, and the card shows what the peering receives', async ({ page }) => {
  const w = new Wizard(page);
  await microsoftPeering(w);
  const section = page.locator('section.route-filter');
  // The blocking item, with its source.
  await expect(section.locator('.callout.blocked .callout-title')).toHaveText(BLOCKING);
  await expect(section.locator('.callout.blocked')).toContainText('receives no prefixes until a route filter is attached');
  await expect(section.locator('.callout.blocked p.source a').first()).toHaveAttribute('href', /how-to-routefilter-powershell/);
  // The next step says so too.
  await expect(page.getByText(BLOCKING).first()).toBeVisible();

  const form = section.locator('form.route-filter-form');
  await expect(form.getByLabel('Resource group', { exact: true })).toHaveValue(RG);
  await expect(form.getByLabel('Region', { exact: true })).toHaveValue('West US');
  const services = form.getByRole('group', { name: 'Services' });
  await expect(services.getByRole('checkbox')).toHaveCount(10);
  await expect(services.getByLabel(/^Exchange Online 12076:5010/)).toBeVisible();
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await section.screenshot({ path: `${SHOTS}/route-filter-form-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.screenshot({ path: `${SHOTS}/route-filter-form-narrow.png` });
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Nothing filled: every field's error at once, in the summary and on the fields.
  await w.press('Create route filter');
  await expect(form.getByText('There is a problem')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('fieldset.communities')).toContainText('The rule selects no service');

  // Microsoft 365 on a Standard circuit: the Premium add-on, in the FAQ's words.
  await form.getByLabel('Name', { exact: true }).fill('rf-microsoft');
  await services.getByLabel(/^Exchange Online/).check();
  await w.press('Create route filter');
  await expect(form.locator('fieldset.communities')).toContainText('Exchange Online needs the ExpressRoute Premium add-on, and this circuit is Standard: "Microsoft 365 services require premium add-on to be enabled."');
  await expect(form.locator('fieldset.communities')).toHaveAttribute('aria-invalid', 'true');

  // CRM Online and the West US region's Azure services.
  await services.getByLabel(/^Exchange Online/).uncheck();
  await services.getByLabel(/^CRM Online 12076:5040/).check();
  await form.locator('summary', { hasText: 'Azure regions: North America' }).click();
  await form.getByLabel(/^Azure West US 12076:51006/).check();
  await w.press('Create route filter');
  await expect(section.locator('.route-filter-summary')).toContainText('allow-services (Allow): CRM Online 12076:5040, Azure West US 12076:51006');
  await expect(section.locator('.callout.blocked')).toContainText("Route filter 'rf-microsoft' exists but is not attached");

  // The commands, exactly.
  await openCommands(section);
  expect(await commandTexts(section, 'Create route filter rf-microsoft and its rule')).toEqual([
    `New-AzRouteFilter -Name 'rf-microsoft' -ResourceGroupName '${RG}' -Location 'West US'\n${GET_RF}\n`
      + "Add-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name 'allow-services' -Access Allow -RouteFilterRuleType Community -CommunityList '12076:5040','12076:51006'\n"
      + 'Set-AzRouteFilter -RouteFilter $routefilter',
    `az network route-filter create --name rf-microsoft --resource-group ${RG} --location 'West US'\n`
      + `az network route-filter rule create --filter-name rf-microsoft --name allow-services --communities 12076:5040 12076:51006 --access Allow --resource-group ${RG}`,
  ]);
  expect(await commandTexts(section, 'Attach route filter rf-microsoft to MicrosoftPeering')).toEqual([
    `${GET}\n${GET_RF}\n`
      + "Set-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PeerAddressType IPv4 -PrimaryPeerAddressPrefix '123.0.0.0/30' -SecondaryPeerAddressPrefix '123.0.0.4/30' -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes '123.1.0.0/24' -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName 'ARIN' -RouteFilter $routefilter\n"
      + SET,
    `az network express-route peering update --resource-group ${RG} --circuit-name ExpressRouteARMCircuit --name MicrosoftPeering --route-filter rf-microsoft`,
  ]);

  // Attach: the card says which services the peering receives.
  await w.press('Attach route filter');
  await expect(section.locator('.callout.blocked')).toHaveCount(0);
  await expect(section.locator('.state-info').first()).toContainText('Receives CRM Online (12076:5040) and Azure West US (12076:51006)');
  const received = section.getByRole('list', { name: 'Services received' }).getByRole('listitem');
  await expect(received).toHaveText(['CRM Online 12076:5040', 'Azure West US 12076:51006']);
  await expect(page.getByText(BLOCKING)).toHaveCount(0);
  await openCommands(section);
  expect(await commandTexts(section, 'Detach the route filter from MicrosoftPeering (it then receives no prefixes)')).toEqual([
    `${GET}\n($ckt.Peerings | Where-Object Name -eq 'MicrosoftPeering').RouteFilter = $null\n${SET}`,
    `az network express-route peering update --resource-group ${RG} --circuit-name ExpressRouteARMCircuit --name MicrosoftPeering --remove routeFilter`,
  ]);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await section.screenshot({ path: `${SHOTS}/route-filter-attached-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.screenshot({ path: `${SHOTS}/route-filter-attached-narrow.png` });
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Kept across a reload; detaching brings the blocking item back.
  await w.reload();
  await expect(received).toHaveCount(2);
  await w.press('Detach route filter');
  await expect(section.locator('.callout.blocked .callout-title')).toHaveText(BLOCKING);
});

test('Microsoft 365 services on a Premium circuit attach only with Microsoft\'s authorization', async ({ page }) => {
  const w = new Wizard(page);
  await microsoftPeering(w, { tier: 'Premium' });
  const section = page.locator('section.route-filter');
  const form = section.locator('form.route-filter-form');
  await form.getByLabel('Name', { exact: true }).fill('rf-microsoft');
  await form.getByRole('group', { name: 'Services' }).getByLabel(/^SharePoint Online/).check();
  await w.press('Create route filter');
  const attach = section.getByRole('button', { name: 'Attach route filter' });
  await expect(attach).toBeVisible();
  await attach.click();
  await expect(section.getByRole('status')).toContainText('SharePoint Online needs Microsoft\'s authorization to use Microsoft 365 through ExpressRoute: "To attach route filters with Microsoft 365 services, you must have authorization to consume Microsoft 365 services through ExpressRoute.');
  // Deleting the filter is possible while it is attached to nothing.
  await section.getByLabel('Microsoft has authorized us to use Microsoft 365 through ExpressRoute').check();
  expect(await axe(page)).toEqual([]);
  await attach.click();
  await expect(section.getByRole('list', { name: 'Services received' }).getByRole('listitem')).toHaveText(['SharePoint Online 12076:5020']);
});

test('the demo plays from a configured Microsoft peering to the services received', async ({ page }) => {
  await page.goto('./#/demos/route-filter');
  await expect(page.getByRole('heading', { level: 1, name: 'Microsoft peering with a route filter' })).toBeVisible();
  const controls = page.getByRole('group', { name: 'Scenario controls' });
  for (let i = 1; i <= 8; i++) await controls.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.narration')).toContainText('Receives CRM Online (12076:5040) and Azure West US (12076:51006)');
  await controls.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.narration')).toContainText('still attached');
  expect(await axe(page)).toEqual([]);
});
