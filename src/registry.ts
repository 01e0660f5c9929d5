/**
 * Every element of the library, by tag name, with the import that defines it. An element is its
 * folder under `src/components/<name>/` (`<name>.ts` defines it) and one line here: the CDN
 * loader, the build, the exports map and the checks find the rest by that convention.
 *
 * The import paths are literal so that bundlers give each element a file of its own.
 */
export const ELEMENTS = {
  'osa-chart': () => import('./components/chart/chart.js'),
  'osa-event': () => import('./components/event/event.js'),
  'osa-event-console': () => import('./components/event-console/event-console.js'),
  'osa-event-report': () => import('./components/event-report/event-report.js'),
  'osa-feedback-form': () => import('./components/feedback-form/feedback-form.js'),
  'osa-join-code': () => import('./components/join-code/join-code.js'),
  'osa-priority-board': () => import('./components/priority-board/priority-board.js'),
  'osa-run-of-show': () => import('./components/run-of-show/run-of-show.js'),
  'osa-tag-cloud': () => import('./components/tag-cloud/tag-cloud.js'),
  'osa-workshop-picker': () => import('./components/workshop-picker/workshop-picker.js'),
} as const satisfies Record<`osa-${string}`, () => Promise<unknown>>;

export type ElementTag = keyof typeof ELEMENTS;
