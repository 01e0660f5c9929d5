import { css } from 'lit';

/** The provider adds no box of its own: its children lay out as if it were not there. */
export const eventStyles = css`
  :host {
    display: contents;
  }
`;
