import { css } from 'lit';

export const eventReportStyles = css`
  .report {
    display: grid;
    gap: var(--_space-m);
    max-width: 60em;
  }
  header p {
    margin: 0;
  }
  .date {
    font-size: 1.125em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_space-xs) var(--_space-s);
    align-items: center;
    flex: 1 1 18em;
  }
  .option p {
    grid-column: 2;
    margin: 0;
  }
  .activities {
    display: grid;
    gap: var(--_space-xl);
  }
  .activities:empty {
    display: none;
  }
  .activity {
    display: grid;
    gap: var(--_space-s);
  }
  .activity h3 {
    margin: 0;
    font-size: 1.375em;
    padding-bottom: var(--_space-xs);
    border-bottom: 2px solid var(--_border);
  }
  .question {
    display: grid;
    gap: var(--_space-xs);
    margin-top: var(--_space-s);
  }
  h4 {
    margin: 0;
    font-size: 1.0625em;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  .small {
    font-size: 0.875em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--_space-xs);
  }
  .wide {
    overflow-x: auto;
  }
  th,
  td {
    /* The page's overflow-wrap: anywhere would let a text column shrink to one letter beside the numbers. */
    overflow-wrap: break-word;
    text-align: start;
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    border-bottom-width: 2px;
    font-size: 0.9375em;
  }
  tbody th {
    font-weight: 400;
  }
  .number {
    text-align: end;
  }
  td.number {
    white-space: nowrap;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
    margin: 0;
  }
  .figures div {
    display: grid;
  }
  .figures dt {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .figures dd {
    margin: 0;
    font-size: 1.375em;
    font-weight: 700;
  }
  .answers {
    margin: 0;
    padding-inline-start: 1.25em;
    display: grid;
    gap: var(--_space-xs);
  }
  .cloud-picture {
    line-height: 1.2;
    text-align: center;
    padding: var(--_space-s);
    font-weight: 700;
    color: var(--_accent);
  }

  @page {
    size: A4;
    margin: 16mm 15mm;
  }

  @media print {
    :host {
      color: #000 !important;
      font-size: 10.5pt !important;
      --_text: #000;
      --_text-muted: #333;
      --_border: #000;
      --_accent: #000;
      --_surface: #fff;
      --_surface-raised: #fff;
    }
    .report {
      max-width: none;
    }
    .wide {
      overflow: visible;
    }
    .controls,
    .message[role='status'] {
      display: none;
    }
    osa-event-report-activity + osa-event-report-activity .activity {
      break-before: page;
    }
    h2,
    h3,
    h4,
    caption {
      break-after: avoid;
    }
    tr,
    .figures,
    .answers li {
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
  }
`;
