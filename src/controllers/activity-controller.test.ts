import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../base/osa-element.js';
import { defineElement } from '../base/define.js';
import { tokens } from '../theme/tokens.js';
import { boardView, type BoardState } from '../core/board/board.view.js';
import { OsaError } from '../core/errors.js';
import { withCache } from '../adapters/cache.js';
import { assertRejects, boardEvent, waitFor } from '../adapters/conformance.js';
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import { switchable, uniqueName } from '../adapters/test-support.js';
import type { OsaAdapter } from '../adapters/types.js';
import { en } from '../i18n/en.js';
import { fi } from '../i18n/fi.js';
import { ActivityController } from './activity-controller.js';

class OsaTestLive extends OsaElement {
  static override styles = tokens;
  @property({ attribute: false }) adapter?: OsaAdapter;
  @property() event?: string;
  @property() activity?: string;
  readonly live = new ActivityController<BoardState>(this, boardView);
  renders = 0;

  override render() {
    this.renders += 1;
    const state = this.live.snapshot?.state;
    return litHtml`<p>${this.live.status}</p>
      <ul>${(state?.order ?? []).map((id) => litHtml`<li>${state!.ideas[id].text}</li>`)}</ul>
      ${this.live.pending > 0 ? litHtml`<p class="pending">${this.i18n.msg.common.pending(this.live.pending)}</p>` : ''}
      ${this.live.error ? litHtml`<p role="alert">${this.live.errorText(this.live.error)}</p>` : ''}`;
  }
}
defineElement('osa-test-live', OsaTestLive);

const items = (el: OsaTestLive) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

