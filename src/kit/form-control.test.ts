import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { css, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement } from '../base/define.js';
import type { Language } from '../i18n/languages.js';
import { controls, tokens } from '../theme/tokens.js';
import { OsaFormControl, type FormControlValue } from './form-control.js';
import { formControlChecks, runFormControlSuite, type FormControlSuiteOptions } from './testing/form-control-suite.js';

// ------------------------------------------------------------------ example controls

type Answer = 'yes' | 'no';
const ANSWERS: readonly Answer[] = ['yes', 'no'];
const isAnswer = (value: unknown): value is Answer => ANSWERS.includes(value as Answer);

const TEXTS: Record<Language, { question: string } & Record<Answer, string>> = {
  fi: { question: 'Osallistutko?', yes: 'Kyllä', no: 'Ei' },
  sv: { question: 'Deltar du?', yes: 'Ja', no: 'Nej' },
  en: { question: 'Will you take part?', yes: 'Yes', no: 'No' },
};

/**
 * A yes/no question as a radio group (WAI-ARIA APG): one Tab stop (the checked option, else the
 * first), arrow keys move and select, Space and Enter select the focused option.
 */
class OsaTestChoice extends OsaFormControl {
  static override styles = [
    tokens,
    controls,
    css`
      [role='radiogroup'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-s);
      }
      button[aria-checked='true'] {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      :host(:state(user-invalid)) [role='radiogroup'] {
        outline: 2px solid var(--_danger);
        outline-offset: 4px;
      }
    `,
  ];

  /** The answer `form.reset()` returns to. */
  @property({ attribute: 'default-value' }) defaultValue: Answer | '' = '';

  /** The current answer; `undefined` until set, which means the default. */
  @property({ attribute: false }) value: Answer | '' | undefined;

  get current(): Answer | '' {
    return this.value ?? this.defaultValue;
  }

  protected override formValue(): FormControlValue {
    return this.current || null;
  }

  protected override restoreFormState(state: string | File | FormData): void {
    if (isAnswer(state)) this.value = state;
  }

  protected override resetToDefault(): void {
    this.value = undefined;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.buttons()[this.tabStop()];
  }

  protected override requiredMessage(): string {
    return this.i18n.msg.form.requiredChoice;
  }

  private buttons(): HTMLButtonElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="radio"]') ?? [])];
  }

  private tabStop(): number {
    return Math.max(0, ANSWERS.indexOf(this.current as Answer));
  }

  private choose(answer: Answer): void {
    if (this.isDisabled || this.readOnly || answer === this.current) return;
    this.value = answer;
    this.userChanged();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const forward = this.i18n.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.i18n.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const from = this.buttons().indexOf(event.composedPath()[0] as HTMLButtonElement);
    const steps: Record<string, number> = {
      [forward]: from + 1,
      ArrowDown: from + 1,
      [backward]: from - 1,
      ArrowUp: from - 1,
      Home: 0,
      End: ANSWERS.length - 1,
    };
    if (!(event.key in steps) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = (steps[event.key] + ANSWERS.length) % ANSWERS.length;
    this.choose(ANSWERS[next]);
    this.buttons()[next]?.focus();
  }

  override render() {
    const texts = TEXTS[this.i18n.language];
    const stop = this.tabStop();
    return litHtml`<div
      role="radiogroup"
      aria-labelledby="question"
      aria-required=${this.required ? 'true' : 'false'}
      aria-invalid=${this.showsInvalid ? 'true' : 'false'}
      aria-readonly=${this.readOnly ? 'true' : 'false'}
      @keydown=${this.onKeyDown}
    >
      <span id="question">${texts.question}</span>
      ${ANSWERS.map(
        (answer, index) =>
          litHtml`<button
            type="button"
            role="radio"
            part="option"
            aria-checked=${this.current === answer ? 'true' : 'false'}
            tabindex=${index === stop ? 0 : -1}
            ?disabled=${this.isDisabled}
            @click=${() => this.choose(answer)}
          >
            ${texts[answer]}
          </button>`,
      )}
    </div>`;
  }
}
defineElement('osa-test-choice', OsaTestChoice);

/**
 * Tags added with a button: its value is `FormData` with one entry per tag, and it keeps the
 * base's default `required` message.
 */
class OsaTestTags extends OsaFormControl {
  static override styles = [tokens, controls];

  @property({ attribute: false }) tags: readonly string[] = [];

