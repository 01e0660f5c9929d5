import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OsaFormControl, type FormControlValidity, type FormControlValue } from '../../kit/form-control.js';
import { controls, tokens } from '../../theme/tokens.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { CommandController } from '../../controllers/command-controller.js';
import { renderConnection, renderUnloaded } from '../../kit/activity-view.js';
import { presenterCounterStyles } from '../../kit/presenter.js';
import type { LocalizedText } from '../../core/activity.js';
import { localizedText } from '../../core/activity.js';
import {
  canRespondAgain,
  feedbackMine,
  feedbackView,
  NOT_APPLICABLE,
  type AnswerValue,
  type Answers,
  type FeedbackConfig,
  type FeedbackState,
  type FormDefinition,
  type Question,
} from '../../core/feedback/feedback.view.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { feedbackStyles } from './feedback-form.styles.js';
import { renderQuestion, type QuestionsHost } from './questions.js';
import { readDeclaredForm, type DeclaredForm } from './declared-form.js';
import { DraftController } from './draft-controller.js';
import { answerProblems, formProblems, isRequiredNow, problemText, sendableAnswers, visibleSections, type AnswerProblem } from './rules.js';
import { FeedbackPoll } from './poll.js';
import { FeedbackResults } from './results.js';
import { registerTexts } from '../../i18n/localize.js';
import { feedbackTexts } from '../../i18n/feedback/index.js';

declare module '../../base/events.js' {
  interface OsaEventDetailMap {
    'osa-feedback-submit': { responseId?: string; queued: boolean; edit: boolean };
    'osa-feedback-invalid': { questions: string[] };
  }
}

/** `participant` (the form, or the poll), `results`, or `presenter` (a screen). */
export type FeedbackFormView = 'participant' | 'results' | 'presenter';
export type FeedbackFormMode = 'form' | 'poll';

/** One of the participant's own responses, read from the snapshot. */
export interface OwnResponse {
  id: string;
  answers: Answers;
  round: number;
}

let instances = 0;

/**
 * A feedback form: questions a webmaster declares as child elements (`<osa-question>`,
 * `<osa-choice>`, `<osa-section>`, labels in several languages side by side), a `form` property, or
 * the activity's config from the adapter, or a `definition` property. Every question type as native-feeling controls
 * (scales as numbers, smileys or stars, NPS 0–10, single and multiple choice, ranking by keyboard,
 * short and long text); conditions (`visible-if`, `required-if`) applied live; validation messages
 * and an error summary in the participant's language; answers kept on the device while typing; an
 * offline response queued and sent once; a thank-you state, editing until the form closes.
 *
 * With `mode="poll"` (or the activity's config) it is a one-question live poll for a stream's
 * side column: the participant's own answer at once, then the live bars when the organiser
 * allows; the organiser opens, closes and resets it. `view="results"` shows the results (the
 * organiser with the key, or anyone when they are public); `view="presenter"` a projector view.
 *
 * It is form-associated: inside a host `<form>` with declared questions and no activity, its
 * answers are submitted with the form, one entry per question named `<name>.<question>`
 * (multiple choice and ranking as repeated entries, ranking best first); it validates with the
 * form (required questions, ranges, limits; the first invalid question is where the browser
 * points), resets and restores with it, and a disabled `<fieldset>` disables it.
 *
 * @summary Feedback forms and live polls: declared in HTML, answered by keyboard, offline-safe, with live results.
 * @tagname osa-feedback-form
 *
 * @event osa-feedback-submit - The answers were sent (or wait offline). `detail: { responseId?, queued, edit }`
 * @event osa-feedback-invalid - Sending was stopped by answers to check. `detail: { questions }`
 * @event input - The participant changed an answer.
 * @event change - The participant committed a changed answer.
 *
 * @csspart form - The outer container.
 * @csspart question - One question.
 * @csspart summary - The error summary.
 * @csspart progress - The progress bar of a long form.
 * @csspart poll - The live poll.
 * @csspart results - The results.
 * @csspart presenter - The presenter view.
 *
 * @cssproperty --osa-feedback-form-gap - Space between questions. Defaults to `--osa-space-m`.
 * @cssproperty --osa-feedback-form-bar-color - Colour of the result bars. Defaults to `--osa-color-accent`.
 * @cssproperty --osa-feedback-form-own-color - Colour that marks the participant's own answer in a poll. Defaults to `--osa-color-success`.
 * @cssproperty --osa-feedback-form-tile-size - The size of a scale's tiles. Defaults to 44px.
 * @cssproperty --osa-feedback-form-presenter-font-size - The presenter view's base font size. Follows the screen by default.
 *
 * @cssstate invalid - An answer is missing or out of bounds.
 * @cssstate user-invalid - Invalid after the participant or a form validation reached it.
 */
