/**
 * Each question type as native controls: a `<fieldset>` with its `<legend>` for every group, native
 * radio buttons (the browser's own arrow keys move and choose within a group) drawn as tiles for
 * scales and NPS, checkboxes for multiple choice, a reorderable list for ranking (buttons and
 * Alt + ↑/↓, every move announced), text fields with a character counter.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { maxLengthOf, NOT_APPLICABLE, scaleRange, type AnswerValue, type Choice, type Question } from '../../core/feedback/feedback.view.js';
import type { LocalizedText } from '../../core/activity.js';
import type { FeedbackTranslation } from '../../i18n/feedback/en.js';

/** What the question templates need from the element. */
export interface QuestionsHost {
  readonly t: FeedbackTranslation;
  /** An id prefix unique to the element (radio groups are named by it). */
  readonly uid: string;
  /** Whether the participant cannot change answers now. */
  readonly answersLocked: boolean;
  text(value: LocalizedText | undefined): string;
  answer(name: string): AnswerValue | undefined;
  /** The participant changed an answer; `commit: false` while typing. */
  setAnswer(name: string, value: AnswerValue | undefined, options?: { commit?: boolean }): void;
  /** The message to show under the question now, if any. */
  errorFor(name: string): string | undefined;
  /** Whether the question is required now (`required`, or `requiredIf` holds). */
  isRequired(question: Question): boolean;
  announce(message: string): void;
  /** A control to focus after the next update. */
  focusLater(selector: string): void;
}

/**
 * A face from very unhappy (0) to very happy (4), drawn (emoji differ between systems and some
 * fonts lack them): a circle, two eyes and a mouth whose curve follows the mood.
 */
function face(mood: number): TemplateResult {
  const bend = (mood - 2) * 4;
  return html`<svg class="face" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    ${svg`<circle cx="16" cy="16" r="14" class="face-head"></circle>
      <circle cx="11" cy="13" r="2" class="face-eye"></circle>
      <circle cx="21" cy="13" r="2" class="face-eye"></circle>
      <path d=${`M9 ${21 - bend / 4} Q16 ${21 + bend} 23 ${21 - bend / 4}`} class="face-mouth"></path>`}
  </svg>`;
}

/** The label of "don't know / not applicable": the question's own words, or the general ones. */
function notApplicableLabel(host: QuestionsHost, question: Question): string {
  return typeof question.notApplicable === 'boolean' || question.notApplicable === undefined ? host.t.notApplicable : host.text(question.notApplicable);
}

const ids = (host: QuestionsHost, question: Question) => ({
  group: `q-${question.name}`,
  title: `q-${question.name}-title`,
  description: `q-${question.name}-description`,
  hint: `q-${question.name}-hint`,
  error: `q-${question.name}-error`,
  radio: `${host.uid}-${question.name}`,
});

function describedBy(host: QuestionsHost, question: Question, extra: string[] = []): string {
  const id = ids(host, question);
  return [question.description ? id.description : '', ...extra, host.errorFor(question.name) ? id.error : ''].filter(Boolean).join(' ');
}

function renderTitle(host: QuestionsHost, question: Question): TemplateResult {
  const required = host.isRequired(question);
  return html`<span class="q-title">${host.text(question.title)}</span>${required
      ? html`<span class="required" aria-hidden="true"> ${host.t.requiredMark}</span><span class="visually-hidden"> (${host.t.required})</span>`
      : nothing}`;
}

function renderAfterTitle(host: QuestionsHost, question: Question): TemplateResult {
  const id = ids(host, question);
  const error = host.errorFor(question.name);
  return html`${question.description ? html`<p class="q-description" id=${id.description}>${host.text(question.description)}</p>` : nothing}
  ${error ? html`<p class="field-error" id=${id.error}><span aria-hidden="true">⚠ </span>${error}</p>` : nothing}`;
}

/** One question, visible now. */
export function renderQuestion(host: QuestionsHost, question: Question): TemplateResult {
  switch (question.type) {
    case 'scale':
    case 'nps':
      return renderScale(host, question);
    case 'single':
      return renderSingle(host, question);
    case 'multiple':
      return renderMultiple(host, question);
    case 'ranking':
      return renderRanking(host, question);
    case 'text':
    case 'longText':
      return renderText(host, question);
    default:
      return html``;
  }
}

