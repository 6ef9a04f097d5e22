// The guided provisioning wizard end to end, against the release build under /wizard/.
import { test, expect } from '@playwright/test';
import { Wizard, KEY, axe } from './pages.mjs';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

test('happy path with a Layer 2 provider, reloading at every step', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit();
  const key = (await page.locator('#service-key').textContent()).trim();
  expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await w.reload();
  await expect(page.locator('#service-key')).toHaveText(key);

  // Step 2: the provider's side, simulated.
  await w.step(2);
  await w.expectProviderStatus('NotProvisioned');
  await w.press('Provider starts provisioning');
  await w.expectProviderStatus('Provisioning');
  await w.reload();
  await w.expectProviderStatus('Provisioning');
  await w.press('Provider completes provisioning');
  await w.expectProviderStatus('Provisioned');

  // Step 3: verify.
  await w.step(3);
  await expect(page.getByText('The circuit is usable.')).toBeVisible();
  await w.reload();
  await expect(page.getByText('The circuit is usable.')).toBeVisible();

  // Step 4: private peering, then Microsoft peering through prefix validation.
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '192.168.17.16/30', 'Secondary subnet': '192.168.17.20/30' });
  // A reload in the middle of typing keeps what was typed, once the debounced save has stored it
  // (waited for in storage, not by a fixed pause).
  await expect.poll(() => page.evaluate((k) => Object.values(JSON.parse(localStorage.getItem(k)).data.circuits[0].drafts),
    KEY)).toContain('192.168.17.20/30');
  await w.reload();
  await w.press('Configure Azure private peering');
  await expect(page.getByLabel('Peer ASN', { exact: true })).toHaveValue('65020');
  await expect(page.getByLabel('Secondary subnet', { exact: true })).toHaveValue('192.168.17.20/30');
  await w.fillPeering({ 'VLAN ID': '100' });
  await w.press('Save peering');
  await expect(page.locator('ul.plain').getByText('your router 192.168.17.17, Microsoft 192.168.17.18')).toBeVisible();
  await w.reload();
  await expect(page.locator('ul.plain').getByText('your router 192.168.17.21, Microsoft 192.168.17.22')).toBeVisible();

  await w.press('Configure Microsoft peering');
  await w.fillPeering({
    'Peer ASN': '100', 'Primary subnet': '123.0.0.0/30', 'Secondary subnet': '123.0.0.4/30', 'VLAN ID': '300',
    'Advertised public prefixes': '123.1.0.0/24', 'Customer ASN': '23', 'Routing registry name': 'ARIN',
  });
  await w.press('Save peering');
  const apps = page.locator('.badge', { hasText: 'Advertised public prefixes' }).locator('.badge-value');
  await w.press('Automatic validation fails');
  await expect(apps).toHaveText('ValidationNeeded');
  await expect(page.locator('.prefix-validation')).toContainText(/support ticket/i);
  await w.reload();
  await expect(apps).toHaveText('ValidationNeeded');
  await w.press('Validation succeeds');
  await expect(apps).toHaveText('Configured');
  await expect(page.locator('.badge', { hasText: 'BGP' })).toHaveText(['BGP: Enabled', 'BGP: Enabled']);

  // Step 5: two VNet links, one by authorization from another subscription.
  await w.step(5);
  await expect(page.getByText('0 of 10 links used.')).toBeVisible();
  await page.getByLabel('Connection name').fill('ERConnection');
  await page.getByLabel('Virtual network', { exact: true }).fill('VNet1');
  await page.getByLabel('Virtual network region').fill('West US');
  await page.getByLabel('Address space').fill('10.1.0.0/16');
  await w.press('Link virtual network');
  await expect(page.getByText('1 of 10 links used.')).toBeVisible();
  await page.getByLabel('Authorization name').fill('MyAuthorization1');
  await w.press('Add authorization');
  const authKey = (await page.locator('table', { hasText: 'MyAuthorization1' }).locator('code').textContent()).trim();
  await w.reload();
  await page.getByLabel('Another subscription').check();
  await page.getByLabel('Connection name').fill('ERConnection2');
  await page.getByLabel('Virtual network', { exact: true }).fill('VNet2');
  await page.getByLabel('Virtual network region').fill('East US');
  await page.getByLabel('Address space').fill('10.2.0.0/16');
  await page.getByLabel('Authorization key').fill(authKey);
  await w.press('Link virtual network');
  await expect(page.getByText('2 of 10 links used.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Authorizations on this circuit' }).getByRole('row', { name: /MyAuthorization1/ })).toContainText('InUse');
  await page.getByText('What these statuses mean').click();
  await expect(page.getByRole('heading', { name: 'Status: InUse' })).toBeVisible();
  await expect(page.getByText('valid for that one connection only')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Status: Available' })).toHaveCount(0);
  await w.reload();
  await expect(page.getByText('2 of 10 links used.')).toBeVisible();

  // End of life: unlink, deprovision, delete.
  await w.press('Unlink ERConnection');
  await w.press('Unlink ERConnection2');
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await w.press('Provider deprovisions');
  await w.press('Provider completes deprovisioning');
  await w.expectProviderStatus('NotProvisioned');
  await w.reload();
  await w.expectProviderStatus('NotProvisioned');
  // [PS-CIRCUIT] [CLI-CIRCUIT]: the authorization must go first, even unused; the refusal names it
  // with the command that removes it.
  await w.press('Delete circuit');
  const feedback = page.locator('#action-feedback');
  await expect(feedback).toContainText('Still attached: authorization MyAuthorization1');
  await expect(feedback).toContainText('Remove-AzExpressRouteCircuitAuthorization');
  await page.getByRole('link', { name: 'Wizard', exact: true }).click();
  await w.step(5);
  await w.press('Remove authorization MyAuthorization1');
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await w.press('Delete circuit');
  // Allowed now, so it asks once: nothing is deleted until the confirmation.
  await expect(page.getByRole('alertdialog', { name: 'Confirm delete' })).toContainText('stops billing');
  await w.reload();
  await w.expectProviderStatus('NotProvisioned');
  await w.press('Delete circuit');
  await w.press('Cancel');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await w.press('Delete circuit');
  await w.press('Yes, delete the circuit');
  await expect(w.heading('Your circuits')).toBeVisible();
  await expect(page.getByText('You have no circuits yet.')).toBeVisible();
  // "Your circuits" is another page: the deletion's notice is carried there, once.
  expect(new URL(page.url()).pathname).toBe('/wizard/');
  await expect(page.getByRole('status')).toContainText('Delete circuit: the circuit was deleted, and billing for it stops.');
  await w.reload();
  await expect(page.getByText('You have no circuits yet.')).toBeVisible();
  await expect(page.getByRole('status')).not.toContainText('billing for it stops');
});

