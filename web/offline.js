// Runs on each of the three pages, deferred, at low priority: it never delays the first screen.
// - Once the page's app has started and the browser is idle, fetches the other pages' files at
//   low priority (the wizard's first, then the tools page's), so a click finds them cached; a
//   pointer over (or focus on) a link to another page starts that page at once. Nothing is fetched
//   ahead when the visitor saves data or is on 2G. The bytes land in the HTTP cache, where the
//   next page's own integrity-checked load takes them (SRI is checked there, as always). A click
//   on such a link while its page's files are still coming keeps this page, saying so, until they
//   are in, then opens the link: leaving at once would throw away what has arrived.
// - Then (again unless the visitor saves data or is on 2G) registers the service worker (sw.js
//   beside this page), which keeps the build for use offline, and shows "A new version is ready" with a Reload button when a new build has been
//   installed, instead of mixing two builds in one page.
// It never touches localStorage. scripts/offline.mjs writes BUILD below: each page's files.
'use strict';
(() => {
  const BUILD = /*BUILD*/ { pages: {}, opening: {} } /*BUILD*/;
  const base = new URL(document.baseURI);
  const folder = base.pathname.replace(/[^/]*$/, '');
  const pageOf = (pathname) => {
    if (!pathname.startsWith(folder)) return null;
    const name = pathname.slice(folder.length) || 'index.html';
    return Object.hasOwn(BUILD.pages, name) ? name : null;
  };
  const here = pageOf(location.pathname);

  const frugal = () => {
    const c = navigator.connection;
    return !!c && (c.saveData === true || /(^|-)2g$/.test(c.effectiveType || ''));
  };

  // A browser without <link rel=prefetch> (Safari) would never report the files in: none is waited for.
  const prefetchable = document.createElement('link').relList.supports('prefetch');
  const started = new Map();
  const fetched = new Set();
  // The link a click waits to open (its page's files are coming): nothing else is fetched ahead.
  let leaving = null;
  /** Fetches one page and its files into the HTTP cache at the lowest priority. */
  function prefetch(page) {
    if (page === here || leaving || frugal() || !BUILD.pages[page] || !prefetchable) return Promise.resolve();
    if (!started.has(page)) {
      started.set(page, Promise.all(BUILD.pages[page].map(([href, integrity]) => new Promise((done) => {
        const link = document.createElement('link');
        link.rel = 'prefetch';
        link.href = href;
        link.fetchPriority = 'low';
        if (integrity) {
          // The same request mode as the page's own <link integrity crossorigin> for that file.
          link.crossOrigin = 'anonymous';
          link.integrity = integrity;
        }
        link.onload = link.onerror = () => { link.remove(); done(); };
        document.head.append(link);
      }))).then(() => { fetched.add(page); }));
    }
    return started.get(page);
  }

  const intent = (event) => {
    const a = event.target instanceof Element && event.target.closest('a[href]');
    if (!a) return;
    const url = new URL(a.href, base);
    if (url.origin === location.origin) {
      const page = pageOf(url.pathname);
      if (page) prefetch(page);
    }
  };
  addEventListener('pointerover', intent, { passive: true });
  addEventListener('focusin', intent);

  // A click on a link to a page whose files are still coming: leaving now would drop the bytes
  // already received and fetch them again from the start, so this page stays (saying so) until
  // they are in the cache (or failed), then opens the link. New tabs and windows are left alone.
  let box = null;
  addEventListener('click', (event) => {
    const a = event.target instanceof Element && event.target.closest('a[href]');
    if (!a || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
      || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
    const url = new URL(a.href, base);
    const page = url.origin === location.origin && pageOf(url.pathname);
    if (!page || page === here) return;
    // Nothing to wait for, or a second click on the same link (the person does not want to wait): it opens now.
    if (!started.has(page) || fetched.has(page) || leaving === url.href) { leaving = null; return; }
    event.preventDefault();
    const href = (leaving = url.href);
    if (!box) {
      box = document.createElement('p');
      box.className = 'page-opening';
      box.setAttribute('role', 'status');
      document.body.append(box);
    }
    // Filled after it is in the page, so screen readers announce it.
    setTimeout(() => { if (box) box.textContent = BUILD.opening[page] || ''; }, 50);
    started.get(page).then(() => { if (leaving === href) location.assign(href); });
  });
  // Back here from the page it opened (the back/forward cache keeps the page as it was left).
  addEventListener('pageshow', (event) => {
    if (!event.persisted || !box) return;
    box.remove();
    box = leaving = null;
    ahead();
  });

  function offerReload(worker) {
    if (document.getElementById('update-ready')) return;
    const box = document.createElement('div');
    box.id = 'update-ready';
    box.className = 'update-ready';
    box.setAttribute('role', 'status');
    document.body.append(box);
    // Filled after it is in the page, so screen readers announce it.
    setTimeout(() => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = 'Reload';
      button.addEventListener('click', () => {
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
        worker.postMessage('activate');
      });
      box.append('A new version is ready — ', button);
    }, 50);
  }

  let registered;
  const register = () => (registered ||= registerOnce());
  async function registerOnce() {
    if (!('serviceWorker' in navigator)) return;
    let reg;
    try {
      reg = await navigator.serviceWorker.register(new URL('sw.js', base));
    } catch {
      reg = null;
    }
    // No service worker here (refused, blocked, private mode): the app runs from the network.
    if (!reg) return;
    // A new build waits while this page runs the old one; offer it only to a page the old one serves.
    const offer = () => { if (reg.waiting && navigator.serviceWorker.controller) offerReload(reg.waiting); };
    const watch = (worker) => worker && worker.addEventListener('statechange', offer);
    offer();
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
  }

  const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 300));
  const whenStarted = (fn) => {
    if (window.wasmBindings) fn();
    else addEventListener('TrunkApplicationStarted', fn, { once: true });
  };
  // A page the service worker already serves hears about a new build at once.
  if (navigator.serviceWorker && navigator.serviceWorker.controller) register();
  // A visitor who saves data (or is on 2G) gets neither: the service worker would fetch the whole
  // build to keep it. The app then runs from the network, as it always did.
  const ahead = () => idle(async () => {
    if (frugal()) return;
    for (const page of ['wizard.html', 'tools.html', 'index.html']) await prefetch(page);
    if (!leaving) register();
  });
  whenStarted(ahead);
})();
