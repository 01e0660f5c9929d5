#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark under bench/, each printing our figure beside the reference
 * measured in the same run. `*.bench.ts` run in node; `*.browser.ts` are bundled and run in
 * Debian's headless Chromium (the same browser as the tests). Pass names to run only some.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const only = process.argv.slice(2);
const pick = (file) => only.length === 0 || only.some((name) => file.includes(name));
const files = readdirSync('bench').filter(pick).sort();
let failed = false;

for (const file of files.filter((name) => name.endsWith('.bench.ts'))) {
  console.log(`\n== bench/${file}`);
  const { status } = spawnSync('node', ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (status !== 0) failed = true;
}

const browserFiles = files.filter((name) => name.endsWith('.browser.ts'));
if (browserFiles.length > 0) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    for (const file of browserFiles) {
      console.log(`\n== bench/${file} (Chromium)`);
      const bundle = await build({
        entryPoints: [`bench/${file}`],
        bundle: true,
        format: 'iife',
        write: false,
        tsconfig: 'tsconfig.json',
        target: 'es2022',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'error',
      });
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await page.setContent('<!doctype html><html lang="en"><body></body></html>');
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      const rows = await page.evaluate(() => window.runBench());
      console.table(rows);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
process.exit(failed ? 1 : 0);
