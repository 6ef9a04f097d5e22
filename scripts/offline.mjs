// After the Trunk builds (scripts/build.sh): makes the app installable and usable offline.
// Usage: node scripts/offline.mjs <dist> <public-url>
// - icon-192.png, icon-512.png (drawn here) and manifest.webmanifest (relative URLs: any sub-path);
// - offline-<hash>.js from web/offline.js with each page's files, and in each page a
//   <link rel="manifest"> and a deferred, low-priority <script> for it with its integrity;
// - sw.js from web/sw.js with every file of the build and its sha384 (rewritten on every run, so
//   running this again after changing a file makes a new build's service worker).
// Running it again on the same dist is safe: the pages are only changed once.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import zlib from 'node:zlib';

const [dist = 'dist', publicArg = '/'] = process.argv.slice(2);
const publicUrl = publicArg.endsWith('/') ? publicArg : publicArg + '/';
const here = path.dirname(new URL(import.meta.url).pathname);
const PAGES = ['index.html', 'wizard.html', 'tools.html'].filter((p) => fs.existsSync(path.join(dist, p)));
const sri = (buf) => 'sha384-' + crypto.createHash('sha384').update(buf).digest('base64');
const read = (name) => fs.readFileSync(path.join(dist, name));
const write = (name, data) => fs.writeFileSync(path.join(dist, name), data);
const fill = (template, value) => {
  const parts = template.split('/*BUILD*/');
  if (parts.length !== 3) throw new Error('template needs one /*BUILD*/ ... /*BUILD*/ value');
  return `${parts[0]}/*BUILD*/ ${JSON.stringify(value)} /*BUILD*/${parts[2]}`;
};

// ---------- icons: the app's blue, two circuit ends joined by a link (PNG, drawn pixel by pixel) ----------
function png(size) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const rows = [];
  const s = size;
  for (let y = 0; y < s; y++) {
    const row = Buffer.alloc(1 + s * 3); // filter byte 0, then RGB
    for (let x = 0; x < s; x++) {
      const u = (x + 0.5) / s, v = (y + 0.5) / s;
      const d1 = Math.hypot(u - 0.3, v - 0.5), d2 = Math.hypot(u - 0.7, v - 0.5);
      const ring = (d) => d > 0.085 && d < 0.13;
      const bar = u > 0.42 && u < 0.58 && Math.abs(v - 0.5) < 0.025;
      const white = ring(d1) || ring(d2) || bar;
      const [r, g, b] = white ? [255, 255, 255] : [0x0b, 0x5c, 0xad];
      row[1 + x * 3] = r; row[2 + x * 3] = g; row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0); ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const injected = (html) => html.includes('rel="manifest"');
if (!PAGES.some((p) => injected(read(p).toString()))) {
  for (const size of [192, 512]) write(`icon-${size}.png`, png(size));
  write('manifest.webmanifest', JSON.stringify({
    name: 'ExpressRoute Circuit Wizard',
    short_name: 'ER Wizard',
    description: 'Plan, provision and check Azure ExpressRoute circuits, step by step.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5cad',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  }, null, 2) + '\n');

  // Each page's own files as its HTML loads them (with their integrity), for the prefetch.
  const pages = {};
  for (const page of PAGES) {
    const html = read(page).toString();
    const files = [[publicUrl + page, null]];
    for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
      const url = (tag.match(/\b(?:href|src)="([^"]+)"/) || [])[1];
      const integrity = (tag.match(/\bintegrity="([^"]+)"/) || [])[1];
      if (url && integrity && !files.some(([u]) => u === url)) files.push([url, integrity]);
    }
    pages[page] = files;
  }
  // What every page loads (the stylesheet, the icon) is in the cache already wherever the script runs.
  // (Decided before any list is trimmed: trimming one first made the next lists keep those files.)
  const everywhere = new Set(pages[PAGES[0]].map(([u]) => u).filter((url) => PAGES.every((p) => pages[p].some(([u]) => u === url))));
  for (const page of PAGES) pages[page] = pages[page].filter(([url]) => !everywhere.has(url));
  // What each page says while it opens (its own loading line), for a click that waits for its files.
  const opening = {};
  for (const page of PAGES) {
    const line = read(page).toString().match(/<p id="loading"[^>]*>([^<]*)<\/p>/);
    if (line) opening[page] = line[1];
  }
  // Every page loads it: minified (terser, as a classic script).
  const source = fs.readFileSync(path.join(here, '../web/offline.js'), 'utf8');
  const script = Buffer.from((await minify(fill(source, { pages, opening }), { ecma: 2020, compress: { passes: 2 }, format: { comments: false } })).code);
  const name = `offline-${crypto.createHash('sha256').update(script).digest('hex').slice(0, 16)}.js`;
  write(name, script);
  const tags = `<link rel="manifest" href="${publicUrl}manifest.webmanifest"/>`
    + `<script defer fetchpriority="low" src="${publicUrl}${name}" integrity="${sri(script)}"></script>`;
  for (const page of PAGES) write(page, read(page).toString().replace('</head>', `${tags}</head>`));
}

// ---------- the service worker: every file of the build with its sha384 ----------
const files = {};
for (const name of fs.readdirSync(dist).sort()) {
  if (name === 'sw.js' || name === 'csp-hashes.json' || name.startsWith('.') || !fs.statSync(path.join(dist, name)).isFile()) continue;
  files[name] = sri(read(name));
}
const id = crypto.createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
write('sw.js', fill(fs.readFileSync(path.join(here, '../web/sw.js'), 'utf8'), { id, files }));
console.log(`offline: build ${id}, ${Object.keys(files).length} files listed in ${dist}/sw.js`);
