/**
 * Results as accessible HTML: a real table whose row headers carry the bars (the label above its
 * bar, the count and share beside), so a screen reader reads the numbers row by row and a sighted
 * reader sees the bars; it fits a 320 px column. No script to load.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SummaryRow } from './rules.js';

export interface BarsOptions {
  caption: string;
  /** Column titles: option, count, share. */
  headers: [string, string, string];
  rows: SummaryRow[];
  /** The value to mark as the viewer's own answer. */
  own?: readonly string[];
  ownLabel?: string;
  format: (value: number) => string;
  percent: (fraction: number) => string;
  /** The caption is shown (else visually hidden). */
  showCaption?: boolean;
}

export function renderBars(options: BarsOptions): TemplateResult {
  const { rows } = options;
  const most = Math.max(1, ...rows.map((row) => row.count));
  return html`<table class="bars">
    <caption class=${options.showCaption ? 'caption' : 'visually-hidden'}>${options.caption}</caption>
    <thead class="visually-hidden">
      <tr>
        <th scope="col">${options.headers[0]}</th>
        <th scope="col">${options.headers[1]}</th>
        <th scope="col">${options.headers[2]}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map((row) => {
        const own = options.own?.includes(row.value) ?? false;
        const width = Math.round((row.count / most) * 1000) / 10;
        return html`<tr class=${own ? 'own' : ''} data-value=${row.value}>
          <th scope="row">
            <span class="bar-label">${row.label}</span>${own && options.ownLabel ? html` <span class="own-mark">(${options.ownLabel})</span>` : nothing}
            <svg class="meter" aria-hidden="true" focusable="false"><rect class="track" width="100%" height="100%" rx="3"></rect><rect class="bar" width=${`${width}%`} height="100%" rx="3"></rect></svg>
          </th>
          <td class="bar-count">${options.format(row.count)}</td>
          <td class="bar-share">${options.percent(row.share)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
