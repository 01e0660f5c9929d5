import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { tokens } from '../../theme/tokens.js';
import { joinCodeStyles } from './join-code.styles.js';

/** The address as people type it: without `https://` and without a trailing slash. */
const shortAddress = (url: string) => url.trim().replace(/^https:\/\//i, '').replace(/\/$/, '');

/** Line-break opportunities after each slash and before each dot, so a long address wraps where a reader expects, not inside a word. */
const breakable = (address: string) =>
  address.split(/(?<=\/)|(?=\.)/).map((piece, index) => (index === 0 ? piece : html`<wbr />${piece}`));

/**
 * The join block of a presenter view: a heading, the short address and a QR code that leads to
 * it, sized for a projector and legible on a phone. The QR encoder loads on demand, the first
 * time the element renders with an address; until then the address alone is shown.
 *
 * The QR code is dark on a white frame in every colour scheme, because scanners need it.
 *
 * @summary A QR code and short address for joining, for a projector.
 * @tagname osa-join-code
 *
 * @csspart heading - The text above the address ("Join at").
 * @csspart address - The address without `https://`.
 * @csspart qr - The QR code image.
 *
 * @cssproperty --osa-join-code-size - Width and height of the QR code; the texts grow with it. Defaults to 200px.
 * @cssproperty --osa-join-code-gap - Space between the texts and the QR code. Defaults to `--osa-space-m`.
 * @cssproperty --osa-join-code-heading-size - Font size of the heading. Defaults to 9 % of the code size, at least 1em.
 * @cssproperty --osa-join-code-address-size - Font size of the address. Defaults to 13 % of the code size, at least 1.25em.
 */
export class OsaJoinCode extends OsaElement {
  static override styles = [tokens, joinCodeStyles];

  /** The address participants join at, in full (`https://…`). Nothing is shown without it. */
  @property() url = '';

  /** Replaces the heading above the address ("Join at"). */
  @property() label?: string;

  /** The QR code of `url` as an image address, once the encoder has made it. */
  @state() private qr?: { url: string; src: string };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('url')) void this.encode(this.url);
  }

  private async encode(url: string): Promise<void> {
    if (!url) return;
    try {
      const { renderSVG } = await import('uqr');
      // A newer address may have arrived while the encoder loaded: only the current one is drawn.
      if (url !== this.url) return;
      // Whole modules without anti-aliased seams between them at any scale.
      const svg = renderSVG(url, { ecc: 'M', border: 2 }).replace('<svg ', '<svg shape-rendering="crispEdges" ');
      this.qr = { url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` };
    } catch (error) {
      // The address stays on screen, which is enough to join.
      console.warn('osallistu: the QR code could not be made', error);
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.url) return nothing;
    const t = this.i18n.msg.kit.joinCode;
    const address = shortAddress(this.url);
    return html`<div class="join">
      <p class="text">
        <span class="heading" part="heading">${this.label || t.heading}</span>
        <span class="address" part="address">${breakable(address)}</span>
      </p>
      <div class="frame">
        ${this.qr?.url === this.url ? html`<img class="qr" part="qr" src=${this.qr.src} alt=${t.qr(address)} />` : nothing}
      </div>
    </div>`;
  }
}
