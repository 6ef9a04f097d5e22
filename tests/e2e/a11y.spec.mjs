// Accessibility (WCAG 2.2 AA) of the screens wizard.spec.mjs does not cover: import with an error,
// import preview, backup, demos, shared links, storage notices. axe-core with the wcag2a/2aa/21a/
// 21aa/22aa tags (target-size included, and checked to have run), focus visible on every Tab stop,
// errors announced through live regions.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { Wizard, KEY } from './pages.mjs';

const EXAMPLE = path.resolve('core/tests/fixtures/azure-examples/ExpressRouteCircuitGet.json');
const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
let screens = 0;

/** axe with the WCAG 2.2 AA tags; fails with the violations; proves target-size was evaluated. */
async function check(page, name) {
  await page.evaluate(AXE);
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    const ran = (id) => [...res.passes, ...res.violations, ...res.incomplete].some((x) => x.id === id);
    return {
      violations: res.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) })),
      targetSize: ran('target-size'),
    };
  });
  expect(r.violations, `${name}: ${JSON.stringify(r.violations, null, 1)}`).toEqual([]);
  expect(r.targetSize, `${name}: target-size rule did not run`).toBe(true);
  screens++;
}

/** Tabs through the page (up to `max` stops); every focused element shows a focus indicator. */
async function tabThrough(page, name, max = 60) {
  // Start before the first Tab stop (the skip link), wherever focus was, by keyboard, so that
  // :focus-visible applies as it does for a keyboard user.
  await page.locator('a.skip-link').focus();
  await page.keyboard.press('Shift+Tab');
  const seen = new Set();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        key: `${el.tagName}#${el.id}.${el.className}:${(el.textContent || '').trim().slice(0, 30)}`,
        visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
        size: [r.width, r.height],
        tag: el.tagName,
      };
    });
    if (f.tag === 'BODY' || seen.has(f.key)) break;
    seen.add(f.key);
    expect(f.visible, `${name}: no visible focus on ${f.key}`).toBe(true);
  }
  expect(seen.size, `${name}: nothing focusable`).toBeGreaterThan(2);
}

test.afterAll(() => console.log(`a11y: axe ran on ${screens} screens`));