test('a Layer 3 provider configures routing: step 4 explains it', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Layer3Circuit', layer3: true });
  await w.provision();
  await w.step(4);
  await expect(page.getByRole('heading', { name: 'Cannot start yet' })).toBeVisible();
  await expect(page.locator('.callout.blocked')).toContainText(/provider/i);
  await expect(page.locator('.callout.blocked')).toContainText(/overwrite|manages routing|configures/i);
});

test('an ExpressRoute Direct circuit skips the provider step and shows no provider status (SC-14)', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.openCreateForm({ name: 'ER-Direct', resourceGroup: 'rg' });
  await page.getByRole('radio', { name: /^Direct/ }).check();
  await page.getByLabel('ExpressRoute port').fill('port1');
  // [ERDIRECT-ABOUT]: the circuit bandwidths follow the port's size.
  await page.getByLabel('Port bandwidth').selectOption('10');
  await expect(page.getByLabel('Bandwidth', { exact: true }).locator('option')).toHaveText(['Choose a bandwidth', '1 Gbps', '2 Gbps', '5 Gbps', '10 Gbps']);
  await page.getByLabel('Port bandwidth').selectOption('100');
  await expect(page.getByLabel('Bandwidth', { exact: true }).locator('option')).toHaveText(['Choose a bandwidth', '5 Gbps', '10 Gbps', '40 Gbps', '100 Gbps']);
  await page.getByLabel('Bandwidth', { exact: true }).selectOption({ index: 1 });
  // [ERDIRECT-HOWTO]: created MeteredData only.
  await page.getByLabel('Billing model').selectOption('UnlimitedData');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('created with the MeteredData billing model only');
  await page.getByLabel('Billing model').selectOption('MeteredData');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('billed per port pair')).toBeVisible();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(w.heading('Create the circuit')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue to step 2' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Continue to step 3' }).click();
  await expect(page.getByText('Step 3 of 5')).toBeVisible();
  // The step bar lists the four steps a Direct circuit has, and says which one it has not.
  const steps = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(steps.getByRole('listitem')).toHaveText(['1. Create the circuit', '3. Verify the provisioning state',
    '4. Configure routing', '5. Link virtual networks']);
  await expect(steps).toContainText('Not needed for this circuit: 2. Order connectivity from the provider.');
  const main = page.locator('main');
  await expect(main).toContainText('There is no provider and no provider status.');
  // [ERDIRECT-HOWTO]: Enabled alone is not usable on Direct: the port's links come first.
  await expect(main).toContainText('Enabled alone does not mean traffic can flow');
  await expect(main).toContainText('Letter of Authorization');
  await expect(main).not.toContainText('Provisioned and Enabled');
  await main.locator('details.commands summary').click();
  await expect(main.locator('details.commands')).toContainText('circuitProvisioningState');
  await expect(main.locator('details.commands')).not.toContainText(/serviceProviderProvisioningState/i);
  await page.getByRole('link', { name: 'Back to step 1' }).click();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  // Changes and end of life speak of no provider either.
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await expect(w.heading('Changes and end of life')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'End of life: delete' })).toBeVisible();
  await expect(main).not.toContainText(/provider (must|status)/);
  await expect(main).not.toContainText('Provider deprovisions');
});