function groupClass(host: QuestionsHost, question: Question, type: string): string {
  return `question ${type}${host.errorFor(question.name) ? ' has-error' : ''}`;
}

/** A scale or NPS: one radio per value, drawn as numbers, smileys or stars, with end labels. */
function renderScale(host: QuestionsHost, question: Question): TemplateResult {
  const t = host.t;
  const id = ids(host, question);
  const { min, max } = scaleRange(question);
  const values = Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
  const current = host.answer(question.name);
  const display = question.type === 'nps' ? 'numbers' : (question.display ?? 'numbers');
  const minLabel = question.minLabel ? host.text(question.minLabel) : question.type === 'nps' ? t.npsMin : '';
  const maxLabel = question.maxLabel ? host.text(question.maxLabel) : question.type === 'nps' ? t.npsMax : '';
  const label = (value: number, index: number): { visible: string | TemplateResult; spoken: string } => {
    if (display === 'stars') return { visible: '★', spoken: t.stars(value - min + 1, values.length) };
    if (display === 'smileys') {
      const slot = values.length === 1 ? 2 : Math.round((index * 4) / (values.length - 1));
      return { visible: face(slot), spoken: `${t.smileys[slot]} (${value})` };
    }
    const end = value === min && minLabel ? `${value}, ${minLabel}` : value === max && maxLabel ? `${value}, ${maxLabel}` : String(value);
    return { visible: String(value), spoken: end };
  };
  const chosen = typeof current === 'number' ? current : undefined;
  return html`<fieldset class=${groupClass(host, question, `scale display-${display} ${question.type}`)} id=${id.group} data-question=${question.name}
    aria-describedby=${describedBy(host, question) || nothing} aria-invalid=${host.errorFor(question.name) ? 'true' : nothing}>
    <legend id=${id.title}>${renderTitle(host, question)}</legend>
    ${renderAfterTitle(host, question)}
    <div class="scale-box">
    <div class="scale-row" data-count=${values.length}>
      ${values.map((value, index) => {
        const { visible, spoken } = label(value, index);
        const filled = display === 'stars' && chosen !== undefined && value <= chosen;
        return html`<label class="tile ${filled ? 'filled' : ''}">
          <input type="radio" name=${id.radio} .value=${String(value)} .checked=${live(current === value)} ?disabled=${host.answersLocked}
            data-value=${String(value)} @change=${() => host.setAnswer(question.name, value)} />
          <span class="tile-face" aria-hidden="true">${visible}</span><span class="visually-hidden">${spoken}</span>
        </label>`;
      })}
    </div>
    ${minLabel || maxLabel
      ? html`<div class="ends" id=${id.hint} aria-hidden="true"><span>${minLabel}</span><span>${maxLabel}</span></div>`
      : nothing}
    </div>
    ${question.notApplicable ? renderNaRadio(host, question, current) : nothing}
  </fieldset>`;
}

function renderNaRadio(host: QuestionsHost, question: Question, current: AnswerValue | undefined): TemplateResult {
  const id = ids(host, question);
  return html`<label class="option na">
    <input type="radio" name=${id.radio} .value=${NOT_APPLICABLE} .checked=${live(current === NOT_APPLICABLE)} ?disabled=${host.answersLocked} data-value=${NOT_APPLICABLE}
      @change=${() => host.setAnswer(question.name, NOT_APPLICABLE)} />
    <span>${notApplicableLabel(host, question)}</span>
  </label>`;
}

function choicesOf(question: Question): Choice[] {
  return question.choices ?? [];
}

function renderSingle(host: QuestionsHost, question: Question): TemplateResult {
  const id = ids(host, question);
  const current = host.answer(question.name);
  return html`<fieldset class=${groupClass(host, question, 'single')} id=${id.group} data-question=${question.name}
    aria-describedby=${describedBy(host, question) || nothing} aria-invalid=${host.errorFor(question.name) ? 'true' : nothing}>
    <legend id=${id.title}>${renderTitle(host, question)}</legend>
    ${renderAfterTitle(host, question)}
    <div class="options">
      ${choicesOf(question).map(
        (choice) => html`<label class="option">
          <input type="radio" name=${id.radio} .value=${choice.value} .checked=${live(current === choice.value)} ?disabled=${host.answersLocked} data-value=${choice.value}
            @change=${() => host.setAnswer(question.name, choice.value)} />
          <span>${host.text(choice.label)}</span>
        </label>`,
      )}
      ${question.notApplicable ? renderNaRadio(host, question, current) : nothing}
    </div>
  </fieldset>`;
}

