import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../base/osa-element.js';
import { defineElement } from '../base/define.js';
import { tokens, controls } from '../theme/tokens.js';
import { RovingTabindexController } from './roving-tabindex.js';

class OsaTestToolbar extends OsaElement {
  static override styles = [tokens, controls];
  @property({ type: Array }) labels = ['One', 'Two', 'Three'];
  @property({ type: Number }) disabledIndex = -1;
  readonly focusGroup = new RovingTabindexController(this, {
    items: () => [...(this.shadowRoot?.querySelectorAll<HTMLElement>('button') ?? [])],
    orientation: 'horizontal',
  });
  override render() {
    return litHtml`<div role="toolbar" aria-label="Choices">
      ${this.labels.map((label, index) => litHtml`<button ?disabled=${index === this.disabledIndex}>${label}</button>`)}
    </div>`;
  }
}
defineElement('osa-test-toolbar', OsaTestToolbar);

const buttons = (el: OsaTestToolbar) => [...el.shadowRoot!.querySelectorAll('button')];
const focused = (el: OsaTestToolbar) => el.shadowRoot!.activeElement?.textContent;

describe('RovingTabindexController', () => {
  it('is accessible', async () => {
    const el = await fixture<OsaTestToolbar>(html`<osa-test-toolbar lang="en"></osa-test-toolbar>`);
    await expect(el).to.be.accessible();
  });

  it('gives the group a single tab stop', async () => {
    const el = await fixture<OsaTestToolbar>(html`<osa-test-toolbar></osa-test-toolbar>`);
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([0, -1, -1]);
  });

  it('moves with arrow keys, Home and End, wrapping around', async () => {
    const el = await fixture<OsaTestToolbar>(html`<osa-test-toolbar></osa-test-toolbar>`);
    buttons(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal('Two');
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal('Three');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal('One');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal('Three');
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal('One');
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([0, -1, -1]);
  });

  it('ignores vertical arrows in a horizontal group', async () => {
    const el = await fixture<OsaTestToolbar>(html`<osa-test-toolbar></osa-test-toolbar>`);
    buttons(el)[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('One');
  });

  it('swaps left and right in right-to-left text', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><osa-test-toolbar></osa-test-toolbar></div>`);
    const el = wrapper.querySelector('osa-test-toolbar') as OsaTestToolbar;
    await el.updateComplete;
    buttons(el)[0].focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal('Two');
  });

  it('skips disabled items and keeps the tab stop on the same item when items change', async () => {
    const el = await fixture<OsaTestToolbar>(html`<osa-test-toolbar .disabledIndex=${1}></osa-test-toolbar>`);
    buttons(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal('Three');
    el.labels = ['Zero', ...el.labels];
    await el.updateComplete;
    // Lit reuses the button elements by position, so the tab stop follows the element that had focus.
    expect(buttons(el).filter((b) => b.tabIndex === 0)).to.have.length(1);
  });
});