test('step 3 explains all three states, and classic operations can be allowed and stopped on the Changes page', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Classic' });
  await w.step(3);
  await expect(page.getByRole('heading', { name: 'Provider status: NotProvisioned' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Status: Enabled' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Provisioning state: Succeeded' })).toBeVisible();

  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await expect(page.getByText('Classic operations are not allowed')).toBeVisible();
  await w.press('Allow classic operations');
  await expect(page.getByText('Classic operations are allowed')).toBeVisible();
  const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(stored).toContain('"allowClassicOperations":true');
  await w.reload();
  await w.press('Stop allowing classic operations');
  await expect(page.getByText('Classic operations are not allowed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Allow classic operations', exact: true })).toBeVisible();
});

test('Your circuits warns when the circuits kept break a limit across circuits: 10 per region per subscription', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Fleet' });
  await w.home();
  await expect(page.getByText('Azure limits across these circuits')).toHaveCount(0);
  // Ten more of the same circuit, all in subscription sub-a and West US.
  await page.evaluate((k) => {
    const env = JSON.parse(localStorage.getItem(k));
    const base = env.data.circuits[0];
    base.circuit.subscriptionId = 'sub-a';
    const circuits = [base];
    for (let i = 1; i <= 10; i++) {
      const c = structuredClone(base);
      c.id = `${base.id}-${i}`;
      c.circuit.name = `Fleet${i}`;
      circuits.push(c);
    }
    env.data.circuits = circuits;
    env.revision = (env.revision || 0) + 1;
    localStorage.setItem(k, JSON.stringify(env));
  }, KEY);
  await w.reload();
  const warning = page.locator('.callout', { hasText: 'Azure limits across these circuits' });
  await expect(warning).toContainText('Subscription sub-a has 11 circuits in region West US');
  await expect(warning).toContainText('at most 10 circuits per region');
  // Deleting one brings the count back to the limit, and the warning goes.
  await page.getByRole('button', { name: 'Delete Fleet10' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete the circuit' }).click();
  await expect(warning).toHaveCount(0);
});

test('delete is refused while Provisioned, with the billing note', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'KeepMe' });
  await w.provision();
  await page.getByRole('link', { name: 'Your circuits' }).click();
  await page.getByRole('button', { name: 'Delete KeepMe' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be deleted' });
  await expect(alert).toContainText('ServiceProviderProvisioningState is Provisioning or Provisioned');
  await expect(alert).toContainText(/billing continues until deletion/i);
  await w.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'KeepMe' })).toBeVisible();
  // The same refusal on the circuit's own page: no confirmation is asked for, and the reason, shown
  // above the heading, takes the focus so it is seen even when the button was far down the page.
  await page.getByRole('link', { name: 'KeepMe', exact: true }).click();
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await page.setViewportSize({ width: 800, height: 400 });
  await w.press('Delete circuit');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const feedback = page.locator('#action-feedback');
  await expect(feedback).toContainText('Cannot delete circuit');
  await expect(feedback).toContainText(/billing continues until deletion/i);
  await expect(feedback).toBeFocused();
  await expect(feedback).toBeInViewport();
  await expect(w.heading('Changes and end of life')).toBeVisible();
});

