// The benchmark (issue #7): sizes, time to interactive, one action + re-render, storage.
// Usage: node scripts/bench.mjs <app-dist> <floor-dist> <plain-dir>
// Env: BENCH_LOADS (default 15) loads per page and CPU rate; BENCH_ACTIONS (default 1000);
//      BENCH_JSON=<file> also writes the raw results as JSON.
// Called by scripts/bench.sh after the release builds; prints a Markdown table and PASS/FAIL lines.
// Always exits 0 when the measurements ran: budgets are reported, not enforced.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const [appDir = 'dist-bench', floorDir = 'bench/floor/dist', plainDir = 'bench/plain'] = process.argv.slice(2);
const LOADS = process.env.BENCH_SMOKE ? 3 : Math.max(15, Number(process.env.BENCH_LOADS || 15)); // BENCH_SMOKE=1: a quick check of the script itself
const ACTIONS = Number(process.env.BENCH_ACTIONS || 1000);
const JOURNEYS = process.env.BENCH_SMOKE ? 2 : Math.max(5, Number(process.env.BENCH_JOURNEYS || 7)); // slow-network journeys per mode
// BENCH_ONLY=journey: the sizes and the slow-network journey alone (e.g. to compare two builds).
const ONLY_JOURNEY = process.env.BENCH_ONLY === 'journey';
const BATCH = 100; // actions per batch; the stored state is reset between batches
const RATES = [1, 4];
const KEY = 'er-wizard:data';
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  // The same flags as playwright.config.mjs.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
};

// ---------- helpers ----------
// Polls a page-side value (page.waitForFunction compiles its predicate with eval, which the
// shipped CSP forbids; page.evaluate is allowed). The value itself is recorded in the page.
async function pollFor(page, fn, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    // A navigation under way (a page that opens the next one once its files are in) is waited out.
    const v = await page.evaluate(fn).catch((e) => {
      if (/context was destroyed|navigat/i.test(e.message)) return null;
      throw e;
    });
    if (v !== undefined && v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};
const stats = (xs) => ({
  n: xs.length, median: median(xs), min: Math.min(...xs), max: Math.max(...xs),
  p25: quantile(xs, 0.25), p75: quantile(xs, 0.75),
});
const kb = (n) => (n / 1024).toFixed(1);
const ms = (x, d = 1) => x.toFixed(d);
const spread = (s, d = 1) => `${ms(s.min, d)}–${ms(s.max, d)} (IQR ${ms(s.p25, d)}–${ms(s.p75, d)})`;
const log = (...a) => console.error('bench:', ...a);

function serve(dir, port, ...flags) {
  const child = spawn(process.execPath, ['scripts/static-server.mjs', dir, String(port), '/', ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`static server for ${dir} exited with ${code}`)));
  });
}

