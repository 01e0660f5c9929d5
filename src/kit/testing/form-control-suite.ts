/**
 * The form-control suite: what every form-associated osallistu element does inside a host page's
 * `<form>`, the way native controls do. Each element's test file runs it:
 *
 * ```ts
 * import { runFormControlSuite } from '../../kit/testing/form-control-suite.js';
 * runFormControlSuite<OsaWorkshopPicker>({
 *   tagName: 'osa-workshop-picker',
 *   render: ({ name, required }) => html`<osa-workshop-picker name=${ifDefined(name)} ?required=${required} .adapter=${adapter}></osa-workshop-picker>`,
 *   fillIn: async (picker) => { picker.focus(); await sendKeys({ press: 'Space' }); },
 *   expectedEntries: (name) => [[name, 'w1']],
 *   supportsRequired: true,
 * });
 * ```
 *
 * It uses the mocha globals `describe` and `it` and `expect` from `@open-wc/testing`, so it runs in
 * a browser (web-test-runner). Each check is also exported in `formControlChecks`, to be run on its
 * own: the suite's own tests run them against deliberately broken controls to show they fail.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { LANGUAGES, type Language } from '../../core/protocol.js';

/** What the suite asks of the element: the native form-control API (an `OsaFormControl` has it). */
export interface FormControlElement extends HTMLElement {
  name: string;
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  formStateRestoreCallback?(state: string | File | FormData | null, reason: 'restore' | 'autocomplete'): void;
}

/** How the suite asks the element to be rendered. */
export interface FormControlRenderState {
  /** The `name` attribute to give, or `undefined` for none. */
  name: string | undefined;
  /** Whether to set the `required` attribute (only `true` when the options say `supportsRequired`). */
  required: boolean;
}

export interface FormControlSuiteOptions<E extends FormControlElement = FormControlElement> {
  /** The element's tag name; the suite finds the element by it and names itself after it. */
  tagName: string;
  /**
   * The element, empty (or at its default), in the given state. The suite puts it inside
   * `<form lang="…"><fieldset>…</fieldset></form>` and waits for it to render; it reads the
   * language from the form, so the template should not set `lang`.
   */
  render(state: FormControlRenderState): TemplateResult;
  /**
   * Makes the element hold a valid value as a participant would: focus, keys (`sendKeys`), clicks
   * (`sendMouse`) or at least `click()` on what the participant would click, never by setting a
   * property. The suite also calls it on a disabled element to check that nothing changes, so it
   * must return (it may throw) when the element does not react.
   */
  fillIn(element: E): Promise<void>;
  /** The `FormData` entries of a form holding only the element after `fillIn()`, under `name`. */
  expectedEntries(name: string): Array<[string, FormDataEntryValue]>;
  /** Whether the element takes `required`; the checks of a missing value run only when it does. */
  supportsRequired: boolean;
}

/** One check of the suite: the `it` title and the test, which rejects when the element fails it. */
export interface FormControlCheck {
  title: string;
  /** Whether the check needs `supportsRequired`; without it the suite leaves the check out. */
  needsRequired: boolean;
  run<E extends FormControlElement>(options: FormControlSuiteOptions<E>): Promise<void>;
}

// ------------------------------------------------------------------ helpers

interface Rendered<E> {
  form: HTMLFormElement;
  fieldset: HTMLFieldSetElement;
  element: E;
}

const NAME = 'answer';

/** The suite renders a named, optional control in English unless a check says otherwise. */
const DEFAULTS = { name: NAME as string | undefined, required: false, lang: 'en' as Language };

async function renderInForm<E extends FormControlElement>(options: FormControlSuiteOptions<E>, changes: Partial<typeof DEFAULTS> = {}): Promise<Rendered<E>> {
  const { name, required, lang } = { ...DEFAULTS, ...changes };
  const form = await fixture<HTMLFormElement>(html`<form lang=${lang}><fieldset>${options.render({ name, required })}</fieldset></form>`);
  const element = form.querySelector<E>(options.tagName);
  expect(element, `render() gives a <${options.tagName}>`).to.be.instanceOf(HTMLElement);
  await settle(element!);
  return { form, fieldset: form.querySelector('fieldset')!, element: element! };
}

/** Lets mutation observers run (a changed `lang`), then waits for the element's update. */
async function settle(element: Element): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await elementUpdated(element);
}

type Entry = [string, string];

