#!/usr/bin/env node
/**
 * `npm test`: type check, lint, node tests (core and server), browser tests (web-test-runner in
 * Debian's Chromium). Prints one `N passed, N failed` line at the end for all tests together.
 *
 * `node scripts/test.mjs node` or `... browser` runs only one side (after the same checks are skipped).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const totals = { passed: 0, failed: 0 };
const stepsFailed = [];

function run(label, command, args, { parse } = {}) {
  return new Promise((resolve) => {
    process.stdout.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      if (parse) {
        const counts = parse(output);
        totals.passed += counts.passed;
        totals.failed += counts.failed;
        if (code !== 0 && counts.failed === 0) totals.failed += 1;
      }
      // A check that is not a test (type check, lint) counts as one failed test when it fails.
      else if (code !== 0) totals.failed += 1;
      if (code !== 0) stepsFailed.push(label);
      resolve(code);
    });
  });
}

function findTests(dir, predicate, found = []) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) findTests(path, predicate, found);
    else if (predicate(path)) found.push(path);
  }
  return found;
}

const nodeCounts = (output) => ({
  passed: Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0),
  failed: Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0),
});

const browserCounts = (output) => {
  const match = /^browser: (\d+) passed, (\d+) failed/m.exec(output);
  return { passed: Number(match?.[1] ?? 0), failed: Number(match?.[2] ?? 0) };
};

if (!only) {
  await run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  // The custom adapter example imports the package by name (`osallistu/core.js`); its tsconfig maps the names to src/.
  await run('type check (examples/custom-adapter)', 'npx', ['tsc', '--noEmit', '-p', 'examples/custom-adapter/tsconfig.json']);
  await run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
}

if (!only || only === 'node') {
  const nodeTests = [
    ...findTests('src/core', (p) => p.endsWith('.test.ts')),
    ...findTests('server', (p) => p.endsWith('.test.ts')),
    ...findTests('scripts', (p) => p.endsWith('.test.mjs')),
  ].sort();
  await run('node tests', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...nodeTests], {
    parse: nodeCounts,
  });
}

if (!only || only === 'browser') {
  // The bundle tests load dist/cdn/osallistu.js as a webmaster's page would.
  await run('build', 'node', ['scripts/build.mjs']);
  // The React and Vue example apps, type-checked and built on the package just built (src/examples.test.ts opens them).
  await run('examples build', 'npm', ['run', '--silent', 'examples:build']);
  await run('browser tests', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], { parse: browserCounts });
}

if (stepsFailed.length > 0) process.stdout.write(`\nfailed steps: ${stepsFailed.join(', ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(stepsFailed.length > 0 ? 1 : 0);
