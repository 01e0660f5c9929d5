import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OsaElement } from '../base/osa-element.js';

/** What a control hands to the form: the platform's own union for `ElementInternals.setFormValue()`. */
export type FormControlValue = string | File | FormData | null;

/** Why `formStateRestoreCallback` was called: back/forward navigation or reload (`restore`), or the browser's autofill (`autocomplete`). */
export type FormRestoreReason = 'restore' | 'autocomplete';

/** A control's verdict on its own value: the `ValidityState` flags that hold and the sentence the browser shows. */
export interface FormControlValidity {
  flags: ValidityStateFlags;
  message: string;
}

/** The custom states the base keeps on every form control, for `:state(…)` selectors in page and element CSS. */
export type FormControlState = 'invalid' | 'user-invalid';

/**
 * @summary The form-associated base of the elements that hold a participant's value.
 *
 * The base of every osallistu element that holds a value a participant gives (the workshop
 * picker's ranked choices, the feedback form's answers): it takes part in a host page's `<form>`
 * the way native controls do: its value is submitted under its `name`, `required` and the
 * control's own rules block submission with a localised message that points at a visible part of
 * the element, `form.reset()` and a disabled `<fieldset>` act on it, and the browser restores its
 * value after back/forward navigation.
 *
 * An abstract class rather than a mixin: every value-holding element is an `OsaElement` anyway,
 * and a class keeps `protected` members, `override` checks and the generated manifest's
 * inheritance simple, where a mixin's return type would have to restate the whole API.
 *
 * A subclass keeps its value in reactive properties and implements:
 * - `formValue()`: the value as the form submits it (`null` for none);
 * - `formState()` (optional): a fuller value for the browser to restore, when `formValue()` loses something;
 * - `restoreFormState(state, reason)`: takes back what `formState()` gave (or an autofill value);
 * - `resetToDefault()`: returns the value to its default for `form.reset()`;
 * - `validationAnchor()`: the visible, focusable element in its shadow root that the browser
 *   focuses and points its message at when the value is invalid;
 * - `validate()` (optional): its own rules on top of `required`; `isValueMissing()` and
 *   `requiredMessage()` (optional) refine the `required` rule;
 * - in its event handlers, `userChanged()` after the participant changed the value, which fires
 *   native-named `input` and `change` events.
 *
 * The base sends the value and validity to the browser synchronously whenever a reactive property
 * changes, so `new FormData(form)` and `form.checkValidity()` are right without awaiting an update.
 *
 * Disabled (the own `disabled` attribute or a disabled ancestor `<fieldset>`) and read-only
 * controls are left out of validation; a disabled one also of the submitted data. A subclass
 * reads `isDisabled` and `readOnly` to stop the participant changing its value, and
 * `showsInvalid` for `aria-invalid` on its own control. `osa-test-choice` in `form-control.test.ts`
 * is a complete example, and `runFormControlSuite` (`testing/form-control-suite.ts`) the test
 * every subclass runs.
 *
 * @event input - The participant changed the value (also while still choosing).
 * @event change - The participant committed a changed value.
 *
 * @cssstate invalid - The value breaks `required` or the control's own rules.
 * @cssstate user-invalid - Invalid after the participant changed the value or the form was validated
 *   (submitted, `checkValidity()`, `reportValidity()`): the time to show the error. Cleared by `form.reset()`.
 */
export abstract class OsaFormControl extends OsaElement {
  /** Makes the element a form-associated custom element. */
  static readonly formAssociated = true;

  /** Focus goes to the control inside (clicks on its label, `focus()`, the browser's validation). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The name the value is submitted under; without it the control submits nothing. */
  @property({ reflect: true }) name = '';

  /** Whether the form cannot be submitted while the control holds no value. */
  @property({ type: Boolean, reflect: true }) required = false;

  /**
   * Whether the control is disabled: not changeable, not validated and not submitted. Reflects to
   * its attribute, which is what the browser reads.
   */
  @property({ type: Boolean }) disabled = false;

  /** Whether the participant cannot change the value; it is still submitted but not validated. */
  @property({ type: Boolean, reflect: true, attribute: 'readonly' }) readOnly = false;

  /** Set by the browser through `formDisabledCallback`: the control or an ancestor `<fieldset>` is disabled. */
  @state() private formDisabled = false;

  /** Whether the participant changed the value or a form validation reached the control since the last reset. */
  @state() private interacted = false;

  /** The message of `setCustomValidity()`; a non-empty one makes the control invalid. */
  private customMessage = '';

  /** The form sync waits for the first connection: before it, subclass fields may still be unset. */
  private formReady = false;

  /** The control's link to its form; subclasses only read it. */
  protected readonly internals: ElementInternals = this.attachInternals();

  constructor() {
    super();
    // The browser fires `invalid` on each invalid control when a form is submitted or checked.
    this.addEventListener('invalid', () => (this.interacted = true));
  }

  // ---------------------------------------------------------------- what a subclass implements

  /** The value as the form submits it: a string or file under `name`, entries of its own as `FormData`, or `null` for none. */
  protected abstract formValue(): FormControlValue;

  /** What the browser keeps to restore the control after navigation; the submitted value unless overridden. */
  protected formState(): FormControlValue {
    return this.formValue();
  }

