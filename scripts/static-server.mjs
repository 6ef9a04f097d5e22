// A tiny static file server for tests and local preview: serves a folder under a sub-path
// (e.g. /wizard/), with the security headers a static host should send (see README).
// Usage: node scripts/static-server.mjs <dir> <port> [base-path] [--no-csp] [--gzip]
// Port 0 takes a free port; the first line printed names it. --gzip compresses text and wasm (as a
// host would; the bench's slow-network journey uses it).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir = 'dist', portArg = '8080', baseArg = '/'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const withCsp = !process.argv.includes('--no-csp');
const withGzip = process.argv.includes('--gzip');
const root = path.resolve(dir);
const base = ('/' + baseArg.replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
// Trunk's and scripts/offline.mjs's content-hashed names (name-<hex>.ext: Trunk writes its 64-bit
// hash without leading zeros, so 16 hex digits or, one time in 16, fewer): a new content is a new name.
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/;
const gzipped = new Map();

function cspFor(root) {
  // The hashes of the inline scripts Trunk writes into index.html (read from the build itself).
  let hashes = [];
  try { hashes = JSON.parse(fs.readFileSync(path.join(root, 'csp-hashes.json'), 'utf8')); } catch { /* none */ }
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    if (url.pathname === base.slice(0, -1)) { res.writeHead(301, { Location: base }); return res.end(); }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  let file = path.join(root, rel);
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  const stat = fs.statSync(file);
  const gzip = withGzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !file.endsWith('.png');
  const etag = `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}${gzip ? '-gz' : ''}"`;
  const headers = {
    'Content-Type': types[path.extname(file)] || 'application/octet-stream',
    // Hashed files are kept for a year without asking again; the rest (the pages, sw.js, the
    // manifest and icons) are revalidated on every use.
    'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
  };
  if (withCsp) headers['Content-Security-Policy'] = cspFor(root);
  if (withGzip) headers.Vary = 'Accept-Encoding';
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  if (gzip) {
    if (gzipped.get(file)?.etag !== etag) gzipped.set(file, { etag, body: zlib.gzipSync(fs.readFileSync(file), { level: 9 }) });
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
    return res.end(gzipped.get(file).body);
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
});
server.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${server.address().port}${base}`);
});
