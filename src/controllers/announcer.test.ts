import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { OsaElement } from '../base/osa-element.js';
import { defineElement } from '../base/define.js';
import { tokens } from '../theme/tokens.js';
import { AnnouncerController } from './announcer.js';

class OsaTestAnnouncer extends OsaElement {
  static override styles = tokens;
  readonly announcer = new AnnouncerController(this, { interval: 200 });
  override render() {
    return litHtml`<p>Ranking</p>${this.announcer.render()}`;
  }
}
defineElement('osa-test-announcer', OsaTestAnnouncer);

const region = (el: OsaTestAnnouncer) => el.shadowRoot!.querySelector('[role="status"]')!;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AnnouncerController', () => {
  it('is accessible', async () => {
    const el = await fixture<OsaTestAnnouncer>(html`<osa-test-announcer lang="en"></osa-test-announcer>`);
    el.announcer.announce('Idea A moved to first place');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders a polite, atomic live region', async () => {
    const el = await fixture<OsaTestAnnouncer>(html`<osa-test-announcer></osa-test-announcer>`);
    expect(region(el).getAttribute('aria-live')).to.equal('polite');
    expect(region(el).getAttribute('aria-atomic')).to.equal('true');
  });

  it('speaks the first message at once and coalesces a burst to its latest message', async () => {
    const el = await fixture<OsaTestAnnouncer>(html`<osa-test-announcer></osa-test-announcer>`);
    el.announcer.announce('first');
    await el.updateComplete;
    expect(region(el).textContent).to.equal('first');
    el.announcer.announce('second');
    el.announcer.announce('third');
    await el.updateComplete;
    expect(region(el).textContent, 'throttled: nothing new before the interval').to.equal('first');
    await wait(300);
    await el.updateComplete;
    expect(region(el).textContent).to.equal('third');
  });

  it('makes a repeated message a new text so it is read again', async () => {
    const el = await fixture<OsaTestAnnouncer>(html`<osa-test-announcer></osa-test-announcer>`);
    el.announcer.announce('same');
    await el.updateComplete;
    const first = region(el).textContent;
    await wait(250);
    el.announcer.announce('same');
    await el.updateComplete;
    expect(region(el).textContent).not.to.equal(first);
    expect(region(el).textContent!.replace('\u200b', '')).to.equal('same');
  });

  it('stops a pending announcement when disconnected', async () => {
    const el = await fixture<OsaTestAnnouncer>(html`<osa-test-announcer></osa-test-announcer>`);
    el.announcer.announce('one');
    el.announcer.announce('two');
    el.remove();
    await wait(300);
    expect(el.announcer.text).to.equal('one');
  });
});