test('each routing validation error is shown on its field', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Validation' });
  await w.provision();
  await w.step(4);
  await w.press('Configure Azure private peering');
  const cases = [
    ['Peer ASN', '65515', /reserved by Microsoft/],
    ['Peer ASN', '4294967296', /between 1 and 4294967295|1 to 4294967295/],
    ['Primary subnet', '192.168.17.17/30', /host bits.*192\.168\.17\.16\/30/],
    ['Primary subnet', '10.0.0.0/31', /\/30/],
    ['VLAN ID', '4095', /1 to 4094|1–4094/],
    ['Shared key', 'abc!', /alphanumeric|letters and digits/i],
  ];
  for (const [label, value, message] of cases) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await w.press('Save peering');
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    await expect(page.locator(`#${errorId}`)).toHaveText(message);
    // The summary takes focus and links to the field; the value is kept as typed.
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(field).toHaveValue(value);
  }
  // Both links the same subnet.
  await page.getByLabel('Peer ASN', { exact: true }).fill('65020');
  await page.getByLabel('Primary subnet', { exact: true }).fill('10.0.0.0/30');
  await page.getByLabel('Secondary subnet', { exact: true }).fill('10.0.0.0/30');
  await page.getByLabel('VLAN ID', { exact: true }).fill('100');
  await page.getByLabel('Shared key', { exact: true }).fill('');
  await w.press('Save peering');
  await expect(page.locator('.error-summary')).toContainText(/different/i);
  // The summary link moves focus to the field.
  await page.locator('.error-summary a').first().click();
  await expect(page.getByLabel('Secondary subnet', { exact: true })).toBeFocused();
  await w.press('Cancel');

  await w.press('Configure Microsoft peering');
  await w.fillPeering({
    'Peer ASN': '100', 'Primary subnet': '10.0.0.0/30', 'Secondary subnet': '123.0.0.4/30', 'VLAN ID': '300',
    'Advertised public prefixes': '192.168.0.0/24',
  });
  await w.press('Save peering');
  await expect(page.getByLabel('Primary subnet', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Advertised public prefixes', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.error-summary')).toContainText(/public/i);
});

test('step 4 states each peering\'s route limits and checks a route count against them (SC-37)', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Routes' });
  await w.provision();
  await w.step(4);
  const priv = page.getByRole('region', { name: 'Azure private peering' });
  await expect(priv.locator('.route-limits')).toHaveText(/4,000 IPv4 routes \(10,000 with Premium\) and 100 IPv6 routes/);
  const ms = page.getByRole('region', { name: 'Microsoft peering' });
  await expect(ms.locator('.route-limits')).toHaveText(/200 routes per BGP session/);
  await expect(ms).toContainText('no Microsoft prefixes until a route filter is attached');
  await ms.getByText('BGP communities', { exact: true }).click();
  const communities = ms.getByRole('table', { name: 'Service communities on Microsoft peering' });
  await expect(communities.getByRole('row', { name: /Exchange Online/ })).toContainText('12076:5010');
  await expect(communities.getByRole('row')).toHaveCount(11);

  await priv.getByText('Check a route count').click();
  const count = priv.getByLabel('Routes you advertise');
  await count.fill('lots');
  await priv.getByRole('button', { name: 'Check' }).click();
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(priv.locator('#private-route-count-error')).toHaveText(/digits only/);
  await expect(count).toHaveValue('lots');

  await count.fill('4,001');
  await priv.getByRole('button', { name: 'Check' }).click();
  await expect(count).not.toHaveAttribute('aria-invalid', 'true');
  const result = priv.getByRole('status');
  await expect(result.getByRole('heading', { name: 'Route limit exceeded' })).toBeVisible();
  await expect(result).toContainText('the BGP session is dropped');
  await expect(result).toContainText('upgrade to Premium (10,000)');
  expect(await axe(page)).toEqual([]);

  await count.fill('101');
  await priv.getByLabel('Address family').selectOption('IPv6');
  await priv.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('101 IPv6 routes advertised on AzurePrivatePeering exceed the limit of 100');

  await count.fill('4000');
  await priv.getByLabel('Address family').selectOption('IPv4');
  await priv.getByRole('button', { name: 'Check' }).click();
  await expect(result.getByRole('heading', { name: 'Within the route limit' })).toBeVisible();

  // Step 5 states the VNet-to-gateway limits.
  await w.step(5);
  await expect(page.getByText('the VNet\'s ExpressRoute gateway advertises at most 1,000 IPv4 and 100 IPv6 routes toward the circuit')).toBeVisible();
});

