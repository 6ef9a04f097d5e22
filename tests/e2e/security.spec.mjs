// Strict CSP with zero violations across the whole workflow, subresource integrity on every asset
// (checked against the files), the security headers, and no request leaving the page's origin.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { Wizard } from './pages.mjs';

const DIST = path.resolve(process.env.E2E_DIST || 'dist-e2e');
const EXAMPLE = path.resolve('core/tests/fixtures/azure-examples/ExpressRouteCircuitGet.json');

/** Records CSP violations (DOM event and console report) on every document the page loads. */
async function watchCsp(page) {
  const violations = [];
  await page.exposeFunction('__reportCsp', (v) => violations.push(v));
  await page.addInitScript(() => {
    window.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
    }, true);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push({ console: m.text() });
  });
  return violations;
}

/** The whole workflow: every screen, every kind of change, import, backup, demos, share, delete. */
async function wholeWorkflow(page) {
  const w = new Wizard(page);
  await w.home();
  await w.createCircuit({ name: 'CspCircuit' });
  await w.reload();
  await w.provision();
  await w.step(3);
  await w.step(4);
  await w.press('Configure Azure private peering');
  await w.fillPeering({ 'Peer ASN': '65020', 'Primary subnet': '192.168.17.16/30', 'Secondary subnet': '192.168.17.20/30', 'VLAN ID': '100' });
  await w.press('Save peering');
  await w.step(5);
  await page.getByLabel('Connection name').fill('ERConnection');
  await page.getByLabel('Virtual network', { exact: true }).fill('VNet1');
  await page.getByLabel('Virtual network region').fill('West US');
  await page.getByLabel('Address space').fill('10.1.0.0/16');
  await w.press('Link virtual network');
  await page.getByLabel('Authorization name').fill('Auth1');
  await w.press('Add authorization');
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await page.getByLabel('Bandwidth').selectOption('1000');
  await w.press('Change bandwidth');
  await page.getByRole('link', { name: 'Timeline and diagram' }).click();
  await w.press('Undo last action');
  // Import, save, download a backup.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByLabel("Paste the circuit's output").fill(fs.readFileSync(EXAMPLE, 'utf8'));
  await w.press('Read the output');
  await page.getByRole('button', { name: 'Save to your circuits' }).first().click();
  const download = page.waitForEvent('download');
  await w.press('Download a backup');
  await download;
  // Demos and a shared link, when present.
  await page.getByRole('link', { name: 'Demos', exact: true }).click();
  const demo = page.locator('main a[href*="#/demos/"]').first();
  if (await demo.count()) await demo.click();
  const share = page.locator('main a[href*="#/share/"]').first();
  if (await share.count()) await share.click();
  await page.goto('./#/share/not-a-payload');
  await expect(page.locator('h1')).toBeVisible();
  // End of life.
  await w.home();
  await page.getByRole('link', { name: 'CspCircuit', exact: true }).click();
  await expect(page.getByText(/Step \d of 5/)).toBeVisible();
  await w.step(5);
  await w.press('Unlink ERConnection');
  // [PS-CIRCUIT] [CLI-CIRCUIT]: authorizations go before the circuit is deleted.
  await w.press('Remove authorization Auth1');
  await page.getByRole('link', { name: 'Changes and end of life' }).click();
  await w.press('Provider deprovisions');
  await w.press('Provider completes deprovisioning');
  await w.press('Delete circuit');
  await w.press('Yes, delete the circuit');
  await expect(w.heading('Your circuits')).toBeVisible();
}

