// The app shell loads from a sub-path build and survives a reload.
import { test, expect } from '@playwright/test';

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
