#!/usr/bin/env node
/**
 * Fails when the committed custom-elements.json differs from what the analyzer makes of the code
 * now, or when it does not describe every element of the registry under its tag name (Storybook's
 * controls and docs, and editors, find an element by its `tagName`). The analyzer writes where its
 * config says, so the committed file is put back afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { registry } from './entries.mjs';

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

const problems = [];
if (fresh !== committed) problems.push('custom-elements.json is stale: run `npm run analyze` and commit the result.');

// Every element class needs `@tagname` in its JSDoc; the base classes (src/base, src/kit) define no tag.
const tags = new Map();
for (const module of JSON.parse(fresh).modules) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement) continue;
    if (declaration.tagName) tags.set(declaration.tagName, `${module.path} (${declaration.name})`);
    else if (!/^src\/(base|kit)\//.test(module.path)) problems.push(`${module.path}: ${declaration.name} has no tag name in the manifest: add \`@tagname osa-…\` to its JSDoc.`);
  }
}
for (const [tag, folder] of Object.entries(await registry())) {
  if (!tags.has(tag)) problems.push(`<${tag}> (src/components/${folder}/) is not in the manifest: its class needs \`@tagname ${tag}\` in src/components/${folder}/${folder}.component.ts.`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`custom-elements.json is up to date and describes ${[...tags.keys()].map((tag) => `<${tag}>`).join(', ')}.`);