test('a field changed back to its starting value is kept: Local + Metered refused, then Standard is reviewed', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.openCreateForm({ name: 'BackToStandard', resourceGroup: 'rg' });
  await page.getByRole('combobox', { name: 'Provider', exact: true }).fill('Equinix');
  await page.getByLabel('Peering location').fill('Seattle');
  await page.getByLabel('Bandwidth').selectOption('200');
  const startTier = await page.getByLabel('SKU').inputValue();
  await page.getByLabel('SKU').selectOption('Local');
  await page.getByLabel('Billing model').selectOption('MeteredData');
  await w.press('Continue');
  await expect(page.locator('.error-summary')).toContainText(/Local circuit is UnlimitedData only/i);
  // Back to the tier the form started with, and straight on.
  await page.getByLabel('SKU').selectOption(startTier);
  await w.press('Continue');
  await expect(w.heading('Check the circuit before you create it')).toBeVisible();
  await expect(page.getByText(`${startTier}_MeteredData`)).toBeVisible();
  await w.reload();
  await expect(page.getByText(`${startTier}_MeteredData`)).toBeVisible();
});

test('the create form validates on Continue, links errors to fields and keeps values', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await page.getByRole('link', { name: 'Create circuit' }).first().click();
  await page.getByLabel('SKU').selectOption('Local');
  await page.getByLabel('Billing model').selectOption('MeteredData');
  await page.getByLabel('Name', { exact: true }).fill('My Circuit');
  await w.press('Continue');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('There is a problem');
  await expect(page.locator('.error-summary')).toContainText(/Local circuit is UnlimitedData only/i);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My Circuit');
  await page.locator('.error-summary a', { hasText: 'Resource group' }).first().click();
  await expect(page.getByLabel('Resource group')).toBeFocused();
  // The back link from the review restores what was typed.
  await page.getByLabel('Name', { exact: true }).fill('MyCircuit');
  await page.getByLabel('Resource group').fill('rg');
  await page.getByLabel('Region').fill('West Europe');
  await page.getByRole('combobox', { name: 'Provider', exact: true }).fill('Equinix');
  await page.getByLabel('Peering location').fill('Amsterdam');
  await page.getByLabel('Bandwidth').selectOption('1000');
  await page.getByLabel('Billing model').selectOption('UnlimitedData');
  await w.press('Continue');
  await expect(w.heading('Check the circuit before you create it')).toBeVisible();
  await expect(page.getByText('Local_UnlimitedData')).toBeVisible();
  await page.getByRole('link', { name: 'Change name' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('MyCircuit');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
});

test('corrupt stored data is kept under a backup key and the app still works', async ({ page }) => {
  await page.goto('./');
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"revision":3,"data":{"circ'), KEY);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  // Reloading again (as the person would, to check) does not copy the same data twice.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('er-wizard:backup:')));
  expect(backups.length).toBe(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe('{"version":1,"revision":3,"data":{"circ');
  const w = new Wizard(page);
  await w.createCircuit({ name: 'AfterCorruption' });
  await w.home();
  await expect(page.getByRole('heading', { level: 2, name: 'AfterCorruption' })).toBeVisible();
});

test('two tabs editing at once: each sees the other, nothing is lost', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const wa = new Wizard(a);
  const wb = new Wizard(b);
  await wa.home();
  await wb.home();
  await wa.createCircuit({ name: 'FromTabA' });
  await wb.home();
  await expect(b.getByRole('heading', { level: 2, name: 'FromTabA' })).toBeVisible();
  await wb.createCircuit({ name: 'FromTabB' });
  // Tab A never reloaded; its next change must not overwrite tab B's circuit.
  await wa.provision();
  await wa.home();
  await expect(a.getByRole('heading', { level: 2, name: 'FromTabB' })).toBeVisible();
  await wb.reload();
  await wb.home();
  await expect(b.getByRole('heading', { level: 2, name: 'FromTabA' })).toBeVisible();
  await expect(b.getByRole('heading', { level: 2, name: 'FromTabB' })).toBeVisible();
  const stored = await b.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits.map((c) => [c.circuit.name, c.circuit.serviceProviderProvisioningState]), KEY);
  expect(stored).toEqual(expect.arrayContaining([['FromTabA', 'Provisioned'], ['FromTabB', 'NotProvisioned']]));
});

test('keyboard alone creates a circuit, with focus always visible', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { text: (el.textContent || '').trim(), id: el.id, tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
  });
  // Tab to "Create circuit" and press Enter.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    expect(f.outline).not.toBe('none');
    if (f.text === 'Create circuit') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Create the circuit' })).toBeVisible();
  const typeInto = async (id, text) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.outline).not.toBe('none');
      if (f.id === id) break;
    }
    if (text !== null) await page.keyboard.type(text);
  };
  await typeInto('create-resource-group', 'rg');
  await typeInto('create-region', 'West US');
  await typeInto('create-name', 'KeyboardCircuit');
  await typeInto('create-provider', 'Equinix');
  await typeInto('create-peering-location', 'Silicon Valley');
  await typeInto('create-bandwidth', null);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#create-bandwidth')).toHaveValue('100');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await focused()).text === 'Continue') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Check the circuit before you create it' })).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await focused()).text === 'Create') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByText('Billing starts now')).toBeVisible();
  await expect(page.locator('#service-key')).toHaveText(/^[0-9a-f-]{36}$/);
});

