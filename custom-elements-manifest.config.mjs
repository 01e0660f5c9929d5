/**
 * `npm run analyze` writes custom-elements.json from the elements' JSDoc. The base classes
 * (src/base, the kit's) are read too, so that each element lists the members it inherits.
 */
export default {
  globs: ['src/components/**/*.component.ts', 'src/base/osa-element.ts', 'src/kit/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/kit/testing/**'],
  outdir: '.',
  litelement: true,
  plugins: [literalUnionsWrittenOut(), modulesInPathOrder()],
};

/**
 * Modules in the order of their paths: the globs list files in the order the file system gives,
 * which differs between checkouts, and the manifest must be the same wherever it is made.
 */
function modulesInPathOrder() {
  return {
    name: 'osallistu:modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Writes a type alias that is a union of strings out where an attribute or property uses it
 * (`BoardView` becomes `'participant' | 'presenter' | 'organiser'`): the manifest then says which
 * values an attribute takes, and Storybook offers them as a choice.
 */
function literalUnionsWrittenOut() {
  /** Alias name → its union, per module path. */
  const aliases = new Map();
  return {
    name: 'osallistu:literal-unions-written-out',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isTypeAliasDeclaration(node)) return;
      const types = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      if (!types.every((type) => ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal))) return;
      if (!aliases.has(moduleDoc.path)) aliases.set(moduleDoc.path, new Map());
      aliases.get(moduleDoc.path).set(node.name.text, types.map((type) => `'${type.literal.text}'`).join(' | '));
    },
    packageLinkPhase({ customElementsManifest }) {
      const everywhere = new Map();
      for (const byName of aliases.values()) for (const [name, union] of byName) everywhere.set(name, everywhere.has(name) ? undefined : union);
      for (const module of customElementsManifest.modules) {
        const local = aliases.get(module.path) ?? new Map();
        const writtenOut = (text) =>
          text
            .split('|')
            .map((part) => part.trim())
            .map((part) => local.get(part) ?? everywhere.get(part) ?? part)
            .join(' | ');
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.type?.text) item.type.text = writtenOut(item.type.text);
          }
        }
      }
    },
  };
}