export class OsaFeedbackForm extends OsaFormControl implements QuestionsHost {
  static {
    registerTexts(feedbackTexts);
  }

  static override styles = [tokens, controls, presenterCounterStyles, feedbackStyles];

  /** The activity id of the feedback form inside the event; leave out for a form inside a host `<form>`. */
  @property({ reflect: true }) activity = '';

  /** The event id; taken from the surrounding `osa-event` when left out. */
  @property() event?: string;

  /** `participant` (default), `results`, or `presenter` for a screen. */
  @property({ reflect: true }) view: FeedbackFormView = 'participant';

  /** `poll` for a one-question live poll; the activity's config decides when left out. */
  @property({ reflect: true }) mode?: FeedbackFormMode;

  /**
   * A form definition given as a property, used when no activity is bound and there are no declared
   * children. (Not `form`: a form-associated element's `form` is the `<form>` it belongs to.)
   */
  @property({ attribute: false }) definition?: FormDefinition;

  /** The address participants join at, for the presenter's QR code; the page address when left out. */
  @property({ attribute: 'join-url' }) joinUrl?: string;

  /** A data adapter of your own; overrides the one of the surrounding `osa-event`. */
  @property({ attribute: false }) adapter?: OsaAdapter;

  /** The answers on screen (a draft until sent). @internal */
  @state() answers: Answers = {};
  /** Questions the participant has been at (their errors show). @internal */
  @state() touched: ReadonlySet<string> = new Set();
  /** Whether sending was tried: every error shows, with the summary. @internal */
  @state() attempted = false;
  /** What became of the last send on this page, and what was sent (shown while it waits offline). @internal */
  @state() sent: { queued: boolean; edit: boolean; answers: Answers; round: number } | undefined;
  /** The participant's own response being edited. @internal */
  @state() editing: string | undefined;
  /** The back end's refusal of an answer, by question. @internal */
  @state() refusals: Record<string, string> = {};
  /** The declared children, read. @internal */
  @state() declared: DeclaredForm | undefined;

  /** @internal */
  readonly uid = `osa-fb-${++instances}`;
  /** @internal */
  readonly live = new ActivityController<FeedbackState, FeedbackConfig>(this, feedbackView);
  /** @internal */
  readonly commands = new CommandController(this, this.live, {
    fieldLabel: (field) => {
      const question = this.findQuestion(field);
      return question ? this.text(question.title) : field;
    },
  });
  /** @internal */
  readonly drafts = new DraftController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly poll = new FeedbackPoll(this);
  private readonly results = new FeedbackResults(this);
  private focusSelector: string | undefined;
  private readonly observer = new MutationObserver(() => this.readDeclared());
  private draftKey: string | undefined;

  /** @internal */
  get t() {
    return this.i18n.msg.feedback;
  }

  /** Whether the element shows an activity (else it is a form of its own, for a host `<form>`). @internal */
  get bound(): boolean {
    return Boolean(this.activity);
  }

  /** @internal */
  get config(): FeedbackConfig | undefined {
    return this.live.snapshot?.config;
  }

  /** The form in use: the activity's when bound, else the declared children, else the `definition` property. @internal */
  get activeForm(): FormDefinition | undefined {
    if (this.bound) return this.config?.form;
    return this.declared?.form ?? this.definition;
  }

  /** @internal */
  get isPoll(): boolean {
    return (this.mode ?? this.config?.mode) === 'poll';
  }

  /** The phase: an unbound form is always open. @internal */
  get phase(): string {
    return this.bound ? (this.live.snapshot?.phase ?? 'preparing') : 'open';
  }

  /** The viewer's own responses, newest first (never another participant's, also for an organiser). @internal */
  get mine(): OwnResponse[] {
    const snapshot = this.live.snapshot;
    if (!snapshot) return [];
    return feedbackMine(snapshot.state, snapshot.viewer)
      .map(({ responseId, response }) => ({ id: responseId, answers: response.answers, round: response.round }))
      .reverse();
  }

