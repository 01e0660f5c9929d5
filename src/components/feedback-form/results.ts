import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ActivitySnapshot } from '../../adapters/types.js';
import { allQuestions, isCountable, responseLabels, type FeedbackConfig, type FeedbackState, type Question } from '../../core/feedback/feedback.view.js';
import { comparisonKey } from '../../core/text.js';
import { downloadExport } from '../../kit/download.js';
import { renderConnection } from '../../kit/activity-view.js';
import type { CsvLabels } from '../../core/csv.js';
import { renderBars } from './bars.js';
import { summarise, type Summary } from './rules.js';
import { statisticsFromAnswers } from '../../core/feedback/statistics.js';
import type { OsaFeedbackForm } from './feedback-form.component.js';

type Data = ActivitySnapshot<FeedbackState, FeedbackConfig>;

/** Written answers shown at once; the rest behind the search. */
const TEXT_PAGE = 50;

/**
 * The results: per question the distribution, mean and median of scales, NPS with promoters,
 * passives and detractors, counts of choices, the average rank of ranking options; live as
 * responses arrive. Participants (when the organiser makes results public) get accessible HTML
 * bars with their table; the organiser also gets charts (`<osa-chart>`, loaded on demand), the
 * written answers with a search box, and the export as CSV or JSON.
 */
export class FeedbackResults implements ReactiveController {
  /** The search of the written answers, per question. */
  private searches: Record<string, string> = {};
  private chartLoaded = false;

  constructor(private readonly host: OsaFeedbackForm) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get t() {
    return this.host.t;
  }

  render(data: Data, title: string): TemplateResult {
    const host = this.host;
    const t = this.t.results;
    const organiser = data.viewer.organiser;
    const header = html`<header class="top">
      <h2 id="form-title" tabindex="-1">${title} – ${t.title}</h2>
      <span class="phase-badge phase-${data.phase}">${this.t.phase[data.phase as keyof typeof this.t.phase] ?? data.phase}</span>
    </header>`;
    if (!organiser && !data.config.publicResults) {
      return html`${header}${renderConnection(host.live, host.i18n.msg)}<p class="message warning">${t.keyNeeded}</p>`;
    }
    if (organiser && !this.chartLoaded) {
      // The organiser's dashboard draws charts: Chart.js comes with the chart element, only now.
      this.chartLoaded = true;
      void import('../chart/chart.js');
    }
    const questions = data.config.form ? allQuestions(data.config.form) : [];
    const count = data.state.count ?? 0;
    return html`<div class="results" part="results">
      ${header} ${renderConnection(host.live, host.i18n.msg)} ${host.commands.render()}
      <p class="responses" role="status">${t.responses(count)}${(data.state.round ?? 1) > 1 ? html` · ${this.t.poll.round(data.state.round)}` : nothing}</p>
      ${organiser ? this.renderExport() : nothing}
      ${questions.map((question, index) => this.renderQuestion(data, question, index, organiser))}
    </div>`;
  }

  private renderQuestion(data: Data, question: Question, index: number, organiser: boolean): TemplateResult {
    const host = this.host;
    const t = this.t.results;
    const title = host.text(question.title);
    const id = `result-${index}`;
    if (!isCountable(question.type)) {
      return html`<section class="result" aria-labelledby=${id} data-result=${question.name}>
        <h3 id=${id}>${title}</h3>
        ${organiser ? this.renderTexts(data, question) : html`<p class="muted">${t.textHidden}</p>`}
      </section>`;
    }
    const summary = summarise(question, data.state.tally?.[question.name] ?? {}, (value) => host.text(value), this.t);
    return html`<section class="result" aria-labelledby=${id} data-result=${question.name}>
      <h3 id=${id}>${title}</h3>
      <p class="muted small">${t.answered(summary.n)}${summary.na > 0 ? html` · ${t.notApplicable}: ${host.i18n.format.number(summary.na)}` : nothing}</p>
      ${this.renderFigures(summary)}
      ${question.type === 'ranking' ? this.renderRanks(summary, title) : this.renderDistribution(summary, title, organiser)}
    </section>`;
  }

