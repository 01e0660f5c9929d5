/**
 * The results of each kind of activity as report sections: accessible HTML (headings, tables with
 * captions) built from the organiser's snapshot with the core's own functions — the board's
 * ranking, the feedback statistics, the cloud's terms — so the report says what the elements and
 * the exports say.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ActivitySnapshot } from '../../adapters/types.js';
import { localizedText } from '../../core/activity.js';
import { boardResults, visibleIdeas, type BoardConfig, type BoardState } from '../../core/board/board.view.js';
import { cloudTerms, type CloudConfig, type CloudState } from '../../core/cloud/cloud.view.js';
import { allQuestions, type FeedbackConfig, type FeedbackState, type Question } from '../../core/feedback/feedback.view.js';
import { questionStatistics, statisticsFromAnswers, type QuestionStatistics } from '../../core/feedback/statistics.js';
import type { WorkshopsConfig, WorkshopsState } from '../../core/workshops/workshops.view.js';
import { isCancelled } from '../../core/workshops/workshops.view.js';
import type { Language } from '../../core/protocol.js';
import type { Formatters } from '../../i18n/format.js';
import type { EventReportTranslation } from '../../i18n/event-report/en.js';

/** Ranked ideas listed per question. */
export const TOP_IDEAS = 10;
/** Terms listed per cloud. */
export const TOP_TERMS = 30;

export interface ReportContext {
  t: EventReportTranslation;
  language: Language;
  format: Formatters;
  /** Whether participants' written answers are shown. */
  includeText: boolean;
  /** Prefix of ids in the section (unique in the report). */
  id: string;
}

/** A score as the report and the board's export give it: one decimal. */
export const scoreText = (value: number, format: Formatters): string => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A mean, median or average rank: at most one decimal, as the feedback form's results show them. */
export const figureText = (value: number, format: Formatters): string => format.number(value, { maximumFractionDigits: 1 });

/**
 * A table with more columns than a phone's width holds: it scrolls sideways in a region that takes
 * focus (so that a keyboard can scroll it) and is named by the table's caption.
 */
const wide = (captionId: string, table: TemplateResult): TemplateResult =>
  html`<div class="wide" role="region" tabindex="0" aria-labelledby=${captionId}>${table}</div>`;

