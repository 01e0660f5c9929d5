#!/usr/bin/env node
/**
 * Fails when the committed custom-elements.json differs from what the analyzer makes of the code
 * now. The analyzer writes where its config says, so the committed file is put back afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

// The analyzer also records its output path in package.json: both files are put back as they were.
const committed = readFileSync('custom-elements.json', 'utf8');
const pkg = readFileSync('package.json', 'utf8');
let fresh;
try {
  execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { stdio: 'pipe' });
  fresh = readFileSync('custom-elements.json', 'utf8');
} finally {
  writeFileSync('custom-elements.json', committed);
  writeFileSync('package.json', pkg);
}
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
