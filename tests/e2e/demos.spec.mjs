// Onboarding demos (#6): every built-in scenario plays to its end, undo restores the exact previous
// state, and a shared link opens the same state in a fresh browser context.
import { test, expect } from '@playwright/test';
import { Wizard, KEY, axe } from './pages.mjs';

const SHOTS = process.env.DEMO_SHOTS; // a directory: save screenshots there for review

const SCENARIOS = [
  { slug: 'happy-path', steps: 4, circuit: 'Provisioned' },
  { slug: 'layer3', steps: 4, circuit: 'Provisioned', refused: 'Layer 3' },
  { slug: 'delete-refused', steps: 7, circuit: 'Deleting', refused: 'ConflictError' },
  { slug: 'microsoft-validation', steps: 6, circuit: 'Provisioned', prefixes: 'Configured' },
  { slug: 'prefix-signature', steps: 9, circuit: 'Provisioned', prefixes: 'Configured', refused: 'PrefixInfo already exists' },
  { slug: 'global-reach', steps: 7, circuit: 'Provisioned', refused: 'both need ExpressRoute Premium' },
  { slug: 'route-filter', steps: 9, circuit: 'Provisioned', prefixes: 'Configured', refused: 'no route filter to attach' },
  { slug: 'deprovision-reenable', steps: 7, circuit: 'Provisioned' },
];

/** The state marked "current" in a diagram's list of states. */
function currentState(page, headingText) {
  return page.locator('section.diagram', { has: page.getByRole('heading', { level: 2, name: headingText }) })
    .locator('.diagram-list li.current button').first();
}

async function storedCircuits(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{"data":{"circuits":[]}}').data.circuits, KEY);
}

for (const sc of SCENARIOS) {
  test(`scenario ${sc.slug} plays step by step to its end`, async ({ page }) => {
    await page.goto(`./#/demos/${sc.slug}`);
    const controls = page.getByRole('group', { name: 'Scenario controls' });
    await expect(page.getByText(`Step 0 of ${sc.steps}`, { exact: true })).toBeVisible();
    await expect(currentState(page, 'Circuit and provider states')).toHaveText('NotProvisioned');
    for (let i = 1; i <= sc.steps; i++) {
      await controls.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByText(`Step ${i} of ${sc.steps}`, { exact: true })).toBeVisible();
      await expect(page.locator('.narration .narration-step')).toContainText(`Step ${i} of ${sc.steps}`);
      // The list's number for the current step is the step's own number.
      const shown = await page.locator('ol.scenario-steps').evaluate((ol) => {
        const items = [...ol.children];
        return ol.start + items.findIndex((li) => li.classList.contains('current'));
      });
      expect(shown).toBe(i);
    }
    await expect(controls.getByRole('button', { name: 'Next' })).toBeDisabled();
    await expect(page.getByText('end of the scenario')).toBeVisible();
    await expect(currentState(page, 'Circuit and provider states')).toHaveText(sc.circuit);
    if (sc.prefixes) {
      await expect(currentState(page, 'MicrosoftPeering: advertised public prefixes states')).toHaveText(sc.prefixes);
    }
    if (sc.refused) {
      // A refused step's narration is the core's reason and remedy.
      await page.getByRole('listitem').filter({ hasText: '(refused)' }).first().getByRole('button').click();
      await expect(page.locator('.narration')).toContainText('Refused');
    }
    // Previous goes back one step.
    await controls.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByText(/^Step \d+ of \d+$/)).toBeVisible();
    // A scratch circuit: nothing saved.
    expect(await storedCircuits(page)).toHaveLength(0);
  });
}

