/**
 * Typed templates for the osallistu elements (read by Vue's language tools, e.g. `vue-tsc`). Vue
 * sets a custom element's properties (when the element has one of that name, else an attribute;
 * `.prop` forces a property) and `@osa-vote` listens to the `osa-vote` event, so the elements need
 * no wrapper components: only these types, in the shape Vue's guide gives for custom elements.
 * Each element's props are picked from its class, so a renamed or retyped property fails the type
 * check here.
 */
import type { EmitFn, HTMLAttributes } from 'vue';
import type { OsaEvent } from 'osallistu/event.js';
import type { OsaFeedbackForm } from 'osallistu/feedback-form.js';
import type { OsaPriorityBoard } from 'osallistu/priority-board.js';
import type { OsaTagCloud } from 'osallistu/tag-cloud.js';

/** `osa-vote` → `OsaVote`: how Vue names the listener prop of an event (`onOsaVote`). */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

type EventName = keyof HTMLElementEventMap;

/** A custom element as a global component: its selected properties and its events, typed from the class and `HTMLElementEventMap`. */
type DefineCustomElement<E extends HTMLElement, Props extends keyof E, Events extends EventName = never> = new () => E & {
  /** @deprecated For the template's prop types only. */
  $props: HTMLAttributes & Partial<Pick<E, Props>> & { [N in Events as `on${Pascal<N>}`]?: (event: HTMLElementEventMap[N]) => void };
  /** @deprecated For the template's event types only. */
  $emit: EmitFn<{ [N in Events]: (event: HTMLElementEventMap[N]) => void }>;
};

type Activity = 'activity' | 'event' | 'adapter' | 'joinUrl';

declare module 'vue' {
  interface GlobalComponents {
    'osa-event': DefineCustomElement<OsaEvent, 'api' | 'adapter' | 'event' | 'organiserKey' | 'lang' | 'dir'>;
    'osa-priority-board': DefineCustomElement<OsaPriorityBoard, Activity | 'view' | 'question', 'osa-vote' | 'osa-idea-submit' | 'osa-like'>;
    'osa-feedback-form': DefineCustomElement<
      OsaFeedbackForm,
      Activity | 'view' | 'mode' | 'definition' | 'name' | 'required' | 'disabled' | 'readOnly',
      'osa-feedback-submit' | 'osa-feedback-invalid'
    >;
    'osa-tag-cloud': DefineCustomElement<OsaTagCloud, Activity | 'view' | 'words' | 'label' | 'seed' | 'display', 'osa-term-select' | 'osa-answer-submit'>;
  }
}
