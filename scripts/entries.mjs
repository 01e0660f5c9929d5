/**
 * The package's public entry points, in one place: the build, the exports map check, the manifest
 * check and the size report all read them from here.
 *
 * Elements are found by the folder convention: every `src/components/<name>/<name>.ts` defines
 * one element, built to `dist/elements/<name>.js` (npm, `osallistu/<name>.js`) and
 * `dist/cdn/<name>.js`. A new element needs no edit here, only its line in `src/registry.ts`.
 *
 * (package.json `sideEffects` must name every file that defines an element, in src/ and dist/:
 * bundlers drop imports of modules they believe have none.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseAst } from 'vite';

const root = new URL('../', import.meta.url);

/** Element name (its folder) → the source file that defines it. */
export const elements = Object.fromEntries(
  readdirSync(new URL('src/components/', root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`src/components/${entry.name}/${entry.name}.ts`, root)))
    .map((entry) => entry.name)
    .sort()
    .map((name) => [name, `src/components/${name}/${name}.ts`]),
);

/** The other entries, at `dist/<name>.js` (`index` is the package's `.`). */
export const modules = {
  /** Defines every element. */
  index: { source: 'src/index.ts', defines: true },
  /** Defines each element when it appears in the page (the CDN's osallistu.js). */
  loader: { source: 'src/loader.ts', defines: true },
  adapters: { source: 'src/adapters/index.ts', defines: false },
  core: { source: 'src/core/index.ts', defines: false },
  conformance: { source: 'src/adapters/conformance.ts', defines: false },
  /** The element suite and the form-control suite every element runs (they need @open-wc/testing). */
  testing: { source: 'src/kit/testing/index.ts', defines: false },
};

for (const name of Object.keys(elements)) {
  if (name in modules) throw new Error(`src/components/${name}/ is named like the package entry dist/${name}.js: rename the folder.`);
}

/** Packages the npm build leaves to the consumer's bundler; the CDN build bundles them. */
export const external = [/^lit($|\/)/, /^@lit\//, /^idb-keyval/, /^chart\.js/, /^uqr/, /^@open-wc\//];

/** The registry (`src/registry.ts`): tag name → element folder, read from its import paths. */
export async function registry() {
  const { tsImport } = await import('tsx/esm/api');
  const { ELEMENTS } = await tsImport('../src/registry.ts', import.meta.url);
  return Object.fromEntries(
    Object.entries(ELEMENTS).map(([tag, loader]) => {
      const folder = /import\(\s*["']\.\/components\/([^/]+)\/\1\.js["']\s*\)/.exec(String(loader))?.[1];
      if (!folder) throw new Error(`src/registry.ts: ${tag} does not import ./components/<name>/<name>.js`);
      return [tag, folder];
    }),
  );
}

/**
 * The modules a built file imports: statically (`import … from`, `import "…"`, `export … from`,
 * the files a browser fetches before running it) and dynamically (`import("…")`, fetched when
 * that code runs). Read from the syntax tree, so minified code (`import{a as b}from"./x.js"`,
 * import(`./y.js`)) reads like any other.
 */
export function importsOf(code) {
  const found = { static: [], dynamic: [] };
  const specifier = (source) =>
    source.type === 'Literal' ? source.value : source.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0].value.cooked : undefined;
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type) && node.source) found.static.push(node.source.value);
    else if (node.type === 'ImportExpression' && specifier(node.source) !== undefined) found.dynamic.push(specifier(node.source));
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && value && typeof value === 'object') visit(value);
  };
  visit(parseAst(code).body);
  return found;
}
