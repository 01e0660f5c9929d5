import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { BoardResultRow } from '../../core/board/board.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const shorten = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

/**
 * The presenter's bar chart of the top ideas' scores. Loaded on demand (dynamic import) so that
 * Chart.js is fetched only by the presenter view. Colours come from the element's tokens.
 */
export function createScoreChart(canvas: HTMLCanvasElement): { update(rows: BoardResultRow[]): void; destroy(): void } {
  // Tokens hold var() and light-dark() expressions that canvas cannot parse: let CSS resolve each to a colour.
  const probe = document.createElement('span');
  probe.hidden = true;
  canvas.after(probe);
  const color = (name: string, fallback: string) => {
    probe.style.color = `var(${name}, ${fallback})`;
    return getComputedStyle(probe).color;
  };
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const chart = new Chart<'bar', number[], string>(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [{ data: [], backgroundColor: color('--_accent', '#0a58b0'), borderRadius: 4 }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 400 },
      scales: {
        x: { min: 0, max: 100, ticks: { color: color('--_text-muted', '#4a5561') }, grid: { color: color('--_surface-raised', '#f3f5f8') } },
        y: { ticks: { color: color('--_text', '#1b1f24'), font: { size: 14 } }, grid: { display: false } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  });
  return {
    update(rows) {
      chart.data.labels = rows.map((row) => shorten(row.text));
      chart.data.datasets[0].data = rows.map((row) => Math.round(row.score));
      chart.update();
    },
    destroy() {
      chart.destroy();
      probe.remove();
    },
  };
}