test('import: error, preview, saved, backup restore, with announcements', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(w.heading('Import a circuit')).toBeVisible();
  await check(page, 'import, empty');
  await tabThrough(page, 'import, empty');
  // An error: announced by the summary (role=alert), which takes focus and links to the field.
  await w.press('Read the output');
  const summary = page.locator('.error-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Paste the circuit's output")).toHaveAttribute('aria-invalid', 'true');
  await check(page, 'import with an error');
  await page.getByLabel("Paste the circuit's output").fill('{ "name": "x", ');
  await w.press('Read the output');
  await expect(summary).toBeVisible();
  await check(page, 'import with a parse error');
  // A preview.
  await page.getByLabel("Paste the circuit's output").fill(fs.readFileSync(EXAMPLE, 'utf8'));
  await w.press('Read the output');
  await expect(page.getByRole('button', { name: 'Save to your circuits' })).toBeVisible();
  await check(page, 'import preview');
  await page.getByRole('button', { name: 'Save to your circuits' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await check(page, 'import saved');
  await tabThrough(page, 'import saved', 80);
  // Restore from a backup file that is not a backup: an error, announced by a live region.
  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not a backup') });
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was restored' })).toBeVisible();
  await check(page, 'restore with an error');
});

test('import: a redacted paste and a Direct port, light and dark', async ({ page }) => {
  const pastes = path.resolve('core/tests/fixtures/pastes');
  const w = new Wizard(page);
  await w.home();
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(w.heading('Import a circuit')).toBeVisible();
  for (const f of ['cli-show-redacted.json', 'docs-Get-AzExpressRoutePort-Disabled.txt', 'cli-connection-show.json']) {
    await page.getByLabel("Paste the circuit's output").fill(fs.readFileSync(path.join(pastes, f), 'utf8'));
    await w.press('Read the output');
    await expect(page.locator('#import-results')).toBeVisible();
    await check(page, `import ${f}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await check(page, `import ${f}, dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await tabThrough(page, 'import of a Direct port', 80);
  // At a phone's width the results' tables scroll sideways: axe on the results themselves.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const f of ['cli-show-redacted.json', 'docs-Get-AzExpressRoutePort-Disabled.txt']) {
    await page.getByLabel("Paste the circuit's output").fill(fs.readFileSync(path.join(pastes, f), 'utf8'));
    await w.press('Read the output');
    await expect(page.locator('#import-results')).toBeVisible();
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const res = await window.axe.run({ include: [['main section.card']] }, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return res.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
    expect(violations, `import ${f}, narrow: ${JSON.stringify(violations)}`).toEqual([]);
    screens++;
  }
});

test('keyboard alone imports a circuit, with focus always visible', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await page.getByRole('link', { name: 'Import', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(w.heading('Import a circuit')).toBeVisible();
  const focusOn = async (test, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => ({ id: document.activeElement.id, text: (document.activeElement.textContent || '').trim(), outline: getComputedStyle(document.activeElement).outlineStyle }));
      expect(f.outline).not.toBe('none');
      if (test(f)) return;
    }
    throw new Error('not reached by Tab');
  };
  await focusOn((f) => f.id === 'import-text');
  await page.keyboard.insertText(fs.readFileSync(EXAMPLE, 'utf8'));
  await focusOn((f) => f.text === 'Read the output');
  await page.keyboard.press('Enter');
  await focusOn((f) => f.text.startsWith('Save to your circuits'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const names = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits.map((c) => c.circuit.name), KEY);
  expect(names).toEqual(['circuitName']);
});

test('demos and shared links', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await page.getByRole('link', { name: 'Demos', exact: true }).click();
  await expect(page.locator('h1')).toBeVisible();
  await check(page, 'demos');
  await tabThrough(page, 'demos');
  const demo = page.locator('main a[href*="#/demos/"]').first();
  if (await demo.count()) {
    await demo.click();
    await expect(page.locator('h1')).toBeVisible();
    await check(page, 'a demo playing');
    const share = page.locator('main a[href*="#/share/"]').first();
    if (await share.count()) {
      await share.click();
      await expect(page.locator('h1')).toBeVisible();
      await check(page, 'a shared scenario');
    }
  }
  await page.goto('./#/share/%%%damaged');
  await expect(page.locator('h1')).toBeVisible();
  await check(page, 'a damaged shared link');
  // A circuit's timeline with a refusal, and its share box.
  await w.home();
  await w.createCircuit({ name: 'A11yShare' });
  await w.step(2);
  await w.press('Provider completes provisioning');
  await expect(page.locator('.feedback')).toHaveAttribute('role', 'status');
  await expect(page.locator('.feedback')).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('.feedback .callout.error')).toContainText('Cannot');
  await check(page, 'step 2 with a refusal in the live region');
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline', exact: true })).toBeVisible();
  await check(page, 'timeline with a refusal');
  const share = page.locator('main a[href*="#/share/"]').first();
  if (await share.count()) {
    await share.click();
    await expect(page.locator('h1')).toBeVisible();
    await check(page, 'a shared circuit');
  }
});

test('storage notices are announced politely and pass axe, light and dark', async ({ page }) => {
  await page.goto('./');
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"revision":2,"data":{"circ'), KEY);
  await page.reload();
  const notices = page.locator('.notices');
  await expect(notices).toHaveAttribute('role', 'status');
  await expect(notices).toHaveAttribute('aria-live', 'polite');
  await expect(notices).toContainText('could not be read');
  await check(page, 'corrupt-data notice');
  await page.emulateMedia({ colorScheme: 'dark' });
  await check(page, 'corrupt-data notice, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await tabThrough(page, 'notice');
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).not.toContainText('could not be read');
});

test('a refused delete on the list is announced as an alert', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'Busy' });
  await w.provision();
  await page.getByRole('link', { name: 'Your circuits' }).click();
  await page.getByRole('button', { name: 'Delete Busy' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be deleted' })).toBeVisible();
  await check(page, 'list with a refused delete');
});
