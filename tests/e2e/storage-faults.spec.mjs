// Storage faults, one test each: the app keeps working, tells the person what happened, and no
// previously saved circuit is lost. Every test first saves a known circuit through the UI, then
// injects the fault, then checks the circuit is still recoverable (under the key or a backup).
import { test, expect } from '@playwright/test';
import { Wizard, KEY } from './pages.mjs';

const BACKUP = 'er-wizard:backup:';

/** Creates and provisions "Seeded" through the UI; returns the stored text. Closes the page. */
async function seed(context, name = 'Seeded') {
  const page = await context.newPage();
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name });
  await w.provision();
  const text = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(JSON.parse(text).data.circuits.map((c) => c.circuit.name)).toEqual([name]);
  await page.close();
  return text;
}

/** A page with an init script installed before its first navigation; page errors are collected. */
async function faultedPage(context, script, arg) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (script) await page.addInitScript(script, arg);
  return { page, errors };
}

/** A page of the app's origin that does not run the app (which would load, migrate, save). */
const NO_APP = './csp-hashes.json';

/** Every stored key with its text, read from a page of the same origin without the app. */
async function storageDump(context) {
  const page = await context.newPage();
  await page.goto(NO_APP);
  const all = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  await page.close();
  return all;
}

function backupsOf(dump) {
  return Object.entries(dump).filter(([k]) => k.startsWith(BACKUP)).map(([, v]) => v);
}

/** The seeded circuit is still recoverable: present in the main key or kept verbatim in a backup. */
function expectRecoverable(dump, seededText, name = 'Seeded') {
  const main = dump[KEY] || '';
  let inMain = false;
  try { inMain = JSON.parse(main).data.circuits.some((c) => c.circuit.name === name); } catch { /* unreadable */ }
  const inBackup = backupsOf(dump).some((b) => b === seededText || b.includes(`"name":"${name}"`));
  expect(inMain || inBackup, `circuit ${name} lost; storage: ${JSON.stringify(dump).slice(0, 400)}`).toBe(true);
}

const notice = (page, text) => page.locator('.notices').getByText(text);

// Fault injections, run in the page before the app's script.
function quotaAfter({ prefix, after }) {
  const orig = Storage.prototype.setItem;
  let n = 0;
  // Each refused write is counted, so a test can wait for the app's (debounced) save attempt.
  window.__refusedWrites = 0;
  Storage.prototype.setItem = function (k, v) {
    if (String(k).startsWith(prefix) && ++n > after) {
      window.__refusedWrites += 1;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return orig.call(this, k, v);
  };
}
function storageDenied() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
  });
}
function everyAccessThrows() {
  for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
    Storage.prototype[m] = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  }
}
function writeFails() {
  Storage.prototype.setItem = function () { throw new DOMException('disk I/O error', 'UnknownError'); };
}