function board(snapshot: ActivitySnapshot<BoardState, BoardConfig>, c: ReportContext): TemplateResult {
  const { state, config } = snapshot;
  const t = c.t.board;
  return html`<p>${t.summary(visibleIdeas(state).length, state.votes, state.participantCount)}</p>
    <p class="muted">${config.mode === 'duel' ? t.scoreDuel : t.scoreUpvote}</p>
    ${config.questions.map((question) => {
      const rows = boardResults(state, config, question.id);
      const ranked = rows.filter((row) => row.ranked);
      const top = ranked.slice(0, TOP_IDEAS);
      const title = localizedText(question.title, c.language);
      if (top.length === 0) return html`<p data-board-question=${question.id}>${title}: ${t.none}</p>`;
      const captionId = `${c.id}-${question.id}-caption`;
      return html`${wide(
          captionId,
          html`<table data-board-question=${question.id}>
          <caption id=${captionId}>${t.caption(title, top.length, ranked.length)}</caption>
          <thead>
            <tr>
              <th scope="col">${t.position}</th>
              <th scope="col">${t.idea}</th>
              <th scope="col" class="number">${t.score}</th>
              <th scope="col" class="number">${t.band}</th>
              <th scope="col" class="number">${config.mode === 'duel' ? t.appearancesDuel : t.appearancesUpvote}</th>
            </tr>
          </thead>
          <tbody>
            ${top.map(
              (row, index) => html`<tr>
                <td class="number">${c.format.number(index + 1)}</td>
                <th scope="row">${row.text}</th>
                <td class="number">${scoreText(row.score, c.format)}</td>
                <td class="number">${scoreText(row.lower, c.format)}–${scoreText(row.upper, c.format)}</td>
                <td class="number">${c.format.number(config.mode === 'duel' ? row.appearances : row.wins)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
        )}
        ${rows.length > ranked.length ? html`<p class="muted">${t.unranked(rows.length - ranked.length)}</p>` : nothing}`;
    })}`;
}

function workshops(snapshot: ActivitySnapshot<WorkshopsState, WorkshopsConfig>, c: ReportContext): TemplateResult {
  const { state, config } = snapshot;
  const t = c.t.workshops;
  const count = (id: string) => state.counts[id] ?? { held: 0, waiting: 0 };
  const total = (pick: (id: string, capacity: number) => number) => config.workshops.reduce((sum, workshop) => sum + pick(workshop.id, workshop.capacity), 0);
  const slots = new Map(config.slots.map((slot) => [slot.id, localizedText(slot.title, c.language) || slot.id]));
  return html`<p>${t.summary(total((id) => count(id).held), total((_, capacity) => capacity), total((id) => count(id).waiting))}</p>
    ${config.mode === 'ranked'
      ? html`<p>${t.ranked(state.rankedCount)}
          ${state.publishedAt !== undefined ? t.published(c.format.date(state.publishedAt, { dateStyle: 'long', timeStyle: 'short' })) : t.notPublished}</p>`
      : nothing}
    ${wide(
      `${c.id}-caption`,
      html`<table data-workshops>
      <caption id="${c.id}-caption">${t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t.workshop}</th>
          <th scope="col">${t.slot}</th>
          <th scope="col" class="number">${t.capacity}</th>
          <th scope="col" class="number">${t.taken}</th>
          <th scope="col" class="number">${t.waiting}</th>
        </tr>
      </thead>
      <tbody>
        ${config.workshops.map(
          (workshop) => html`<tr data-workshop=${workshop.id}>
            <th scope="row">${localizedText(workshop.title, c.language)}${isCancelled(state, workshop.id) ? ` (${t.cancelled})` : ''}</th>
            <td>${slots.get(workshop.slot) ?? workshop.slot}</td>
            <td class="number">${c.format.number(workshop.capacity)}</td>
            <td class="number">${c.format.number(count(workshop.id).held)}</td>
            <td class="number">${c.format.number(count(workshop.id).waiting)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`,
    )}`;
}

function shareRows(rows: Array<{ label: string; count: number; share: number }>, c: ReportContext, caption: string, first: string): TemplateResult {
  return html`<table>
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">${first}</th>
        <th scope="col" class="number">${c.t.count}</th>
        <th scope="col" class="number">${c.t.share}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr>
          <th scope="row">${row.label}</th>
          <td class="number">${c.format.number(row.count)}</td>
          <td class="number">${c.format.percent(row.share)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function question(question: Question, statistics: QuestionStatistics, c: ReportContext, index: number): TemplateResult {
  const t = c.t.feedback;
  const title = localizedText(question.title, c.language) || question.name;
  const id = `${c.id}-q${index}`;
  const choiceLabel = (value: string) => localizedText(question.choices?.find((choice) => choice.value === value)?.label, c.language) || value;
  let body: TemplateResult | typeof nothing = nothing;
  switch (statistics.type) {
    case 'scale':
    case 'nps': {
      const figures: Array<[string, string]> = [];
      if (statistics.type === 'nps' && 'score' in statistics && statistics.score !== null) {
        figures.push([t.nps, c.format.number(statistics.score, { maximumFractionDigits: 0, signDisplay: 'exceptZero' })]);
        figures.push([t.promoters, c.format.number(statistics.promoters.count)]);
        figures.push([t.passives, c.format.number(statistics.passives.count)]);
        figures.push([t.detractors, c.format.number(statistics.detractors.count)]);
      }
      if (statistics.mean !== null) figures.push([t.mean, figureText(statistics.mean, c.format)]);
      if (statistics.median !== null) figures.push([t.median, figureText(statistics.median, c.format)]);
      body = html`${figures.length > 0
          ? html`<dl class="figures" aria-label=${t.figures(title)}>
              ${figures.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
            </dl>`
          : nothing}
        ${shareRows(
          statistics.distribution.map((point) => ({ label: c.format.number(point.value), count: point.count, share: point.share })),
          c,
          t.distribution(title),
          t.value,
        )}`;
      break;
    }
    case 'single':
    case 'multiple':
      body = shareRows(
        statistics.choices.map((choice) => ({ label: choiceLabel(choice.value), count: choice.count, share: choice.share })),
        c,
        t.distribution(title),
        t.option,
      );
      break;
    case 'ranking':
      body = html`<table>
        <caption>${t.distribution(title)}</caption>
        <thead>
          <tr>
            <th scope="col">${t.option}</th>
            <th scope="col" class="number">${t.averageRank}</th>
          </tr>
        </thead>
        <tbody>
          ${statistics.choices.map(
            (choice) => html`<tr>
              <th scope="row">${choiceLabel(choice.value)}</th>
              <td class="number">${choice.averageRank === null ? '–' : figureText(choice.averageRank, c.format)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
      break;
    case 'text':
    case 'longText':
      body =
        c.includeText && statistics.answers.length > 0
          ? html`<ul class="answers" aria-label=${t.textAnswers(title)} data-text-answers>
              ${statistics.answers.map((answer) => html`<li>${answer}</li>`)}
            </ul>`
          : html`<p class="muted">${t.textLeftOut(c.includeText ? 0 : statistics.answers.length)}</p>`;
      break;
  }
  return html`<section class="question" aria-labelledby=${id} data-question=${question.name}>
    <h4 id=${id}>${title}</h4>
    <p class="muted small">
      ${t.answered(statistics.n)}${statistics.notApplicable > 0 ? html` · ${t.notApplicable(statistics.notApplicable)}` : nothing}
    </p>
    ${body}
  </section>`;
}

function feedback(snapshot: ActivitySnapshot<FeedbackState, FeedbackConfig>, c: ReportContext): TemplateResult {
  const { state, config } = snapshot;
  // The counts are the current round's, as the form's own results show them; written answers are never tallied, so they come from the responses.
  const responses = Object.values(state.responses)
    .filter((response) => response.round === state.round)
    .sort((a, b) => a.at - b.at)
    .map((response) => response.answers);
  return html`<p>${c.t.feedback.responses(state.count)}</p>
    ${allQuestions(config.form).map((item, index) =>
      question(item, item.type === 'text' || item.type === 'longText' ? statisticsFromAnswers(item, responses) : questionStatistics(item, state.tally), c, index),
    )}`;
}

function cloud(snapshot: ActivitySnapshot<CloudState, CloudConfig>, c: ReportContext): TemplateResult {
  const { state } = snapshot;
  const t = c.t.cloud;
  const terms = cloudTerms(state);
  const top = terms.slice(0, TOP_TERMS);
  if (top.length === 0) return html`<p>${t.none}</p>`;
  const heaviest = top[0].count;
  return html`<p>${t.summary(state.answerCount, state.participantCount)}</p>
    <p class="cloud-picture" aria-hidden="true">
      ${top.map((term) => html`<span style=${styleMap({ fontSize: `${(0.9 + (1.6 * term.count) / heaviest).toFixed(2)}em` })}>${term.display}</span> `)}
    </p>
    <table data-terms>
      <caption>${t.caption(top.length, terms.length)}</caption>
      <thead>
        <tr>
          <th scope="col">${t.term}</th>
          <th scope="col" class="number">${c.t.count}</th>
        </tr>
      </thead>
      <tbody>
        ${top.map(
          (term) => html`<tr>
            <th scope="row">${term.display}</th>
            <td class="number">${c.format.number(term.count)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
}

/** An activity's results, by its kind; undefined for a kind the report does not know. */
export function renderResults(snapshot: ActivitySnapshot, c: ReportContext): TemplateResult | undefined {
  switch (snapshot.kind) {
    case 'board':
      return board(snapshot as ActivitySnapshot<BoardState, BoardConfig>, c);
    case 'workshops':
      return workshops(snapshot as ActivitySnapshot<WorkshopsState, WorkshopsConfig>, c);
    case 'feedback':
      return feedback(snapshot as ActivitySnapshot<FeedbackState, FeedbackConfig>, c);
    case 'cloud':
      return cloud(snapshot as ActivitySnapshot<CloudState, CloudConfig>, c);
    default:
      return undefined;
  }
}
