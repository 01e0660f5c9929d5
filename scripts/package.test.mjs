import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { entries } from './entries.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('package.json: ESM only, an exports map entry per entry point with types first', () => {
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.name, 'osallistu');
  for (const [name, { source }] of Object.entries(entries)) {
    assert.ok(existsSync(source), `${source} exists`);
    const key = name === 'index' ? '.' : `./${name}.js`;
    const target = pkg.exports[key];
    assert.ok(target, `exports has ${key}`);
    assert.deepEqual(Object.keys(target), ['types', 'import'], `${key}: types first, then import`);
    assert.equal(target.import, `./dist/${name}.js`);
    assert.equal(target.types, `./dist/types/${source.slice('src/'.length).replace(/\.ts$/, '.d.ts')}`);
  }
  assert.equal(pkg.exports['./cdn/osallistu.js'], './dist/cdn/osallistu.js');
  assert.equal(pkg.customElements, 'custom-elements.json');
});

test('package.json: sideEffects names exactly the entries that define elements, in src and dist', () => {
  const defining = Object.entries(entries).filter(([, entry]) => entry.defines);
  for (const [name, { source }] of defining) {
    assert.ok(pkg.sideEffects.includes(`./dist/${name}.js`), `sideEffects has ./dist/${name}.js`);
    assert.ok(pkg.sideEffects.includes(`./${source}`), `sideEffects has ./${source}`);
  }
  for (const [name, { source }] of Object.entries(entries).filter(([, entry]) => !entry.defines)) {
    assert.ok(!pkg.sideEffects.includes(`./dist/${name}.js`) && !pkg.sideEffects.includes(`./${source}`), `${name} has no side effects`);
  }
});
