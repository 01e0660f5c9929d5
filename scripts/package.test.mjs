/**
 * The package as consumers meet it: the exports map resolved by Node, by TypeScript and by Vite,
 * and package.json `sideEffects` as Vite (rolldown) applies it. Each runs against a copy of
 * package.json with stub files where the build puts its output, so no build is needed, and every
 * element found by the folder convention is checked.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';
import { elements, modules, registry } from './entries.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const typesOf = (source) => `dist/types/${source.slice('src/'.length).replace(/\.ts$/, '.d.ts')}`;

/** Specifier → the file it must reach, and its types where it has them. */
const expected = {
  osallistu: { file: 'dist/index.js', types: typesOf(modules.index.source) },
  ...Object.fromEntries(
    Object.entries(modules)
      .filter(([name]) => name !== 'index')
      .map(([name, { source }]) => [`osallistu/${name}.js`, { file: `dist/${name}.js`, types: typesOf(source) }]),
  ),
  ...Object.fromEntries(Object.entries(elements).map(([name, source]) => [`osallistu/${name}.js`, { file: `dist/elements/${name}.js`, types: typesOf(source) }])),
  'osallistu/cdn/osallistu.js': { file: 'dist/cdn/osallistu.js' },
  ...Object.fromEntries(Object.keys(elements).map((name) => [`osallistu/cdn/${name}.js`, { file: `dist/cdn/${name}.js` }])),
  'osallistu/custom-elements.json': { file: 'custom-elements.json' },
};
/** Files that define elements when imported; importing any other entry must leave nothing behind. */
const defining = new Set(['dist/index.js', 'dist/loader.js', 'dist/cdn/osallistu.js', ...Object.keys(elements).flatMap((name) => [`dist/elements/${name}.js`, `dist/cdn/${name}.js`])]);

// A consumer's project with the package installed: package.json as it is, stubs for the build output.
let consumer;
let installed;
before(() => {
  consumer = mkdtempSync(join(tmpdir(), 'osallistu-package-'));
  installed = join(consumer, 'node_modules', 'osallistu');
  const stub = (path, text) => {
    mkdirSync(dirname(join(installed, path)), { recursive: true });
    writeFileSync(join(installed, path), text);
  };
  stub('package.json', JSON.stringify(pkg));
  for (const { file, types } of Object.values(expected)) {
    stub(file, file.endsWith('.js') ? `globalThis.stub = ${JSON.stringify(file)};\n` : '{}');
    if (types) stub(types, 'export {};\n');
  }
  // The package's own sources as our builds and Storybook see them (the nearest package.json).
  for (const source of [...Object.values(elements), ...Object.values(modules).map(({ source }) => source), 'src/kit/stub.ts', 'src/components/stub/stub.component.ts']) {
    stub(source, `globalThis.stub = ${JSON.stringify(source)};\n`);
  }
});
after(() => rmSync(consumer, { recursive: true, force: true }));

/** Bundles `import '<specifier>'` for each specifier with Vite and returns what each bundle kept. */
async function bundled(specifiers, root) {
  const names = specifiers.map((_, index) => `entry${index}`);
  names.forEach((name, index) => writeFileSync(join(root, `${name}.js`), `import ${JSON.stringify(specifiers[index])};\n`));
  const outDir = join(root, 'out');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, minify: false, lib: { entry: Object.fromEntries(names.map((name) => [name, join(root, `${name}.js`)])), formats: ['es'] } },
  });
  const kept = Object.fromEntries(
    readdirSync(outDir)
      .filter((file) => /^entry\d+\.m?js$/.test(file))
      .map((file) => [specifiers[Number(/\d+/.exec(file)[0])], /globalThis\.stub = "([^"]+)"/.exec(readFileSync(join(outDir, file), 'utf8'))?.[1]]),
  );
  rmSync(outDir, { recursive: true, force: true });
  return kept;
}

test('the registry has one line per element folder, importing that folder’s define file', async () => {
  assert.ok(Object.keys(elements).length > 0, 'src/components/<name>/<name>.ts files are found');
  const folders = Object.values(await registry()).sort();
  assert.deepEqual(folders, Object.keys(elements), 'src/registry.ts and the folders in src/components/ name the same elements');
});

test('package.json: ESM only, the manifest, types listed before the code', () => {
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.name, 'osallistu');
  assert.equal(pkg.customElements, 'custom-elements.json');
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (target !== null && typeof target === 'object') assert.deepEqual(Object.keys(target), ['types', 'import'], `${key}: types first, then import`);
  }
});

test('exports: Node resolves every entry and every element to its file', () => {
  const script = 'for (const specifier of JSON.parse(process.argv[1])) console.log(import.meta.resolve(specifier));';
  const specifiers = Object.keys(expected);
  const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(specifiers)], { cwd: consumer, encoding: 'utf8' }).trim().split('\n');
  specifiers.forEach((specifier, index) => assert.equal(resolved[index], `file://${join(installed, expected[specifier].file)}`, specifier));
});

test('exports: TypeScript finds the types of every entry and every element', () => {
  const containingFile = join(consumer, 'consumer.ts');
  for (const moduleResolution of [ts.ModuleResolutionKind.NodeNext, ts.ModuleResolutionKind.Bundler]) {
    const options = { module: moduleResolution === ts.ModuleResolutionKind.NodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext, moduleResolution };
    for (const [specifier, { types }] of Object.entries(expected).filter(([, target]) => target.types)) {
      const { resolvedModule } = ts.resolveModuleName(specifier, containingFile, options, ts.sys);
      assert.equal(resolvedModule?.resolvedFileName, join(installed, types), `${specifier} (${ts.ModuleResolutionKind[moduleResolution]})`);
    }
  }
});

test('sideEffects: Vite keeps a bare import of each element entry and drops the other entries', async () => {
  const kept = await bundled(Object.keys(expected).filter((specifier) => specifier.endsWith('.js') || specifier === 'osallistu'), consumer);
  for (const [specifier, file] of Object.entries(kept)) {
    const { file: target } = expected[specifier];
    if (defining.has(target)) assert.equal(file, target, `import '${specifier}' keeps ${target}`);
    else assert.equal(file, undefined, `import '${specifier}' leaves nothing`);
  }
});

test('sideEffects: in the sources, each element’s define file counts and core, adapters and the kit do not', async () => {
  // Our builds and Storybook import `src/components/<name>/<name>.js` for its define call. The
  // bundlers' globs cannot tell `<name>/<name>.ts` from its siblings, so a component folder counts
  // whole; its other modules (class, styles) have no side effects to lose.
  const sources = [...Object.values(elements), 'src/index.ts', 'src/loader.ts', 'src/core/index.ts', 'src/adapters/index.ts', 'src/kit/stub.ts'];
  const kept = await bundled(sources.map((source) => `./${source.replace(/\.ts$/, '.js')}`), installed);
  for (const source of sources) {
    const defines = source.startsWith('src/components/') || source === 'src/index.ts' || source === 'src/loader.ts';
    assert.equal(kept[`./${source.replace(/\.ts$/, '.js')}`], defines ? source : undefined, `import './${source}' ${defines ? 'is kept' : 'leaves nothing'}`);
  }
});

test('the index defines every element', () => {
  const index = readFileSync(modules.index.source, 'utf8');
  for (const name of Object.keys(elements)) {
    assert.match(index, new RegExp(`^export \\* from '\\./components/${name}/${name}\\.js';$`, 'm'), `src/index.ts exports ./components/${name}/${name}.js`);
  }
});
