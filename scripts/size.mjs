#!/usr/bin/env node
/** `npm run size`: brotli size of the CDN bundle and of each entry (with its own chunks, dependencies external). */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { entries } from './entries.mjs';

if (!existsSync('dist/cdn/osallistu.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** An entry file plus the chunks it imports statically, followed transitively. */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    staticGraph(join(file, '..', match[1]), seen);
  }
  return seen;
}

const rows = [];
const cdn = readFileSync('dist/cdn/osallistu.js');
rows.push(['dist/cdn/osallistu.js (Lit inlined)', cdn.length, gzipSync(cdn).length, brotli(cdn)]);
for (const name of readdirSync('dist/cdn').filter((file) => file.endsWith('.js') && file !== 'osallistu.js')) {
  const chunk = readFileSync(join('dist/cdn', name));
  rows.push([`  dist/cdn/${name} (loaded on demand)`, chunk.length, gzipSync(chunk).length, brotli(chunk)]);
}
for (const name of Object.keys(entries)) {
  const files = [...staticGraph(`dist/${name}.js`)];
  const buffer = Buffer.concat(files.map((file) => readFileSync(file)));
  rows.push([`dist/${name}.js (+${files.length - 1} chunks, deps external)`, buffer.length, gzipSync(buffer).length, brotli(buffer)]);
}
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const [label, raw, gz, br] of rows) console.log(`${label.padEnd(width)}  ${kb(raw).padStart(9)}  ${kb(gz).padStart(9)}  ${kb(br).padStart(9)}`);