// ---------- sizes ----------
// Every file a first visit loads: index.html ("Your circuits") and what it references. The app is
// three pages; the other two, wizard.html (create, the five steps, changes) and tools.html (import,
// demos, timelines), and the files only they reference are fetched when one of their screens is
// first opened, so each is reported apart, with its total, and left out of the first load. The CSP
// hash list is a build artefact for the host, never requested by the browser.
function compressed(dir, name) {
  const buf = fs.readFileSync(path.join(dir, name));
  return {
    name,
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
function referencedBy(dir, page) {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  return new Set([...html.matchAll(/\b(?:href|src)="([^"#?]+)"/g)].map((m) => path.basename(m[1])));
}
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
function sizes(dir) {
  const files = fs.readdirSync(dir).sort().filter((n) => fs.statSync(path.join(dir, n)).isFile() && n !== 'csp-hashes.json');
  const first = files.includes('index.html') ? referencedBy(dir, 'index.html') : new Set();
  const pages = [
    { page: 'wizard.html', what: 'wizard page total (create, the five steps, changes; fetched when a circuit is first created or opened)' },
    { page: 'tools.html', what: 'tools page total (import, demos, timelines; fetched when first opened)' },
  ].filter((p) => files.includes(p.page)).map((p) => {
    const own = new Set([p.page, ...[...referencedBy(dir, p.page)].filter((n) => !first.has(n))]);
    const rows = files.filter((n) => own.has(n)).map((n) => compressed(dir, n));
    return { ...p, own, rows, total: sum(rows) };
  });
  // The service worker and the manifest's icons: fetched once the first screen is there and the
  // browser is idle (web/offline.js), or when the app is installed.
  const offline = new Set(files.filter((n) => n === 'sw.js' || /^icon-\d+\.png$/.test(n)));
  if (offline.size) {
    const rows = files.filter((n) => offline.has(n)).map((n) => compressed(dir, n));
    pages.push({ what: 'service worker and icons (fetched at idle after the first screen)', own: offline, rows, total: sum(rows) });
  }
  const rows = files.filter((n) => !pages.some((p) => p.own.has(n))).map((n) => compressed(dir, n));
  return {
    rows, total: sum(rows), wasmRaw: rows.filter((r) => r.name.endsWith('.wasm')).reduce((t, r) => t + r.raw, 0),
    pages,
  };
}

// ---------- time to interactive ----------
// Interactive = the first screen's <h1> has its text in the DOM (a MutationObserver installed
// before any page script notes performance.now(), i.e. ms since navigation start) — Leptos and the
// plain page attach their click handlers before the nodes are inserted. Each load then checks that
// a click is answered, so a page that renders but does not respond is an error, not a number.
async function newPage(browser, rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return { context, page, errors };
}

async function loadOnce(browser, target, rate) {
  const { context, page, errors } = await newPage(browser, rate);
  try {
    // Runs in every document of the page: the first screen's, and (for the app) the wizard page's
    // that "Create circuit" opens, whose heading time is taken as an absolute time.
    await page.addInitScript(([text, next]) => {
      const seen = () => {
        const h = document.querySelector('h1');
        const shown = h && h.textContent.trim();
        if (shown === text) { window.__benchInteractive = performance.now(); obs.disconnect(); }
        if (next && shown === next) { window.__benchNextAt = performance.timeOrigin + performance.now(); obs.disconnect(); }
      };
      const obs = new MutationObserver(seen);
      obs.observe(document, { childList: true, subtree: true, characterData: true });
    }, [target.h1, target.next || null]);
    await page.goto(target.url);
    const t = await pollFor(page, () => window.__benchInteractive).catch(async (e) => {
      throw new Error(`${target.name} at ${target.url}: ${e.message}; errors: ${errors.join(' | ')}; page: ${(await page.content()).slice(0, 600)}`);
    });
    const clickAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    await target.click(page);
    if (errors.length) throw new Error(`${target.name}: page errors: ${errors.join(' | ')}`);
    if (target.next) {
      const nextAt = await pollFor(page, () => window.__benchNextAt);
      (R.next[rate] ||= []).push(nextAt - clickAt);
    }
    return t;
  } finally {
    await context.close();
  }
}

// ---------- the journey on a slow phone network ----------
// Lighthouse's mobile preset as DevTools applies it (562.5 ms round trip, 1,474.56 kbit/s down,
// 675 kbit/s up) with 4x CPU, the app served with gzip: the first screen until it can be used,
// 1.5 s of reading, then "Create circuit" until the create form can be used. "prefetch" is the app
// as shipped; "none" is the same journey with nothing fetched ahead (the visitor's Save-Data, which
// the page honours) and no service worker. Each run then makes a second visit in the same browser
// context: served by the service worker once it is active ("prefetch"), or by the HTTP cache.
const SLOW4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const READING = 1500;
async function journey(browser, url, mode, hasWorker) {
  const context = await browser.newContext(mode === 'none' ? { serviceWorkers: 'block' } : {});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW4G);
    if (mode === 'none') {
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) });
      });
    }
    await page.addInitScript(() => {
      const obs = new MutationObserver(() => {
        const h = document.querySelector('h1');
        const shown = h && h.textContent.trim();
        if (shown === 'Your circuits') window.__benchInteractive = performance.now();
        if (shown === 'Create the circuit') { window.__benchNextAt = performance.timeOrigin + performance.now(); obs.disconnect(); }
      });
      obs.observe(document, { childList: true, subtree: true, characterData: true });
    });
    // The click is a person's: at the end of the reading the pointer presses where the link is.
    // Playwright's click() first checks in the page that the link is visible, stable and hit
    // (several round trips through the page at 4x CPU, 0.5–1.4 s here), time no person spends and
    // which would also push the click later than the reading; those checks run during the reading.
    const visit = async () => {
      await page.goto(url);
      const first = await pollFor(page, () => window.__benchInteractive, 120_000);
      const link = page.getByRole('link', { name: 'Create circuit' }).first();
      await link.click({ trial: true });
      const box = await link.boundingBox();
      await page.waitForTimeout(Math.max(0, first + READING - await page.evaluate(() => performance.now())));
      const clickAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const nextAt = await pollFor(page, () => window.__benchNextAt, 120_000);
      return { first, click: nextAt - clickAt };
    };
    const cold = await visit();
    if (mode === 'prefetch' && hasWorker) {
      await pollFor(page, async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return reg && reg.active && reg.active.state === 'activated' ? true : null;
      }, 180_000);
    }
    const second = await visit();
    if (errors.length) throw new Error(`journey (${mode}): page errors: ${errors.join(' | ')}`);
    return { cold, second };
  } finally {
    await context.close();
  }
}

