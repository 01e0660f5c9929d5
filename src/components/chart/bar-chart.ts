import { BarController, BarElement, CategoryScale, Chart, LinearScale, type Plugin } from 'chart.js';
import type { ChartRow } from './chart.component.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface BarChartOptions {
  /** End of the value axis; the axis grows past it when a value is larger. */
  max: number;
  /** Formats values on the axis and at the bar ends in the element's language. */
  format: (value: number) => string;
}

export interface BarChart {
  readonly canvas: HTMLCanvasElement;
  update(rows: readonly ChartRow[], options: BarChartOptions): void;
  destroy(): void;
}

/** `text` cut to `width` characters, ending in an ellipsis when it was longer. */
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1).trimEnd()}…` : text);

/** A label broken at spaces into at most `maxLines` lines of `width` characters; the last line ends in an ellipsis when text is left over. */
function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  const shown = lines.slice(0, maxLines);
  shown[shown.length - 1] = lines.slice(shown.length - 1).join(' ');
  return shown.map((entry) => cut(entry, width));
}

/**
 * A horizontal bar chart of labelled values, drawn with Chart.js (bar parts only). The element
 * loads this module on demand, so Chart.js is fetched only where a chart is shown. Colours and
 * the font come from the element's tokens and are read again at every update, so a change of
 * colour scheme or theme shows at the next data change.
 */
export function createBarChart(canvas: HTMLCanvasElement): BarChart {
  const probe = document.createElement('span');
  probe.hidden = true;
  canvas.after(probe);
  const resolve = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  let theme = readTheme();
  let format: BarChartOptions['format'] = String;
  /** Width kept free after the longest bar for its value. */
  let valueRoom = 0;

  function readTheme() {
    const style = getComputedStyle(probe);
    return {
      bar: resolve('var(--_chart-bar)'),
      text: resolve('var(--_chart-text)'),
      muted: resolve('var(--_chart-muted)'),
      grid: resolve('var(--_chart-grid)'),
      size: Number.parseFloat(style.fontSize) || 16,
      family: style.fontFamily,
    };
  }

  const font = () => ({ size: theme.size, family: theme.family });

  const valueFont = () => `600 ${theme.size}px ${theme.family}`;
  const measure = (texts: string[]) => {
    const { ctx } = chart;
    ctx.save();
    ctx.font = valueFont();
    const widest = Math.max(0, ...texts.map((text) => ctx.measureText(text).width));
    ctx.restore();
    return widest;
  };

  // Each value is written at the end of its bar: on a projector nobody reads numbers off an axis.
  const valueLabels: Plugin<'bar'> = {
    id: 'osaValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const values = chart.data.datasets[0].data as number[];
      ctx.save();
      ctx.font = valueFont();
      ctx.fillStyle = theme.text;
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((bar, index) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(format(values[index]), x + theme.size / 3, y);
      });
      ctx.restore();
    },
  };

  const chart = new Chart<'bar', number[], string>(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [{ data: [], backgroundColor: () => theme.bar, borderRadius: 4, maxBarThickness: 64 }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      // No tooltips or hover: nothing listens to the pointer.
      events: [],
      layout: { padding: () => ({ right: valueRoom }) },
      scales: {
        x: {
          min: 0,
          border: { display: false },
          grid: { color: () => theme.grid },
          // Counts: whole numbers on the axis.
          ticks: { color: () => theme.muted, font, precision: 0, callback: (value) => format(Number(value)) },
        },
        y: {
          grid: { display: false },
          ticks: {
            color: () => theme.text,
            font,
            autoSkip: false,
            // Labels get at most 40 % of the width, and a second line only where the bars are tall enough.
            callback(_value, index) {
              const { chart } = this;
              const labels = (chart.data.labels ?? []) as string[];
              const width = Math.max(8, Math.floor((chart.width * 0.4) / (theme.size * 0.55)));
              const lines = chart.height / Math.max(1, labels.length) >= theme.size * 2.8 ? 2 : 1;
              return wrapLabel(labels[index] ?? '', width, lines);
            },
          },
        },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [valueLabels],
  });
  return {
    canvas,
    update(rows, options) {
      format = options.format;
      theme = readTheme();
      const values = rows.map((row) => row.value);
      valueRoom = Math.ceil(measure(values.map(format)) + theme.size / 2);
      chart.data.labels = rows.map((row) => row.label);
      chart.data.datasets[0].data = values;
      const x = chart.options.scales!.x as { suggestedMax?: number };
      x.suggestedMax = options.max;
      chart.options.animation = matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 };
      chart.update();
    },
    destroy() {
      chart.destroy();
      probe.remove();
    },
  };
}