/** FormData entries as comparable pairs; a file by its name, type and size. */
function normalise(entries: Iterable<[string, FormDataEntryValue]>): Entry[] {
  return [...entries].map(([key, value]) => [key, typeof value === 'string' ? value : `File(${value.name}, ${value.type}, ${value.size} bytes)`]);
}

const submitted = (form: HTMLFormElement): Entry[] => normalise(new FormData(form));

function expectedFor<E extends FormControlElement>(options: FormControlSuiteOptions<E>, name: string): Entry[] {
  const expected = normalise(options.expectedEntries(name));
  expect(expected.length, 'expectedEntries() names at least one entry').to.be.greaterThan(0);
  return expected;
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is inside the shadow root of `host` (at any depth of nested shadow roots). */
function insideShadowOf(node: Node, host: Element): boolean {
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    if (root.host === host) return true;
    root = root.host.getRootNode();
  }
  return false;
}

const statesSupported = (): boolean => CSS.supports('selector(:state(invalid))');

/** Whether the element is in the custom state `name`; `undefined` where the browser has no `:state()`. */
const inState = (element: Element, name: string): boolean | undefined => (statesSupported() ? element.matches(`:state(${name})`) : undefined);

/** Collects the `input` and `change` events that reach `target`. */
function recordEvents(target: EventTarget): Event[] {
  const events: Event[] = [];
  for (const type of ['input', 'change']) target.addEventListener(type, (event) => events.push(event));
  return events;
}

type Restorable = string | File | FormData | null;

/**
 * Watches what form-associated elements hand to `ElementInternals.setFormValue()` while `run`
 * runs, to learn the state the browser would keep for back/forward navigation (no API reads it).
 * Elements must be created inside `run`: their internals are matched to them when attached.
 */
async function watchingFormValues<T>(run: (stateOf: (element: Element) => { state: Restorable } | undefined) => Promise<T>): Promise<T> {
  const owners = new WeakMap<ElementInternals, Element>();
  const states = new WeakMap<Element, Restorable>();
  const attachInternals = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'attachInternals')!;
  const setFormValue = Object.getOwnPropertyDescriptor(ElementInternals.prototype, 'setFormValue')!;
  const attach = attachInternals.value as HTMLElement['attachInternals'];
  const set = setFormValue.value as ElementInternals['setFormValue'];
  HTMLElement.prototype.attachInternals = function (this: HTMLElement): ElementInternals {
    const internals = attach.call(this);
    owners.set(internals, this);
    return internals;
  };
  ElementInternals.prototype.setFormValue = function (this: ElementInternals, ...args: Parameters<ElementInternals['setFormValue']>): void {
    const owner = owners.get(this);
    // Without a state the browser keeps the value itself.
    if (owner) states.set(owner, args.length > 1 ? (args[1] ?? null) : args[0]);
    set.apply(this, args);
  };
  try {
    return await run((element) => (states.has(element) ? { state: states.get(element)! } : undefined));
  } finally {
    Object.defineProperty(HTMLElement.prototype, 'attachInternals', attachInternals);
    Object.defineProperty(ElementInternals.prototype, 'setFormValue', setFormValue);
  }
}

// ------------------------------------------------------------------ the checks

