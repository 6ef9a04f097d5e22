// After the Trunk builds (scripts/build.sh), before scripts/offline.mjs: minifies the
// wasm-bindgen glue of each page (er-*.js, with terser, as ES modules) and the style sheets
// (with Lightning CSS), then puts each changed file's new sha384 in place of its old one in every
// page's integrity attributes, so SRI keeps verifying exactly what is served. File names keep
// Trunk's content hash (of the unminified file: still one name per build of that file).
// Trunk's own minifier is left off: it has been seen to drop wasm-bindgen getters
// (trunk-rs/trunk#761). Usage: node scripts/minify.mjs <dist>
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { transform } from 'lightningcss';

const dist = process.argv[2];
if (!dist || !fs.existsSync(dist)) {
  console.error('usage: node scripts/minify.mjs <dist>');
  process.exit(2);
}
const sri = (buf) => `sha384-${crypto.createHash('sha384').update(buf).digest('base64')}`;

const replaced = new Map(); // old integrity -> new integrity
let before = 0;
let after = 0;
for (const name of fs.readdirSync(dist).sort()) {
  const file = path.join(dist, name);
  let out;
  const src = fs.readFileSync(file);
  if (/^er-[\w-]+\.js$/.test(name)) {
    const r = await minify(src.toString('utf8'), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    out = Buffer.from(r.code, 'utf8');
  } else if (name.endsWith('.css')) {
    out = Buffer.from(transform({ filename: name, code: src, minify: true }).code);
  } else {
    continue;
  }
  if (out.length >= src.length) continue;
  fs.writeFileSync(file, out);
  replaced.set(sri(src), sri(out));
  before += src.length;
  after += out.length;
}

for (const name of fs.readdirSync(dist).filter((n) => n.endsWith('.html'))) {
  const file = path.join(dist, name);
  let html = fs.readFileSync(file, 'utf8');
  for (const [old, now] of replaced) html = html.split(`integrity="${old}"`).join(`integrity="${now}"`);
  fs.writeFileSync(file, html);
}
console.log(`minify: ${replaced.size} files, ${before} -> ${after} bytes`);