  protected override formValue(): FormControlValue {
    const data = new FormData();
    for (const tag of this.tags) data.append(this.name, tag);
    return data;
  }

  protected override formState(): FormControlValue {
    return JSON.stringify(this.tags);
  }

  protected override restoreFormState(state: string | File | FormData): void {
    if (typeof state === 'string') this.tags = JSON.parse(state) as string[];
  }

  protected override resetToDefault(): void {
    this.tags = [];
  }

  protected override validationAnchor(): HTMLElement | null | undefined {
    return this.shadowRoot?.querySelector('button');
  }

  private add(): void {
    if (this.isDisabled || this.readOnly) return;
    this.tags = [...this.tags, `tag ${this.tags.length + 1}`];
    this.userChanged();
  }

  override render() {
    return litHtml`<button type="button" ?disabled=${this.isDisabled} @click=${this.add}>Add a tag</button>`;
  }
}
defineElement('osa-test-tags', OsaTestTags);

declare global {
  interface HTMLElementTagNameMap {
    'osa-test-choice': OsaTestChoice;
    'osa-test-tags': OsaTestTags;
  }
}

// ------------------------------------------------------------------ the suite on the example

/** Chooses "yes" the way a keyboard user does: Tab into the group, Space on the first option. */
async function answerYes(element: OsaTestChoice): Promise<void> {
  element.focus();
  await sendKeys({ press: 'Space' });
  await elementUpdated(element);
}

const choiceOptions: FormControlSuiteOptions<OsaTestChoice> = {
  tagName: 'osa-test-choice',
  render: ({ name, required }) => html`<osa-test-choice name=${ifDefined(name)} ?required=${required}></osa-test-choice>`,
  fillIn: answerYes,
  expectedEntries: (name) => [[name, 'yes']],
  supportsRequired: true,
};

runFormControlSuite(choiceOptions);

runFormControlSuite<OsaTestTags>({
  tagName: 'osa-test-tags',
  render: ({ name, required }) => html`<osa-test-tags name=${ifDefined(name)} ?required=${required}></osa-test-tags>`,
  fillIn: async (element) => {
    element.shadowRoot!.querySelector('button')!.click();
    await elementUpdated(element);
  },
  expectedEntries: (name) => [[name, 'tag 1']],
  supportsRequired: true,
});

// ------------------------------------------------------------------ the suite fails broken controls

/** Hands nothing to the form: its internals swallow every value. */
class OsaTestNoFormValue extends OsaTestChoice {
  constructor() {
    super();
    this.internals.setFormValue = () => undefined;
  }
}
defineElement('osa-test-no-form-value', OsaTestNoFormValue);

/** Points the browser's validation at a focusable element of no size. */
class OsaTestHiddenAnchor extends OsaTestChoice {
  protected override validationAnchor(): HTMLElement | undefined {
    return this.shadowRoot?.querySelector<HTMLElement>('#anchor') ?? undefined;
  }

  override render() {
    return litHtml`${super.render()}<span id="anchor" tabindex="-1" style="position: absolute; width: 0; height: 0; overflow: hidden"></span>`;
  }
}
defineElement('osa-test-hidden-anchor', OsaTestHiddenAnchor);

/** Changes its value on user input but tells nobody. */
class OsaTestSilent extends OsaTestChoice {
  protected override userChanged(): void {}
}
defineElement('osa-test-silent', OsaTestSilent);

/** Keeps its value on `form.reset()`. */
class OsaTestNoReset extends OsaTestChoice {
  protected override resetToDefault(): void {}
}
defineElement('osa-test-no-reset', OsaTestNoReset);

/** The example's options for another tag (the broken subclasses render the same way). */
function optionsFor(tagName: string, render: FormControlSuiteOptions<OsaTestChoice>['render']): FormControlSuiteOptions<OsaTestChoice> {
  return { ...choiceOptions, tagName, render };
}

async function failureOf(check: Promise<void>): Promise<string> {
  try {
    await check;
  } catch (error) {
    return String(error);
  }
  throw new Error('the check passed a broken control');
}