test.describe('storage faults', () => {
  test('corrupt JSON: kept verbatim under a backup key, the person told, the app still works', async ({ context }) => {
    const seeded = await seed(context);
    const corrupt = seeded.replace('"circuits":[', '"circuits":[,,}');
    const { page, errors } = await faultedPage(context);
    await page.goto('./');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, corrupt]);
    await page.reload();
    await expect(notice(page, /could not be read.*kept unchanged under "er-wizard:backup:/)).toBeVisible();
    const w = new Wizard(page);
    await w.createCircuit({ name: 'AfterCorrupt' });
    await w.home();
    await expect(page.getByRole('heading', { level: 2, name: 'AfterCorrupt' })).toBeVisible();
    const dump = await storageDump(context);
    expect(backupsOf(dump)).toContain(corrupt);
    expect(JSON.parse(dump[KEY]).data.circuits.map((c) => c.circuit.name)).toEqual(['AfterCorrupt']);
    expectRecoverable(dump, corrupt);
    expect(errors).toEqual([]);
  });

  test('truncated JSON: kept under a backup key, the person told, the app still works', async ({ context }) => {
    const seeded = await seed(context);
    const truncated = seeded.slice(0, Math.floor(seeded.length * 0.6));
    const { page, errors } = await faultedPage(context);
    await page.goto('./');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, truncated]);
    await page.reload();
    await expect(notice(page, /could not be read \(the text ends too early, at character \d+/)).toBeVisible();
    await expect(page.getByText('You have no circuits yet.')).toBeVisible();
    await new Wizard(page).createCircuit({ name: 'AfterTruncation' });
    const dump = await storageDump(context);
    expect(backupsOf(dump)).toContain(truncated);
    expectRecoverable(dump, truncated);
    expect(errors).toEqual([]);
  });

  test('a future schema version is never read as this one: kept under a backup key, the person told', async ({ context }) => {
    const seeded = await seed(context);
    const future = JSON.parse(seeded);
    future.version = 99;
    future.data.newThing = { from: 'the future' };
    const futureText = JSON.stringify(future);
    const { page, errors } = await faultedPage(context);
    await page.goto('./');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, futureText]);
    await page.reload();
    await expect(notice(page, /written by a newer version of this app \(schema 99, this one reads 1\)/)).toBeVisible();
    await new Wizard(page).createCircuit({ name: 'InOldVersion' });
    const dump = await storageDump(context);
    expect(backupsOf(dump)).toContain(futureText);
    expectRecoverable(dump, futureText);
    expect(errors).toEqual([]);
  });

  // Schema 0 (the prototype) stored `data` as the bare list of circuits; see store::migrate.
  function toSchema0(seededText) {
    const v1 = JSON.parse(seededText);
    const circuits = v1.data.circuits.map(({ drafts, timeline, history, imported, ...rest }) => rest);
    return JSON.stringify({ version: 0, revision: v1.revision, data: circuits });
  }

  test('an older schema version is migrated and shown; the original is dropped only after the migrated data is saved', async ({ context }) => {
    const seeded = await seed(context);
    const v0 = toSchema0(seeded);
    const { page, errors } = await faultedPage(context);
    // Record every write, to prove the original was backed up before the main key was replaced.
    await page.addInitScript(() => {
      const orig = Storage.prototype.setItem;
      const origRemove = Storage.prototype.removeItem;
      window.__writes = [];
      Storage.prototype.setItem = function (k, v) { window.__writes.push(['set', k, v]); return orig.call(this, k, v); };
      Storage.prototype.removeItem = function (k) { window.__writes.push(['remove', k]); return origRemove.call(this, k); };
    });
    await page.goto('./');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, v0]);
    await page.reload();
    await expect(notice(page, /saved by an earlier version of this app and were upgraded/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Seeded' })).toBeVisible();
    await expect(page.locator('.circuit-card .badge', { hasText: 'Provider status' }).locator('.badge-value')).toHaveText('Provisioned');
    const writes = await page.evaluate(() => window.__writes);
    const ops = writes.map(([op, k, v]) => [op, k.startsWith(BACKUP) ? 'backup' : k, op === 'set' && v === v0]);
    // Order: original copied to a backup, migrated data saved under the key, then the backup dropped.
    expect(ops).toEqual([['set', 'backup', true], ['set', KEY, false], ['remove', 'backup', false]]);
    const dump = await storageDump(context);
    const migrated = JSON.parse(dump[KEY]);
    expect(migrated.version).toBe(1);
    expect(migrated.data.circuits.map((c) => [c.circuit.name, c.circuit.serviceProviderProvisioningState])).toEqual([['Seeded', 'Provisioned']]);
    expect(migrated.revision).toBe(JSON.parse(v0).revision + 1);
    expect(backupsOf(dump)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an older schema whose migrated data cannot be saved keeps the original under a backup key', async ({ context }) => {
    const seeded = await seed(context);
    const v0 = toSchema0(seeded);
    const setup = await context.newPage();
    await setup.goto(NO_APP);
    await setup.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, v0]);
    await setup.close();
    // The backup can be written, the main key cannot: the migration is not saved.
    const { page, errors } = await faultedPage(context, quotaAfter, { prefix: KEY, after: 0 });
    await page.goto('./');
    await expect(notice(page, /upgrade could not be saved yet, so the original is kept unchanged under "er-wizard:backup:/)).toBeVisible();
    await expect(notice(page, /storage for this page is full/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Seeded' })).toBeVisible();
    const dump = await storageDump(context);
    expect(dump[KEY]).toBe(v0);
    expect(backupsOf(dump)).toContain(v0);
    expect(errors).toEqual([]);
  });

  test('an older schema whose original cannot be backed up is left untouched and saving is off', async ({ context }) => {
    const seeded = await seed(context);
    const v0 = toSchema0(seeded);
    const setup = await context.newPage();
    await setup.goto(NO_APP);
    await setup.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, v0]);
    await setup.close();
    const { page, errors } = await faultedPage(context, quotaAfter, { prefix: 'er-wizard:', after: 0 });
    await page.goto('./');
    await expect(notice(page, /could not be written .*left unchanged and saving is off/)).toBeVisible();
    await expect(notice(page, 'Saving is off: circuits are kept in this tab only.')).toBeVisible();
    await new Wizard(page).createCircuit({ name: 'InMemoryOnly' });
    const dump = await storageDump(context);
    expect(dump[KEY]).toBe(v0);
    expect(errors).toEqual([]);
  });

  // Regression: when corrupt data could not be copied to a backup (storage full), the store went on
  // to save over the main key, replacing the only copy of the person's circuits.
  test('corrupt data that cannot be backed up (storage full) is never overwritten', async ({ context }) => {
    const seeded = await seed(context);
    const corrupt = seeded.slice(0, -3);
    const setup = await context.newPage();
    await setup.goto(NO_APP);
    await setup.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, corrupt]);
    await setup.close();
    // Backups fail (full), the main key could still be written (a smaller value fits).
    const { page, errors } = await faultedPage(context, quotaAfter, { prefix: BACKUP, after: 0 });
    await page.goto('./');
    await expect(notice(page, /left unchanged and saving is off/)).toBeVisible();
    await new Wizard(page).createCircuit({ name: 'WouldOverwrite' });
    const dump = await storageDump(context);
    expect(dump[KEY]).toBe(corrupt);
    expect(errors).toEqual([]);
  });

  test('QuotaExceededError on write: the person is told, the change stays in the tab, the saved circuit is intact', async ({ context }) => {
    const seeded = await seed(context);
    const { page, errors } = await faultedPage(context, quotaAfter, { prefix: KEY, after: 0 });
    const w = new Wizard(page);
    await w.home();
    await page.getByRole('link', { name: 'Seeded', exact: true }).click();
    await page.getByRole('link', { name: 'Changes and end of life' }).click();
    await w.press('Provider deprovisions');
    await expect(notice(page, /storage for this page is full, so the last change was not saved/)).toBeVisible();
    await w.expectProviderStatus('Deprovisioning');
    // Typing (debounced) fails the same way, without an error thrown.
    await w.home();
    await page.getByRole('link', { name: 'Create circuit' }).first().click();
    const refusedBefore = await page.evaluate(() => window.__refusedWrites);
    await page.getByLabel('Name', { exact: true }).fill('TypedWhileFull');
    // The debounced save was attempted (and refused), rather than a fixed wait for the debounce.
    await expect.poll(() => page.evaluate(() => window.__refusedWrites)).toBeGreaterThan(refusedBefore);
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('TypedWhileFull');
    const dump = await storageDump(context);
    expect(dump[KEY]).toBe(seeded);
    expectRecoverable(dump, seeded);
    expect(errors).toEqual([]);
  });

  test('QuotaExceededError after a few writes: earlier saves stay, later ones are reported', async ({ context }) => {
    await seed(context);
    const { page, errors } = await faultedPage(context, quotaAfter, { prefix: KEY, after: 2 });
    const w = new Wizard(page);
    await w.home();
    await page.getByRole('link', { name: 'Seeded', exact: true }).click();
    await page.getByRole('link', { name: 'Changes and end of life' }).click();
    await w.press('Provider deprovisions');
    await w.press('Provider completes deprovisioning');
    await w.press('Re-enable the circuit');
    await expect(notice(page, /storage for this page is full/)).toBeVisible();
    await w.expectProviderStatus('Provisioning');
    const dump = await storageDump(context);
    const stored = JSON.parse(dump[KEY]).data.circuits[0].circuit;
    // The step write and the first transition were saved; the rest were refused by the browser.
    expect(['Deprovisioning', 'NotProvisioned']).toContain(stored.serviceProviderProvisioningState);
    expect(errors).toEqual([]);
  });

  test('storage disabled (localStorage getter throws SecurityError): the app mounts, works in memory, and says so', async ({ context }) => {
    const seeded = await seed(context);
    const { page, errors } = await faultedPage(context, storageDenied);
    const w = new Wizard(page);
    await w.home();
    await expect(notice(page, /does not let the page use local storage \(SecurityError/)).toBeVisible();
    await expect(notice(page, 'Saving is off: circuits are kept in this tab only.')).toBeVisible();
    await w.createCircuit({ name: 'TabOnly' });
    await w.provision();
    // A link, not a reload: the circuit lives in this tab's memory only.
    await page.getByRole('link', { name: 'Your circuits' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'TabOnly' })).toBeVisible();
    const dump = await storageDump(context);
    expect(dump[KEY]).toBe(seeded);
    expect(errors).toEqual([]);
  });

  test('every storage call throws SecurityError: the app mounts and works in memory', async ({ context }) => {
    const seeded = await seed(context);
    const { page, errors } = await faultedPage(context, everyAccessThrows);
    const w = new Wizard(page);
    await w.home();
    await expect(notice(page, /does not let the page use local storage \(SecurityError/)).toBeVisible();
    await w.createCircuit({ name: 'TabOnly' });
    await page.getByRole('link', { name: 'Your circuits' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'TabOnly' })).toBeVisible();
    // An address of another page typed here (the app sends it there) carries the circuits too.
    await page.evaluate(() => { location.hash = '#/create'; });
    await expect(w.heading('Create the circuit')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/wizard/wizard.html');
    await page.getByRole('link', { name: 'Your circuits', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'TabOnly' })).toBeVisible();
    expect((await storageDump(context))[KEY]).toBe(seeded);
    expect(errors).toEqual([]);
  });

  test('a write that fails for another reason is reported and nothing saved is lost', async ({ context }) => {
    const seeded = await seed(context);
    const { page, errors } = await faultedPage(context, writeFails);
    const w = new Wizard(page);
    await w.home();
    await w.createCircuit({ name: 'NotSaved' });
    await expect(notice(page, /The last change could not be saved \(UnknownError: disk I\/O error\)/)).toBeVisible();
    expect((await storageDump(context))[KEY]).toBe(seeded);
    expect(errors).toEqual([]);
  });

  test('transitions are saved at once, typing within about 300 ms', async ({ page }) => {
    const w = new Wizard(page);
    await w.home();
    await w.createCircuit({ name: 'Timing' });
    await w.step(2);
    const state = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.circuits[0].circuit.serviceProviderProvisioningState, KEY);
    await w.press('Provider starts provisioning');
    expect(await state()).toBe('Provisioning');
    await w.home();
    await page.getByRole('link', { name: 'Create circuit' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Typed');
    const draft = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.create_draft.name, KEY);
    expect(await draft()).toBeUndefined();
    await expect.poll(draft, { timeout: 1000, intervals: [100] }).toBe('Typed');
  });

  test('typing is flushed when the page is closed (pagehide) before the debounce ends', async ({ context }) => {
    const page = await context.newPage();
    const w = new Wizard(page);
    await w.home();
    await page.getByRole('link', { name: 'Create circuit' }).first().click();
    await page.getByLabel('Resource group').fill('FlushedOnClose');
    await page.close({ runBeforeUnload: true });
    const dump = await storageDump(context);
    expect(JSON.parse(dump[KEY]).data.create_draft['resource-group']).toBe('FlushedOnClose');
  });

  test('typing is flushed when the page becomes hidden', async ({ page }) => {
    const w = new Wizard(page);
    await w.home();
    await page.getByRole('link', { name: 'Create circuit' }).first().click();
    await page.getByLabel('Region').fill('FlushedOnHide');
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    // Read at once: well inside the 300 ms debounce.
    const region = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{"data":{"create_draft":{}}}').data.create_draft.region, KEY);
    expect(region).toBe('FlushedOnHide');
  });

  test('two tabs: interleaved transitions, typing in one while the other acts, a delete; nothing lost', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    const errors = [];
    for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
    const wa = new Wizard(a);
    const wb = new Wizard(b);
    await wa.home();
    await wb.home();
    await wa.createCircuit({ name: 'Alpha' });
    await wa.home();
    await wa.createCircuit({ name: 'Delta' });
    await wb.home();
    await expect(b.getByRole('heading', { level: 2, name: 'Delta' })).toBeVisible();
    await wb.createCircuit({ name: 'Bravo' });
    // Both on step 2 of their own circuit; transitions interleaved with no waiting in between.
    await wa.home();
    await expect(a.getByRole('heading', { level: 2, name: 'Bravo' })).toBeVisible();
    await a.getByRole('link', { name: 'Alpha', exact: true }).click();
    await wa.step(2);
    await wb.step(2);
    await wa.press('Provider starts provisioning');
    await wb.press('Provider starts provisioning');
    await wa.press('Provider completes provisioning');
    await wb.press('Provider completes provisioning');
    // Tab A types a new circuit's name (debounced saves) while tab B deprovisions Bravo.
    await wa.home();
    await a.getByRole('link', { name: 'Create circuit' }).first().click();
    await b.getByRole('link', { name: 'Changes and end of life' }).click();
    await Promise.all([
      a.getByLabel('Name', { exact: true }).pressSequentially('Charlie', { delay: 60 }),
      (async () => {
        await wb.press('Provider deprovisions');
        await b.waitForTimeout(120);
        await wb.press('Provider completes deprovisioning');
      })(),
    ]);
    // Tab B deletes Delta, which tab A still holds in memory; A's next save must not bring it back.
    await wb.home();
    await b.getByRole('button', { name: 'Delete Delta' }).click();
    await b.getByRole('button', { name: 'Yes, delete the circuit' }).click();
    await expect(b.getByRole('heading', { level: 2, name: 'Delta' })).toHaveCount(0);
    await a.getByLabel('Resource group').fill('rg-typed-after-delete');
    // Wait for tab A's debounced save to reach storage (not a fixed wait for the debounce).
    await expect.poll(() => a.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.create_draft['resource-group'], KEY))
      .toBe('rg-typed-after-delete');

    const dump = await storageDump(context);
    const data = JSON.parse(dump[KEY]).data;
    const states = Object.fromEntries(data.circuits.map((c) => [c.circuit.name, c.circuit.serviceProviderProvisioningState]));
    expect(states).toEqual({ Alpha: 'Provisioned', Bravo: 'NotProvisioned' });
    const timeline = Object.fromEntries(data.circuits.map((c) => [c.circuit.name, c.timeline.map((e) => e.action)]));
    expect(timeline.Alpha).toEqual(['Create circuit', 'Provider starts provisioning', 'Provider completes provisioning']);
    expect(timeline.Bravo).toEqual(['Create circuit', 'Provider starts provisioning', 'Provider completes provisioning',
      'Provider deprovisions', 'Provider completes deprovisioning']);
    expect(data.create_draft.name).toBe('Charlie');
    expect(data.create_draft['resource-group']).toBe('rg-typed-after-delete');
    // Both tabs show the same circuits after a reload.
    for (const [p, w] of [[a, wa], [b, wb]]) {
      await w.home();
      await expect(p.locator('li.circuit-card').getByRole('heading', { level: 2 })).toHaveText(['Alpha', 'Bravo']);
    }
    expect(errors).toEqual([]);
  });
});
