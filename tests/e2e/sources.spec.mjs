// Sources a person can follow: every "Source" line on the main screens names its documents and links
// to them (https), and no bare source key such as [WF] is left on any screen.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { Wizard, axe } from './pages.mjs';

const SHOTS = process.env.SOURCES_SHOTS; // a directory: save screenshots there for review
const BARE_KEY = /\[[A-Z][A-Z0-9-]+\]|\[inferred/;
const example = (f) => fs.readFileSync(path.resolve('core/tests/fixtures/azure-examples', f), 'utf8');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

/**
 * Opens every disclosure on the screen, then checks: no bare key in the visible text, at least
 * `min` "Source" lines, each with at least one https link that opens without an opener or referrer.
 * Returns how many Source lines were checked.
 */
async function expectLinkedSources(page, screen, min = 1) {
  await expect(page.locator('h1')).toBeVisible();
  await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  const text = await page.locator('body').innerText();
  const bare = text.match(new RegExp(BARE_KEY.source, 'g'));
  expect(bare, `${screen}: bare source keys on screen`).toBeNull();
  const lines = await page.locator('.source').evaluateAll((ps) => ps.map((p) => ({
    text: p.innerText,
    links: [...p.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), text: a.innerText })),
  })));
  expect(lines.length, `${screen}: Source lines`).toBeGreaterThanOrEqual(min);
  for (const l of lines) {
    expect(l.text, screen).toMatch(/^Sources?: /);
    expect(l.links.length, `${screen}: "${l.text}" has no link`).toBeGreaterThan(0);
    for (const a of l.links) {
      expect(a.href, `${screen}: ${a.text}`).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      expect(a.rel, `${screen}: ${a.text}`).toBe('noopener noreferrer');
      expect(a.text, `${screen}: link text`).toMatch(/\S.*\(.+\)$/);
    }
  }
  return lines.length;
}

test('the wizard shows sources as links on every step, a blocked step and changes', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit();
  // Step 1: the commands panel cites the docs the commands come from.
  await expectLinkedSources(page, 'step 1');
  await w.step(2);
  await expectLinkedSources(page, 'step 2');
  await w.provision();
  await w.step(3);
  const panels = await expectLinkedSources(page, 'step 3', 3);
  const first = page.locator('.state-info .source').first();
  await expect(first.getByRole('link', { name: /\(Microsoft Learn\)$/ }).first()).toHaveAttribute('href', /^https:\/\/learn\.microsoft\.com\/azure\/expressroute\//);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/step3-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('.state-info').first().screenshot({ path: `${SHOTS}/step3-panel-narrow.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  expect(panels).toBeGreaterThanOrEqual(3);
  // Step 4: Microsoft peering's warnings cite theirs.
  await w.step(4);
  await expect(page.locator('.callout.warning .source').first()).toBeVisible();
  await expectLinkedSources(page, 'step 4', 2);
  await w.step(5);
  await expectLinkedSources(page, 'step 5');
  await page.goto(page.url().replace(/\/\d$/, '/manage'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectLinkedSources(page, 'changes and end of life');

  // A blocked step: Layer 3 peering, refused with its reason and its sources.
  await w.home();
  await w.createCircuit({ name: 'Layer3Circuit', layer3: true });
  await w.provision();
  await w.step(4);
  await expect(page.getByRole('heading', { name: 'Cannot start yet' })).toBeVisible();
  const blocked = page.locator('.callout.blocked .source');
  await expect(blocked).toBeVisible();
  await expect(blocked.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  await expectLinkedSources(page, 'blocked step 4');
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await page.locator('.callout.blocked').screenshot({ path: `${SHOTS}/blocked-desktop.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('.callout.blocked').screenshot({ path: `${SHOTS}/blocked-narrow.png` });
  }
});

test('the demos, a scenario with its diagram and the peer table show sources as links', async ({ page }) => {
  await page.goto('./#/demos');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectLinkedSources(page, 'demos');
  const peers = page.locator('#peers-title').locator('xpath=..').locator('.source');
  await expect(peers.getByRole('link', { name: /\(AWS documentation\)$/ }).first()).toBeVisible();
  await expect(peers).toContainText('Inferred (analogy), not stated by Microsoft.');
  if (SHOTS) await peers.screenshot({ path: `${SHOTS}/peers-desktop.png` });

  await page.goto('./#/demos/delete-refused');
  const controls = page.getByRole('group', { name: 'Scenario controls' });
  for (let i = 0; i < 2; i++) await controls.getByRole('button', { name: 'Next' }).click();
  const diagram = page.locator('section.diagram').first();
  await diagram.locator('li.refused', { hasText: 'Delete circuit' }).getByRole('button').click();
  await expect(diagram.locator('.diagram-explain')).toContainText('Refused in Provisioned');
  await expect(diagram.locator('.diagram-explain .source a').first()).toHaveAttribute('href', /^https:\/\//);
  await expectLinkedSources(page, 'scenario and diagram', 2);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/scenario-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await diagram.locator('.diagram-explain').screenshot({ path: `${SHOTS}/diagram-explain-narrow.png` });
  }
});

test('the import diagnosis shows each finding with its sources as links', async ({ page }) => {
  await page.goto('./#/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import a circuit' })).toBeVisible();
  await page.getByLabel("Paste the circuit's output").fill(example('ExpressRouteCircuitGet.json'));
  await page.getByRole('button', { name: 'Read the output' }).click();
  const card = page.locator('section.card', { hasText: 'circuitName' });
  await expect(card.locator('li .source').first()).toBeVisible();
  await expectLinkedSources(page, 'import diagnosis', 2);
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await card.screenshot({ path: `${SHOTS}/import-desktop.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await card.screenshot({ path: `${SHOTS}/import-narrow.png` });
  }
});