test('the page is served with the strict CSP and the security headers; never Clear-Site-Data', async ({ page }) => {
  const res = await page.goto('./');
  const h = res.headers();
  const csp = Object.fromEntries(h['content-security-policy'].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const hashes = JSON.parse(fs.readFileSync(path.join(DIST, 'csp-hashes.json'), 'utf8'));
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", ...hashes.map((x) => `'${x}'`)]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'self'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['style-src']).toEqual(["'self'"]);
  expect(h['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\s\*/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['cross-origin-resource-policy']).toBe('same-origin');
  expect(h['permissions-policy']).toMatch(/camera=\(\)/);
  expect(h['clear-site-data']).toBeUndefined();
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const wasmRes = await page.request.get(`./${wasm}`);
  expect(wasmRes.headers()['content-type']).toBe('application/wasm');
  expect(wasmRes.headers()['clear-site-data']).toBeUndefined();
});

test('every asset of the three pages carries subresource integrity that matches the file; the first load is "Your circuits" alone', async () => {
  const attr = (tag, name) => (tag.match(new RegExp(`\\b${name}="([^"]*)"`)) || [])[1];
  const referenced = new Set();
  const byPage = {};
  const inline = [];
  const manifests = new Set();
  let checked = 0;
  for (const page of ['index.html', 'wizard.html', 'tools.html']) {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    const tags = [...html.matchAll(/<(link|script)\b[^>]*>/g)].map((m) => m[0]);
    byPage[page] = new Set();
    for (const tag of tags) {
      const url = attr(tag, 'href') || attr(tag, 'src');
      if (!url) continue;
      expect(url, `${page}: ${tag} must be same-origin`).toMatch(/^\/wizard\/[^/]+$/);
      const file = path.join(DIST, url.replace('/wizard/', ''));
      // The web app manifest: browsers check no integrity on it (the spec defines none); its
      // bytes, and its icons', are pinned by the service worker's list below.
      if (/\brel="manifest"/.test(tag)) {
        expect(fs.existsSync(file), url).toBe(true);
        manifests.add(path.basename(file));
        continue;
      }
      const integrity = attr(tag, 'integrity');
      expect(integrity, `${page}: ${tag} has no integrity`).toMatch(/^sha384-/);
      const digest = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64');
      expect(integrity, url).toBe(digest);
      referenced.add(path.basename(file));
      byPage[page].add(path.basename(file));
      checked++;
    }
    inline.push(...[...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]));
  }
  // Every shipped asset is covered (the module and wasm through their preloads), but for the
  // service worker (registered by the page script, which carries its integrity), the manifest
  // and the icons it names.
  expect([...manifests]).toEqual(['manifest.webmanifest']);
  const icons = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8')).icons.map((i) => i.src);
  const unpinned = ['index.html', 'wizard.html', 'tools.html', 'csp-hashes.json', 'sw.js', 'manifest.webmanifest', ...icons];
  const shipped = fs.readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !unpinned.includes(e.name)).map((e) => e.name);
  expect([...referenced].sort()).toEqual(shipped.sort());
  // The service worker keeps exactly the build: every file but itself and the host's CSP list,
  // each with the sha384 of its bytes (it refuses any other bytes when it fetches them).
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const listed = JSON.parse(sw.split('/*BUILD*/')[1]).files;
  const all = fs.readdirSync(DIST).filter((f) => !['sw.js', 'csp-hashes.json'].includes(f)).sort();
  expect(Object.keys(listed).sort()).toEqual(all);
  for (const f of all) expect(listed[f], f).toBe('sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST, f))).digest('base64'));
  expect(checked).toBeGreaterThanOrEqual(12);
  // Each page's HTML loads its own bundle (module and wasm) and no other: the first load
  // (index.html) brings "Your circuits" only; the other pages' bundles are fetched by its script
  // once the first screen is interactive and the browser is idle (tests/e2e/offline.spec.mjs).
  const bundles = { 'index.html': 'er-home', 'wizard.html': 'er-wizard', 'tools.html': 'er-tools' };
  for (const [page, own] of Object.entries(bundles)) {
    const mine = [...byPage[page]].filter((f) => /^er-/.test(f));
    expect(mine.filter((f) => f.startsWith(own + '-')).length, page).toBe(2);
    expect(mine.filter((f) => !f.startsWith(own + '-')), page).toEqual([]);
  }
  // The inline bootstraps are allowed by hash only, and the hashes match them.
  const hashes = JSON.parse(fs.readFileSync(path.join(DIST, 'csp-hashes.json'), 'utf8'));
  expect(inline.map((s) => 'sha256-' + crypto.createHash('sha256').update(s, 'utf8').digest('base64')).sort()).toEqual([...hashes].sort());
});

test('a tampered asset is refused by the browser (SRI is enforced, not only present)', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.route('**/*.css', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: (await res.text()) + '\nbody{display:none}' });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  await expect.poll(() => messages.some((t) => /integrity/i.test(t))).toBe(true);
  // The page goes on to fetch the next pages' files at idle, stylesheets among them: a handler
  // still running when the test ends is not this test's concern.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the CSP listener sees a violation when one happens (control for the zero count)', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Your circuits' })).toBeVisible();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__inline)).toBeUndefined();
});

test('zero CSP violations, and no request leaves the origin, across the whole workflow', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL).origin;
  const violations = await watchCsp(page);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await wholeWorkflow(page);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  expect(sockets).toEqual([]);
  expect(requests.length).toBeGreaterThan(4);
  const foreign = requests.filter((u) => {
    if (u.startsWith('data:')) return false;
    return new URL(u).origin !== origin;
  });
  expect(foreign).toEqual([]);
  // Nothing beyond the built files was asked for (no fonts, analytics, source maps, ...).
  const files = new Set(fs.readdirSync(DIST));
  const unknown = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'))
    .map((u) => new URL(u).pathname.replace('/wizard/', ''))
    .filter((p) => p !== '' && !files.has(p));
  expect(unknown).toEqual([]);
});
