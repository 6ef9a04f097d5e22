// The service worker: keeps one build's files in one cache and serves them cache-first, so the
// app (its three pages) opens and works with no network. scripts/offline.mjs writes BUILD below:
// the build's id and every file of the build with its sha384, taken from the built files.
//
// A new build is a new sw.js (its list differs, so the browser sees a change): it installs beside
// the one in use, fills a cache of its own completely (every file fetched and checked against its
// sha384, or nothing is kept and it is tried again later), then waits. Open pages keep being served
// the build they started with until the person chooses "Reload" on the page's notice; only then
// does the new worker take over and drop the old cache, so a page never mixes two builds.
//
// It answers only for its own folder on its own origin: a request to another origin is never seen
// by respondWith, never cached. It has no access to localStorage and stores nothing but the build.
'use strict';

const BUILD = /*BUILD*/ { id: 'unbuilt', files: {} } /*BUILD*/;
const SCOPE = new URL(self.registration.scope).pathname; // e.g. /wizard/ : works under any sub-path
// One cache per build and per folder, so two copies of the app on one origin keep their own.
const PREFIX = `er-wizard-offline:${SCOPE}:`;
const CACHE = PREFIX + BUILD.id;

/** The visitor asked to save data, or is on 2G: nothing is fetched ahead; files are kept as used. */
function frugal() {
  const c = self.navigator.connection;
  return !!c && (c.saveData === true || /(^|-)2g$/.test(c.effectiveType || ''));
}

/** One file of this build from the network, refused unless its bytes have the listed sha384. */
async function fetchVerified(name) {
  // Content-hashed names never change content: the HTTP cache (filled by the page's prefetch) is
  // as good as the network. The others (pages, manifest, icons) are revalidated.
  // (name-<hex>: Trunk's 64-bit hash without leading zeros, so at times fewer than 16 digits.)
  const hashed = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/.test(name);
  const res = await fetch(SCOPE + name, {
    integrity: BUILD.files[name], cache: hashed ? 'default' : 'no-cache', credentials: 'same-origin', redirect: 'error',
  });
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (frugal()) return;
    const names = Object.keys(BUILD.files);
    const cache = await caches.open(CACHE);
    try {
      const responses = await Promise.all(names.map(fetchVerified));
      await Promise.all(names.map((name, i) => cache.put(SCOPE + name, responses[i])));
    } catch (e) {
      await caches.delete(CACHE); // all or nothing: a half-filled cache is never used
      throw e;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
  })());
});

// The page's "Reload" button: take over now (the page reloads when this worker controls it).
self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  let name = decodeURIComponent(url.pathname.slice(SCOPE.length));
  if (name === '' && req.mode === 'navigate') name = 'index.html';
  if (!Object.hasOwn(BUILD.files, name)) return; // not this build's: the network answers as usual
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(SCOPE + name, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
    try {
      // Not cached yet (a frugal install, or the cache was evicted): fetched, checked, kept.
      const res = await fetchVerified(name);
      event.waitUntil(cache.put(SCOPE + name, res.clone()));
      return res;
    } catch {
      return fetch(req); // another build is on the server now: its answer, not kept
    }
  })());
});
