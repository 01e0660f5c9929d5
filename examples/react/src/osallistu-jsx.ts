/**
 * Typed JSX for the osallistu elements. React 19 sets a custom element's properties (when the
 * element has one of that name, else an attribute) and adds an `on<event>` prop as a listener
 * for `<event>`, so the elements need no wrapper components: only these types. Each element's
 * props are picked from its class, so a renamed or retyped property fails the type check here.
 */
import type { HTMLAttributes, Ref } from 'react';
import type { OsaEvent } from 'osallistu/event.js';
import type { OsaFeedbackForm } from 'osallistu/feedback-form.js';
import type { OsaPriorityBoard } from 'osallistu/priority-board.js';
import type { OsaTagCloud } from 'osallistu/tag-cloud.js';

/** `on<name>` listeners for events of `HTMLElementEventMap` (where each element adds its own, with their `detail` types). */
type Listeners<Name extends keyof HTMLElementEventMap> = { [N in Name as `on${N}`]?: (event: HTMLElementEventMap[N]) => void };

/** The props of element `E`: the properties named in `Props` with their types from the class, its events, and the usual HTML attributes. */
type ElementProps<E extends HTMLElement, Props extends keyof E, Events extends keyof HTMLElementEventMap = never> = Partial<Pick<E, Props>> &
  Listeners<Events> &
  Omit<HTMLAttributes<E>, Props> & { ref?: Ref<E> };

type Activity = 'activity' | 'event' | 'adapter' | 'joinUrl';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the way React's types take new intrinsic elements
  namespace JSX {
    interface IntrinsicElements {
      'osa-event': ElementProps<OsaEvent, 'api' | 'adapter' | 'event' | 'organiserKey' | 'lang' | 'dir'>;
      'osa-priority-board': ElementProps<OsaPriorityBoard, Activity | 'view' | 'question', 'osa-vote' | 'osa-idea-submit' | 'osa-like'>;
      'osa-feedback-form': ElementProps<
        OsaFeedbackForm,
        Activity | 'view' | 'mode' | 'definition' | 'name' | 'required' | 'disabled' | 'readOnly',
        'osa-feedback-submit' | 'osa-feedback-invalid'
      >;
      'osa-tag-cloud': ElementProps<OsaTagCloud, Activity | 'view' | 'words' | 'label' | 'seed' | 'display', 'osa-term-select' | 'osa-answer-submit'>;
    }
  }
}
