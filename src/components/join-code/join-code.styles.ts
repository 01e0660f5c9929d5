import { css } from 'lit';

export const joinCodeStyles = css`
  :host {
    --_size: var(--osa-join-code-size, 200px);
    --_gap: var(--osa-join-code-gap, var(--_space-m));
  }

  .join {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_gap);
    text-align: center;
  }

  .text {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    max-inline-size: 100%;
    margin: 0;
  }

  /* The texts grow with the code, so one property sizes the whole block for a projector. */
  .heading {
    color: var(--_text-muted);
    font-size: var(--osa-join-code-heading-size, max(1em, calc(var(--_size) * 0.09)));
    font-weight: 600;
    line-height: 1.2;
  }

  .address {
    color: var(--_text);
    font-size: var(--osa-join-code-address-size, max(1.25em, calc(var(--_size) * 0.13)));
    font-weight: 700;
    line-height: 1.15;
    /* Not balance, which would split the host at a dot even when it fits on a line. */
    text-wrap: pretty;
  }

  /* Scanners need dark modules on a light ground in every colour scheme, so the frame stays white. */
  .frame {
    inline-size: min(var(--_size), 100%);
    aspect-ratio: 1;
    border-radius: var(--_radius);
    background: #fff;
    forced-color-adjust: none;
  }

  .qr {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border-radius: var(--_radius);
  }
`;
