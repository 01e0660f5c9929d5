import { defineElement } from '../../base/define.js';
import { OsaChart } from './chart.component.js';

export { OsaChart };
export type { ChartRow } from './chart.component.js';

defineElement('osa-chart', OsaChart);

declare global {
  interface HTMLElementTagNameMap {
    'osa-chart': OsaChart;
  }
}