// ---------- one action + re-render (the wizard) ----------
async function createCircuit(page, name) {
  await page.getByRole('link', { name: 'Create circuit' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Create the circuit' }).waitFor();
  await page.getByLabel('Resource group').fill('ExpressRouteResourceGroup');
  await page.getByLabel('Region').fill('West US');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('combobox', { name: 'Provider', exact: true }).fill('Equinix');
  await page.getByLabel('Peering location').fill('Silicon Valley');
  await page.getByLabel('Bandwidth').selectOption('200');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check the circuit before you create it' }).waitFor();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByText('Billing starts now').waitFor();
}

async function toStep(page, n) {
  await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: new RegExp(`^${n}\\. `) }).click();
  await page.getByText(`Step ${n} of 5`).waitFor();
}

// Runs `count` actions in the page, cycling through the provider simulation on step 2:
// NotProvisioned → Provisioning → Provisioned → Deprovisioning → NotProvisioned. Each is timed from
// just before the click to the moment the DOM shows the result in all three places that change (the
// state badge, the feedback line, and the next button's "Not possible now" hint gone) — a
// MutationObserver callback, so it is the DOM update, before the browser paints the frame.
function runActions(count) {
  const cycle = [
    ['Provider starts provisioning', 'Provisioning', 'Provider completes provisioning'],
    ['Provider completes provisioning', 'Provisioned', 'Provider deprovisions'],
    ['Provider deprovisions', 'Deprovisioning', 'Provider completes deprovisioning'],
    ['Provider completes deprovisioning', 'NotProvisioned', 'Provider starts provisioning'],
  ];
  const button = (label) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
  const badge = () => {
    const b = [...document.querySelectorAll('.badge')].find((x) => x.textContent.includes('Provider status'));
    return b && b.querySelector('.badge-value')?.textContent.trim();
  };
  const start = [...cycle.keys()].find((i) => badge() === cycle[(i + 3) % 4][1]);
  if (start === undefined) throw new Error(`unexpected provider status ${badge()}`);
  const done = ([label, state, next]) => {
    if (badge() !== state) return false;
    const fb = document.querySelector('.feedback .callout-title');
    if (!fb || fb.textContent.trim() !== `Done: ${label}.`) return false;
    const nb = button(next);
    return !!nb && !nb.closest('li')?.querySelector('.hint');
  };
  return (async () => {
    const times = [];
    for (let i = 0; i < count; i++) {
      const step = cycle[(start + i) % 4];
      const b = button(step[0]);
      if (!b) throw new Error(`no button ${step[0]}`);
      const t = await new Promise((resolve, reject) => {
        let t0;
        const obs = new MutationObserver(() => {
          if (done(step)) { const t1 = performance.now(); obs.disconnect(); clearTimeout(timer); resolve(t1 - t0); }
        });
        const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`timeout after ${step[0]}`)); }, 5000);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        t0 = performance.now();
        b.click();
        if (done(step)) { const t1 = performance.now(); obs.disconnect(); clearTimeout(timer); resolve(t1 - t0); }
      });
      times.push(t);
    }
    return times;
  })();
}

async function actionBench(browser, url, rate) {
  const { context, page, errors } = await newPage(browser, rate);
  try {
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Your circuits' }).waitFor();
    await createCircuit(page, 'BenchCircuit');
    await toStep(page, 2);
    const snapshot = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const times = [];
    while (times.length < ACTIONS) {
      times.push(...await page.evaluate(runActions, Math.min(BATCH, ACTIONS - times.length)));
      // Reset to the saved snapshot so the timeline stays under BATCH entries, as in real use.
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, snapshot]);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Order connectivity from the provider' }).waitFor();
    }
    if (errors.length) throw new Error(`actions: page errors: ${errors.join(' | ')}`);
    return times;
  } finally {
    await context.close();
  }
}

