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
