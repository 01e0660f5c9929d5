#!/usr/bin/env node
/**
 * `npm run storybook:a11y`: every story of the built Storybook (`storybook-static/`, from
 * `npm run build-storybook`) in fi, sv and en and in the light and dark schemes, checked with
 * axe-core against WCAG 2.1 A and AA in headless Chromium. Prints a table of the violations and
 * exits non-zero on any (or on a story that fails to render).
 *
 * Each page opens `iframe.html?id=<story>&viewMode=story&globals=lang:<l>;theme:<t>` and then moves
 * from story to story the way Storybook's own manager does (`updateGlobals` and `setCurrentStory`
 * on its channel): every check is a fresh render of its story (loaders, render, play), without
 * booting the preview again for each of the hundreds of checks. A page is loaded afresh every
 * `RELOAD_EVERY` stories, and whenever the same story comes again.
 *
 * `node scripts/storybook-a11y.mjs [part of a story id …]` checks only the stories whose id
 * contains one of the parts.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';

const ROOT = resolve('storybook-static');
const LANGUAGES = ['fi', 'sv', 'en'];
const THEMES = ['light', 'dark'];
const PAGES = 3;
const RELOAD_EVERY = 40;
/** Not a performance bound: only turns a story that never settles into a readable failure. */
const SETTLE_DEADLINE_MS = 60_000;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

if (!existsSync(join(ROOT, 'index.json'))) {
  console.error('storybook-static/index.json is missing: run `npm run build-storybook` first.');
  process.exit(1);
}

// The axe-core that @open-wc/testing's `to.be.accessible()` (chai-a11y-axe) runs in the element tests.
const requireFromChaiAxe = createRequire(createRequire(import.meta.url).resolve('chai-a11y-axe'));
const axeSource = readFileSync(requireFromChaiAxe.resolve('axe-core/axe.min.js'), 'utf8');

const only = process.argv.slice(2);
const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story')
  .filter((entry) => only.length === 0 || only.some((part) => entry.id.includes(part)))
  .map((entry) => entry.id);

// ------------------------------------------------------------------ a static server on loopback

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const server = createServer((request, response) => {
  const path = normalize(join(ROOT, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)));
  const file = path.endsWith(sep) ? join(path, 'index.html') : path;
  if (!file.startsWith(ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  // The hashed assets are the same for every story: cached, each page loads them once.
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

// ------------------------------------------------------------------ in the page

/**
 * Waits until Storybook has finished the story (loaders, render, play) and every custom element in
 * it, in light and shadow trees, has finished updating and nothing is busy (`aria-busy="true"`)
 * any more, unless the story is the loading state. Runs in the page.
 */
async function settle({ storyId, loadingStory, deadline }) {
  const until = Date.now() + deadline;
  const pause = () => new Promise((done) => setTimeout(done, 50));
  const elementsIn = (root, found = []) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.includes('-')) found.push(element);
      if (element.shadowRoot) elementsIn(element.shadowRoot, found);
    }
    return found;
  };
  // An element that is not rendered (an unslotted child) may wait forever: only what the reader sees counts.
  const busy = (elements) => elements.some((element) => element.checkVisibility() && element.shadowRoot?.querySelector('[aria-busy="true"]'));
  for (;;) {
    if (Date.now() > until) return 'never settled (still rendering, updating or busy)';
    const render = window.__STORYBOOK_PREVIEW__?.currentRender;
    if (render?.id !== storyId) {
      await pause();
      continue;
    }
    if (render.phase === 'errored' || document.body.classList.contains('sb-show-errordisplay')) {
      return `failed to render: ${document.querySelector('#error-message')?.textContent?.trim() || 'see the story'}`;
    }
    if (render.phase === 'finished' || render.phase === 'completed') {
      const root = document.querySelector('#storybook-root');
      const elements = root ? elementsIn(root) : [];
      await Promise.all(elements.map((element) => element.updateComplete));
      if (loadingStory || !busy(elements)) {
        // Two frames: what the last update scheduled (a chart's canvas, a cloud's layout) is drawn.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const again = elementsIn(root);
        const updated = await Promise.all(again.map((element) => element.updateComplete));
        if (again.length === elements.length && updated.every((settled) => settled !== false) && (loadingStory || !busy(again))) return undefined;
      }
    }
    await pause();
  }
}

/** Shows another story, with the globals of the check, as Storybook's manager does. Runs in the page. */
function show({ id, lang, theme }) {
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
  channel.emit('updateGlobals', { globals: { lang, theme } });
  channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
}

async function audit(tags) {
  const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.flat().join(' >>> ')),
  }));
}

// ------------------------------------------------------------------ the run

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'],
});

// By language and scheme, then story: a page's next check is (nearly always) another story, rendered afresh.
const jobs = LANGUAGES.flatMap((lang) => THEMES.flatMap((theme) => stories.map((id) => ({ id, lang, theme }))));
const results = [];
let next = 0;

