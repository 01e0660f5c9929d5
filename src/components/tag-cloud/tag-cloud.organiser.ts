import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { answersOfTerm, CLOUD_PHASES, cloudTerms, type CloudData, type ShownTerm } from '../../core/cloud/cloud.view.js';
import { downloadExport } from '../../kit/download.js';
import { downloadCloudImage } from './cloud-image.js';
import type { OsaTagCloud } from './tag-cloud.component.js';

/**
 * The organiser's tools for a cloud: phases, the terms with counts (flagged ones marked for
 * review), merge, split and hide, the answers behind a term, and exports. It keeps only what
 * belongs to the screen: the terms ticked for a merge and the one to keep.
 */
export class CloudOrganiser implements ReactiveController {
  private chosen = new Set<string>();
  private into: string | undefined;

  constructor(private readonly host: OsaTagCloud) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get t() {
    return this.host.t.organiser;
  }

  private toggle(key: string, on: boolean): void {
    if (on) this.chosen.add(key);
    else this.chosen.delete(key);
    if (this.into && !this.chosen.has(this.into)) this.into = undefined;
    this.host.requestUpdate();
  }

  private async merge(terms: ShownTerm[]): Promise<void> {
    const chosen = terms.filter((term) => this.chosen.has(term.key));
    const into = chosen.find((term) => term.key === this.into) ?? chosen[0];
    if (!into || chosen.length < 2) return;
    const outcome = await this.host.commands.run('merge', { terms: chosen.filter((term) => term !== into).map((term) => term.key), into: into.key }, { success: this.t.merged_(into.display) });
    if (outcome.status === 'done') {
      this.chosen.clear();
      this.into = undefined;
      this.host.announce(this.t.merged_(into.display));
    }
    this.host.requestUpdate();
  }

  private async split(term: ShownTerm): Promise<void> {
    await this.host.commands.run('split', { term: term.key }, { success: this.t.splitDone });
  }

  private async hide(term: ShownTerm): Promise<void> {
    const hidden = !term.hidden;
    await this.host.commands.run('hide', { term: term.key, hidden }, { success: hidden ? this.t.hiddenDone(term.display) : this.t.shownDone(term.display) });
  }

  private download(format: 'json' | 'csv', table = 'terms'): Promise<boolean> {
    return this.host.commands.act(async () =>
      downloadExport(await this.host.live.exportActivity(), format, table, this.host.i18n.language, { labels: this.host.t.export }),
    );
  }

  private async image(format: 'svg' | 'png'): Promise<void> {
    const svg = this.host.renderRoot.querySelector<SVGSVGElement>('.stage svg');
    if (svg) await downloadCloudImage(svg, format, `${this.host.live.eventId ?? 'cloud'}-${this.host.activity}`);
  }

  render(data: CloudData): TemplateResult {
    // Terms flagged for review first, then heaviest first.
    const terms = cloudTerms(data.state, { includeHidden: true }).sort((a, b) => Number(b.flagged) - Number(a.flagged));
    const flagged = terms.filter((term) => term.flagged).length;
    return html`<div class="organiser" part="organiser">
      ${this.renderPhases(data)}
      ${this.host.renderCloud(this.host.entries(data))}
      ${flagged > 0 ? html`<p class="message warning" role="status">${this.t.flaggedCount(flagged)}. ${this.t.flaggedHelp}</p>` : nothing}
      ${this.renderTerms(terms)} ${this.renderAnswers(data, terms)} ${this.renderExports()}
    </div>`;
  }

  private renderPhases(data: CloudData): TemplateResult {
    const names = this.host.t.phase;
    return html`<div class="phases" role="group" aria-label=${this.t.phase}>
      ${CLOUD_PHASES.map(
        (phase) =>
          html`<button type="button" data-phase=${phase} aria-pressed=${data.phase === phase ? 'true' : 'false'} ?disabled=${this.host.commands.busy} @click=${() => data.phase !== phase && this.host.commands.run('setPhase', { phase })}>
            ${names[phase]}
          </button>`,
      )}
    </div>
    <label class="check">
      <input
        type="checkbox"
        aria-describedby="show-cloud-help"
        .checked=${data.config.showCloud}
        ?disabled=${this.host.commands.busy}
        @change=${(event: Event) => this.host.commands.run('configure', { config: { ...data.config, showCloud: (event.target as HTMLInputElement).checked } })}
      />
      ${this.t.showCloud}
    </label>
    <p id="show-cloud-help" class="muted small">${this.t.showCloudHelp}</p>`;
  }

