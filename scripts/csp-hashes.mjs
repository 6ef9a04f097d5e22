// Writes <dist>/csp-hashes.json: the sha256 of every inline <script> in the built pages (index.html, wizard.html, tools.html), so the
// Content-Security-Policy can allow Trunk's bootstrap script and nothing else inline.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] || 'dist';
const hashes = [];
for (const page of fs.readdirSync(dist).filter((f) => f.endsWith('.html')).sort()) {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push('sha256-' + crypto.createHash('sha256').update(m[1], 'utf8').digest('base64'));
  }
}
fs.writeFileSync(path.join(dist, 'csp-hashes.json'), JSON.stringify(hashes));
console.log(`csp: ${hashes.length} inline script hash(es) written to ${dist}/csp-hashes.json`);