function renderMultiple(host: QuestionsHost, question: Question): TemplateResult {
  const id = ids(host, question);
  const current = host.answer(question.name);
  const selected = Array.isArray(current) ? current : [];
  const na = current === NOT_APPLICABLE;
  const hint = host.t.chooseRange(question.minSelected, question.maxSelected);
  const toggle = (value: string, on: boolean) => {
    // Read at the click, not at the render: two clicks may come before the next render.
    const now = host.answer(question.name);
    const before = Array.isArray(now) ? now : [];
    const next = on ? [...before.filter((item) => item !== value), value] : before.filter((item) => item !== value);
    // Kept in the order of the options, whatever the order of the clicks.
    const order = choicesOf(question).map((choice) => choice.value);
    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    host.setAnswer(question.name, next.length > 0 ? next : undefined);
  };
  return html`<fieldset class=${groupClass(host, question, 'multiple')} id=${id.group} data-question=${question.name}
    aria-describedby=${describedBy(host, question, hint ? [id.hint] : []) || nothing} aria-invalid=${host.errorFor(question.name) ? 'true' : nothing}>
    <legend id=${id.title}>${renderTitle(host, question)}</legend>
    ${renderAfterTitle(host, question)}
    ${hint ? html`<p class="hint" id=${id.hint}>${hint}</p>` : nothing}
    <div class="options">
      ${choicesOf(question).map(
        (choice) => html`<label class="option">
          <input type="checkbox" .value=${choice.value} .checked=${live(selected.includes(choice.value))} ?disabled=${host.answersLocked} data-value=${choice.value}
            @change=${(event: Event) => toggle(choice.value, (event.target as HTMLInputElement).checked)} />
          <span>${host.text(choice.label)}</span>
        </label>`,
      )}
      ${question.notApplicable
        ? html`<label class="option na">
            <input type="checkbox" .value=${NOT_APPLICABLE} .checked=${live(na)} ?disabled=${host.answersLocked} data-value=${NOT_APPLICABLE}
              @change=${(event: Event) => host.setAnswer(question.name, (event.target as HTMLInputElement).checked ? NOT_APPLICABLE : undefined)} />
            <span>${notApplicableLabel(host, question)}</span>
          </label>`
        : nothing}
    </div>
  </fieldset>`;
}

/** The order on screen: the answer, or the options' own order until the participant touches it. */
export function rankingOrder(question: Question, answer: AnswerValue | undefined): string[] {
  const values = choicesOf(question).map((choice) => choice.value);
  if (!Array.isArray(answer)) return values;
  const known = answer.filter((value) => values.includes(value));
  return [...known, ...values.filter((value) => !known.includes(value))];
}

