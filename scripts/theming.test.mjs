/**
 * docs/theming.md stays true: its generated parts are what scripts/theming-tables.mjs writes from
 * custom-elements.json and the worked example, and its table of global tokens names every token of
 * src/theme/tokens.ts with the defaults the code has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOC, readManifest, renderDoc } from './theming-tables.mjs';

const doc = readFileSync(DOC, 'utf8');
const tokensSource = readFileSync(new URL('../src/theme/tokens.ts', import.meta.url), 'utf8');

test('docs/theming.md is what `node scripts/theming-tables.mjs` writes from custom-elements.json and the city example', async () => {
  const fresh = await renderDoc(doc, readManifest());
  const stale = fresh
    .split('\n')
    .filter((line) => !doc.split('\n').includes(line))
    .slice(0, 5);
  assert.ok(fresh === doc, `docs/theming.md is out of date: run \`node scripts/theming-tables.mjs\`. Missing lines, e.g.:\n${stale.join('\n')}`);
});

test('a custom property added to an element changes the guide, so the check above catches it', async () => {
  const manifest = readManifest();
  const board = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'osa-priority-board');
  board.cssProperties = [...(board.cssProperties ?? []), { name: '--osa-priority-board-new-thing', description: 'Something new.' }];
  const rendered = await renderDoc(doc, manifest);
  assert.notEqual(rendered, doc);
  assert.match(rendered, /\| `--osa-priority-board-new-thing` \| Something new\. \|/);
});

/** The guide's row for a token: `| \`--osa-…\` | light | dark | what |`. */
function row(token) {
  return doc.split('\n').find((line) => line.startsWith(`| \`${token}\` |`));
}

test('the global token table lists every token of src/theme/tokens.ts, each with its defaults', () => {
  const host = tokensSource.slice(tokensSource.indexOf(':host {'), tokensSource.indexOf('display: block;'));
  const tokens = [...new Set(host.match(/--osa-[a-z-]+/g))];
  assert.ok(tokens.length >= 20, `found only ${tokens.length} tokens in tokens.ts`);
  const missing = tokens.filter((token) => !row(token));
  assert.deepEqual(missing, [], 'tokens with no row in the guide');

  // Each declaration that reads a token and gives literal defaults: the token's row shows them.
  for (const line of host.split('\n')) {
    const token = /var\((--osa-[a-z-]+)/.exec(line)?.[1];
    const defaults = line.match(/#[0-9a-f]{6}\b|\b\d+(?:px|ms)\b/gi) ?? [];
    if (!token || defaults.length === 0) continue;
    for (const value of defaults) assert.ok(row(token).includes(`\`${value}\``), `${token}: the guide does not show its default ${value}`);
  }
});

test('the accent\'s defaults, which reach it through the adjusted accent, are in its row', () => {
  const [, light, dark] = /--_accent: var\(--_accent-own, light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)\)/.exec(tokensSource);
  assert.ok(row('--osa-color-accent').includes(`| \`${light}\` | \`${dark}\` |`));
});
