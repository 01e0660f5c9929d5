/**
 * For the examples inside this repository, which have not been installed with npm: `osallistu`
 * resolves to the repository itself, through its package.json `exports`, so the apps use the
 * built package (`npm run build` first) exactly as an installed copy would. An app copied out of
 * the repository (`npm install` brings `osallistu`) does not need this plugin.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const repositoryPackage = fileURLToPath(new URL('../package.json', import.meta.url));

export function osallistuFromRepository(): Plugin {
  return {
    name: 'osallistu-from-repository',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^osallistu(\/|$)/ },
      // From its own root the package refers to itself by name, through its `exports`.
      handler(source, _importer, options) {
        return this.resolve(source, repositoryPackage, { ...options, skipSelf: true });
      },
    },
  };
}