  /**
   * Takes back a value the browser kept: what `formState()` gave (`restore`) or a value the
   * browser's autofill offers (`autocomplete`).
   */
  protected abstract restoreFormState(state: string | File | FormData, reason: FormRestoreReason): void;

  /** Returns the value to its default, for `form.reset()`. */
  protected abstract resetToDefault(): void;

  /**
   * The visible, focusable element in the shadow root that the browser focuses and points its
   * message at when the control is invalid, and `focus()` focuses: the control's Tab stop.
   * `undefined` before the first render.
   */
  protected abstract validationAnchor(): HTMLElement | null | undefined;

  /** Whether the control counts as empty for `required`; by default, when it would submit nothing. */
  protected isValueMissing(): boolean {
    const value = this.formValue();
    if (value === null || value === '') return true;
    if (value instanceof FormData) return value.entries().next().done === true;
    if (value instanceof File) return value.name === '' && value.size === 0;
    return false;
  }

  /** The message of a missing required value, in the element's language; override for a control's own wording. */
  protected requiredMessage(): string {
    return this.i18n.msg.form.required;
  }

  /**
   * The control's verdict on its value, `undefined` when valid. The default checks `required`;
   * a subclass with rules of its own overrides it and returns `super.validate()` when its own rules pass.
   */
  protected validate(): FormControlValidity | undefined {
    if (this.required && this.isValueMissing()) return { flags: { valueMissing: true }, message: this.requiredMessage() };
    return undefined;
  }

  /** Whether the participant cannot change the value: the control or an ancestor `<fieldset>` is disabled. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Whether to show the control as invalid now: invalid after the participant or a form validation reached it. */
  protected get showsInvalid(): boolean {
    return this.interacted && !this.internals.validity.valid;
  }

  /**
   * Call after the participant changed the value (not after a programmatic change): sends the new
   * value to the form and dispatches `input` and, when `commit` (the default), `change`; both bubble
   * and cross shadow roots. Pass `commit: false` while the participant is still choosing (dragging).
   */
  protected userChanged({ commit = true }: { commit?: boolean } = {}): void {
    this.interacted = true;
    this.syncForm();
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (commit) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  // ---------------------------------------------------------------- the native control API

  /** Focuses the validation anchor, the control's own tab stop. */
  override focus(options?: FocusOptions): void {
    const anchor = this.validationAnchor();
    if (anchor) anchor.focus(options);
    else super.focus(options);
  }

  /** The form the control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The `<label>` elements of the control. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** The control's `ValidityState`. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message the browser shows for the control, empty when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the control takes part in validation (it does not while disabled or read-only). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Like `checkValidity()` of a native control: fires `invalid` and answers false when invalid. */
  checkValidity(): boolean {
    this.syncForm();
    return this.internals.checkValidity();
  }

  /** Like `reportValidity()` of a native control: also shows the message and focuses the validation anchor. */
  reportValidity(): boolean {
    this.syncForm();
    return this.internals.reportValidity();
  }

  /** Like `setCustomValidity()` of a native control: a non-empty message makes the control invalid with it. */
  setCustomValidity(message: string): void {
    this.customMessage = message;
    this.syncForm();
  }

  // ---------------------------------------------------------------- the browser's callbacks

  /** @internal Called by the browser when the control or an ancestor `<fieldset>` is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** @internal Called by the browser on `form.reset()`. */
  formResetCallback(): void {
    this.resetToDefault();
    this.interacted = false;
    this.syncForm();
  }

  /** @internal Called by the browser to restore the value after navigation, or with an autofill value. */
  formStateRestoreCallback(state: string | File | FormData | null, reason: FormRestoreReason): void {
    if (state === null) return;
    this.restoreFormState(state, reason);
    this.syncForm();
  }

  // ---------------------------------------------------------------- syncing with the browser

  override connectedCallback(): void {
    super.connectedCallback();
    this.formReady = true;
    this.syncForm();
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    // Synchronously, so FormData and form validation see a value set a moment ago.
    this.syncForm();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Reflected before rendering, not after as `reflect: true` would: the browser answers the
    // attribute with formDisabledCallback at once, and a callback that came during Lit's own
    // reflection would be lost, leaving the inner controls rendered disabled.
    if (changed.has('disabled')) this.toggleAttribute('disabled', this.disabled);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Again after rendering: the validation anchor may be new.
    this.syncForm();
  }

  /** Sends the value, the restorable state, the validity and the custom states to the browser. */
  private syncForm(): void {
    // `requestUpdate` runs in the constructor too, before `internals` and subclass fields exist.
    if (!this.formReady) return;
    // A control without a name submits nothing; `FormData` values would be submitted regardless.
    this.internals.setFormValue(this.name ? this.formValue() : null, this.formState());
    const verdict = this.customMessage ? { flags: { customError: true }, message: this.customMessage } : this.validate();
    if (verdict) this.internals.setValidity(verdict.flags, verdict.message, this.validationAnchor() ?? undefined);
    else this.internals.setValidity({});
    this.syncStates();
  }

  private syncStates(): void {
    const invalid = !this.internals.validity.valid;
    this.toggleState('invalid', invalid);
    this.toggleState('user-invalid', invalid && this.interacted);
  }

  private toggleState(name: FormControlState, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // No CustomStateSet, or one that only takes the older `--name` form: the states are an enhancement.
    }
  }
}