  /** The viewer's responses in the current round, newest first. @internal */
  get mineThisRound(): OwnResponse[] {
    const round = this.live.snapshot?.state.round ?? 1;
    return this.mine.filter((response) => response.round === round);
  }

  /** Whether the participant may send one more new response now (a new one still waiting offline counts). @internal */
  get mayAnswerAgain(): boolean {
    const snapshot = this.live.snapshot;
    if (!snapshot) return true;
    const limit = snapshot.config.responsesPerParticipant;
    const waiting = this.sent?.queued && !this.sent.edit ? 1 : 0;
    if (waiting && limit !== 0 && this.mineThisRound.length + waiting >= limit) return false;
    return canRespondAgain(snapshot.state, snapshot.config, snapshot.viewer);
  }

  /** Whether answers cannot be changed now (disabled, read-only, busy, or the form not open). @internal */
  get answersLocked(): boolean {
    return this.isDisabled || this.readOnly || this.commands.busy || this.phase !== 'open';
  }

  // ------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.readDeclared();
    this.observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
  }

  private readDeclared(): void {
    this.declared = readDeclaredForm(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The organiser started a new round (a poll's next question): what was sent before is done with.
    const round = this.live.snapshot?.state.round;
    if (this.sent && round !== undefined && this.sent.round !== round) this.sent = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.syncDraft();
    if (this.focusSelector) {
      const selector = this.focusSelector;
      this.focusSelector = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  /** Once the snapshot says who the participant is: the draft kept for them, if any. */
  private async syncDraft(): Promise<void> {
    const snapshot = this.live.snapshot;
    if (!this.bound || !snapshot || this.view !== 'participant') return;
    const key = DraftController.keyOf(snapshot.eventId, snapshot.id, snapshot.viewer.participant);
    if (key === this.draftKey) return;
    this.draftKey = key;
    const draft = await this.drafts.open(key);
    if (!draft || this.draftKey !== key || Object.keys(this.answers).length > 0) return;
    if (Object.keys(draft.answers).length === 0) return;
    this.answers = draft.answers;
    this.editing = draft.responseId;
    this.announce(this.t.draftRestored);
    this.commands.say({ kind: 'success', text: this.t.draftRestored });
  }

  // ------------------------------------------------------------ helpers for the parts

  /** @internal */
  text(value: LocalizedText | undefined): string {
    return localizedText(value, this.i18n.language);
  }

  /** @internal */
  announce(message: string): void {
    this.announcer.announce(message);
  }

  /** @internal */
  focusLater(selector: string): void {
    this.focusSelector = selector;
  }

  /** @internal */
  findQuestion(name: string): Question | undefined {
    for (const section of this.activeForm?.sections ?? []) for (const question of section.questions) if (question.name === name) return question;
    return undefined;
  }

  /** @internal */
  answer(name: string): AnswerValue | undefined {
    return Object.hasOwn(this.answers, name) ? this.answers[name] : undefined;
  }

  /** @internal */
  isRequired(question: Question): boolean {
    return isRequiredNow(this.activeForm, question, this.answers);
  }

  /** The problems with the answers now (visible questions only). @internal */
  get problems(): AnswerProblem[] {
    const form = this.activeForm;
    return form ? answerProblems(form, this.answers) : [];
  }

  /** @internal */
  errorFor(name: string): string | undefined {
    if (Object.hasOwn(this.refusals, name)) return this.refusals[name];
    if (!this.attempted && !this.touched.has(name)) return undefined;
    const problem = this.problems.find((entry) => entry.question === name);
    return problem ? problemText(problem, this.t, this.findQuestion(name)) : undefined;
  }

  /** @internal */
  setAnswer(name: string, value: AnswerValue | undefined, { commit = true }: { commit?: boolean } = {}): void {
    if (this.answersLocked) return;
    const next = { ...this.answers };
    if (value === undefined) delete next[name];
    else next[name] = value;
    this.answers = next;
    if (Object.hasOwn(this.refusals, name)) {
      const refusals = { ...this.refusals };
      delete refusals[name];
      this.refusals = refusals;
    }
    if (commit && !this.touched.has(name)) this.touched = new Set([...this.touched, name]);
    if (this.bound) this.drafts.save({ answers: next, ...(this.editing ? { responseId: this.editing } : {}) });
    this.userChanged({ commit });
  }

  // ------------------------------------------------------------ sending

  /** Sends the answers (a new response, or the edit of the participant's own). @internal */
  async submit(): Promise<void> {
    const form = this.activeForm;
    if (!form || this.commands.busy || this.answersLocked) return;
    const problems = this.problems;
    if (problems.length > 0) {
      this.attempted = true;
      this.emit('osa-feedback-invalid', { questions: problems.map((problem) => problem.question) });
      // The summary (an alert) is read out; focus goes to the first problem itself.
      await this.updateComplete;
      this.focusFirstProblem();
      return;
    }
    const answers = sendableAnswers(form, this.answers);
    const editing = this.editing;
    const outcome = await this.commands.run<{ responseId?: string } | undefined>('submit', editing ? { answers, responseId: editing } : { answers });
    if (outcome.status === 'done' || outcome.status === 'queued') {
      const queued = outcome.status === 'queued';
      await this.drafts.clear();
      this.sent = { queued, edit: editing !== undefined, answers, round: this.live.snapshot?.state.round ?? 1 };
      this.answers = {};
      this.touched = new Set();
      this.attempted = false;
      this.editing = undefined;
      this.commands.say({ kind: queued ? 'warning' : 'success', text: queued ? this.t.thanksQueued : this.t.thanks });
      const responseId = outcome.status === 'done' ? (outcome.result?.responseId ?? editing) : editing;
      this.emit('osa-feedback-submit', { ...(responseId ? { responseId } : {}), queued, edit: editing !== undefined });
      this.focusLater('#thanks, [part="poll"] [data-own]');
    } else if (outcome.status === 'refused' && outcome.error.code === 'invalid' && outcome.error.field && this.findQuestion(outcome.error.field)) {
      const field = outcome.error.field;
      this.refusals = { ...this.refusals, [field]: this.commands.feedback?.text ?? this.t.errors.invalid };
      this.focusLater(`#q-${CSS.escape(field)}`);
    }
  }

  /** Loads the participant's own response to change it. @internal */
  edit(response: OwnResponse): void {
    this.editing = response.id;
    this.answers = { ...response.answers };
    this.sent = undefined;
    this.commands.say(undefined);
    this.focusLater('[data-question] input, [data-question] textarea, [data-question] button');
  }

  /** A new, empty response. @internal */
  answerAgain(): void {
    this.editing = undefined;
    this.answers = {};
    this.sent = undefined;
    this.commands.say(undefined);
    this.focusLater('[data-question] input, [data-question] textarea, [data-question] button');
  }

  // ------------------------------------------------------------ the form control

  /** The answers a host form submits: one entry per question, `name.question`. @internal */
  get formEntries(): Array<[string, string]> {
    const form = this.activeForm;
    if (!form) return [];
    const entries: Array<[string, string]> = [];
    for (const [question, value] of Object.entries(sendableAnswers(form, this.answers))) {
      const key = `${this.name}.${question}`;
      if (Array.isArray(value)) for (const item of value) entries.push([key, item]);
      else entries.push([key, String(value)]);
    }
    return entries;
  }

  protected override formValue(): FormControlValue {
    const entries = this.formEntries;
    if (entries.length === 0) return null;
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  }

  protected override formState(): FormControlValue {
    return JSON.stringify({ answers: this.answers });
  }

  protected override restoreFormState(state: string | File | FormData): void {
    if (typeof state !== 'string') return;
    try {
      const { answers } = JSON.parse(state) as { answers?: unknown };
      if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return;
      const valid = Object.values(answers).every(
        (value) => typeof value === 'number' || typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')),
      );
      if (valid) this.answers = answers as Answers;
    } catch {
      // Not a state this element gave: nothing to restore.
    }
  }

  protected override resetToDefault(): void {
    this.answers = {};
    this.touched = new Set();
    this.attempted = false;
    this.refusals = {};
  }

  protected override isValueMissing(): boolean {
    return Object.keys(this.activeForm ? sendableAnswers(this.activeForm, this.answers) : {}).length === 0;
  }

  protected override validate(): FormControlValidity | undefined {
    const own = super.validate();
    if (own) return own;
    const [first] = this.problems;
    if (!first) return undefined;
    const question = this.findQuestion(first.question);
    const message = `${question ? this.text(question.title) : first.question}: ${problemText(first, this.t, question)}`;
    return { flags: first.reason.kind === 'required' ? { valueMissing: true } : { badInput: true }, message };
  }

  protected override requiredMessage(): string {
    return this.t.errors.required;
  }

  protected override validationAnchor(): HTMLElement | null | undefined {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root?.querySelector) return undefined;
    const [first] = this.problems;
    const controls = 'input:not([disabled]), textarea:not([disabled]), button:not([disabled])';
    const within = first ? root.querySelector(`#q-${CSS.escape(first.question)}`) : null;
    return within?.querySelector<HTMLElement>(controls) ?? root.querySelector<HTMLElement>(`[data-question] :is(${controls})`) ?? root.querySelector<HTMLElement>('#form-title');
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const part = this.view === 'presenter' ? 'presenter' : 'form';
    return html`<section class="feedback ${this.isPoll ? 'is-poll' : ''}" part=${part} aria-labelledby="form-title">${this.renderContent()} ${this.announcer.render()}</section>`;
  }

  private renderContent(): TemplateResult {
    if (!this.bound) return this.renderStandalone();
    const data = this.live.snapshot;
    if (!data) return html`<h2 id="form-title" tabindex="-1">${this.isPoll ? this.t.pollLabel : this.t.label}</h2>${renderUnloaded(this.live, this.i18n.msg)}`;
    const title = this.text(data.title) || (this.isPoll ? this.t.pollLabel : this.t.label);
    if (this.view === 'presenter') return this.poll.renderPresenter(data, title);
    if (this.view === 'results') return this.results.render(data, title);
    if (this.isPoll) return this.poll.render(data, title);
    return html`
      <header class="top">
        <h2 id="form-title" tabindex="-1">${title}</h2>
        ${data.phase === 'open' ? nothing : html`<span class="phase-badge phase-${data.phase}">${this.t.phase[data.phase as keyof typeof this.t.phase] ?? data.phase}</span>`}
      </header>
      ${renderConnection(this.live, this.i18n.msg)} ${this.commands.render()} ${this.renderParticipant(data.phase)}
    `;
  }

  /** A form of its own inside a host `<form>` (or a page), from the declared children or the `form` property. */
  private renderStandalone(): TemplateResult {
    const declared = this.declared;
    const problems = declared ? formProblems(declared, this.t) : [];
    if (problems.length > 0) {
      return html`<div class="message error webmaster" role="alert">
        <h2 id="form-title">${this.t.declaredErrors.title}</h2>
        <p>${this.t.declaredErrors.intro}</p>
        <ul>
          ${problems.map((problem) => html`<li>${problem}</li>`)}
        </ul>
      </div>`;
    }
    const form = this.activeForm;
    if (!form) return html`<h2 id="form-title" class="visually-hidden">${this.t.label}</h2>`;
    return html`<h2 id="form-title" class="visually-hidden" tabindex="-1">${this.t.label}</h2>
      ${this.renderQuestions(form)}`;
  }

  private renderParticipant(phase: string): TemplateResult {
    const t = this.t;
    const form = this.activeForm;
    if (phase === 'preparing') return html`<p class="help">${t.help.preparing}</p>`;
    if (phase === 'closed') {
      return html`<p class="help">${t.help.closed}</p>${this.mine.length > 0 ? html`<p class="muted">${t.alreadyAnswered}</p>` : nothing}`;
    }
    if (!form) return html`<p class="help">${this.i18n.msg.common.empty}</p>`;
    const own = this.mineThisRound;
    const allowEdit = this.config?.allowEdit ?? false;
    if (this.sent && !this.editing) {
      return html`<div class="thanks" id="thanks" tabindex="-1">
        <p class="big" aria-hidden="true">✓</p>
        <p>${this.sent.queued ? t.thanksQueued : t.thanks}</p>
        ${this.renderAfterwards(own, allowEdit)}
      </div>`;
    }
    if (own.length > 0 && !this.editing && !this.mayAnswerAgain && Object.keys(this.answers).length === 0) {
      return html`<div class="thanks" id="thanks" tabindex="-1">
        <p>${t.alreadyAnswered}</p>
        ${this.renderAfterwards(own, allowEdit)}
      </div>`;
    }
    return html`<form class="answers" novalidate @submit=${(event: Event) => (event.preventDefault(), void this.submit())}>
      ${this.renderQuestions(form)}
      <div class="send-row">
        <button type="submit" class="primary" data-send aria-disabled=${this.answersLocked ? 'true' : 'false'}>
          ${this.commands.busy ? t.sending : this.editing ? t.update : t.submit}
        </button>
        ${Object.keys(this.answers).length > 0 ? html`<span class="small muted">${t.draftSaved}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderAfterwards(own: OwnResponse[], allowEdit: boolean): TemplateResult {
    const t = this.t;
    const [latest] = own;
    return html`<div class="row">
      ${allowEdit && latest && this.phase === 'open' ? html`<button type="button" data-edit @click=${() => this.edit(latest)}>${t.editAnswer}</button>` : nothing}
      ${this.mayAnswerAgain && this.phase === 'open' ? html`<button type="button" data-again @click=${() => this.answerAgain()}>${t.answerAgain}</button>` : nothing}
    </div>`;
  }

  /** The visible sections and questions, with the error summary and the progress of a long form. @internal */
  renderQuestions(form: FormDefinition): TemplateResult {
    const t = this.t;
    const sections = visibleSections(form, this.answers);
    const questions = sections.flatMap((section) => section.questions);
    const problems = this.attempted ? this.problems : [];
    const long = questions.length > 5 || sections.length > 1;
    const answered = questions.filter((question) => this.answer(question.name) !== undefined).length;
    const anyRequired = questions.some((question) => this.isRequired(question));
    return html`
      ${problems.length > 0
        ? html`<div class="message error summary" part="summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
            <p id="summary-title"><strong>${t.problems(problems.length)}</strong></p>
            <ul>
              ${problems.map((problem) => {
                const question = this.findQuestion(problem.question);
                return html`<li>
                  <a href=${`#q-${problem.question}`} @click=${(event: Event) => this.goTo(event, problem.question)}
                    >${question ? this.text(question.title) : problem.question}: ${problemText(problem, t, question)}</a
                  >
                </li>`;
              })}
            </ul>
          </div>`
        : nothing}
      ${long
        ? html`<div class="progress" part="progress">
            <progress max=${questions.length} .value=${answered} aria-labelledby="progress-label"></progress>
            <span id="progress-label" class="small muted">${t.progress(answered, questions.length)}</span>
          </div>`
        : nothing}
      ${anyRequired ? html`<p class="small muted">${t.help.requiredNote}</p>` : nothing}
      ${sections.map((section) =>
        section.title
          ? html`<section class="form-section" aria-labelledby=${`section-${section.id}`}>
              <h3 id=${`section-${section.id}`}>${this.text(section.title)}</h3>
              ${section.description ? html`<p class="muted">${this.text(section.description)}</p>` : nothing}
              ${section.questions.map((question) => html`<div part="question">${renderQuestion(this, question)}</div>`)}
            </section>`
          : section.questions.map((question) => html`<div part="question">${renderQuestion(this, question)}</div>`),
      )}
    `;
  }

  /** The summary's link: focus the question's first control. */
  private goTo(event: Event, name: string): void {
    event.preventDefault();
    const group = this.renderRoot.querySelector(`#q-${CSS.escape(name)}`);
    const control = group?.querySelector<HTMLElement>('input:checked, input:not([disabled]), textarea, button') ?? (group as HTMLElement | null);
    control?.focus();
  }

  /** Focuses the first question with a problem (after the summary was read). @internal */
  focusFirstProblem(): void {
    const [first] = this.problems;
    if (first) this.goTo(new Event('focus'), first.question);
  }

  /** The answer as words (the poll's "your answer"). @internal */
  answerText(question: Question, value: AnswerValue): string {
    if (value === NOT_APPLICABLE) return typeof question.notApplicable === 'object' || typeof question.notApplicable === 'string' ? this.text(question.notApplicable) : this.t.notApplicable;
    const label = (item: string) => this.text(question.choices?.find((choice) => choice.value === item)?.label) || item;
    if (Array.isArray(value)) return this.i18n.msg.common.list(value.map(label));
    if (typeof value === 'number') return this.i18n.format.number(value);
    return question.choices ? label(value) : value;
  }
}
