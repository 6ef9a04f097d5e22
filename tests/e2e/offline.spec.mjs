// The next page fetched ahead at idle, the service worker (offline, atomic update with a reload
// offer), and the manifest. Each test has its own browser context, so its own service worker.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Wizard, axe } from './pages.mjs';

const DIST = path.resolve(process.env.E2E_DIST || 'dist-e2e');
const EXAMPLE = path.resolve('core/tests/fixtures/azure-examples/ExpressRouteCircuitGet.json');

/** Notes (in every document) the wall-clock time the first screen's heading appears. */
async function noteInteractive(page) {
  await page.addInitScript(() => {
    const obs = new MutationObserver(() => {
      const h = document.querySelector('h1');
      if (h && h.textContent.trim() === 'Your circuits') { window.__interactiveAt = Date.now(); obs.disconnect(); }
    });
    obs.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** Records CSP violations (DOM event and console report) on every document the page loads. */
async function watchCsp(page) {
  const violations = [];
  await page.exposeFunction('__reportCsp', (v) => violations.push(v));
  await page.addInitScript(() => {
    window.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    }, true);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push({ console: m.text() });
  });
  return violations;
}

/** Waits until this build's service worker is active for the page's folder. */
async function swReady(page) {
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg && reg.active ? reg.active.state : null;
  }), { timeout: 30_000 }).toBe('activated');
}

/** The visitor's connection, as the page reads it (navigator.connection). */
async function connection(page, value) {
  await page.addInitScript((v) => {
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => v });
  }, value);
}

test('the wizard bundle is fetched after the first screen is interactive and never before; then the tools bundle', async ({ page, context }) => {
  const seen = [];
  context.on('request', (r) => seen.push({ url: r.url(), at: Date.now(), sw: !!r.serviceWorker() }));
  await noteInteractive(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  const firstOf = (re) => seen.find((r) => !r.sw && re.test(r.url));
  await expect.poll(() => !!firstOf(/er-tools-[0-9a-f]+_bg\.wasm$/), { timeout: 20_000 }).toBe(true);
  const interactiveAt = await page.evaluate(() => window.__interactiveAt);
  const wizard = firstOf(/er-wizard-[0-9a-f]+_bg\.wasm$/);
  const tools = firstOf(/er-tools-[0-9a-f]+_bg\.wasm$/);
  expect(interactiveAt).toBeGreaterThan(0);
  expect(wizard.at).toBeGreaterThanOrEqual(interactiveAt);
  expect(tools.at).toBeGreaterThanOrEqual(wizard.at);
  // Nothing of another page is asked for before the first screen is there.
  expect(seen.filter((r) => r.at < interactiveAt && /er-(wizard|tools)-|wizard\.html|tools\.html/.test(r.url))).toEqual([]);
  // The page's own HTML asks for its own bundle only: the others come from the script, at idle.
  const html = await (await page.request.get('./')).text();
  expect(html).not.toMatch(/er-(wizard|tools)-|rel="prefetch"/);
});

test('nothing is fetched ahead, and no service worker installed, when the visitor saves data or is on 2G', async ({ browser }) => {
  for (const value of [{ saveData: true, effectiveType: '4g' }, { saveData: false, effectiveType: '2g' }, { saveData: false, effectiveType: 'slow-2g' }]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = [];
    context.on('request', (r) => seen.push(r.url()));
    await connection(page, value);
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    await page.getByRole('link', { name: 'Create circuit' }).first().hover();
    await page.waitForTimeout(1500);
    expect(seen.filter((u) => /er-(wizard|tools)-|wizard\.html|tools\.html|sw\.js/.test(u)), JSON.stringify(value)).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r)), JSON.stringify(value)).toBe(false);
    await context.close();
  }
});