async function worker() {
  // A context of its own: its own renderer process, so the pages run side by side.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  let pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let shown;
  let sinceLoad = 0;
  // A load this script did not ask for (it destroys the page's context under a check): named in the report.
  let loadsAsked = 0;
  let unaskedLoad;
  page.on('load', () => {
    if (loadsAsked > 0) loadsAsked -= 1;
    else unaskedLoad = page.url();
  });

  /** One check; throws when the page goes away under it (a crashed or reloaded renderer). */
  const check = async (job) => {
    if (shown === undefined || shown === job.id || sinceLoad >= RELOAD_EVERY) {
      // The addon's own axe run is skipped (`a11y.manual`): this script runs axe itself.
      loadsAsked += 1;
      await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(job.id)}&viewMode=story&globals=lang:${job.lang};theme:${job.theme};a11y.manual:!true`, { waitUntil: 'load' });
      sinceLoad = 0;
    } else {
      await page.evaluate(show, job);
    }
    shown = job.id;
    sinceLoad += 1;
    const problem = await page.evaluate(settle, { storyId: job.id, loadingStory: /--loading$/.test(job.id), deadline: SETTLE_DEADLINE_MS });
    if (problem) return { problem, violations: [] };
    // The globals reached the page: the preview's wrapper has the language and the scheme (a story may still pin its own).
    const applied = await page.evaluate(() => {
      const wrapper = document.querySelector('#storybook-root [lang]');
      return { lang: document.documentElement.lang, wrapperLang: wrapper?.getAttribute('lang'), scheme: wrapper ? getComputedStyle(wrapper).colorScheme : undefined };
    });
    if (applied.lang !== job.lang || applied.wrapperLang !== job.lang) return { problem: `the page's language is "${applied.lang}", not "${job.lang}"`, violations: [] };
    if (applied.scheme !== job.theme) return { problem: `the page's colour scheme is "${applied.scheme}", not "${job.theme}"`, violations: [] };
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    return { problem: undefined, violations: await page.evaluate(audit, WCAG_21_AA) };
  };

  while (next < jobs.length) {
    const job = jobs[next++];
    const started = Date.now();
    let outcome;
    for (let attempt = 1; !outcome; attempt += 1) {
      pageErrors = [];
      try {
        outcome = await check(job);
      } catch (error) {
        // Not a finding about the story: load it afresh before giving up.
        shown = undefined;
        loadsAsked = 0;
        if (attempt === 3) outcome = { problem: `could not be checked: ${error.message.split('\n')[0]}${unaskedLoad ? ` (the page loaded ${unaskedLoad} by itself)` : ''}`, violations: [] };
      }
    }
    if (outcome.problem && pageErrors.length > 0) outcome.problem += ` (page error: ${pageErrors[0]})`;
    results.push({ ...job, ...outcome, ms: Date.now() - started });
    process.stdout.write(outcome.problem || outcome.violations.length > 0 ? 'x' : '.');
  }
  await context.close();
}

try {
  await Promise.all(Array.from({ length: Math.min(PAGES, jobs.length) }, worker));
} finally {
  await browser.close();
  server.close();
}
process.stdout.write('\n\n');

// ------------------------------------------------------------------ the report

const failures = results.filter((result) => result.problem || result.violations.length > 0);
const sortKey = (result) => `${result.id} ${result.lang} ${result.theme}`;
const rows = [];
for (const result of failures.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))) {
  if (result.problem) rows.push({ story: result.id, lang: result.lang, theme: result.theme, rule: '(story)', impact: '', where: result.problem });
  for (const violation of result.violations) {
    rows.push({ story: result.id, lang: result.lang, theme: result.theme, rule: violation.rule, impact: violation.impact, where: `${violation.targets.slice(0, 2).join(', ')}${violation.targets.length > 2 ? ` (+${violation.targets.length - 2})` : ''}` });
  }
}
if (rows.length > 0) {
  console.table(rows);
  const helps = new Map(failures.flatMap((result) => result.violations.map((violation) => [violation.rule, violation.help])));
  for (const [rule, help] of helps) console.log(`${rule}: ${help}`);
}
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(`slowest: ${slowest.map((result) => `${result.id} (${result.lang}, ${result.theme}) ${(result.ms / 1000).toFixed(1)} s`).join('; ')}`);
const violationCount = results.reduce((sum, result) => sum + result.violations.reduce((count, violation) => count + violation.targets.length, 0), 0);
const problemCount = results.filter((result) => result.problem).length;
console.log(
  `${stories.length} stories × ${LANGUAGES.length * THEMES.length} checked, ${violationCount} violations${problemCount > 0 ? `, ${problemCount} not checked (failed to render or settle)` : ''}`,
);
process.exit(violationCount > 0 || problemCount > 0 ? 1 : 0);
