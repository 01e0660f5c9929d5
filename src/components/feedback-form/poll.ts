import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ActivitySnapshot } from '../../adapters/types.js';
import type { FeedbackConfig, FeedbackState, Question } from '../../core/feedback/feedback.view.js';
import { renderConnection } from '../../kit/activity-view.js';
import { joinLink } from '../../kit/presenter.js';
import { renderBars } from './bars.js';
import { summarise, type Summary } from './rules.js';
import type { OsaFeedbackForm } from './feedback-form.component.js';
import '../join-code/join-code.js';

type Data = ActivitySnapshot<FeedbackState, FeedbackConfig>;

/**
 * The live poll: one question (the form's first), compact for a stream's side column. The
 * participant's own answer shows at once, then the live bars when the organiser allows them (not
 * before answering: others' answers do not sway one's own); the
 * organiser (with the key) opens, closes and resets it for the next question. Also the presenter
 * view of a poll or a form's first countable question, for a projector.
 */
export class FeedbackPoll implements ReactiveController {
  /** The organiser asked to reset: the confirmation is showing. */
  private confirmingReset = false;

  constructor(private readonly host: OsaFeedbackForm) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get t() {
    return this.host.t;
  }

  /** The poll's question: the form's first. */
  question(data: Data): Question | undefined {
    return data.config.form?.sections.flatMap((section) => section.questions)[0];
  }

  /** Whether the viewer may see the live bars. */
  private barsVisible(data: Data): boolean {
    return data.viewer.organiser || data.config.publicResults;
  }

  private summary(data: Data, question: Question): Summary {
    const host = this.host;
    return summarise(question, data.state.tally?.[question.name] ?? {}, (value) => host.text(value), this.t);
  }

  render(data: Data, title: string): TemplateResult {
    const host = this.host;
    const t = this.t;
    const question = this.question(data);
    // The own answer: the snapshot's, or the one sent from this page that waits offline.
    const [recorded] = host.mineThisRound;
    const own = recorded ?? (host.sent ? { id: '', answers: host.sent.answers, round: host.sent.round } : undefined);
    const answering = data.phase === 'open' && (!own || host.editing !== undefined);
    return html`<div class="poll" part="poll">
      <header class="top">
        <h2 id="form-title" tabindex="-1" class="poll-title">${title}</h2>
        <span class="phase-badge phase-${data.phase}">${t.phase[data.phase as keyof typeof t.phase] ?? data.phase}</span>
      </header>
      ${renderConnection(host.live, host.i18n.msg)} ${host.commands.render()}
      ${data.viewer.organiser ? this.renderControls(data) : nothing}
      ${!question
        ? html`<p class="help">${host.i18n.msg.common.empty}</p>`
        : html`
            ${data.phase === 'preparing' ? html`<p class="help">${t.poll.preparing}</p>` : nothing}
            ${answering
              ? html`<form class="answers" novalidate @submit=${(event: Event) => (event.preventDefault(), void host.submit())}>
                  ${host.renderQuestions({ sections: [{ id: 'poll', questions: [question] }] })}
                  <div class="send-row">
                    <button type="submit" class="primary" data-send aria-disabled=${host.answersLocked ? 'true' : 'false'}>${host.commands.busy ? t.sending : t.poll.send}</button>
                  </div>
                </form>`
              : data.phase !== 'preparing'
                ? html`${own ? this.renderOwn(question, own.answers[question.name]) : nothing}
                  ${data.phase === 'closed' ? html`<p class="help">${t.poll.closed}</p>` : nothing}
                  ${recorded && data.phase === 'open' && data.config.allowEdit ? html`<button type="button" data-edit @click=${() => host.edit(recorded)}>${t.editAnswer}</button>` : nothing}`
                : nothing}
            ${data.phase === 'preparing' || (answering && !data.viewer.organiser)
              ? nothing
              : this.renderLive(data, question, own?.answers[question.name], answering)}
          `}
    </div>`;
  }

  private renderOwn(question: Question, value: unknown): TemplateResult {
    const host = this.host;
    if (value === undefined) return html``;
    return html`<p class="own-answer" data-own tabindex="-1">
      <span class="muted">${this.t.poll.yourAnswer}:</span> <strong>${host.answerText(question, value as never)}</strong>
    </p>`;
  }