test('axe-core finds no WCAG 2.2 AA violations on any wizard screen', async ({ page }) => {
  const w = new Wizard(page);
  const check = async (name) => {
    const v = await axe(page);
    expect(v, `${name}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  await w.home();
  await check('empty list');
  await page.getByRole('link', { name: 'Create circuit' }).first().click();
  await w.press('Continue');
  await check('create with errors');
  await page.goto('./');
  await w.createCircuit({ name: 'AxeCircuit' });
  await check('step 1');
  await w.step(2);
  await check('step 2');
  await w.provision();
  await w.step(3);
  await check('step 3');
  await w.step(4);
  await w.press('Configure Microsoft peering');
  await w.press('Save peering');
  await check('step 4 with errors');
  await w.step(5);
  await check('step 5');
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await w.press('Delete circuit');
  await check('manage with refusal');
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  await check('timeline');
  await w.home();
  await check('list');
  for (const dark of [true]) {
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await check('list, dark');
  }
});

test('the create form suggests providers and peering locations from Microsoft\'s list, warns about unknown names, and offers Local only where a local region is listed (LOCATIONS)', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.openCreateForm({ name: 'Catalog', resourceGroup: 'rg', region: 'West Europe' });
  const provider = page.getByRole('combobox', { name: 'Provider', exact: true });
  await provider.fill('Equinix');
  // Peering locations are filtered by the provider, providers by the location.
  const locations = await page.locator('#peering-locations option').evaluateAll((os) => os.map((o) => o.value));
  expect(locations).toContain('Silicon Valley');
  expect(locations).not.toContain('Abu Dhabi');
  expect(new Set(locations).size).toBe(locations.length);
  await page.getByLabel('Peering location').fill('Atlanta');
  await expect(page.locator('#peering-location-facts')).toContainText('Atlanta is in North America; local Azure regions: none (no ExpressRoute Local here).');
  await expect(page.getByLabel('SKU').locator('option')).toHaveText(['Standard', 'Premium']);
  await page.getByLabel('Peering location').fill('Silicon Valley');
  await expect(page.locator('#peering-location-facts')).toContainText('local Azure region: West US');
  await expect(page.getByLabel('SKU').locator('option')).toHaveText(['Local', 'Standard', 'Premium']);
  const providers = await page.locator('#providers option').evaluateAll((os) => os.map((o) => o.value));
  expect(providers).toContain('Equinix');
  // A name not in the list is a warning, never a refusal.
  await provider.fill('Nobody Telecom');
  await expect(page.locator('.catalog-warnings')).toContainText(/'Nobody Telecom' is not in Microsoft's list of providers as of \d\d\/\d\d\/\d{4}/);
  await page.getByLabel('Bandwidth').selectOption('200');
  await w.press('Continue');
  await expect(w.heading('Check the circuit before you create it')).toBeVisible();
  await expect(page.locator('.catalog-warnings')).toContainText('Nobody Telecom');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(w.heading('Create the circuit')).toBeVisible();
});

test('a Standard circuit reaches the regions of its peering location, not of its resource region (LOCATIONS)', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  // A West Europe resource at Silicon Valley: reaches West US, refuses North Europe.
  await w.createCircuit({ name: 'FarAway', region: 'West Europe' });
  await w.provision();
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '192.168.17.16/30', 'Secondary subnet': '192.168.17.20/30', 'VLAN ID': '100' });
  await w.press('Save peering');
  await w.step(5);
  await page.getByLabel('Connection name').fill('eu-conn');
  await page.getByLabel('Virtual network', { exact: true }).fill('eu-vnet');
  await page.getByLabel('Virtual network region').fill('North Europe');
  await page.getByLabel('Address space').fill('10.50.0.0/16');
  await page.getByRole('button', { name: 'Link virtual network' }).click();
  await expect(page.locator('main')).toContainText("the circuit's peering location Silicon Valley is in North America");
  await expect(page.locator('main')).toContainText('resource region plays no part');
  await page.getByLabel('Connection name').fill('us-conn');
  await page.getByLabel('Virtual network', { exact: true }).fill('us-vnet');
  await page.getByLabel('Virtual network region').fill('West US');
  await page.getByRole('button', { name: 'Link virtual network' }).click();
  await expect(page.getByText('us-conn').first()).toBeVisible();
});

test('a refused VNet link marks the input the refusal concerns, not a guessed one', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Marked' });
  await w.provision();
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '192.168.17.16/30', 'Secondary subnet': '192.168.17.20/30', 'VLAN ID': '100' });
  await w.press('Save peering');
  await w.step(5);
  const link = async (name, region, space) => {
    await page.getByLabel('Connection name').fill(name);
    await page.getByLabel('Virtual network', { exact: true }).fill(`${name}-vnet`);
    await page.getByLabel('Virtual network region').fill(region);
    await page.getByLabel('Address space').fill(space);
    await page.getByRole('button', { name: 'Link virtual network' }).click();
  };
  // The field is marked, its message linked by aria-describedby, and the other fields are not.
  const marked = async (label, message, others) => {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await field.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
    await expect(page.locator(`#${errorId}`)).toContainText(message);
    for (const other of others) {
      await expect(page.getByLabel(other, { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    }
  };
  // [LOCATIONS]: a Standard circuit at Silicon Valley does not reach North Europe.
  await link('eu-conn', 'North Europe', '10.50.0.0/16');
  await marked('Virtual network region', 'North Europe', ['Connection name', 'Address space']);
  await link('us-conn', 'West US', '10.51.0.0/16');
  await expect(page.getByText('us-conn').first()).toBeVisible();
  // A connection name already used on the circuit is the name's problem.
  await link('us-conn', 'West US', '10.52.0.0/16');
  await marked('Connection name', 'us-conn', ['Virtual network region', 'Address space']);
});
