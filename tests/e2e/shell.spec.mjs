// The app shell loads from a sub-path build and survives a reload.
import { test, expect } from '@playwright/test';
import { Wizard, KEY } from './pages.mjs';

test('the shell renders under the sub-path and after a reload', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('ExpressRoute Circuit Wizard');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create circuit' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the first load fetches "Your circuits" only; the wizard, import and demos are their own pages, reached from each other', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // A visitor who saves data: nothing is fetched ahead at idle, so each page's loads are its own
  // (what is fetched ahead otherwise, and when, is tests/e2e/offline.spec.mjs's).
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  expect(fetched.filter((p) => p.includes('er-home')).length).toBe(2);
  expect(fetched.filter((p) => p.includes('er-wizard'))).toEqual([]);
  expect(fetched.filter((p) => p.includes('er-tools'))).toEqual([]);

  // Create circuit opens the wizard's page, which brings its own bundle.
  await page.getByRole('link', { name: 'Create circuit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create the circuit' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/wizard/wizard.html#/create');
  expect(fetched.filter((p) => p.includes('er-wizard')).length).toBe(2);

  // The header links go to the tools page, under the same sub-path.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a circuit' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/wizard/tools.html#/import');
  expect(fetched.filter((p) => p.includes('er-tools')).length).toBe(2);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Demos' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demos' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/wizard/tools.html');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your circuits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/wizard/#/');

  // Addresses of the one-page app (bookmarks, shared links) still open the right screen, both ways.
  await page.goto('./#/demos/happy-path');
  await expect(page).toHaveURL(/\/wizard\/tools\.html#\/demos\/happy-path$/);
  await expect(page.locator('main h1')).toBeVisible();
  await page.goto('./tools.html#/create');
  await expect(page).toHaveURL(/\/wizard\/wizard\.html#\/create$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Create the circuit' })).toBeVisible();
  await page.goto('./#/c/x1/manage');
  await expect(page).toHaveURL(/\/wizard\/wizard\.html#\/c\/x1\/manage$/);
  await page.goto('./wizard.html#/');
  await expect(page).toHaveURL(/\/wizard\/#\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('back to "Your circuits" from the wizard shows what the wizard saved, also from the back/forward cache', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'BackForward' });
  await w.home();
  const badge = page.locator('.circuit-card', { hasText: 'BackForward' }).locator('.badge', { hasText: 'Provider status' }).locator('.badge-value');
  await expect(badge).toHaveText('NotProvisioned');

  // The browser's back button after a change on the wizard's page.
  await page.getByRole('link', { name: 'BackForward', exact: true }).click();
  await w.step(2);
  await w.press('Provider starts provisioning');
  await w.expectProviderStatus('Provisioning');
  // Back through the wizard's own steps (same page) to "Your circuits" (the page before).
  for (let i = 0; i < 4 && new URL(page.url()).pathname !== '/wizard/'; i++) await page.goBack();
  await expect(w.heading('Your circuits')).toBeVisible();
  await expect(badge).toHaveText('Provisioning');

  // A page restored from the back/forward cache is shown as it was left: it reads what was saved
  // meanwhile. (Played here: the stored data moves on without a storage event, then the page is shown.)
  await page.evaluate((k) => {
    const env = JSON.parse(localStorage.getItem(k));
    env.data.circuits[0].circuit.serviceProviderProvisioningState = 'Provisioned';
    env.data.circuits[0].updated = Date.now(); // as the page that made the change writes it
    env.revision += 1;
    localStorage.setItem(k, JSON.stringify(env));
  }, KEY);
  await page.waitForTimeout(200);
  await expect(badge).toHaveText('Provisioning'); // nothing tells the page yet
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await expect(badge).toHaveText('Provisioned');
  expect(errors).toEqual([]);
});

test.describe(() => {
// The bundle is held by a Playwright route, which does not see what a service worker answers.
test.use({ serviceWorkers: 'block' });
test('each page says it is loading while its bundle arrives, and the line goes once the app is there', async ({ page }) => {
  for (const [url, bundle, loading, heading] of [
    ['./', 'er-home', 'Loading your circuits…', 'Your circuits'],
    ['./wizard.html#/create', 'er-wizard', 'Opening the wizard…', 'Create the circuit'],
  ]) {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(`**/${bundle}-*_bg.wasm`, async (route) => { await held; await route.continue(); });
    await page.goto(url, { waitUntil: 'commit' });
    await expect(page.getByRole('status').filter({ hasText: loading })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(loading)).toHaveCount(0);
    await page.unroute(`**/${bundle}-*_bg.wasm`);
  }
});
});
