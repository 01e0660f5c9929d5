import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './join-code.js';
import type { OsaJoinCode } from './join-code.component.js';

const URL_ = 'https://osallistu.example.fi/d/2026/';
const ADDRESS = 'osallistu.example.fi/d/2026';

const qrOf = (el: OsaJoinCode) => el.shadowRoot!.querySelector<HTMLImageElement>('img[part="qr"]');
const partText = (el: OsaJoinCode, part: string) => el.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent?.trim();

async function joinCode(url = URL_, lang = 'en', label?: string): Promise<OsaJoinCode> {
  const el = await fixture<OsaJoinCode>(html`<osa-join-code url=${url} lang=${lang} label=${label ?? ''}></osa-join-code>`);
  await waitUntil(() => qrOf(el), 'no QR code');
  await qrOf(el)!.decode();
  return el;
}

describe('osa-join-code', () => {
  // First in the file: a module stays loaded for the rest of the page once imported.
  it('fetches the QR encoder only when an element renders an address', async () => {
    performance.setResourceTimingBufferSize(100_000);
    const fetchedAfter = (start: number) =>
      performance.getEntriesByType('resource').some((entry) => entry.name.includes('/uqr/') && entry.startTime >= start);
    const el = await fixture<OsaJoinCode>(html`<osa-join-code lang="en"></osa-join-code>`);
    const urlSetAt = performance.now();
    el.url = URL_;
    // Fetched after this moment means not fetched before: an imported module is never fetched twice.
    await waitUntil(() => fetchedAfter(urlSetAt), 'the QR encoder was not fetched after the address was set');
    await waitUntil(() => qrOf(el), 'no QR code');
  });

  it('is accessible', async () => {
    const el = await joinCode();
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark colour scheme', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--osa-color-scheme: dark; background: #101317">
      <osa-join-code url=${URL_} lang="en"></osa-join-code>
    </div>`);
    const el = wrapper.querySelector('osa-join-code')!;
    await waitUntil(() => qrOf(el), 'no QR code');
    await expect(el).to.be.accessible();
  });

  it('renders nothing, and breaks nothing, without an address', async () => {
    const el = await fixture<OsaJoinCode>(html`<osa-join-code lang="en"></osa-join-code>`);
    expect(el.url).to.equal('');
    expect(el.shadowRoot!.querySelector('*:not(style)')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
    el.url = URL_;
    await waitUntil(() => qrOf(el), 'no QR code after the address was set');
    expect(partText(el, 'address')).to.equal(ADDRESS);
  });

  it('shows the QR code of the address, with an alt text naming it', async () => {
    const el = await joinCode();
    const img = qrOf(el)!;
    expect(img.getAttribute('src')).to.match(/^data:image\/svg\+xml/);
    expect(img.naturalWidth).to.be.above(0);
    expect(img.alt).to.equal(`QR code for ${ADDRESS}`);
    expect(img.getBoundingClientRect().width).to.equal(200);
    expect(img.getBoundingClientRect().height).to.equal(200);
  });

  it('shows the address without https:// and without the trailing slash', async () => {
    const el = await joinCode();
    expect(partText(el, 'heading')).to.equal('Join at');
    expect(partText(el, 'address')).to.equal(ADDRESS);
  });

  it('keeps http:// in the address, which a browser would not add by itself', async () => {
    const el = await joinCode('http://192.168.1.20:8080/');
    expect(partText(el, 'address')).to.equal('http://192.168.1.20:8080');
  });

  it('lets the label replace the heading', async () => {
    const el = await joinCode(URL_, 'en', 'Vote at');
    expect(partText(el, 'heading')).to.equal('Vote at');
  });

  it('speaks Finnish, Swedish and English', async () => {
    const expected: Array<[string, string, string]> = [
      ['fi', 'Osallistu osoitteessa', `QR-koodi osoitteeseen ${ADDRESS}`],
      ['sv', 'Delta på', `QR-kod till ${ADDRESS}`],
      ['en', 'Join at', `QR code for ${ADDRESS}`],
    ];
    for (const [lang, heading, alt] of expected) {
      const el = await joinCode(URL_, lang);
      expect(partText(el, 'heading'), lang).to.equal(heading);
      expect(qrOf(el)!.alt, lang).to.equal(alt);
    }
  });

  it('draws a new QR code when the address changes', async () => {
    const el = await joinCode();
    const first = qrOf(el)!.src;
    el.url = 'https://osallistu.example.fi/d/2027';
    await waitUntil(() => qrOf(el)?.src !== first, 'the QR code did not change');
    expect(qrOf(el)!.alt).to.equal('QR code for osallistu.example.fi/d/2027');
    expect(partText(el, 'address')).to.equal('osallistu.example.fi/d/2027');
  });

  it('sizes the code from --osa-join-code-size, within its container', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="sized">
      <style>
        .sized {
          width: 240px;
        }
        .sized osa-join-code {
          --osa-join-code-size: 360px;
        }
      </style>
      <osa-join-code url=${URL_} lang="en"></osa-join-code>
    </div>`);
    const el = wrapper.querySelector('osa-join-code')!;
    await waitUntil(() => qrOf(el), 'no QR code');
    expect(qrOf(el)!.getBoundingClientRect().width).to.equal(240);
  });

  it('sets no style attributes, so a strict content security policy holds', async () => {
    const el = await joinCode();
    expect(el.shadowRoot!.querySelectorAll('[style]')).to.have.length(0);
    expect(el.hasAttribute('style')).to.be.false;
  });
});