test('the demos page sets Azure\'s states beside AWS, Google Cloud and Oracle counterparts', async ({ page }) => {
  await page.goto('./#/demos');
  const table = page.getByRole('table', { name: 'Azure ExpressRoute states and their nearest counterparts' });
  const waiting = table.getByRole('row', { name: /NotProvisioned/ });
  await expect(waiting).toContainText('requested (standard connection) / ordering (hosted connection)');
  await expect(waiting).toContainText('PENDING_PARTNER');
  await expect(waiting).toContainText('PENDING_PROVIDER');
  await expect(table.getByRole('row', { name: /ValidationNeeded/ })).toContainText('VERIFYING');
  await expect(page.getByText('not equivalences')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('play runs a scenario to its end at the chosen pace, and pause stops it', async ({ page }) => {
  await page.goto('./#/demos/happy-path');
  const controls = page.getByRole('group', { name: 'Scenario controls' });
  await controls.getByLabel('Pace').selectOption('1');
  const play = controls.getByRole('button', { name: 'Play' });
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Step 1 of 4', { exact: true })).toBeVisible({ timeout: 3000 });
  await play.click(); // pause
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const paused = await page.locator('.player-status .step-count').textContent();
  await page.waitForTimeout(1500);
  await expect(page.locator('.player-status .step-count')).toHaveText(paused);
  await play.click();
  await expect(page.getByText('end of the scenario')).toBeVisible({ timeout: 8000 });
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(currentState(page, 'Circuit and provider states')).toHaveText('Provisioned');
});

test('the diagram explains a selected state and a refused transition', async ({ page }) => {
  await page.goto('./#/demos/delete-refused');
  const controls = page.getByRole('group', { name: 'Scenario controls' });
  for (let i = 0; i < 2; i++) await controls.getByRole('button', { name: 'Next' }).click();
  const diagram = page.locator('section.diagram').first();
  await expect(diagram.getByRole('img', { name: /State diagram: Circuit and provider states/ }).first()).toBeAttached();
  // Refused: Delete while Provisioned, with the core's reason.
  const del = diagram.locator('li.refused', { hasText: 'Delete circuit' });
  await expect(del).toContainText('refused:');
  await del.getByRole('button').click();
  await expect(diagram.locator('.diagram-explain')).toContainText('Refused in Provisioned');
  await expect(diagram.locator('.diagram-explain')).toContainText('What to do');
  const deprov = diagram.locator('li.available', { hasText: 'Provider deprovisions' });
  await expect(deprov).toContainText('available');
  // A state: its explanation from the core.
  await diagram.getByRole('button', { name: 'Deprovisioning', exact: true }).click();
  await expect(diagram.locator('.diagram-explain h3')).toHaveText('Deprovisioning');
  // Clicking a node in the SVG selects it too.
  await diagram.locator('.diagram-wide g.node').filter({ has: page.locator('text', { hasText: /^NotProvisioned$/ }) }).click();
  await expect(diagram.locator('.diagram-explain h3')).toHaveText('NotProvisioned');
  expect(await axe(page)).toEqual([]);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/player-desktop.png`, fullPage: true });
    await diagram.screenshot({ path: `${SHOTS}/diagram-desktop.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${SHOTS}/player-narrow.png`, fullPage: true });
    await page.locator('.player-controls').screenshot({ path: `${SHOTS}/controls-narrow.png` });
    await diagram.locator('.diagram-tall').screenshot({ path: `${SHOTS}/diagram-narrow.png` });
  }
});

test('undo on the timeline restores the exact previous state', async ({ page }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit();
  const [before] = await storedCircuits(page);
  await w.step(2);
  await w.press('Provider starts provisioning');
  await w.expectProviderStatus('Provisioning');
  const [after] = await storedCircuits(page);
  expect(after.circuit).not.toEqual(before.circuit);
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  await expect(currentState(page, 'Circuit and provider states')).toHaveText('Provisioning');
  await page.getByRole('button', { name: 'Undo last action' }).click();
  await expect(currentState(page, 'Circuit and provider states')).toHaveText('NotProvisioned');
  const [undone] = await storedCircuits(page);
  expect(undone.circuit).toEqual(before.circuit);
  await expect(page.locator('ol.timeline li').first()).toContainText('Undo');
  await expect(page.getByRole('button', { name: 'Undo last action' })).toBeDisabled();
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/timeline-desktop.png`, fullPage: true });
  }
  // The timeline is on the tools page; "Wizard" goes back to the step last shown (step 2).
  expect(new URL(page.url()).pathname).toBe('/wizard/tools.html');
  await page.getByRole('navigation', { name: 'Circuit' }).getByRole('link', { name: 'Wizard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Order connectivity from the provider' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/wizard/wizard.html');
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
});

test('a shared circuit link opens the same state in a fresh browser context', async ({ page, browser, baseURL }) => {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'SharedCircuit' });
  await w.provision();
  const [mine] = await storedCircuits(page);
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  const url = await page.getByLabel('Link to share').inputValue();
  expect(url).toContain('#/share/');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1, name: 'Shared circuit: SharedCircuit' })).toBeVisible();
  await expect(currentState(other, 'Circuit and provider states')).toHaveText('Provisioned');
  // Nothing saved until asked.
  expect(await storedCircuits(other)).toHaveLength(0);
  await other.getByRole('button', { name: 'Save a copy to your circuits' }).click();
  await expect(other.getByText('Saved as a new circuit.')).toBeVisible();
  const saved = await storedCircuits(other);
  expect(saved).toHaveLength(1);
  // The same circuit, minus its credential: a link never carries the service key.
  expect(saved[0].circuit).toEqual({ ...mine.circuit, serviceKey: '' });
  expect(JSON.stringify(saved)).not.toContain(mine.circuit.serviceKey);
  expect(saved[0].id).not.toEqual(mine.id);
  if (SHOTS) {
    await other.screenshot({ path: `${SHOTS}/share-desktop.png`, fullPage: true });
  }
  await fresh.close();
  expect(baseURL).toBeTruthy();
});

test('a shared scenario link opens at the same step in a fresh browser context', async ({ page, browser }) => {
  await page.goto('./#/demos/microsoft-validation');
  const controls = page.getByRole('group', { name: 'Scenario controls' });
  for (let i = 0; i < 4; i++) await controls.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('link', { name: 'Share a link to this step' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Shared demo/ })).toBeVisible();
  const url = page.url();
  const fresh = await browser.newContext({ colorScheme: 'dark' });
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByText('Step 4 of 6', { exact: true })).toBeVisible();
  await expect(currentState(other, 'MicrosoftPeering: advertised public prefixes states')).toHaveText('ValidationNeeded');
  if (SHOTS) {
    await other.screenshot({ path: `${SHOTS}/scenario-dark.png`, fullPage: true });
    await other.locator('section.diagram').nth(1).screenshot({ path: `${SHOTS}/prefixes-dark.png` });
  }
  await fresh.close();
});

test('a damaged shared link shows a clear message and changes nothing', async ({ page }) => {
  await page.goto('./#/share/not-a-valid*payload');
  await expect(page.getByRole('heading', { level: 1, name: 'This shared link cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your saved circuits were not changed');
  await page.goto('./#/share/eyJ2Ijo5fQ');
  await expect(page.getByRole('alert')).toContainText('newer version');
});
