#!/usr/bin/env node
/**
 * `npm run build`:
 * - dist/*.js — ESM, one entry per element plus an index, dependencies external;
 * - dist/types — `.d.ts` declarations from tsc;
 * - dist/cdn/osallistu.js — one file with Lit and everything inlined for a single
 *   `<script type="module">` (views that draw charts load their chunk beside it on demand).
 */
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { entries, external } from './entries.mjs';

rmSync('dist', { recursive: true, force: true });

const quiet = { logLevel: 'warn', configFile: false };

await build({
  ...quiet,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([name, { source }]) => [name, source])),
      formats: ['es'],
    },
    rollupOptions: {
      external,
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

await build({
  ...quiet,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: true,
    lib: { entry: { osallistu: entries.index.source }, formats: ['es'] },
    rollupOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'osallistu-[name]-[hash].js' } },
  },
});

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
console.log('built dist/ and dist/cdn/osallistu.js');
