import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { tokens } from '../../theme/tokens.js';
import { chartStyles } from './chart.styles.js';
import type * as BarChartModule from './bar-chart.js';

/** The chart module with Chart.js, loaded by the first chart that has rows and shared by all. */
let barChartModule: Promise<typeof BarChartModule> | undefined;

/** One bar of an `osa-chart`. */
export interface ChartRow {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart for presenter views: one bar per row, its value written at the bar's
 * end. Chart.js is loaded on demand, the first time the element has rows to show, so pages
 * without a chart never fetch it. Screen readers get the same numbers from a visually hidden table.
 *
 * Assign a new `rows` array to update the chart: the bars move to their new values in the same
 * chart. Colours, font and font size follow the global tokens and are read again at each update.
 *
 * @summary A horizontal bar chart that loads Chart.js only when it has something to draw.
 * @tagname osa-chart
 *
 * @csspart chart - The box the chart is drawn in.
 *
 * @cssproperty --osa-chart-height - Height of the chart. Defaults to 320px.
 * @cssproperty --osa-chart-bar-color - Colour of the bars. Defaults to `--osa-color-accent`.
 * @cssproperty --osa-chart-text-color - Colour of the labels and values. Defaults to `--osa-color-text`.
 * @cssproperty --osa-chart-grid-color - Colour of the value grid lines. Defaults to a light shade of `--osa-color-border`.
 */
export class OsaChart extends OsaElement {
  static override styles = [tokens, chartStyles];

  /** The bars, top to bottom. Assign a new array to update the chart. */
  @property({ attribute: false }) rows: ChartRow[] = [];

  /** End of the value axis; the axis grows past it when a value is larger. */
  @property({ type: Number }) max = 100;

  /** What the chart shows, for screen readers ("Scores of the top ideas"). Always give one. */
  @property() label = '';

  private chart?: BarChartModule.BarChart;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: the chart destroyed on disconnect is drawn again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.draw();
  }

  private async draw(): Promise<void> {
    const canvas = this.renderRoot.querySelector('canvas');
    if (this.chart && this.chart.canvas !== canvas) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (!canvas || !this.isConnected) return;
    const chart = this.chart ?? (await this.createChart());
    chart?.update(this.rows, { max: this.max, format: (value) => this.i18n.format.number(value) });
  }

  /** Loads Chart.js, then creates the chart on the canvas the element has by then. */
  private async createChart(): Promise<BarChartModule.BarChart | undefined> {
    let module: typeof BarChartModule;
    try {
      module = await (barChartModule ??= import('./bar-chart.js'));
    } catch (error) {
      barChartModule = undefined;
      // The hidden table still carries the numbers; the next update tries again.
      console.warn('osallistu: the chart could not be loaded', error);
      return undefined;
    }
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || !this.isConnected) return undefined;
    // Several updates may have waited for the same load: only the first creates the chart.
    if (this.chart?.canvas !== canvas) {
      this.chart?.destroy();
      this.chart = module.createBarChart(canvas);
    }
    return this.chart;
  }

  override render(): TemplateResult {
    const rows = this.rows ?? [];
    if (rows.length === 0) {
      return html`<p class="visually-hidden">${this.label ? `${this.label}: ` : ''}${this.i18n.msg.common.empty}</p>`;
    }
    const t = this.i18n.msg.kit.chart;
    const format = this.i18n.format;
    return html`<div class="chart" part="chart">
        <canvas
          role=${this.label ? 'img' : nothing}
          aria-label=${this.label || nothing}
          aria-hidden=${this.label ? nothing : 'true'}
        ></canvas>
      </div>
      <!-- A table sizes to its content whatever its width: the 1 px box is a div around it. -->
      <div class="visually-hidden">
      <table>
        ${this.label ? html`<caption>${this.label}</caption>` : nothing}
        <thead>
          <tr>
            <th scope="col">${t.item}</th>
            <th scope="col">${t.value}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${format.number(row.value)}</td></tr>`)}
        </tbody>
      </table>
      </div>`;
  }
}
