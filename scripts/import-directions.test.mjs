/**
 * The directions imports may take, checked on every source file (tests excluded):
 * - `src/core` is pure: it imports only from `src/core` (no DOM, no packages but the pure stemmers);
 * - `server/` imports from `src/` only the core and the texts (for exports in a language): never
 *   adapters, elements or their kit; the texts (`src/i18n` but the DOM-bound `localize.ts`) import
 *   only texts and the core;
 * - `src/adapters` never imports elements, controllers or the element kit;
 * - what a page loads to show an element over http (elements, controllers, kit, theme, i18n and
 *   the http adapter and cache) never loads the local back end, the core's back-end machinery, or
 *   a kind's rules (`core/<kind>/<name>.ts` beside a `<name>.view.ts`): type-only imports aside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function sources(dir, found = []) {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'test' || name === 'test-support') continue;
    if (statSync(join(root, path)).isDirectory()) sources(path, found);
    else if (/\.ts$/.test(name) && !/\.(test|type-test|stories)\.ts$/.test(name) && name !== 'test-support.ts') found.push(path);
  }
  return found;
}

/** Every static import and re-export of a file: its target (a repository path, or the package name) and whether it is type-only. */
export function importsOf(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [];
  const add = (specifier, typeOnly) => {
    const target = specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts') : specifier;
    found.push({ target, typeOnly });
  };
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
    const names = match[2];
    const allTypes = /^\{[\s\S]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((name) => name.startsWith('type'));
    add(match[3], Boolean(match[1]) || allTypes);
  }
  for (const match of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) add(match[1], false);
  return found;
}

/** Modules of `src/core` that only back ends run. */
function backEndOnly(target) {
  if (/^src\/core\/(kinds|ledger|event-setup|backend)\.ts$/.test(target)) return true;
  if (target.startsWith('src/adapters/local/')) return true;
  const kindRules = /^src\/core\/[^/]+\/([^/.]+)\.ts$/.exec(target);
  return kindRules !== null && existsSync(join(root, target.replace(/\.ts$/, '.view.ts')));
}

function violations(files, rule) {
  const found = [];
  for (const file of files) {
    for (const entry of importsOf(file)) {
      const why = rule(entry, file);
      if (why) found.push(`${file} imports ${entry.target}: ${why}`);
    }
  }
  return found;
}

/** Packages the core may use: pure functions, no DOM, no I/O (the tag cloud's Snowball stemmers, per language). */
const purePackage = (target) => /^@orama\/stemmers\/(finnish|swedish|english)$/.test(target);

test('src/core imports only src/core', () => {
  const found = violations(sources('src/core'), ({ target }) => (target.startsWith('src/core/') || purePackage(target) ? undefined : 'the core is pure'));
  assert.deepEqual(found, []);
});

/** The texts: plain data and `Intl`, which the server may read too; `localize.ts` binds them to the DOM. */
const isText = (target) => target.startsWith('src/i18n/') && target !== 'src/i18n/localize.ts';

test('server/ takes only the core and the texts from src/', () => {
  const found = violations(sources('server'), ({ target }) =>
    target.startsWith('src/') && !target.startsWith('src/core/') && !isText(target) ? 'the server imports only src/core and the texts' : undefined,
  );
  assert.deepEqual(found, []);
});

test('the texts import only texts and the core', () => {
  const found = violations(sources('src/i18n').filter(isText), ({ target, typeOnly }) =>
    typeOnly || isText(target) || target.startsWith('src/core/') ? undefined : 'texts are plain data the server reads too',
  );
  assert.deepEqual(found, []);
});

test('src/adapters imports no elements, controllers or element kit', () => {
  const found = violations(sources('src/adapters'), ({ target }) =>
    /^src\/(components|controllers|kit|base)\//.test(target) ? 'adapters sit below the elements' : undefined,
  );
  assert.deepEqual(found, []);
});

test('a page showing elements over http loads no back-end code and no kind rules', () => {
  const browser = ['src/components', 'src/controllers', 'src/kit', 'src/base', 'src/i18n', 'src/theme']
    .flatMap((dir) => sources(dir))
    .concat(sources('src/adapters').filter((file) => !file.startsWith('src/adapters/local/') && !file.endsWith('conformance.ts') && file !== 'src/adapters/index.ts'));
  const found = violations(browser, ({ target, typeOnly }) => (!typeOnly && backEndOnly(target) ? 'back-end code (load it on demand)' : undefined));
  assert.deepEqual(found, []);
});

test('the rule sees what it checks (a value import of kind rules counts, a type-only one does not)', () => {
  const component = importsOf('src/components/priority-board/priority-board.component.ts');
  assert.ok(component.some(({ target, typeOnly }) => target === 'src/core/board/board.ts' && typeOnly), 'the board takes only types from its rules');
  assert.ok(component.some(({ target, typeOnly }) => target === 'src/core/board/board.view.ts' && !typeOnly));
  assert.ok(backEndOnly('src/core/board/board.ts') && !backEndOnly('src/core/board/board.view.ts'));
  assert.ok(importsOf('server/service.ts').some(({ target }) => target === 'src/core/ledger.ts'));
});