  /** Mean and median of a scale; NPS with its groups. */
  private renderFigures(summary: Summary): TemplateResult | typeof nothing {
    const host = this.host;
    const t = this.t.results;
    const number = (value: number) => host.i18n.format.number(value, { maximumFractionDigits: 1 });
    const figures: Array<[string, string]> = [];
    if (summary.nps) {
      figures.push([t.nps, host.i18n.format.number(summary.nps.score, { maximumFractionDigits: 0, signDisplay: 'exceptZero' })]);
      figures.push([t.promoters, host.i18n.format.number(summary.nps.promoters)]);
      figures.push([t.passives, host.i18n.format.number(summary.nps.passives)]);
      figures.push([t.detractors, host.i18n.format.number(summary.nps.detractors)]);
    }
    if (summary.mean !== undefined) figures.push([t.mean, number(summary.mean)]);
    if (summary.median !== undefined) figures.push([t.median, number(summary.median)]);
    if (figures.length === 0) return nothing;
    return html`<dl class="figures">
      ${figures.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  private renderDistribution(summary: Summary, title: string, organiser: boolean): TemplateResult {
    const host = this.host;
    const t = this.t.results;
    const bars = renderBars({
      caption: t.table(title),
      headers: [t.option, t.count, t.share],
      rows: summary.rows,
      format: (value) => host.i18n.format.number(value),
      percent: (fraction) => host.i18n.format.percent(fraction),
    });
    if (!organiser) return bars;
    const max = Math.max(1, ...summary.rows.map((row) => row.count));
    return html`<div class="dashboard">
      <osa-chart class="chart" style=${styleMap({ '--osa-chart-height': `${Math.max(160, summary.rows.length * 28 + 56)}px` })} label=${t.chart(title)} .max=${max} .rows=${summary.rows.map((row) => ({ label: row.label, value: row.count }))}></osa-chart>
      ${bars}
    </div>`;
  }

  private renderRanks(summary: Summary, title: string): TemplateResult {
    const host = this.host;
    const t = this.t.results;
    const ranks = summary.ranks ?? [];
    return html`<table class="ranks">
      <caption class="visually-hidden">${t.table(title)}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">${t.option}</th>
          <th scope="col">${t.averageRank}</th>
        </tr>
      </thead>
      <tbody>
        ${ranks.map(
          (rank, index) => html`<tr data-value=${rank.value}>
            <td>${host.i18n.format.number(index + 1)}</td>
            <th scope="row">${rank.label}</th>
            <td>${rank.average === undefined ? '–' : host.i18n.format.number(rank.average, { minimumFractionDigits: 1, maximumFractionDigits: 2 })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** The written answers of a question (organiser only), newest first, with a search box. */
  private renderTexts(data: Data, question: Question): TemplateResult {
    const t = this.t.results;
    const newestFirst = Object.values(data.state.responses ?? {})
      .sort((a, b) => (b.updatedAt ?? b.at) - (a.updatedAt ?? a.at))
      .map((response) => response.answers);
    const statistics = statisticsFromAnswers(question, newestFirst);
    const answers = statistics.type === 'text' || statistics.type === 'longText' ? statistics.answers : [];
    if (answers.length === 0) return html`<p class="muted">${t.noText}</p>`;
    const search = this.searches[question.name] ?? '';
    const key = comparisonKey(search);
    const matching = key ? answers.filter((answer) => comparisonKey(answer).includes(key)) : answers;
    const searchId = `search-${question.name}`;
    return html`<div class="texts">
      <label for=${searchId}>${t.search}</label>
      <input type="search" id=${searchId} .value=${search} @input=${(event: Event) => this.search(question.name, (event.target as HTMLInputElement).value)} />
      <p class="small muted" role="status">${key ? t.matches(matching.length) : t.answered(answers.length)}</p>
      <ul class="text-answers">
        ${matching.slice(0, key ? matching.length : TEXT_PAGE).map((answer) => html`<li>${answer}</li>`)}
      </ul>
    </div>`;
  }

  private search(question: string, text: string): void {
    this.searches = { ...this.searches, [question]: text };
    this.host.requestUpdate();
  }

  private renderExport(): TemplateResult {
    const t = this.t.results;
    const busy = this.host.commands.busy;
    return html`<div class="row export" role="group" aria-label=${t.export}>
      <button type="button" data-export="csv" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && void this.download('csv')}>${t.exportCsv}</button>
      <button type="button" data-export="json" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && void this.download('json')}>${t.exportJson}</button>
    </div>`;
  }

  /** The export's words in the reader's language (as in the server's `lang=` export). */
  exportLabels(): CsvLabels {
    return responseLabels(this.t.export, this.host.config?.form, this.host.i18n.language);
  }

  private async download(format: 'csv' | 'json'): Promise<void> {
    const host = this.host;
    await host.commands.act(async () => {
      const data = await host.live.exportActivity();
      downloadExport(data, format, 'responses', host.i18n.language, { labels: this.exportLabels() });
    });
  }
}
