import { css } from 'lit';

export const chartStyles = css`
  :host {
    /* Read by the chart through a probe element: canvas cannot resolve var() or light-dark() itself. */
    --_chart-bar: var(--osa-chart-bar-color, var(--_accent));
    --_chart-text: var(--osa-chart-text-color, var(--_text));
    --_chart-muted: var(--_text-muted);
    --_chart-grid: var(--osa-chart-grid-color, color-mix(in srgb, var(--_border) 35%, transparent));
  }

  .chart {
    position: relative;
    inline-size: 100%;
    min-inline-size: 0;
    block-size: var(--osa-chart-height, 320px);
  }

  canvas {
    display: block;
  }
`;
