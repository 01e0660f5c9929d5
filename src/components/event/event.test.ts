import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { defineElement } from '../../base/define.js';
import { CachedAdapter } from '../../adapters/cache.js';
import { boardEvent, waitFor } from '../../adapters/conformance.js';
import { createHttpAdapter, HttpAdapter } from '../../adapters/http/http-adapter.js';
import { LocalBackend } from '../../adapters/local/backend.js';
import { LocalAdapter } from '../../adapters/local/local-adapter.js';
import { LazyAdapter } from '../../adapters/lazy.js';
import { testServer } from '../../adapters/test-support.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { boardView, type BoardState } from '../../core/board/board.view.js';
import { en } from '../../i18n/en.js';
import { sv } from '../../i18n/sv.js';
import './event.js';
import type { OsaEvent } from './event.js';

class OsaTestActivity extends OsaElement {
  @property({ attribute: false }) adapter?: OsaAdapter;
  @property() event?: string;
  @property() activity?: string;
  readonly live = new ActivityController<BoardState>(this, boardView);
  override render() {
    return litHtml`<p>${this.live.snapshot ? this.live.snapshot.state.order.length : this.live.status}</p>`;
  }
}
defineElement('osa-test-activity', OsaTestActivity);

const child = (el: OsaEvent) => el.querySelector<OsaTestActivity>('osa-test-activity')!;