  private renderLive(data: Data, question: Question, own: unknown, answering: boolean): TemplateResult {
    const host = this.host;
    const t = this.t;
    const count = data.state.count ?? 0;
    if (!this.barsVisible(data)) return answering ? html`` : html`<p class="muted small">${t.poll.waiting}</p>`;
    if (question.type === 'text' || question.type === 'longText') return html`<p class="muted small" role="status">${t.poll.answers(count)}</p>`;
    const summary = this.summary(data, question);
    const ownValues = own === undefined ? [] : Array.isArray(own) ? (own as string[]) : [String(own)];
    return html`<div class="live-results" aria-labelledby="poll-results-title">
      <p class="muted small" id="poll-results-title" role="status">${t.poll.answers(count)}</p>
      ${renderBars({
        caption: t.results.table(host.text(question.title)),
        headers: [t.results.option, t.results.count, t.results.share],
        rows: summary.rows,
        own: ownValues,
        ownLabel: t.poll.yourAnswer,
        format: (value) => host.i18n.format.number(value),
        percent: (fraction) => host.i18n.format.percent(fraction),
      })}
    </div>`;
  }

  private renderControls(data: Data): TemplateResult {
    const host = this.host;
    const t = this.t.poll;
    const busy = host.commands.busy;
    const setPhase = (phase: string) => void host.commands.run('setPhase', { phase });
    return html`<div class="poll-controls" role="group" aria-label=${t.organiser}>
      ${data.phase === 'open'
        ? html`<button type="button" data-close aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && setPhase('closed')}>${t.close}</button>`
        : html`<button type="button" class="primary" data-open aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && setPhase('open')}>${t.open}</button>`}
      ${this.confirmingReset
        ? html`<div class="confirm" role="group" aria-labelledby="reset-confirm">
            <p id="reset-confirm">${t.resetConfirm}</p>
            <button type="button" class="primary" data-reset-confirm @click=${() => void this.reset()}>${t.reset}</button>
            <button type="button" data-reset-cancel @click=${() => this.cancelReset()}>${host.i18n.msg.common.cancel}</button>
          </div>`
        : html`<button type="button" data-reset aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.askReset()}>${t.reset}</button>`}
      <span class="muted small">${t.round(data.state.round ?? 1)}</span>
    </div>`;
  }

  private askReset(): void {
    this.confirmingReset = true;
    this.host.requestUpdate();
    this.host.focusLater('[data-reset-confirm]');
  }

  private cancelReset(): void {
    this.confirmingReset = false;
    this.host.requestUpdate();
    this.host.focusLater('[data-reset]');
  }

  private async reset(): Promise<void> {
    this.confirmingReset = false;
    const outcome = await this.host.commands.run('reset', {});
    if (outcome.status === 'done') {
      this.host.answerAgain();
      this.host.commands.say({ kind: 'success', text: this.t.poll.resetDone });
    }
    this.host.focusLater('[data-reset]');
  }

  /** The projector view: the question large, live bars, the count and the join block. */
  renderPresenter(data: Data, title: string): TemplateResult {
    const host = this.host;
    const t = this.t;
    const questions = data.config.form?.sections.flatMap((section) => section.questions) ?? [];
    const question = questions.find((candidate) => candidate.type !== 'text' && candidate.type !== 'longText') ?? questions[0];
    const count = data.state.count ?? 0;
    const summary = question ? this.summary(data, question) : undefined;
    return html`<div class="presenter" part="presenter">
      <header class="presenter-top">
        <div>
          <p class="presenter-event">${title}</p>
          <h2 id="form-title" class="presenter-question">${question ? host.text(question.title) : title}</h2>
        </div>
        <ul class="counters">
          <li><span class="count">${host.i18n.format.number(count)}</span> <span class="noun">${t.presenter.count(count)}</span></li>
        </ul>
      </header>
      ${renderConnection(host.live, host.i18n.msg)}
      <div class="presenter-body">
        <div class="presenter-results">
          ${!question || !summary
            ? html`<p>${host.i18n.msg.common.empty}</p>`
            : question.type === 'text' || question.type === 'longText'
              ? html`<p class="muted">${t.results.textHidden}</p>`
              : html`${summary.mean !== undefined
                    ? html`<p class="presenter-mean">${t.results.mean} <strong>${host.i18n.format.number(summary.mean, { maximumFractionDigits: 1 })}</strong></p>`
                    : nothing}
                  ${summary.nps ? html`<p class="presenter-mean">${t.results.nps} <strong>${host.i18n.format.number(summary.nps.score, { maximumFractionDigits: 0 })}</strong></p>` : nothing}
                  ${renderBars({
                    caption: t.results.table(host.text(question.title)),
                    headers: [t.results.option, t.results.count, t.results.share],
                    rows: summary.rows,
                    format: (value) => host.i18n.format.number(value),
                    percent: (fraction) => host.i18n.format.percent(fraction),
                  })}`}
        </div>
        <aside class="presenter-join" aria-label=${t.presenter.join}>
          <p class="join-title">${t.presenter.join}</p>
          <osa-join-code url=${joinLink(host.joinUrl)}></osa-join-code>
        </aside>
      </div>
    </div>`;
  }
}