test('on a page that never goes idle, pointing at "Create circuit" fetches the wizard', async ({ page, context }) => {
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(seen.filter((u) => /er-(wizard|tools)-/.test(u))).toEqual([]);
  await page.getByRole('link', { name: 'Create circuit' }).first().hover();
  await expect.poll(() => seen.some((u) => /er-wizard-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  expect(seen.filter((u) => /er-tools-/.test(u))).toEqual([]);
});

/** Network responses for the wizard's wasm, from the network or the disk cache, on a slow link. */
async function slowLink(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Slow, the wizard's wasm (about 900 KB, served uncompressed here) takes 14 s: still coming when
  // the link is clicked, and while the test looks at the page; then the link is made fast.
  const rate = (bytesPerSecond) => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  // The page never goes idle: the wizard is fetched ahead when the pointer is over its link, once the link is slow.
  await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
  const wasm = { asked: 0, fromNetwork: 0, fromCache: 0 };
  const ids = new Set();
  cdp.on('Network.requestWillBeSent', (e) => { if (/er-wizard-[0-9a-f]+_bg\.wasm$/.test(e.request.url)) { ids.add(e.requestId); wasm.asked++; } });
  cdp.on('Network.responseReceived', (e) => { if (ids.has(e.requestId)) wasm[e.response.fromDiskCache ? 'fromCache' : 'fromNetwork']++; });
  wasm.slow = () => rate(64 * 1024);
  wasm.fast = () => rate(100 * 1024 * 1024);
  return wasm;
}

test.describe(() => {
  test.use({ serviceWorkers: 'block' }); // the HTTP cache alone, as on a first visit
  test('"Create circuit" clicked while the wizard\'s files are still coming waits for them, saying so, instead of fetching them again', async ({ page, context }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const wasm = await slowLink(context, page);
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    await wasm.slow();
    await page.getByRole('link', { name: 'Create circuit' }).first().hover();
    await expect.poll(() => wasm.fromNetwork, { timeout: 20_000 }).toBe(1); // the prefetch's answer has begun
    await page.getByRole('link', { name: 'Create circuit' }).first().click();
    // Still here, saying what it waits for.
    await expect(page.getByRole('status').filter({ hasText: 'Opening the wizard…' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    await wasm.fast();
    await expect(page.getByRole('heading', { level: 1, name: 'Create the circuit' })).toBeVisible({ timeout: 30_000 });
    // The wizard's page took the bytes the prefetch brought: the wasm came over the link once.
    expect(wasm).toMatchObject({ fromNetwork: 1 });
    expect(wasm.fromCache).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  test('a second click on the link while its files are coming opens the page at once', async ({ page, context }) => {
    const wasm = await slowLink(context, page);
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    const link = page.getByRole('link', { name: 'Create circuit' }).first();
    await wasm.slow();
    await link.hover();
    await expect.poll(() => wasm.fromNetwork, { timeout: 20_000 }).toBe(1);
    await link.click();
    await expect(page.getByRole('status').filter({ hasText: 'Opening the wizard…' })).toBeVisible();
    const opened = page.waitForURL(/wizard\.html#\/create$/);
    await link.click();
    await opened;
    await wasm.fast();
    await expect(page.getByRole('heading', { level: 1, name: 'Create the circuit' })).toBeVisible({ timeout: 30_000 });
  });
});

test('after one visit, with the network gone, the three pages open and a circuit is created, saved, imported and a demo played', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const w = new Wizard(page);
  await w.home();
  await swReady(page);
  await context.setOffline(true);
  // Really offline: a file outside the build (not kept by the worker) cannot be fetched.
  expect(await page.evaluate(() => fetch('./csp-hashes.json').then(() => 'online', () => 'offline'))).toBe('offline');
  await w.home();
  await w.createCircuit({ name: 'OfflineCircuit' });
  await w.reload();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await w.home();
  await expect(page.getByRole('heading', { level: 2, name: 'OfflineCircuit' })).toBeVisible();
  await page.getByRole('link', { name: 'OfflineCircuit', exact: true }).click();
  await w.provision();
  for (const n of [3, 4, 5]) await w.step(n);
  await page.goto('./tools.html#/import');
  await page.getByLabel("Paste the circuit's output").fill(fs.readFileSync(EXAMPLE, 'utf8'));
  await w.press('Read the output');
  await page.getByRole('button', { name: 'Save to your circuits' }).first().click();
  await page.goto('./#/demos/happy-path');
  await expect(page.getByRole('group', { name: 'Scenario controls' })).toBeVisible();
  await w.home();
  await expect(page.getByRole('heading', { level: 2, name: 'circuitName' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'OfflineCircuit' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('with the service worker: no request leaves the origin, only this build is cached, and the CSP stays clean', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const violations = await watchCsp(page);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const w = new Wizard(page);
  await w.home();
  await swReady(page);
  await w.home(); // now served by the service worker
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await w.createCircuit({ name: 'SwCircuit' });
  await page.goto('./tools.html#/import');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await w.home();
  expect(violations).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin)).toEqual([]);
  const cached = await page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) out[key] = (await (await caches.open(key)).keys()).map((r) => r.url);
    return out;
  });
  const files = fs.readdirSync(DIST).filter((f) => !['sw.js', 'csp-hashes.json'].includes(f)).sort();
  expect(Object.keys(cached)).toHaveLength(1);
  const urls = Object.values(cached)[0];
  expect(urls.every((u) => u.startsWith(`${origin}/wizard/`))).toBe(true);
  expect(urls.map((u) => u.slice(`${origin}/wizard/`.length)).sort()).toEqual(files);
  // The worker and the page script store nothing of their own.
  for (const f of fs.readdirSync(DIST).filter((n) => n === 'sw.js' || /^offline-.*\.js$/.test(n))) {
    const code = fs.readFileSync(path.join(DIST, f), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    expect(code, f).not.toMatch(/localStorage|sessionStorage|indexedDB/);
  }
});

test('a new build replaces the cache at once and the page offers a reload instead of mixing builds', async ({ page }) => {
  test.setTimeout(120_000);
  // A copy of the build on a server of its own, so this test can deploy a new build into it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-offline-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const server = spawn(process.execPath, ['scripts/static-server.mjs', dir, '0', '/wizard/'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise((resolve, reject) => {
      server.stdout.once('data', (d) => resolve(String(d).match(/http:\/\/\S+/)[0]));
      server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    await swReady(page);
    const cacheNames = () => page.evaluate(() => caches.keys());
    const [oldCache] = await cacheNames();
    // Deploy: a changed page, and the service worker written for it (as scripts/build.sh does).
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('Loading your circuits…', 'Loading your circuits (new build)…'));
    await new Promise((resolve, reject) => {
      const gen = spawn(process.execPath, ['scripts/offline.mjs', dir, '/wizard/'], { stdio: 'inherit' });
      gen.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`offline.mjs exited ${code}`))));
    });
    await page.reload(); // the old build still answers; the browser finds the new worker
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    const offer = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    await expect(offer).toBeVisible({ timeout: 30_000 });
    expect(await axe(page)).toEqual([]);
    // Until the person reloads, the page and its next pages are the old build's.
    expect(await (await page.evaluate(() => fetch('./index.html').then((r) => r.text())))).not.toContain('(new build)');
    const both = await cacheNames();
    expect(both).toHaveLength(2); // the new build complete beside the old one, which still serves
    expect(both).toContain(oldCache);
    const reloaded = page.waitForEvent('load');
    await offer.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => fetch('./index.html').then((r) => r.text()))).toContain('(new build)');
    await expect.poll(cacheNames).toHaveLength(1);
    expect((await cacheNames())[0]).not.toBe(oldCache);
    await expect(page.getByText('A new version is ready')).toHaveCount(0);
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('installable: the three pages link a manifest whose icons and start page are in the build', async ({ page }) => {
  for (const p of ['./', './wizard.html', './tools.html']) {
    await page.goto(p);
    await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
  }
  const res = await page.request.get('./manifest.webmanifest');
  expect(res.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await res.json();
  expect(manifest).toMatchObject({ name: 'ExpressRoute Circuit Wizard', start_url: './', scope: './', display: 'standalone' });
  for (const icon of manifest.icons) {
    const png = await (await page.request.get(`./${icon.src}`)).body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  await page.goto('./');
  await swReady(page);
  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's browser contexts are incognito ones, where Chromium never installs an app; that
  // is the only reason it may give.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  // Bug: where service workers are blocked, register() resolved to nothing and the page script
  // threw reading `waiting` of it (an uncaught error on every page, once idle).
  test('where service workers are blocked, the pages fetch ahead and run without an error', async ({ page, context }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = [];
    context.on('request', (r) => seen.push(r.url()));
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
    await expect.poll(() => seen.some((u) => /er-tools-[0-9a-f]+_bg\.wasm$/.test(u)), { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(500); // the registration comes after the last page's files
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });
});
