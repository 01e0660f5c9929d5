/** `npm run analyze` writes custom-elements.json from the elements' JSDoc. */
export default {
  globs: ['src/components/**/*.component.ts', 'src/base/osa-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
};
