import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { css, html as litHtml } from 'lit';
import { OsaElement } from './osa-element.js';
import { defineElement } from './define.js';
import { tokens, controls } from '../theme/tokens.js';

declare module './events.js' {
  interface OsaEventDetailMap {
    'osa-test-ping': { count: number };
  }
}

class OsaTestGreeting extends OsaElement {
  static override styles = [tokens, controls, css``];
  override render() {
    return litHtml`<h2 part="title">${this.i18n.msg.common.loading}</h2><button class="primary">${this.i18n.msg.common.retry}</button>`;
  }
}
defineElement('osa-test-greeting', OsaTestGreeting);

/** Deliberately inaccessible: an image without text and a button with no name. */
class OsaTestInaccessible extends OsaElement {
  override render() {
    // eslint-disable-next-line lit-a11y/alt-text, lit-a11y/accessible-name
    return litHtml`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /><button></button>`;
  }
}
defineElement('osa-test-inaccessible', OsaTestInaccessible);

describe('OsaElement', () => {
  it('is accessible', async () => {
    const el = await fixture<OsaTestGreeting>(html`<osa-test-greeting lang="en"></osa-test-greeting>`);
    await expect(el).to.be.accessible();
  });

  it('fails the axe assertion when an element is inaccessible', async () => {
    const el = await fixture<OsaTestInaccessible>(html`<osa-test-inaccessible></osa-test-inaccessible>`);
    let failure: unknown;
    try {
      await expect(el).to.be.accessible();
    } catch (error) {
      failure = error;
    }
    expect(failure, 'axe should reject the inaccessible element').to.be.instanceOf(Error);
    expect(String(failure)).to.match(/image-alt|button-name/);
  });

  it('emits typed events that bubble and cross shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><osa-test-greeting></osa-test-greeting></div>`);
    const el = outer.querySelector('osa-test-greeting') as OsaTestGreeting;
    setTimeout(() => el.emit('osa-test-ping', { count: 3 }));
    const event = (await oneEvent(outer, 'osa-test-ping')) as CustomEvent<{ count: number }>;
    expect(event.detail.count).to.equal(3);
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.true;
  });

  it('defines twice without throwing, keeping the first definition', () => {
    class Another extends OsaElement {}
    expect(() => defineElement('osa-test-greeting', OsaTestGreeting)).not.to.throw();
    expect(() => defineElement('osa-test-greeting', Another)).not.to.throw();
    expect(customElements.get('osa-test-greeting')).to.equal(OsaTestGreeting);
  });

  describe('language', () => {
    afterEach(() => document.documentElement.removeAttribute('lang'));

    it('uses its own lang attribute first', async () => {
      const el = await fixture<OsaTestGreeting>(html`<div lang="fi"><osa-test-greeting lang="sv"></osa-test-greeting></div>`);
      const inner = el.querySelector('osa-test-greeting') as OsaTestGreeting;
      await inner.updateComplete;
      expect(inner.shadowRoot!.querySelector('button')!.textContent).to.equal('Försök igen');
    });

    it('inherits the closest ancestor lang, and follows it when it changes', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<section lang="fi-FI"><div><osa-test-greeting></osa-test-greeting></div></section>`);
      const el = wrapper.querySelector('osa-test-greeting') as OsaTestGreeting;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Yritä uudelleen');
      wrapper.setAttribute('lang', 'en');
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Try again');
    });

    it('falls back to the document language, and follows it', async () => {
      document.documentElement.lang = 'sv';
      const el = await fixture<OsaTestGreeting>(html`<osa-test-greeting></osa-test-greeting>`);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Laddar…');
      document.documentElement.lang = 'fi';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Ladataan…');
    });

    it('resolves lang across a shadow root and reacts to its own lang property', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="sv"></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<osa-test-greeting></osa-test-greeting>';
      const el = root.querySelector('osa-test-greeting') as OsaTestGreeting;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Försök igen');
      el.lang = 'en';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Try again');
    });

    it('resolves dir from ancestors', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><osa-test-greeting></osa-test-greeting></div>`);
      const el = wrapper.querySelector('osa-test-greeting') as OsaTestGreeting;
      // The localize controller is protected; its direction is visible through the computed style.
      expect(getComputedStyle(el).direction).to.equal('rtl');
    });
  });

  describe('hostile page CSS', () => {
    let style: HTMLStyleElement;
    before(() => {
      style = document.createElement('style');
      style.textContent = `
        html { font-size: 10px; }
        * { box-sizing: content-box; }
        button { all: unset; }
        h2 { margin: 120px 0; font-size: 5rem; }
        body { line-height: 3; letter-spacing: 4px; text-transform: uppercase; color: #777; }
      `;
      document.head.append(style);
    });
    after(() => style.remove());

    it('keeps its own sizes, box model and button look', async () => {
      const el = await fixture<OsaTestGreeting>(html`<osa-test-greeting lang="en"></osa-test-greeting>`);
      const button = el.shadowRoot!.querySelector('button')!;
      const heading = el.shadowRoot!.querySelector('h2')!;
      const buttonStyle = getComputedStyle(button);
      expect(getComputedStyle(el).fontSize).to.equal('16px');
      expect(getComputedStyle(el).letterSpacing).to.equal('normal');
      expect(getComputedStyle(el).textTransform).to.equal('none');
      expect(buttonStyle.boxSizing).to.equal('border-box');
      expect(buttonStyle.display).to.equal('inline-flex');
      expect(parseFloat(buttonStyle.minHeight)).to.equal(44);
      expect(buttonStyle.borderTopStyle).to.equal('solid');
      expect(getComputedStyle(heading).marginTop).to.equal('0px');
      expect(getComputedStyle(heading).fontSize).to.equal('22px');
      await expect(el).to.be.accessible();
    });
  });

  describe('a CMS rule for every element (`*`), which reaches the host itself', () => {
    /** What a page sees of the element: its box, margin and box model, and the line height and colour of the text inside. */
    async function looks(): Promise<Record<string, string>> {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"><osa-test-greeting lang="en" style="padding: 10px; border: 2px solid"></osa-test-greeting></div>`);
      const el = wrapper.querySelector<OsaTestGreeting>('osa-test-greeting')!;
      await el.updateComplete;
      const host = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const text = getComputedStyle(el.shadowRoot!.querySelector('h2')!);
      const button = el.shadowRoot!.querySelector('button')!;
      return {
        box: `${box.left - wrapper.getBoundingClientRect().left},${box.top - wrapper.getBoundingClientRect().top} ${box.width}×${box.height}`,
        margin: host.margin,
        boxSizing: host.boxSizing,
        hostLineHeight: host.lineHeight,
        textLineHeight: text.lineHeight,
        buttonLineHeight: getComputedStyle(button).lineHeight,
        buttonHeight: String(button.getBoundingClientRect().height),
        color: host.color,
        fontSize: host.fontSize,
      };
    }

    it('leaves the element looking the same: box, margin, box model and the text\'s line height', async () => {
      const without = await looks();
      const style = document.createElement('style');
      style.textContent = '* { margin: 7px; box-sizing: content-box; line-height: 1; color: #777; font-size: 13px; letter-spacing: 3px }';
      document.head.append(style);
      try {
        expect(await looks()).to.deep.equal(without);
      } finally {
        style.remove();
      }
      expect(without.margin).to.equal('0px');
      expect(without.boxSizing).to.equal('border-box');
      expect(without.textLineHeight).to.equal(`${22 * 1.25}px`);
    });
  });
});
