import { expect } from '@open-wc/testing';

/**
 * The single-file bundle as a webmaster uses it: one `<script type="module">`, possibly pasted
 * twice by two CMS blocks. Two different URLs make the browser evaluate two copies of the module.
 */
function loadBundle(query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `/dist/cdn/osallistu.js?${query}`;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load the bundle (${query}); run npm run build`)));
    document.head.append(script);
  });
}

describe('dist/cdn/osallistu.js', () => {
  it('is accessible once its elements render on a page', async () => {
    await loadBundle('first');
    const holder = document.createElement('div');
    holder.innerHTML = '<osa-event adapter="local" event="bundle-test" lang="en"></osa-event>';
    document.body.append(holder);
    await customElements.whenDefined('osa-event');
    await expect(holder).to.be.accessible();
    holder.remove();
  });

  it('loads twice on one page without throwing and keeps its elements defined', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      await loadBundle('first');
      const first = customElements.get('osa-event');
      await loadBundle('second');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).to.deep.equal([]);
      expect(first, 'osa-event is defined by the bundle').to.not.equal(undefined);
      expect(customElements.get('osa-event')).to.equal(first);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