function renderRanking(host: QuestionsHost, question: Question): TemplateResult {
  const t = host.t.ranking;
  const id = ids(host, question);
  const answer = host.answer(question.name);
  const answered = Array.isArray(answer);
  const order = rankingOrder(question, answer);
  const byValue = new Map(choicesOf(question).map((choice) => [choice.value, choice]));
  const locked = host.answersLocked;
  const move = (value: string, delta: number, control: string) => {
    const from = order.indexOf(value);
    const to = from + delta;
    if (locked || from === -1 || to < 0 || to >= order.length) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, value);
    host.setAnswer(question.name, next);
    host.announce(t.moved(host.text(byValue.get(value)?.label ?? value), to + 1, next.length));
    host.focusLater(`#${id.group} [data-item="${CSS.escape(value)}"] [data-control="${control}"]`);
  };
  const onKey = (event: KeyboardEvent, value: string) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const control = (event.composedPath()[0] as HTMLElement).dataset.control ?? 'up';
    move(value, event.key === 'ArrowUp' ? -1 : 1, control);
  };
  return html`<fieldset class=${groupClass(host, question, 'ranking')} id=${id.group} data-question=${question.name}
    aria-describedby=${describedBy(host, question, [id.hint]) || nothing} aria-invalid=${host.errorFor(question.name) ? 'true' : nothing}>
    <legend id=${id.title}>${renderTitle(host, question)}</legend>
    ${renderAfterTitle(host, question)}
    <p class="hint" id=${id.hint}>${t.keys}</p>
    <ol class="rank-list" aria-labelledby=${id.title}>
      ${repeat(
        order,
        (value) => value,
        (value, index) => {
          const label = host.text(byValue.get(value)?.label ?? value);
          const first = index === 0;
          const last = index === order.length - 1;
          return html`<li data-item=${value} @keydown=${(event: KeyboardEvent) => onKey(event, value)}>
            <span class="place" aria-hidden="true">${index + 1}</span>
            <span class="rank-label">${label}</span>
            <span class="rank-tools">
              <button type="button" class="icon" data-control="up" aria-disabled=${first || locked ? 'true' : 'false'} @click=${() => !first && move(value, -1, 'up')}>
                <span aria-hidden="true">↑</span><span class="visually-hidden">${t.moveUp}: ${label}</span>
              </button>
              <button type="button" class="icon" data-control="down" aria-disabled=${last || locked ? 'true' : 'false'} @click=${() => !last && move(value, 1, 'down')}>
                <span aria-hidden="true">↓</span><span class="visually-hidden">${t.moveDown}: ${label}</span>
              </button>
            </span>
          </li>`;
        },
      )}
    </ol>
    <div class="rank-status">
      ${answered
        ? html`<p class="small muted">${t.kept}</p>`
        : html`<p class="small muted">${t.untouched}</p>
            <button type="button" data-keep ?disabled=${locked} @click=${() => host.setAnswer(question.name, order)}>${t.keep}</button>`}
      ${question.notApplicable
        ? html`<label class="option na">
            <input type="checkbox" .checked=${live(answer === NOT_APPLICABLE)} ?disabled=${locked} data-value=${NOT_APPLICABLE}
              @change=${(event: Event) => host.setAnswer(question.name, (event.target as HTMLInputElement).checked ? NOT_APPLICABLE : undefined)} />
            <span>${notApplicableLabel(host, question)}</span>
          </label>`
        : nothing}
    </div>
  </fieldset>`;
}

function renderText(host: QuestionsHost, question: Question): TemplateResult {
  const id = ids(host, question);
  const answer = host.answer(question.name);
  const value = typeof answer === 'string' && answer !== NOT_APPLICABLE ? answer : '';
  const max = maxLengthOf(question);
  const counter = `${id.group}-counter`;
  const long = question.type === 'longText';
  const error = host.errorFor(question.name);
  const onInput = (event: Event) => {
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    host.setAnswer(question.name, text === '' ? undefined : text, { commit: event.type === 'change' });
  };
  const described = describedBy(host, question, [counter]);
  return html`<div class=${groupClass(host, question, `text ${long ? 'long' : ''}`)} id=${id.group} data-question=${question.name}>
    <label for=${`${id.group}-input`} id=${id.title}>${renderTitle(host, question)}</label>
    ${renderAfterTitle(host, question)}
    ${long
      ? html`<textarea id=${`${id.group}-input`} rows="5" maxlength=${max} .value=${live(value)} ?disabled=${host.answersLocked || answer === NOT_APPLICABLE}
          aria-describedby=${described} aria-invalid=${error ? 'true' : 'false'} @input=${onInput} @change=${onInput}></textarea>`
      : html`<input type="text" id=${`${id.group}-input`} maxlength=${max} .value=${live(value)} ?disabled=${host.answersLocked || answer === NOT_APPLICABLE}
          aria-describedby=${described} aria-invalid=${error ? 'true' : 'false'} @input=${onInput} @change=${onInput} />`}
    <p class="counter small muted" id=${counter}>${host.t.characters(value.length, max)}</p>
    ${question.notApplicable
      ? html`<label class="option na">
          <input type="checkbox" .checked=${live(answer === NOT_APPLICABLE)} ?disabled=${host.answersLocked} data-value=${NOT_APPLICABLE}
            @change=${(event: Event) => host.setAnswer(question.name, (event.target as HTMLInputElement).checked ? NOT_APPLICABLE : undefined)} />
          <span>${notApplicableLabel(host, question)}</span>
        </label>`
      : nothing}
  </div>`;
}
