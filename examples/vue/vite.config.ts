import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { osallistuFromRepository } from '../vite-in-repository.ts';

export default defineConfig({
  plugins: [
    // The osa- tags are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('osa-') } } }),
    osallistuFromRepository(),
  ],
  // Relative asset addresses: dist/ works wherever it is served from.
  base: './',
  build: { target: 'es2022' },
});
