/**
 * What every element's presenter view (a projector, a stream overlay) shares: the address people
 * join at, and the big counters beside the title.
 */
import { css } from 'lit';

/** The address people join at: the element's `join-url`, else this page without its fragment (never an organiser key) and without `view`. */
export function joinLink(joinUrl: string | undefined): string {
  if (joinUrl) return joinUrl;
  const here = new URL(location.href);
  here.hash = '';
  here.searchParams.delete('view');
  return here.toString();
}

/** `<ul class="counters"><li><span class="count">24</span> <span class="noun">participants</span></li>…</ul>`: numbers large, nouns small. */
export const presenterCounterStyles = css`
  .counters {
    display: flex;
    gap: 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .counters li {
    display: grid;
    justify-items: center;
    line-height: 1.05;
  }
  .counters .count {
    font-size: 1.5em;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .counters .noun {
    color: var(--_text-muted);
    font-size: 0.7em;
    font-weight: 600;
  }
`;