describe('the form-control suite fails broken controls', () => {
  it('formData fails a control that never calls setFormValue', async () => {
    const options = optionsFor('osa-test-no-form-value', ({ name }) => html`<osa-test-no-form-value name=${ifDefined(name)}></osa-test-no-form-value>`);
    expect(await failureOf(formControlChecks.formData.run(options))).to.match(/FormData\(form\) after fillIn/);
    expect(await failureOf(formControlChecks.stateRestore.run(options))).to.match(/setFormValue/);
  });

  it('required fails a control whose validation anchor has no size', async () => {
    const options = optionsFor('osa-test-hidden-anchor', ({ name, required }) => html`<osa-test-hidden-anchor name=${ifDefined(name)} ?required=${required}></osa-test-hidden-anchor>`);
    expect(await failureOf(formControlChecks.required.run(options))).to.match(/validation anchor <span> is visible/);
  });

  it('events fails a control that fires no input or change', async () => {
    const options = optionsFor('osa-test-silent', ({ name }) => html`<osa-test-silent name=${ifDefined(name)}></osa-test-silent>`);
    expect(await failureOf(formControlChecks.events.run(options))).to.match(/events during fillIn/);
  });

  it('reset fails a control that keeps its value on form.reset()', async () => {
    const options = optionsFor('osa-test-no-reset', ({ name, required }) => html`<osa-test-no-reset name=${ifDefined(name)} ?required=${required}></osa-test-no-reset>`);
    expect(await failureOf(formControlChecks.reset.run(options))).to.match(/after form\.reset\(\)/);
  });
});

// ------------------------------------------------------------------ the base beyond the suite

