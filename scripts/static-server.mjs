// A tiny static file server for tests and local preview: serves a folder under a sub-path
// (e.g. /wizard/), with the security headers a static host should send (see README).
// Usage: node scripts/static-server.mjs <dir> <port> [base-path] [--no-csp]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dir = 'dist', portArg = '8080', baseArg = '/'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const withCsp = !process.argv.includes('--no-csp');
const root = path.resolve(dir);
const base = ('/' + baseArg.replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
};

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
  const headers = {
    'Content-Type': types[path.extname(file)] || 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
  };
  if (withCsp) headers['Content-Security-Policy'] = cspFor(root);
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
});
server.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${portArg}${base}`);
});