// ---------- storage ----------
// A realistic stored state: real circuits made through the UI (one provisioned, one new, one
// Layer 3), read back from the app's key and replicated. The timings are the browser's side of the
// storage path measured in JS (JSON.stringify + localStorage.setItem; getItem + JSON.parse); the app
// itself (de)serialises in Rust with serde_json, which the "action" and "50 stored" rows include.
async function realState(browser, url) {
  const { context, page } = await newPage(browser, 1);
  try {
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Your circuits' }).waitFor();
    await createCircuit(page, 'ProvisionedCircuit');
    await toStep(page, 2);
    await page.getByRole('button', { name: 'Provider starts provisioning', exact: true }).click();
    await page.getByRole('button', { name: 'Provider completes provisioning', exact: true }).click();
    await page.locator('.feedback', { hasText: 'Done: Provider completes provisioning.' }).waitFor();
    await page.goto(url);
    await createCircuit(page, 'NewCircuit');
    await page.goto(url);
    await createCircuit(page, 'SecondNewCircuit');
    await page.waitForTimeout(500); // let a debounced save land
    return JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  } finally {
    await context.close();
  }
}

function replicate(env, n) {
  const base = env.data.circuits;
  const circuits = [];
  for (let i = 0; i < n; i++) {
    const c = structuredClone(base[i % base.length]);
    c.id = `${c.id}-${i}`;
    if (c.circuit && typeof c.circuit.name === 'string') c.circuit.name = `${c.circuit.name}${i}`;
    circuits.push(c);
  }
  return { ...env, data: { ...env.data, circuits } };
}

// performance.now() is coarsened to 0.1 ms in a page that is not cross-origin isolated, so each
// sample is the mean of a block of 10 back-to-back operations; the table gives the median block.
function storageTimes({ text, blocks }) {
  const key = 'er-wizard:bench';
  const obj = JSON.parse(text);
  const save = [];
  const load = [];
  const per = 10;
  let rev = 0;
  for (let b = 0; b < blocks; b++) {
    let t0 = performance.now();
    for (let i = 0; i < per; i++) {
      obj.revision = ++rev;
      localStorage.setItem(key, JSON.stringify(obj));
    }
    save.push((performance.now() - t0) / per);
    t0 = performance.now();
    let back;
    for (let i = 0; i < per; i++) back = JSON.parse(localStorage.getItem(key));
    load.push((performance.now() - t0) / per);
    if (back.revision !== rev) throw new Error('storage round trip failed');
  }
  localStorage.removeItem(key);
  return { save, load };
}

async function storageBench(browser, url, states, rate) {
  const { context, page } = await newPage(browser, rate);
  try {
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Your circuits' }).waitFor();
    const out = {};
    for (const [name, env] of Object.entries(states)) {
      out[name] = await page.evaluate(storageTimes, { text: JSON.stringify(env), blocks: 50 });
    }
    return out;
  } finally {
    await context.close();
  }
}