describe('OsaFormControl', () => {
  const inForm = async <E extends HTMLElement>(template: ReturnType<typeof html>, tag: string): Promise<{ form: HTMLFormElement; element: E }> => {
    const form = await fixture<HTMLFormElement>(html`<form lang="en">${template}</form>`);
    const element = form.querySelector(tag) as E;
    await elementUpdated(element);
    return { form, element };
  };
  const radios = (element: OsaTestChoice) => [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
  const focusedText = (element: OsaTestChoice) => element.shadowRoot!.activeElement?.textContent?.trim();

  it('sends a value set from code to the form at once, without input or change events', async () => {
    const { form, element } = await inForm<OsaTestChoice>(html`<osa-test-choice name="answer" required></osa-test-choice>`, 'osa-test-choice');
    const events: string[] = [];
    form.addEventListener('input', () => events.push('input'));
    form.addEventListener('change', () => events.push('change'));
    element.value = 'no';
    expect([...new FormData(form)]).to.deep.equal([['answer', 'no']]);
    expect(form.checkValidity()).to.equal(true);
    await elementUpdated(element);
    expect(events).to.deep.equal([]);
  });

  it('returns to its default value, not to empty, on form.reset()', async () => {
    const { form, element } = await inForm<OsaTestChoice>(html`<osa-test-choice name="answer" default-value="no"></osa-test-choice>`, 'osa-test-choice');
    expect([...new FormData(form)]).to.deep.equal([['answer', 'no']]);
    element.focus();
    await sendKeys({ press: 'Home' });
    expect([...new FormData(form)]).to.deep.equal([['answer', 'yes']]);
    form.reset();
    await elementUpdated(element);
    expect([...new FormData(form)]).to.deep.equal([['answer', 'no']]);
    expect(radios(element).map((radio) => radio.getAttribute('aria-checked'))).to.deep.equal(['false', 'true']);
  });

  it('is invalid with the message of setCustomValidity() until it is given an empty one', async () => {
    const { form, element } = await inForm<OsaTestChoice>(html`<osa-test-choice name="answer" default-value="yes"></osa-test-choice>`, 'osa-test-choice');
    element.setCustomValidity('Ask your teacher first.');
    expect(form.checkValidity()).to.equal(false);
    expect(element.validity.customError).to.equal(true);
    expect(element.validationMessage).to.equal('Ask your teacher first.');
    element.setCustomValidity('');
    expect(element.checkValidity()).to.equal(true);
    expect(element.validationMessage).to.equal('');
  });

  it('gives the default required message in the element’s language unless a subclass gives its own', async () => {
    const expected: Record<Language, [string, string]> = {
      fi: ['Täytä tämä kenttä.', 'Valitse jokin vaihtoehdoista.'],
      sv: ['Fyll i det här fältet.', 'Välj ett av alternativen.'],
      en: ['Fill in this field.', 'Select one of the options.'],
    };
    for (const [lang, [plain, choice]] of Object.entries(expected)) {
      const form = await fixture<HTMLFormElement>(html`<form lang=${lang}><osa-test-tags required></osa-test-tags><osa-test-choice required></osa-test-choice></form>`);
      expect(form.querySelector('osa-test-tags')!.validationMessage, lang).to.equal(plain);
      expect(form.querySelector('osa-test-choice')!.validationMessage, lang).to.equal(choice);
    }
  });

  it('submits a FormData value as entries of its own, only while it has a name', async () => {
    const { form, element } = await inForm<OsaTestTags>(html`<osa-test-tags name="tags"></osa-test-tags>`, 'osa-test-tags');
    element.tags = ['trees', 'benches'];
    expect([...new FormData(form)]).to.deep.equal([
      ['tags', 'trees'],
      ['tags', 'benches'],
    ]);
    element.name = '';
    expect([...new FormData(form)]).to.deep.equal([]);
  });

  it('is disabled by its own disabled attribute, and its options with it', async () => {
    const { form, element } = await inForm<OsaTestChoice>(html`<osa-test-choice name="answer" default-value="yes" disabled></osa-test-choice>`, 'osa-test-choice');
    expect(element.matches(':disabled')).to.equal(true);
    expect([...new FormData(form)]).to.deep.equal([]);
    expect(radios(element).every((radio) => radio.disabled)).to.equal(true);
    element.disabled = false;
    await elementUpdated(element);
    expect(element.matches(':disabled')).to.equal(false);
    expect(radios(element).some((radio) => radio.disabled)).to.equal(false);
    expect([...new FormData(form)]).to.deep.equal([['answer', 'yes']]);
  });

  it('is submitted but neither validated nor changeable while read-only', async () => {
    const { form, element } = await inForm<OsaTestChoice>(html`<osa-test-choice name="answer" default-value="no" required readonly></osa-test-choice>`, 'osa-test-choice');
    expect(element.willValidate).to.equal(false);
    element.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect([...new FormData(form)]).to.deep.equal([['answer', 'no']]);
    element.readOnly = false;
    element.defaultValue = '';
    await elementUpdated(element);
    expect(element.willValidate).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
  });

  it('shows :state(user-invalid) only after the participant or a validation reached it, until form.reset()', async () => {
    const { form, element } = await inForm<OsaTestChoice>(html`<osa-test-choice name="answer" required></osa-test-choice>`, 'osa-test-choice');
    const group = () => element.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(element.matches(':state(invalid)')).to.equal(true);
    expect(element.matches(':state(user-invalid)')).to.equal(false);
    expect(group().getAttribute('aria-invalid')).to.equal('false');
    form.requestSubmit();
    await elementUpdated(element);
    expect(element.matches(':state(user-invalid)')).to.equal(true);
    expect(group().getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Space' });
    expect(element.matches(':state(invalid)')).to.equal(false);
    expect(element.matches(':state(user-invalid)')).to.equal(false);
    form.reset();
    await elementUpdated(element);
    expect(element.matches(':state(invalid)')).to.equal(true);
    expect(element.matches(':state(user-invalid)')).to.equal(false);
  });

  it('focus() goes to the checked option, the group’s single Tab stop', async () => {
    const { element } = await inForm<OsaTestChoice>(html`<osa-test-choice default-value="no"></osa-test-choice>`, 'osa-test-choice');
    expect(radios(element).map((radio) => radio.tabIndex)).to.deep.equal([-1, 0]);
    element.focus();
    expect(focusedText(element)).to.equal('No');
  });

  it('is operable by keyboard alone: Tab in, arrows, Home, End, Space', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="en"><button>Before</button><osa-test-choice name="answer"></osa-test-choice></div>`);
    const element = outer.querySelector('osa-test-choice')!;
    outer.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedText(element)).to.equal('Yes');
    expect(element.current).to.equal('');
    await sendKeys({ press: 'ArrowRight' });
    expect([focusedText(element), element.current]).to.deep.equal(['No', 'no']);
    await sendKeys({ press: 'ArrowRight' });
    expect([focusedText(element), element.current]).to.deep.equal(['Yes', 'yes']);
    await sendKeys({ press: 'End' });
    expect([focusedText(element), element.current]).to.deep.equal(['No', 'no']);
    await sendKeys({ press: 'ArrowUp' });
    expect([focusedText(element), element.current]).to.deep.equal(['Yes', 'yes']);
    await elementUpdated(element);
    expect(radios(element).map((radio) => radio.getAttribute('aria-checked'))).to.deep.equal(['true', 'false']);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement).to.equal(outer.querySelector('button'));
  });
});
