import type { AnyKindView } from './activity.js';

/**
 * The kind views this page knows: how each kind's changes fold into state. An element registers
 * the view of the kind it shows (`ActivityController`), and the back ends' full kinds register
 * themselves (`kinds.ts`), so a page loads the folding rules of the elements it uses and no others.
 */
const views = new Map<string, AnyKindView>();

export function registerKindView(view: AnyKindView): void {
  if (!views.has(view.kind)) views.set(view.kind, view);
}

/** The registered view of a kind, or undefined when nothing on this page shows that kind. */
export function kindView(kind: string): AnyKindView | undefined {
  return views.get(kind);
}