describe('osa-event', () => {
  let backend: LocalBackend;
  let organiser: LocalAdapter;
  let eventId: string;
  let organiserKey: string;
  const address = location.href;

  beforeEach(async () => {
    backend = new LocalBackend();
    organiser = new LocalAdapter(backend);
    ({ eventId, organiserKey } = await organiser.createEvent(boardEvent({ seed: [{ activity: 'ideas', as: 'x', command: 'submitIdea', payload: { text: 'Hello' } }] })));
  });
  afterEach(() => {
    history.replaceState(null, '', address);
  });

  it('is accessible', async () => {
    const el = await fixture<OsaEvent>(html`<osa-event lang="en" .adapter=${new LocalAdapter(backend)} event=${eventId}><osa-test-activity activity="ideas"></osa-test-activity></osa-event>`);
    await waitFor(() => child(el).live.status === 'ready', 'the child to load');
    await expect(el).to.be.accessible();
  });

  it('adds no box of its own and has no adapter until told where the data is', async () => {
    const el = await fixture<OsaEvent>(html`<osa-event event="x"></osa-event>`);
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.resolvedAdapter).to.equal(undefined);
    expect(el.event).to.equal('x');
  });

  it('provides an adapter object and the event id to the elements inside; an element\'s own adapter wins', async () => {
    const provided = new LocalAdapter(backend);
    const own = new LocalAdapter(new LocalBackend());
    const el = await fixture<OsaEvent>(html`<osa-event .adapter=${provided} event=${eventId}>
      <div><osa-test-activity activity="ideas"></osa-test-activity></div>
      <osa-test-activity id="own" activity="ideas" .adapter=${own}></osa-test-activity>
    </osa-event>`);
    const inside = child(el);
    await waitFor(() => inside.live.status === 'ready', 'the child to load');
    expect(inside.live.adapter).to.equal(provided);
    expect(inside.live.eventId).to.equal(eventId);
    expect(inside.live.snapshot!.state.order).to.have.length(1);
    const mine = el.querySelector<OsaTestActivity>('#own')!;
    expect(mine.live.adapter).to.equal(own);
    await waitFor(() => mine.live.status === 'error', 'the own adapter, which has no such event');
    expect(mine.live.error!.code).to.equal('not_found');
  });

  it('answers elements that asked before it was upgraded', async () => {
    const el = document.createElement('div');
    el.innerHTML = `<osa-event-late event="${eventId}"><osa-test-activity activity="ideas"></osa-test-activity></osa-event-late>`;
    document.body.append(el);
    const inside = el.querySelector<OsaTestActivity>('osa-test-activity')!;
    await inside.updateComplete;
    expect(inside.live.adapter).to.equal(undefined);
    const { OsaEvent: EventClass } = await import('./event.component.js');
    const provided = new LocalAdapter(backend);
    customElements.define('osa-event-late', class extends EventClass {});
    (el.firstElementChild as OsaEvent).adapter = provided;
    await waitFor(() => inside.live.status === 'ready', 'the late provider to answer');
    expect(inside.live.adapter).to.equal(provided);
    el.remove();
  });

  it('reads the organiser key from the address fragment, never from the query string', async () => {
    history.replaceState(null, '', `?key=${organiserKey}`);
    const withQuery = await fixture<OsaEvent>(html`<osa-event .adapter=${new LocalAdapter(backend)} event=${eventId}><osa-test-activity activity="ideas"></osa-test-activity></osa-event>`);
    await waitFor(() => child(withQuery).live.status === 'ready', 'ready');
    expect(child(withQuery).live.snapshot!.viewer.organiser).to.be.false;

    history.replaceState(null, '', `#key=${organiserKey}`);
    const withFragment = await fixture<OsaEvent>(html`<osa-event .adapter=${new LocalAdapter(backend)} event=${eventId}><osa-test-activity activity="ideas"></osa-test-activity></osa-event>`);
    await waitFor(() => child(withFragment).live.status === 'ready', 'ready');
    expect(child(withFragment).live.snapshot!.viewer.organiser).to.be.true;
  });

  it('takes the organiser key from its property first', async () => {
    history.replaceState(null, '', '#key=not-the-key');
    const adapter = new LocalAdapter(backend);
    const el = await fixture<OsaEvent>(html`<osa-event .adapter=${adapter} .organiserKey=${organiserKey} event=${eventId}></osa-event>`);
    await el.updateComplete;
    expect((await adapter.whoami(eventId)).organiser).to.be.true;
  });

  it('gives its language to the elements inside', async () => {
    const el = await fixture<OsaEvent>(html`<osa-event lang="sv" .adapter=${new LocalAdapter(backend)} event=${eventId}><osa-test-activity activity="missing"></osa-test-activity></osa-event>`);
    await waitFor(() => child(el).live.status === 'error', 'the error');
    expect(child(el).live.errorText(child(el).live.error!)).to.equal(sv.errors.notFound);
  });

  it('runs a persisted local event with adapter="local"', async () => {
    const el = await fixture<OsaEvent>(html`<osa-event adapter="local"></osa-event>`);
    const adapter = el.resolvedAdapter!;
    // The in-page back end is fetched on first use, not with the element.
    expect(adapter).to.be.instanceOf(LazyAdapter);
    const created = await adapter.createEvent(boardEvent());
    el.event = created.eventId;
    el.innerHTML = '<osa-test-activity activity="ideas"></osa-test-activity>';
    await waitFor(() => child(el).live.status === 'ready', 'the child to load');
    // Kept in this browser's IndexedDB, so a reload (or another tab) finds the event.
    expect((await indexedDB.databases()).map((database) => database.name)).to.include('osallistu-local');
    const other = await fixture<OsaEvent>(html`<osa-event adapter="local"></osa-event>`);
    expect(other.resolvedAdapter, 'one local adapter per page').to.equal(adapter);
  });

  describe('an event declared in the page for adapter="local"', () => {
    const declared = (definition: string, attributes = '') => {
      const holder = document.createElement('div');
      holder.innerHTML = `<osa-event adapter="local" ${attributes}>
        <script type="application/json">${definition}</script>
        <osa-test-activity activity="themes"></osa-test-activity>
      </osa-event>`;
      document.body.append(holder);
      return holder.firstElementChild as OsaEvent;
    };
    const alertText = (el: OsaEvent) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
    afterEach(() => document.querySelectorAll('osa-event[adapter="local"]').forEach((el) => el.parentElement!.remove()));

    it('is created in this browser on first use and runs with no server; a reload finds it as it was', async () => {
      const id = `kiosk-${Date.now().toString(36)}`;
      const definition = JSON.stringify({ id, title: { fi: 'Kioski', en: 'Kiosk' }, activities: [{ id: 'themes', kind: 'board', title: 'Themes', phase: 'collect' }] });
      const el = declared(definition, 'lang="en"');
      await waitFor(() => child(el).live.status === 'ready', 'the declared event to load');
      expect(child(el).live.eventId).to.equal(id);
      expect(child(el).live.snapshot!.state.order).to.deep.equal([]);
      await child(el).live.send('submitIdea', { text: 'Written at the kiosk' });
      el.parentElement!.remove();

      const again = declared(definition);
      await waitFor(() => child(again).live.status === 'ready', 'the declared event to load again');
      expect(child(again).live.snapshot!.state.order, 'the existing event, not a new one').to.have.length(1);
      expect(alertText(again)).to.equal('');
      await expect(again).to.be.accessible();
    });

    it('shows a definition that cannot be used in the user\'s language, naming the field, instead of the elements', async () => {
      const el = declared(JSON.stringify({ id: 'broken-kiosk', title: 'Kiosk', activities: [{ id: 'themes', kind: 'bord' }] }), 'lang="sv"');
      await waitFor(() => alertText(el) !== '', 'the message');
      expect(alertText(el)).to.equal(sv.errors.eventDefinition(sv.errors.invalid('activities.0.kind', sv.validation.notAllowed)));
      expect(el.shadowRoot!.querySelector('slot'), 'the elements are not shown').to.equal(null);
      expect(child(el).live.eventId).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('says so when the definition is not JSON, or names another event than its event attribute', async () => {
      const notJson = declared('{ "id": "kiosk", title: "no quotes" }', 'lang="en"');
      await waitFor(() => alertText(notJson) !== '', 'the message');
      expect(alertText(notJson)).to.equal(en.errors.eventDefinition(en.errors.notJson));

      const other = declared(JSON.stringify({ id: 'kiosk-a', title: 'Kiosk', activities: [] }), 'lang="en" event="kiosk-b"');
      await waitFor(() => alertText(other) !== '', 'the message');
      expect(alertText(other)).to.equal(en.errors.eventDefinition(en.errors.invalid('id', en.validation.notAllowed)));
    });
  });

  it('uses the http adapter with a cache for api="…", against the reference server', async () => {
    const server = await testServer();
    const admin = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken });
    const created = await admin.createEvent(boardEvent({ seed: [{ activity: 'ideas', as: 'x', command: 'submitIdea', payload: { text: 'From the server' } }] }));
    const el = await fixture<OsaEvent>(html`<osa-event api=${`${server.url}/api`} event=${created.eventId}><osa-test-activity activity="ideas"></osa-test-activity></osa-event>`);
    const adapter = el.resolvedAdapter as CachedAdapter;
    expect(adapter).to.be.instanceOf(CachedAdapter);
    expect(adapter.inner).to.be.instanceOf(HttpAdapter);
    expect((adapter.inner as HttpAdapter).root).to.equal(`${server.url}/api/v1`);
    await waitFor(() => child(el).live.status === 'ready', 'the child to load from the server');
    expect(child(el).live.snapshot!.state.order).to.have.length(1);
    const other = await fixture<OsaEvent>(html`<osa-event api=${`${server.url}/api/v1`}></osa-event>`);
    expect(other.resolvedAdapter, 'one adapter per server in a page').to.equal(adapter);
  });
});
