/**
 * (package.json `sideEffects` must name every entry that defines an element, in src/ and dist/:
 * bundlers drop imports of modules they believe have none.)
 *
 * The package's public entry points, in one place: the build, the exports map check and the size
 * report all read this list. Element entries define their element when imported (side effects).
 */
export const entries = {
  index: { source: 'src/index.ts', defines: true },
  event: { source: 'src/components/event/event.ts', defines: true },
  'priority-board': { source: 'src/components/priority-board/priority-board.ts', defines: true },
  adapters: { source: 'src/adapters/index.ts', defines: false },
  core: { source: 'src/core/index.ts', defines: false },
  conformance: { source: 'src/adapters/conformance.ts', defines: false },
};

/** Packages the npm build leaves to the consumer's bundler; the CDN bundle inlines them all. */
export const external = [/^lit($|\/)/, /^@lit\//, /^idb-keyval/, /^chart\.js/, /^uqr/];