describe('ActivityController', () => {
  let backend: LocalBackend;
  let organiser: LocalAdapter;
  let eventId: string;

  const create = async (options: Parameters<typeof boardEvent>[0] = {}) => {
    const created = await organiser.createEvent(boardEvent(options));
    eventId = created.eventId;
    organiser.setOrganiserKey(eventId, created.organiserKey);
  };
  const mount = (adapter: OsaAdapter, activity = 'ideas', lang = 'en') =>
    fixture<OsaTestLive>(html`<osa-test-live lang=${lang} .adapter=${adapter} event=${eventId} activity=${activity}></osa-test-live>`);

  beforeEach(async () => {
    backend = new LocalBackend();
    organiser = new LocalAdapter(backend);
    await create({ seed: [{ activity: 'ideas', as: 'x', command: 'submitIdea', payload: { text: 'Seeded idea' } }] });
  });

  it('is accessible', async () => {
    const el = await mount(new LocalAdapter(backend));
    await waitFor(() => el.live.status === 'ready', 'ready');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('goes from loading to ready with the snapshot', async () => {
    const el = await mount(new LocalAdapter(backend));
    expect(el.live.status).to.equal('loading');
    await waitFor(() => el.live.status === 'ready', 'ready');
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['Seeded idea']);
    expect(el.live.snapshot?.viewer.organiser).to.be.false;
  });

  it('shows a localized error for an unknown activity', async () => {
    const el = await mount(new LocalAdapter(backend), 'missing', 'fi');
    await waitFor(() => el.live.status === 'error', 'the error');
    await el.updateComplete;
    expect(el.live.error?.code).to.equal('not_found');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(fi.errors.notFound);
  });

  it('folds in live changes and re-renders', async () => {
    const el = await mount(new LocalAdapter(backend));
    await waitFor(() => el.live.status === 'ready' && el.live.connection === 'live', 'live');
    await new LocalAdapter(backend).send(eventId, 'ideas', 'submitIdea', { text: 'Arrived live' });
    await waitFor(() => items(el).length === 2, 'the new idea on screen');
    expect(items(el)).to.deep.equal(['Seeded idea', 'Arrived live']);
  });

  it('reloads the snapshot after a phase change, when more may become visible', async () => {
    await create({
      phase: 'vote',
      seed: [
        { activity: 'ideas', as: 'a', command: 'submitIdea', payload: { text: 'Bikes' } },
        { activity: 'ideas', as: 'b', command: 'submitIdea', payload: { text: 'Buses' } },
      ],
    });
    const voter = new LocalAdapter(backend);
    const { result } = (await voter.send(eventId, 'ideas', 'nextPair', {})) as { result: { pair: [string, string] } };
    await voter.send(eventId, 'ideas', 'vote', { a: result.pair[0], b: result.pair[1], choice: 'a' });
    const el = await mount(new LocalAdapter(backend));
    await waitFor(() => el.live.status === 'ready', 'ready');
    expect(el.live.snapshot!.state.duelCount, 'duel results are hidden while voting').to.equal(0);
    await organiser.send(eventId, 'ideas', 'setPhase', { phase: 'results' });
    await waitFor(() => el.live.snapshot!.state.duelCount === 1, 'the results after the reload');
    expect(el.live.snapshot!.phase).to.equal('results');
  });

  it('sends commands and words failures in the host language', async () => {
    const el = await mount(new LocalAdapter(backend));
    await waitFor(() => el.live.status === 'ready', 'ready');
    const sent = await el.live.send('submitIdea', { text: 'From the element' });
    expect(sent.queued).to.be.false;
    const error = await assertRejects(el.live.send('submitIdea', { text: '' }), 'invalid', 'text');
    expect(error).to.be.instanceOf(OsaError);
    expect(el.live.errorText(error)).to.equal(en.errors.invalid('text', en.validation.required));
    expect(el.live.errorText(error, () => 'Your idea')).to.equal(en.errors.invalid('Your idea', en.validation.required));
  });

  it('is offline without the network, shows the cache and what waits in the outbox, and recovers', async () => {
    const { adapter, network } = switchable(new LocalAdapter(backend));
    const cached = withCache(adapter, { name: uniqueName('controller-cache') });
    // A first visit fills the cache.
    await cached.getActivity(eventId, 'ideas');
    network.offline = true;
    const el = await mount(cached);
    await waitFor(() => el.live.status === 'offline', 'offline');
    await el.updateComplete;
    expect(el.live.error?.code).to.equal('offline');
    expect(items(el), 'the cached view').to.deep.equal(['Seeded idea']);

    const queued = await el.live.send('submitIdea', { text: 'Written offline' });
    expect(queued.queued).to.be.true;
    await waitFor(() => el.live.pending === 1, 'one pending write');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pending')!.textContent).to.equal(en.common.pending(1));

    network.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => el.live.status === 'ready' && el.live.pending === 0, 'ready, with the outbox sent');
    await waitFor(() => items(el).length === 2, 'the sent idea on screen');
    expect(items(el)).to.deep.equal(['Seeded idea', 'Written offline']);
    cached.close();
  });

  it('tells the host about a queued write that was refused later', async () => {
    const { adapter, network } = switchable(new LocalAdapter(backend));
    const cached = withCache(adapter, { name: uniqueName('controller-refused') });
    const el = await mount(cached);
    await waitFor(() => el.live.status === 'ready', 'ready');
    network.offline = true;
    await el.live.send('submitIdea', { text: 'Sent too late' });
    await organiser.send(eventId, 'ideas', 'setPhase', { phase: 'vote' });
    network.offline = false;
    await cached.flush();
    await waitFor(() => el.live.outboxFailure !== undefined, 'the refusal');
    expect(el.live.outboxFailure!.error.code).to.equal('phase_closed');
    expect(el.live.errorText(el.live.outboxFailure!.error)).to.equal(en.errors.phaseClosed);
    expect(el.live.pending).to.equal(0);
    cached.close();
  });

  it('starts over when the activity changes, and stops listening when removed', async () => {
    await organiser.send(eventId, 'ideas', 'submitIdea', { text: 'Second' });
    const el = await mount(new LocalAdapter(backend), 'missing');
    await waitFor(() => el.live.status === 'error', 'the error');
    el.activity = 'ideas';
    await el.updateComplete;
    await waitFor(() => el.live.status === 'ready', 'ready');
    expect(el.live.error).to.equal(undefined);
    const probe: number[] = [];
    const stop = new LocalAdapter(backend).subscribe(eventId, 'ideas', (changes) => probe.push(...changes.map((change) => change.seq)), {
      since: el.live.snapshot!.seq,
    });
    el.remove();
    const renders = el.renders;
    await organiser.send(eventId, 'ideas', 'submitIdea', { text: 'Nobody listens' });
    await organiser.send(eventId, 'ideas', 'setPhase', { phase: 'vote' });
    // One delivery pass serves every subscriber: once the probe has the phase change, a live controller would have had it too.
    await waitFor(() => probe.length >= 2, 'the probe to get the changes');
    stop();
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    expect(el.live.snapshot!.phase).to.equal('collect');
  });
});
