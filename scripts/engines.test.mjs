/**
 * The engines field tells the truth: the Node running the tests satisfies it, and CI runs the whole
 * suite on its lowest major (Node 20, Debian's). Dependencies that declare a newer Node than ours
 * are named here, so that a new one is a decision rather than a surprise: each runs in this suite on
 * Node 20 (npm prints an EBADENGINE notice for them at install time and installs them anyway).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const range = pkg.engines.node;
const lowest = semver.minVersion(range).version;

/** Installed for this platform and exercised by `npm test` on Node 20, though they declare a newer Node. */
const DECLARE_NEWER = {
  // Development only: web-test-runner 1.x and its dev server, puppeteer-core (the browser tests and screenshots).
  '@web/': 'the browser tests run through them',
  '@puppeteer/browsers': 'the browser tests',
  'puppeteer-core': 'the browser tests and the Storybook check',
  'chromium-bidi': 'puppeteer-core',
  // The server: @fastify/static's download header (unused here) and fastify's inject (tests only).
  'content-disposition': '@fastify/static',
  cookie: 'light-my-request, for fastify.inject',
};

test(`the Node running the tests (${process.version}) satisfies engines "${range}"`, () => {
  assert.ok(semver.satisfies(process.version, range), `Node ${process.version} is outside ${range}`);
});

test(`the installed dependencies that declare a Node newer than ${lowest} are the known, tested ones`, () => {
  const newer = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.optional || !entry.engines?.node) continue;
    const declared = typeof entry.engines.node === 'string' ? entry.engines.node : '';
    if (!semver.validRange(declared) || semver.satisfies(lowest, declared)) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    newer.push(name);
  }
  const unknown = newer.filter((name) => !Object.keys(DECLARE_NEWER).some((known) => (known.endsWith('/') ? name.startsWith(known) : name === known)));
  assert.deepEqual(unknown, [], `declare a Node newer than ${lowest}: decide whether they work on it and name them in scripts/engines.test.mjs`);
});
