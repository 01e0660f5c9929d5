#!/usr/bin/env node
/**
 * `npm run build`:
 * - dist/*.js and dist/elements/<name>.js — ESM, one entry per element plus the index, the loader
 *   and the non-element modules, dependencies external;
 * - dist/types — `.d.ts` declarations from tsc;
 * - dist/cdn — for a page without a build step, everything bundled and minified:
 *   `osallistu.js` (the loader: no element, no Lit) and `<name>.js` per element (defines it;
 *   a page may load it directly), which share Lit and the kit through `chunks/`.
 */
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { elements, external, importsOf, modules, registry } from './entries.mjs';

rmSync('dist', { recursive: true, force: true });

// `base: './'`: a worker's URL (the tag cloud's layout worker) relative to the file that starts it,
// not to the site's root, wherever dist/ is served from.
const quiet = { logLevel: 'warn', configFile: false, base: './' };
const cdn = {
  ...quiet,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir: 'dist/cdn', emptyOutDir: false, target: 'es2022', minify: 'oxc', sourcemap: true },
};
// Whitespace and pure annotations too: a library build keeps them for the next bundler, but no
// bundler reads these files after us.
const cdnOutput = { minify: true, comments: { annotation: false } };
// An element's entry keeps its own code (and its define call) when another entry imports it too,
// instead of re-exporting it from a chunk: package.json `sideEffects` names the entries only, and
// on the CDN the board imports `join-code.js` itself, not a chunk behind a re-exporting facade.
const preserveEntrySignatures = 'allow-extension';

await build({
  ...quiet,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        ...Object.fromEntries(Object.entries(modules).map(([name, { source }]) => [name, source])),
        ...Object.fromEntries(Object.entries(elements).map(([name, source]) => [`elements/${name}`, source])),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      preserveEntrySignatures,
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

// One file per element; what several elements use lands once in chunks/.
await build({
  ...cdn,
  build: {
    ...cdn.build,
    lib: { entry: Object.fromEntries(Object.entries(elements).map(([name, source]) => [name, source])), formats: ['es'] },
    rolldownOptions: { preserveEntrySignatures, output: { ...cdnOutput, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

// The loader on its own: the registry's imports become the element files beside it, so a page
// that uses the loader and one that loads `priority-board.js` directly fetch the same files, and
// the loader shares no chunk with them (it would cost a round trip before any element loads).
const elementBySource = new Map(Object.entries(elements).map(([name, source]) => [resolve(source), name]));
await build({
  ...cdn,
  plugins: [
    {
      name: 'osallistu:elements-beside-the-loader',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        const name = resolved && elementBySource.get(resolved.id);
        return name ? { id: `./${name}.js`, external: true } : null;
      },
    },
  ],
  build: {
    ...cdn.build,
    lib: { entry: { osallistu: modules.loader.source }, formats: ['es'] },
    rolldownOptions: { output: { ...cdnOutput, entryFileNames: '[name].js' } },
  },
});

checkLoader('dist/cdn/osallistu.js');
await checkElementEntries();

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
console.log(`built dist/ and dist/cdn/ (osallistu.js and ${Object.keys(elements).map((name) => `${name}.js`).join(', ')})`);

/** The loader imports nothing up front and loads exactly the element files, each by its own name. */
function checkLoader(file) {
  const { static: staticImports, dynamic } = importsOf(readFileSync(file, 'utf8'));
  if (staticImports.length > 0) throw new Error(`${file} imports ${staticImports.join(', ')} up front: it must load nothing before it sees an element.`);
  const loaded = dynamic.sort();
  const expected = Object.keys(elements).map((name) => `./${name}.js`).sort();
  if (JSON.stringify(loaded) !== JSON.stringify(expected)) {
    throw new Error(`${file} loads ${loaded.join(', ') || 'nothing'}, but the elements are ${expected.join(', ')}: does src/registry.ts have a line for each folder in src/components/?`);
  }
}

/** Each npm element entry holds its own define call: `sideEffects` names it, not the chunks. */
async function checkElementEntries() {
  for (const [tag, name] of Object.entries(await registry())) {
    const file = `dist/elements/${name}.js`;
    if (!readFileSync(file, 'utf8').includes(`defineElement("${tag}"`)) {
      throw new Error(`${file} does not define <${tag}> itself: a bundler would drop the chunk that does.`);
    }
  }
}
