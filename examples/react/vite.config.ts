import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { osallistuFromRepository } from '../vite-in-repository.ts';

export default defineConfig({
  plugins: [react(), osallistuFromRepository()],
  // Relative asset addresses: dist/ works wherever it is served from.
  base: './',
  build: { target: 'es2022' },
});