// The app's own storage path, measured from outside: start-up with 50 circuits stored (Rust load +
// serde_json + the list rendered), and one action with 50 circuits stored (Rust save of all 50).
async function appWith(browser, url, text, rate, what) {
  const { context, page, errors } = await newPage(browser, rate);
  try {
    // Stored before any app code runs, as if saved in an earlier visit; a cold load follows.
    await page.addInitScript(([k, v]) => {
      if (!sessionStorage.getItem('bench-seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('bench-seeded', '1'); }
    }, [KEY, text]);
    if (what === 'load') {
      await page.addInitScript(() => {
        const obs = new MutationObserver(() => {
          if (document.querySelectorAll('.circuit-card').length >= 50) { window.__benchListed = performance.now(); obs.disconnect(); }
        });
        obs.observe(document, { childList: true, subtree: true });
      });
      await page.goto(url);
      return [await pollFor(page, () => window.__benchListed)];
    }
    const id = JSON.parse(text).data.circuits.find((c) => c.circuit.serviceProviderProvisioningState === 'NotProvisioned'
      || String(c.circuit.name).startsWith('NewCircuit'))?.id;
    await page.goto(url + `#/c/${id}/2`);
    await page.getByRole('heading', { level: 1, name: 'Order connectivity from the provider' }).waitFor();
    const times = await page.evaluate(runActions, 200);
    if (errors.length) throw new Error(errors.join(' | '));
    return times;
  } finally {
    await context.close();
  }
}

// ---------- main ----------
const targets = (ports) => [
  {
    name: 'plain', url: `http://127.0.0.1:${ports.plain}/`, h1: 'Floor',
    click: async (p) => { await p.getByRole('button', { name: 'Pressed 0' }).click(); await p.getByRole('button', { name: 'Pressed 1' }).waitFor(); },
  },
  {
    name: 'floor', url: `http://127.0.0.1:${ports.floor}/`, h1: 'Floor',
    click: async (p) => { await p.getByRole('button', { name: 'Pressed 0' }).click(); await p.getByRole('button', { name: 'Pressed 1' }).waitFor(); },
  },
  {
    name: 'app', url: `http://127.0.0.1:${ports.app}/`, h1: 'Your circuits', next: 'Create the circuit',
    click: async (p) => { await p.getByRole('link', { name: 'Create circuit' }).first().click(); await p.getByRole('heading', { level: 1, name: 'Create the circuit' }).waitFor(); },
  },
];

const base = 18700 + Math.floor(Math.random() * 200);
const ports = { app: base, floor: base + 1, plain: base + 2, gzip: base + 3 };
const servers = [await serve(appDir, ports.app), await serve(floorDir, ports.floor), await serve(plainDir, ports.plain),
  await serve(appDir, ports.gzip, '--gzip')];
const browser = await chromium.launch(LAUNCH);
const R = { loads: {}, next: {}, actions: {}, storage: {}, app50: {}, journey: { prefetch: [], none: [] } };
const hasWorker = fs.existsSync(path.join(appDir, 'sw.js'));
try {
  // The slow-network journey, the two modes interleaved, each run in a fresh context.
  for (let i = 0; i < JOURNEYS; i++) {
    for (const mode of ['prefetch', 'none']) R.journey[mode].push(await journey(browser, `http://127.0.0.1:${ports.gzip}/`, mode, hasWorker));
  }
  log('slow-network journeys done');
  if (ONLY_JOURNEY) throw 'only the journey';
  const T = targets(ports);
  for (const rate of RATES) {
    for (const t of T) { R.loads[`${t.name}@${rate}`] = []; await loadOnce(browser, t, rate); } // one warm-up each, discarded
    R.next[rate] = [];
    for (let i = 0; i < LOADS; i++) {
      for (const t of T) R.loads[`${t.name}@${rate}`].push(await loadOnce(browser, t, rate)); // interleaved
    }
    log(`loads at ${rate}x CPU done`);
  }
  const appUrl = T[2].url;
  for (const rate of RATES) {
    R.actions[rate] = await actionBench(browser, appUrl, rate);
    log(`${ACTIONS} actions at ${rate}x CPU done`);
  }
  const env = await realState(browser, appUrl);
  const one = JSON.stringify(env).length;
  let n32 = 1;
  while (JSON.stringify(replicate(env, n32 + 1)).length <= 32 * 1024) n32++;
  if (Math.abs(JSON.stringify(replicate(env, n32 + 1)).length - 32 * 1024) < Math.abs(JSON.stringify(replicate(env, n32)).length - 32 * 1024)) n32++;
  const states = { c50: replicate(env, 50), kb32: replicate(env, n32) };
  R.stateBytes = { c50: JSON.stringify(states.c50).length, kb32: JSON.stringify(states.kb32).length, n32, real: one, realCircuits: env.data.circuits.length };
  R.sampleState = env;
  for (const rate of RATES) R.storage[rate] = await storageBench(browser, appUrl, states, rate);
  const text50 = JSON.stringify(states.c50);
  for (const rate of RATES) {
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(...await appWith(browser, appUrl, text50, rate, 'load'));
    R.app50[rate] = { load: loads, action: await appWith(browser, appUrl, text50, rate, 'action') };
  }
  log('storage done');
} catch (e) {
  if (e !== 'only the journey') throw e;
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

// ---------- report ----------
const S = { app: sizes(appDir), floor: sizes(floorDir), plain: sizes(plainDir) };
const out = [];
const p = (s = '') => out.push(s);
const cpu = os.cpus()[0]?.model || 'unknown CPU';
p(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, ${os.cpus().length} cores, ${kb(os.totalmem() / 1024)} MB RAM, `
  + `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; Chromium ${browser.version()}, headless, localhost.`);
p();
p('**Transfer size** (release build; gzip -9 and brotli q11 as a host would serve them):');
p();
p('| asset | raw KB | gzip KB | brotli KB |');
p('|---|---:|---:|---:|');
for (const r of S.app.rows) p(`| ${r.name.replace(/-[0-9a-f]{8,16}(?=[._])/, '')} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
p(`| **app total (first load)** | **${kb(S.app.total.raw)}** | **${kb(S.app.total.gzip)}** | **${kb(S.app.total.brotli)}** |`);
for (const later of S.app.pages) {
  for (const r of later.rows) p(`| later: ${r.name.replace(/-[0-9a-f]{8,16}(?=[._])/, '')} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  p(`| ${later.what} | ${kb(later.total.raw)} | ${kb(later.total.gzip)} | ${kb(later.total.brotli)} |`);
}
p(`| Leptos floor app total | ${kb(S.floor.total.raw)} | ${kb(S.floor.total.gzip)} | ${kb(S.floor.total.brotli)} |`);
p(`| plain HTML+JS page total | ${kb(S.plain.total.raw)} | ${kb(S.plain.total.gzip)} | ${kb(S.plain.total.brotli)} |`);
p();
const J = (mode, visit, what) => stats(R.journey[mode].map((r) => r[visit][what]));
p(`**On a slow phone network** (slow 4G as Lighthouse's mobile preset: 562.5 ms round trip, 1.44 Mbit/s down, 0.66 up; 4x CPU; served with gzip; `
  + `${JOURNEYS} runs of each, fresh browser context per run; first screen usable, ${READING / 1000} s of reading, then "Create circuit" until the create form is usable; ms):`);
p();
p('| journey | first screen usable: median | min–max | click → create form usable: median | min–max |');
p('|---|---:|---|---:|---|');
const jrow = (label, mode, visit) => {
  const f = J(mode, visit, 'first');
  const c = J(mode, visit, 'click');
  p(`| ${label} | ${ms(f.median)} | ${ms(f.min)}–${ms(f.max)} | ${ms(c.median)} | ${ms(c.min)}–${ms(c.max)} |`);
};
jrow('cold visit, wizard fetched ahead at idle', 'prefetch', 'cold');
jrow(hasWorker ? 'second visit, from the service worker' : 'second visit (HTTP cache)', 'prefetch', 'second');
jrow('cold visit, nothing fetched ahead (Save-Data), no service worker', 'none', 'cold');
jrow('second visit without service worker (HTTP cache)', 'none', 'second');
p();
const cpuLabel = (rate) => (rate === 1 ? '1x' : `${rate}x throttled`);
const kbs = (n) => `${kb(n)} KB`;
const M = {};
for (const k of Object.keys(R.loads)) M[k] = median(R.loads[k]);
if (!ONLY_JOURNEY) {
p(`**Time to interactive** (navigation start → first screen's h1 in the DOM with its click handler; ${LOADS} cold loads each, fresh browser context per load, CSP on; ms):`);
p();
p('| page | CPU | median | min–max (IQR) | ratio to Leptos floor | ratio to plain page |');
p('|---|---|---:|---|---:|---:|');
for (const rate of RATES) {
  for (const name of ['app', 'floor', 'plain']) {
    const s = stats(R.loads[`${name}@${rate}`]);
    const label = { app: 'the app ("Your circuits")', floor: 'Leptos floor app', plain: 'plain HTML+JS' }[name];
    p(`| ${label} | ${cpuLabel(rate)} | ${ms(s.median)} | ${spread(s)} | ${(s.median / M[`floor@${rate}`]).toFixed(2)} | ${(s.median / M[`plain@${rate}`]).toFixed(2)} |`);
  }
}
p();
p('Then, in the same loads, the wizard\'s own page: from the click on "Create circuit" to the create form\'s heading, its bundle fetched cold (no budget; the wizard is kept off the first load):');
p();
p('| page | CPU | median | min–max (IQR) |');
p('|---|---|---:|---|');
for (const rate of RATES) {
  const s = stats(R.next[rate]);
  p(`| wizard.html after "Create circuit" | ${cpuLabel(rate)} | ${ms(s.median)} | ${spread(s)} |`);
}
p();
p('**In the page** (ms; median and spread):');
p();
p('| measure | CPU | n | median | min–max (IQR) |');
p('|---|---|---:|---:|---|');
for (const rate of RATES) {
  const s = stats(R.actions[rate]);
  p(`| one action applied + DOM updated (step 2 provider simulation, 1 circuit) | ${rate}x | ${s.n} | ${ms(s.median, 2)} | ${spread(s, 2)} |`);
}
for (const rate of RATES) {
  const s = stats(R.app50[rate].action);
  p(`| one action applied + DOM updated, 50 circuits stored (app saves all 50 in Rust) | ${rate}x | ${s.n} | ${ms(s.median, 2)} | ${spread(s, 2)} |`);
}
for (const rate of RATES) {
  const s = stats(R.app50[rate].load);
  p(`| start-up to the list of 50 stored circuits shown (app load in Rust + render) | ${rate}x | ${s.n} | ${ms(s.median)} | ${spread(s)} |`);
}
for (const rate of RATES) {
  const st = R.storage[rate];
  p(`| save 50 circuits (${kbs(R.stateBytes.c50)}): JSON.stringify + setItem | ${rate}x | ${st.c50.save.length} | ${ms(median(st.c50.save), 3)} | ${spread(stats(st.c50.save), 3)} |`);
  p(`| load 50 circuits: getItem + JSON.parse | ${rate}x | ${st.c50.load.length} | ${ms(median(st.c50.load), 3)} | ${spread(stats(st.c50.load), 3)} |`);
  p(`| save a ${kbs(R.stateBytes.kb32)} state (${R.stateBytes.n32} circuits) | ${rate}x | ${st.kb32.save.length} | ${ms(median(st.kb32.save), 3)} | ${spread(stats(st.kb32.save), 3)} |`);
  p(`| load a ${kbs(R.stateBytes.kb32)} state | ${rate}x | ${st.kb32.load.length} | ${ms(median(st.kb32.load), 3)} | ${spread(stats(st.kb32.load), 3)} |`);
}
p();
p(`Stored state used: ${R.stateBytes.realCircuits} circuits made through the UI (${kbs(R.stateBytes.real)}), replicated.`);
p();
}
p('**Budgets**');
p();
const budgets = [];
const b = (ok, text) => budgets.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
b(S.app.total.gzip <= 150 * 1024, `total first load ${kb(S.app.total.gzip)} KB gzip <= 150 KB`);
b(S.app.total.brotli <= 125 * 1024, `total first load ${kb(S.app.total.brotli)} KB brotli <= 125 KB`);
b(S.app.wasmRaw <= 400 * 1024, `raw wasm (first load) ${kb(S.app.wasmRaw)} KB <= 400 KB`);
{
  const first = J('prefetch', 'cold', 'first').median;
  const click = J('prefetch', 'cold', 'click').median;
  const second = J('prefetch', 'second', 'first').median;
  b(click <= 0.4 * first, `slow 4G, cold: click to create form ${ms(click)} ms = ${(click / first).toFixed(2)}x the first screen (${ms(first)} ms) <= 0.4x`);
  b(second <= 0.5 * first, `slow 4G, second visit: first screen ${ms(second)} ms = ${(second / first).toFixed(2)}x the cold one (${ms(first)} ms) <= 0.5x`);
}
if (!ONLY_JOURNEY) {
for (const rate of RATES) {
  const r1 = M[`app@${rate}`] / M[`floor@${rate}`];
  const r2 = M[`app@${rate}`] / M[`plain@${rate}`];
  b(r1 <= 1.5, `interactive at ${rate}x CPU: ${ms(M[`app@${rate}`])} ms = ${r1.toFixed(2)}x the Leptos floor (${ms(M[`floor@${rate}`])} ms) <= 1.5x`);
  b(r2 <= 2.5, `interactive at ${rate}x CPU: ${ms(M[`app@${rate}`])} ms = ${r2.toFixed(2)}x the plain page (${ms(M[`plain@${rate}`])} ms) <= 2.5x`);
}
b(median(R.actions[1]) <= 4, `one action + re-render ${ms(median(R.actions[1]), 2)} ms median <= 4 ms`);
b(median(R.actions[4]) <= 16, `one action + re-render at 4x CPU ${ms(median(R.actions[4]), 2)} ms median <= 16 ms`);
b(median(R.storage[1].kb32.save) <= 1, `save of a ${kbs(R.stateBytes.kb32)} state ${ms(median(R.storage[1].kb32.save), 3)} ms median <= 1 ms`);
}
p('```');
for (const l of budgets) p(l);
p('```');
console.log(out.join('\n'));
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ R, sizes: S }, null, 1));
