#!/usr/bin/env node
/**
 * `npm run size`: the brotli bytes of the CDN files, of what whole pages fetch through the loader,
 * and of each npm entry (with its own chunks, dependencies external).
 *
 * A page's figure is every JavaScript file it fetches: the loader, the element files its tags
 * need and everything they import statically, followed through the build output. What the
 * elements import dynamically only for another view (a chart, the QR code, the local back end)
 * is listed on its own as "on demand".
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { elements, importsOf, modules, registry } from './entries.mjs';

if (!existsSync('dist/cdn/osallistu.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The files of the build a file imports, statically and dynamically (bare imports are Lit and co. in the npm build). */
const importsCache = new Map();
function filesImportedBy(file) {
  if (!importsCache.has(file)) {
    const local = (specifiers) => specifiers.filter((specifier) => /^\.{1,2}\//.test(specifier)).map((specifier) => join(dirname(file), specifier));
    const imports = importsOf(readFileSync(file, 'utf8'));
    importsCache.set(file, { static: local(imports.static), dynamic: local(imports.dynamic) });
  }
  return importsCache.get(file);
}

/** The files, followed transitively through static imports from `starts`. */
function staticGraph(starts, seen = new Set()) {
  for (const file of starts) {
    if (seen.has(file)) continue;
    seen.add(file);
    staticGraph(filesImportedBy(file).static, seen);
  }
  return seen;
}

/** Everything reachable from `starts`, following dynamic imports too. */
function fullGraph(starts, seen = new Set()) {
  for (const file of starts) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { static: statics, dynamic } = filesImportedBy(file);
    fullGraph([...statics, ...dynamic], seen);
  }
  return seen;
}

/**
 * What a page fetches to show its elements, and what their other views may load later: each
 * dynamic import of the fetched code (not the loader's, which are the other elements) with all it
 * leads to that the page has not fetched yet.
 */
function page(starts) {
  const fetched = staticGraph(starts);
  const later = [];
  for (const file of fetched) {
    if (file === LOADER) continue;
    for (const target of filesImportedBy(file).dynamic) {
      if (!fetched.has(target) && !later.some(([start]) => start === target)) later.push([target, [...fullGraph([target])].filter((chunk) => !fetched.has(chunk))]);
    }
  }
  return { fetched: [...fetched], later };
}

const sizes = (files) => {
  const buffer = Buffer.concat(files.map((file) => readFileSync(file)));
  return [buffer.length, gzipSync(buffer).length, brotli(buffer)];
};
const rows = [];
const name = (file) => relative('dist/cdn', file);
const LOADER = 'dist/cdn/osallistu.js';

rows.push(['CDN files', null]);
for (const file of ['osallistu.js', ...Object.keys(elements).map((element) => `${element}.js`)]) {
  rows.push([`  dist/cdn/${file}${file === 'osallistu.js' ? ' (the loader)' : ''}`, sizes([join('dist/cdn', file)])]);
}
for (const file of readdirSync('dist/cdn/chunks').filter((file) => file.endsWith('.js')).sort()) {
  rows.push([`  dist/cdn/chunks/${file}`, sizes([join('dist/cdn/chunks', file)])]);
}

// The element files a page's tags need: each tag's own (osa-event's whenever it is on the page).
const folderOf = await registry();
const pages = {
  'a board: <osa-event api=…> with <osa-priority-board>': ['osa-event', 'osa-priority-board'],
  'only a feedback form: <osa-event api=…> with <osa-feedback-form>': ['osa-event', 'osa-feedback-form'],
  'every element': Object.keys(folderOf),
};
for (const [title, tags] of Object.entries(pages)) {
  const { fetched, later } = page([LOADER, ...tags.map((tag) => `dist/cdn/${folderOf[tag]}.js`)]);
  rows.push([`page with ${title}, through the loader`, null]);
  rows.push([`  fetched, ${fetched.length} files`, sizes(fetched)]);
  rows.push([`    ${fetched.map(name).join(', ')}`, null]);
  for (const [start, files] of later) rows.push([`  on demand: ${name(start)}${files.length > 1 ? ` (+${files.length - 1})` : ''}`, sizes(files)]);
}

// The baseline, measured in the same run: the script a page with a SurveyJS form loads before any
// question (survey-core and its plain-JavaScript UI, the minified files their documentation links).
const surveyJs = ['node_modules/survey-core/survey.core.min.js', 'node_modules/survey-js-ui/survey-js-ui.min.js'];
let feedbackPage;
if (surveyJs.every((file) => existsSync(file))) {
  const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
  const baseline = sizes(surveyJs);
  feedbackPage ??= sizes(page([LOADER, 'dist/cdn/event.js', `dist/cdn/${folderOf['osa-feedback-form']}.js`]).fetched);
  rows.push([`baseline: a page with a SurveyJS form (survey-core ${version('survey-core')} + survey-js-ui ${version('survey-js-ui')})`, baseline]);
  rows.push([`  the feedback-only page above as a share of it`, null]);
  rows.push([`    ${['raw', 'gzip', 'brotli'].map((label, index) => `${label} ${((100 * feedbackPage[index]) / baseline[index]).toFixed(0)} %`).join(', ')}`, null]);
} else {
  rows.push(['baseline: SurveyJS is not installed (npm install), so it is not measured', null]);
}

rows.push(['npm entries (with their chunks, dependencies external)', null]);
const npmEntries = [...Object.keys(modules).map((entry) => `dist/${entry}.js`), ...Object.keys(elements).map((element) => `dist/elements/${element}.js`)];
for (const entry of npmEntries) {
  const files = [...staticGraph([entry])];
  rows.push([`  ${entry} (+${files.length - 1} chunks)`, sizes(files)]);
}

const width = Math.max(...rows.filter(([, figures]) => figures).map(([label]) => label.length));
console.log(`${''.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const [label, figures] of rows) {
  console.log(figures ? `${label.padEnd(width)}  ${figures.map((bytes) => kb(bytes).padStart(9)).join('  ')}` : label);
}