export const formControlChecks = {
  formAssociated: {
    title: 'is form-associated: its form, labels and willValidate come from the browser',
    needsRequired: false,
    async run(options) {
      const { form, element } = await renderInForm(options);
      expect((element.constructor as { formAssociated?: unknown }).formAssociated, 'static formAssociated').to.equal(true);
      expect(element.form, 'element.form is the enclosing form').to.equal(form);
      expect(element.willValidate, 'willValidate').to.equal(true);
      const label = document.createElement('label');
      label.textContent = 'Answer';
      element.id = 'osa-form-control-under-test';
      label.htmlFor = element.id;
      form.prepend(label);
      expect([...element.labels], 'element.labels holds a <label for>').to.include(label);
    },
  },

  formData: {
    title: 'submits its value under its name, follows a new name, and submits nothing without a name',
    needsRequired: false,
    async run(options) {
      const named = await renderInForm(options);
      expect(named.element.getAttribute('name'), 'the name attribute').to.equal(NAME);
      expect(named.element.name, 'the name property').to.equal(NAME);
      await options.fillIn(named.element);
      expect(submitted(named.form), `new FormData(form) after fillIn()`).to.deep.equal(expectedFor(options, NAME));
      named.element.name = 'renamed';
      await settle(named.element);
      expect(named.element.getAttribute('name'), 'name reflects to its attribute').to.equal('renamed');
      expect(submitted(named.form), 'new FormData(form) after a new name').to.deep.equal(expectedFor(options, 'renamed'));

      const unnamed = await renderInForm(options, { name: undefined });
      await options.fillIn(unnamed.element);
      expect(submitted(unnamed.form), 'new FormData(form) of a control without a name').to.deep.equal([]);
    },
  },

  required: {
    title: 'blocks the form while required and empty, and reportValidity() focuses a visible anchor inside it',
    needsRequired: true,
    async run(options) {
      const { form, element } = await renderInForm(options, { required: true });
      expect(inState(element, 'user-invalid'), ':state(user-invalid) before any validation').not.to.equal(true);
      expect(form.checkValidity(), 'form.checkValidity()').to.equal(false);
      expect(element.validity.valueMissing, 'validity.valueMissing').to.equal(true);
      expect(element.validationMessage, 'validationMessage').to.be.a('string').and.not.to.equal('');
      expect(inState(element, 'invalid'), ':state(invalid)').not.to.equal(false);

      (document.activeElement as HTMLElement | null)?.blur();
      expect(form.reportValidity(), 'form.reportValidity()').to.equal(false);
      const focused = deepActiveElement();
      expect(focused !== null && insideShadowOf(focused, element), 'reportValidity() moves focus into the element’s shadow root').to.equal(true);
      const box = focused!.getBoundingClientRect();
      expect(box.width > 0 && box.height > 0 && focused!.checkVisibility(), `the validation anchor <${focused!.localName}> is visible`).to.equal(true);
      await settle(element);
      expect(inState(element, 'user-invalid'), ':state(user-invalid) after validation').not.to.equal(false);
    },
  },

  valid: {
    title: 'is valid once it holds a value',
    needsRequired: false,
    async run(options) {
      const { form, element } = await renderInForm(options, { required: options.supportsRequired });
      await options.fillIn(element);
      expect(form.checkValidity(), 'form.checkValidity()').to.equal(true);
      expect(element.validity.valid, 'validity.valid').to.equal(true);
      expect(element.validationMessage, 'validationMessage').to.equal('');
      expect(inState(element, 'invalid'), ':state(invalid)').not.to.equal(true);
    },
  },

  reset: {
    title: 'returns to its default on form.reset(), firing no events, and can be filled in again',
    needsRequired: false,
    async run(options) {
      const { form, element } = await renderInForm(options, { required: options.supportsRequired });
      const initial = submitted(form);
      const initiallyValid = element.validity.valid;
      await options.fillIn(element);
      const filled = submitted(form);
      expect(filled, 'new FormData(form) after fillIn()').to.deep.equal(expectedFor(options, NAME));
      expect(filled, 'fillIn() changes what the form submits').not.to.deep.equal(initial);

      const events = recordEvents(form);
      form.reset();
      await settle(element);
      expect(submitted(form), 'new FormData(form) after form.reset()').to.deep.equal(initial);
      expect(element.validity.valid, 'validity.valid after form.reset()').to.equal(initiallyValid);
      expect(inState(element, 'user-invalid'), ':state(user-invalid) after form.reset()').not.to.equal(true);
      expect(events.map((event) => event.type), 'events during form.reset()').to.deep.equal([]);

      await options.fillIn(element);
      expect(submitted(form), 'new FormData(form) after a second fillIn()').to.deep.equal(filled);
    },
  },

  disabledFieldset: {
    title: 'is disabled by a disabled <fieldset>: not changeable, not validated, not submitted',
    needsRequired: false,
    async run(options) {
      const { form, fieldset, element } = await renderInForm(options, { required: options.supportsRequired });
      const initial = submitted(form);
      fieldset.disabled = true;
      await settle(element);
      expect(element.matches(':disabled'), ':disabled').to.equal(true);
      expect(element.willValidate, 'willValidate').to.equal(false);
      expect(form.checkValidity(), 'form.checkValidity() skips it').to.equal(true);
      try {
        await options.fillIn(element);
      } catch {
        // A participant cannot fill in a disabled control; failing to try is fine.
      }
      expect(submitted(form), 'new FormData(form) after trying to fill it in').to.deep.equal([]);

      fieldset.disabled = false;
      await settle(element);
      expect(element.matches(':disabled'), ':disabled after enabling').to.equal(false);
      expect(submitted(form), 'new FormData(form) after enabling: unchanged by the try').to.deep.equal(initial);
      await options.fillIn(element);
      expect(submitted(form), 'new FormData(form) after enabling and fillIn()').to.deep.equal(expectedFor(options, NAME));
      fieldset.disabled = true;
      expect(submitted(form), 'new FormData(form) of a disabled control holding a value').to.deep.equal([]);
    },
  },

  stateRestore: {
    title: 'restores its value from the state it gave the browser (formStateRestoreCallback)',
    needsRequired: false,
    async run(options) {
      await watchingFormValues(async (stateOf) => {
        const original = await renderInForm(options);
        await options.fillIn(original.element);
        const kept = stateOf(original.element);
        expect(kept, 'the element hands its value to ElementInternals.setFormValue()').not.to.equal(undefined);
        expect(kept!.state, 'the state given to setFormValue()').not.to.equal(null);

        const restored = await renderInForm(options, { required: options.supportsRequired });
        expect(restored.element.formStateRestoreCallback, 'formStateRestoreCallback').to.be.a('function');
        const events = recordEvents(restored.form);
        restored.element.formStateRestoreCallback!(kept!.state, 'restore');
        await settle(restored.element);
        expect(submitted(restored.form), 'new FormData(form) after restoring').to.deep.equal(expectedFor(options, NAME));
        expect(restored.element.validity.valid, 'validity.valid after restoring').to.equal(true);
        expect(events.map((event) => event.type), 'events during restoring').to.deep.equal([]);
      });
    },
  },

  events: {
    title: 'fires input, then change, bubbling and composed, when the participant changes the value',
    needsRequired: false,
    async run(options) {
      const { form, element } = await renderInForm(options);
      const events = recordEvents(form);
      await options.fillIn(element);
      const types = events.map((event) => event.type);
      expect(types, 'events during fillIn()').to.include.members(['input', 'change']);
      expect(types.indexOf('input') < types.indexOf('change'), `input comes before change: ${types.join(', ')}`).to.equal(true);
      expect(types.at(-1), 'the last event').to.equal('change');
      for (const event of events) {
        expect(event.target, `the ${event.type} event's target`).to.equal(element);
        expect(event.bubbles && event.composed, `the ${event.type} event bubbles and is composed`).to.equal(true);
      }
    },
  },

  accessible: {
    title: 'is accessible (axe), empty and invalid as well as filled in',
    needsRequired: false,
    async run(options) {
      const { form, element } = await renderInForm(options, { required: options.supportsRequired });
      if (options.supportsRequired) {
        form.reportValidity();
        await settle(element);
      }
      await expect(element).to.be.accessible();
      await options.fillIn(element);
      await settle(element);
      await expect(element).to.be.accessible();
    },
  },

  language: {
    title: 'gives its validation message in its own language (fi, sv, en) and follows a change',
    needsRequired: true,
    async run(options) {
      const messages = new Map<Language, string>();
      for (const lang of LANGUAGES) {
        const { element } = await renderInForm(options, { required: true, lang });
        expect(element.validationMessage, `the ${lang} validation message`).not.to.equal('');
        messages.set(lang, element.validationMessage);
      }
      expect(new Set(messages.values()).size, `one message per language: ${[...messages.values()].join(' | ')}`).to.equal(3);

      const { form, element } = await renderInForm(options, { required: true, lang: 'fi' });
      form.lang = 'sv';
      await settle(element);
      expect(element.validationMessage, 'after the form’s lang changed to sv').to.equal(messages.get('sv'));
      element.setAttribute('lang', 'en');
      await settle(element);
      expect(element.validationMessage, 'with its own lang="en" inside a Swedish form').to.equal(messages.get('en'));
    },
  },
} satisfies Record<string, FormControlCheck>;

/** Registers the suite: one `it` per check, under `describe('form control: <tag-name>')`. */
export function runFormControlSuite<E extends FormControlElement>(options: FormControlSuiteOptions<E>): void {
  describe(`form control: <${options.tagName}>`, () => {
    for (const check of Object.values(formControlChecks) as FormControlCheck[]) {
      if (check.needsRequired && !options.supportsRequired) continue;
      it(check.title, () => check.run(options));
    }
  });
}
