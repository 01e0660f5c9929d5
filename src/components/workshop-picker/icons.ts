import { html, svg, type TemplateResult } from 'lit';

/** Small line icons beside words that already say the same (hidden from assistive technology); SVG, as emoji fonts are not everywhere. */
const icon = (paths: TemplateResult): TemplateResult =>
  html`<svg class="icon-svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round">
    ${paths}
  </svg>`;

export const ICONS = {
  calendar: icon(svg`<rect x="3" y="5" width="18" height="16" rx="2"></rect><path d="M3 10h18M8 3v4M16 3v4"></path>`),
  check: icon(svg`<path d="M4 12.5l5 5L20 6.5"></path>`),
  clock: icon(svg`<circle cx="12" cy="12" r="9"></circle><path d="M12 7v5l3 2"></path>`),
  star: icon(svg`<path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z"></path>`),
  upload: icon(svg`<path d="M12 16V4M7 9l5-5 5 5M4 20h16"></path>`),
};