  private renderTerms(terms: ShownTerm[]): TemplateResult {
    const count = this.host.i18n.msg.common.count;
    const chosen = terms.filter((term) => this.chosen.has(term.key));
    const displayOf = new Map(terms.map((term) => [term.key, term.display]));
    return html`<section class="org-terms" aria-labelledby="org-terms-title">
      <h3 id="org-terms-title">${this.t.terms} (${count(terms.length)})</h3>
      <p class="muted small">${this.t.mergeHelp}</p>
      <div class="row merge-bar">
        <label for="merge-into">${this.t.mergeInto}</label>
        <select id="merge-into" ?disabled=${chosen.length < 2} @change=${(event: Event) => (this.into = (event.target as HTMLSelectElement).value)}>
          ${chosen.map((term) => html`<option value=${term.key} ?selected=${term.key === this.into}>${term.display}</option>`)}
        </select>
        <button type="button" ?disabled=${chosen.length < 2 || this.host.commands.busy} @click=${() => this.merge(terms)}>${this.t.merge}</button>
      </div>
      <table class="org-table">
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${this.t.merge}</span></th>
            <th scope="col">${this.host.t.term}</th>
            <th scope="col" class="num">${this.host.t.count}</th>
            <th scope="col"><span class="visually-hidden">${this.t.title}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            terms,
            (term) => term.key,
            (term) => html`<tr class="${term.hidden ? 'is-hidden' : ''} ${term.key === this.host.selected ? 'selected' : ''}">
              <td><input type="checkbox" aria-label=${this.t.select(term.display)} .checked=${this.chosen.has(term.key)} @change=${(event: Event) => this.toggle(term.key, (event.target as HTMLInputElement).checked)} /></td>
              <th scope="row">
                <button type="button" class="link" aria-expanded=${term.key === this.host.selected ? 'true' : 'false'} @click=${() => this.host.select({ key: term.key, display: term.display, count: term.count })}>${term.display}</button>
                ${term.flagged ? html`<span class="badge warning" title=${this.t.flaggedHelp}>${this.t.flagged}</span>` : nothing}
                ${term.hidden ? html`<span class="badge">${this.t.hidden}</span>` : nothing}
                ${term.merged.length > 0 ? html`<div class="muted small">${this.t.merged(this.host.i18n.msg.common.list(term.merged.map((key) => displayOf.get(key) ?? key)))}</div>` : nothing}
              </th>
              <td class="num">${count(term.count)}</td>
              <td class="actions">
                <button type="button" ?disabled=${this.host.commands.busy} @click=${() => this.hide(term)}>${term.hidden ? this.t.unhide : this.t.hide}</button>
                ${term.merged.length > 0 ? html`<button type="button" ?disabled=${this.host.commands.busy} @click=${() => this.split(term)}>${this.t.split}</button>` : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderAnswers(data: CloudData, terms: ShownTerm[]): TemplateResult | typeof nothing {
    const term = terms.find((entry) => entry.key === this.host.selected);
    if (!term) return nothing;
    const answers = answersOfTerm(data.state, term.key);
    return html`<section class="org-answers" aria-labelledby="org-answers-title">
      <h3 id="org-answers-title">${this.t.answersOf(term.display)}</h3>
      ${answers.length === 0 ? html`<p class="muted">${this.t.noAnswers}</p>` : html`<ul>${answers.map((answer) => html`<li>${answer.text}</li>`)}</ul>`}
    </section>`;
  }

  private renderExports(): TemplateResult {
    const t = this.t;
    return html`<fieldset class="org-export">
      <legend>${t.export}</legend>
      <div class="row">
        ${(['terms', 'answers'] as const).map((table) => html`<button type="button" @click=${() => this.download('csv', table)}>${t.exportCsv(t.tables[table])}</button>`)}
        <button type="button" @click=${() => this.download('json')}>${t.exportJson}</button>
        <button type="button" @click=${() => this.image('svg')}>${t.exportSvg}</button>
        <button type="button" @click=${() => this.image('png')}>${t.exportPng}</button>
      </div>
    </fieldset>`;
  }
}
