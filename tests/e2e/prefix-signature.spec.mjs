// Signed prefix validation of Microsoft peering (api-version 2024-10-01+), through step 4: what
// ValidationNeeded asks first, the exact commands (openssl, Add/Set-AzExpressRouteCircuitMicrosoft-
// PeeringPrefixConfig, and the Azure CLI saying it has none), the form with Azure PowerShell's
// refusals, and a prefix failing on a missing certificate, then passing.
import { test, expect } from '@playwright/test';
import { Wizard, axe } from './pages.mjs';

const SHOTS = process.env.PREFIX_SHOTS; // a directory: save screenshots there for review

const ID = 'Azure-SKEY|7c44c70b-9c62-4a89-a6b2-d281b6ce7a49|123.1.0.0/24|ASN-23';
const SIG = 'XxGp/5JtCJTrxSsOCeK+icaekDy18U4jZjrcHMAlN5cOTweH9XjZ7yfcLd4YegTPbGWiaKsX3Ag==';
const GET = "$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup'";
const SET = 'Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt';
const OPENSSL = 'openssl dgst -sha256 -sign privkey.pem -out signature.txt validationId.txt\nopenssl base64 -in signature.txt';
const NO_CLI = "# The Azure CLI has no command for a prefix's validation ID and signature:\n"
  + '# az network express-route peering has no argument for them. Use Azure PowerShell\n'
  + '# (Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig) or the REST API, api-version 2024-10-01 or later.';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

/** The `<pre>` texts of one command section, PowerShell then CLI. */
async function commandTexts(page, title) {
  const section = page.locator('section.command', { has: page.getByRole('heading', { name: title }) });
  return section.locator('pre code').allTextContents();
}

test('a prefix is validated by its signature: commands, refusals, a missing certificate, then Configured', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit();
  await w.provision();
  await w.step(4);
  await w.press('Configure Microsoft peering');
  await w.fillPeering({
    'Peer ASN': '100', 'Primary subnet': '123.0.0.0/30', 'Secondary subnet': '123.0.0.4/30', 'VLAN ID': '300',
    'Advertised public prefixes': '123.1.0.0/24', 'Customer ASN': '23', 'Routing registry name': 'ARIN',
  });
  await w.press('Save peering');
  const apps = page.locator('.badge', { hasText: 'Advertised public prefixes' }).locator('.badge-value');
  const section = page.locator('.prefix-validation');
  await w.press('Automatic validation fails');
  await expect(apps).toHaveText('ValidationNeeded');

  // ValidationNeeded leads with the signed process; the support ticket is the fallback.
  const steps = section.locator('.state-info').first().locator('li');
  await expect(steps.first()).toContainText('Validate each prefix by signature: publish your organisation\'s certificate in the routing registry record of the prefix');
  await expect(steps.nth(2)).toContainText('Open a support ticket');
  const row = section.getByRole('row', { name: /123\.1\.0\.0\/24/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText('ValidationNeeded');
  await expect(row.getByRole('cell').nth(2)).toHaveText('None');

  // The commands, exactly.
  await section.getByText('Do it for real: sign and add the validation info').click();
  expect(await commandTexts(page, 'Sign the validation ID of 123.1.0.0/24')).toEqual([
    `Set-Content -Path validationId.txt -Value '<validation-id-of-123.1.0.0/24>' -NoNewline\n${OPENSSL}`,
    `printf '%s' '<validation-id-of-123.1.0.0/24>' > validationId.txt\n${OPENSSL}`,
  ]);
  expect(await commandTexts(page, 'Add the validation ID and signature of 123.1.0.0/24')).toEqual([
    `${GET}\nAdd-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix '123.1.0.0/24' -ValidationId '<validation-id-of-123.1.0.0/24>' -Signature '<base64-signature>'\n${SET}`,
    NO_CLI,
  ]);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await section.screenshot({ path: `${SHOTS}/prefix-signature-desktop.png` });
    await page.setViewportSize({ width: 360, height: 780 });
    await section.screenshot({ path: `${SHOTS}/prefix-signature-narrow.png` });
    await section.locator('.state-info').first().screenshot({ path: `${SHOTS}/prefix-signature-narrow-state.png` });
    await section.getByRole('table').screenshot({ path: `${SHOTS}/prefix-signature-narrow-table.png` });
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // The form: a missing signature is refused on its field.
  const form = section.locator('form.prefix-signature');
  await expect(form.getByLabel('Prefix', { exact: true })).toHaveValue('123.1.0.0/24');
  await form.getByLabel('Validation ID', { exact: true }).fill(ID);
  await w.press('Add validation info');
  await expect(form.getByText('There is a problem')).toBeVisible();
  await expect(form.getByLabel('Signature', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('The signature is missing');
  await form.getByLabel('Signature', { exact: true }).fill(SIG);
  await w.press('Add validation info');
  await expect(apps).toHaveText('Configuring');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Configuring');
  await expect(row.getByRole('cell').nth(2)).toHaveText('Added');

  // Azure PowerShell's refusal for a second entry.
  await form.getByLabel('Validation ID', { exact: true }).fill(ID);
  await form.getByLabel('Signature', { exact: true }).fill(SIG);
  await w.press('Add validation info');
  await expect(form.getByLabel('Prefix', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('PrefixInfo already exists: prefix 123.1.0.0/24 already has a validation ID and signature.');
  await expect(form).toContainText('use Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig with the same -Prefix');

  // Microsoft: the registry record has no certificate.
  await w.press('Certificate missing in the registry');
  await expect(apps).toHaveText('ValidationNeeded');
  await expect(row.getByRole('cell').nth(1)).toHaveText('CertificateMissingInRoutingRegistry');
  await expect(row).toContainText('Publish the certificate of the key that signed the validation ID in the routing registry record of the prefix.');
  await section.getByText('Do it for real: sign and add the validation info').click();
  expect(await commandTexts(page, 'Replace the validation ID and signature of 123.1.0.0/24')).toEqual([
    `${GET}\nSet-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix '123.1.0.0/24' -ValidationId '${ID}' -Signature '<base64-signature>'\n${SET}`,
    NO_CLI,
  ]);
  expect(await commandTexts(page, 'Sign the validation ID of 123.1.0.0/24')).toEqual([
    `Set-Content -Path validationId.txt -Value '${ID}' -NoNewline\n${OPENSSL}`,
    `printf '%s' '${ID}' > validationId.txt\n${OPENSSL}`,
  ]);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) await section.screenshot({ path: `${SHOTS}/prefix-signature-failed.png` });

  // Fixed: the certificate is published and the signature verifies.
  await w.press('Validation succeeds');
  await expect(apps).toHaveText('Configured');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Configured');
  await w.reload();
  await expect(row.getByRole('cell').nth(2)).toHaveText('Added');
});
