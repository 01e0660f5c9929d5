import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../base/osa-element.js';
import { defineElement } from '../base/define.js';
import { controls, tokens } from '../theme/tokens.js';
import { boardView, type BoardConfig, type BoardState } from '../core/board/board.view.js';
import { withCache } from '../adapters/cache.js';
import { boardEvent } from '../adapters/conformance.js';
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import { switchable, uniqueName } from '../adapters/test-support.js';
import type { OsaAdapter } from '../adapters/types.js';
import { en } from '../i18n/en.js';
import { fi } from '../i18n/fi.js';
import { ActivityController } from './activity-controller.js';
import { CommandController } from './command-controller.js';

class OsaTestCommands extends OsaElement {
  static override styles = [tokens, controls];
  @property({ attribute: false }) adapter?: OsaAdapter;
  @property() event?: string;
  @property() activity?: string;
  readonly live = new ActivityController<BoardState, BoardConfig>(this, boardView);
  readonly commands = new CommandController(this, this.live, {
    refusal: (error, command) => (error.code === 'full' && command === 'submitIdea' ? 'Our own words for a full board.' : undefined),
    fieldLabel: (field) => (field === 'text' ? 'Your idea' : field),
  });

  override render() {
    return litHtml`<button ?disabled=${this.commands.busy}>Send</button>${this.commands.render()}`;
  }
}
defineElement('osa-test-commands', OsaTestCommands);

const ideas = (state: BoardState | undefined) => (state?.order ?? []).map((id) => state!.ideas[id].text);

describe('CommandController', () => {
  let backend: LocalBackend;
  let organiser: LocalAdapter;
  let eventId: string;

  beforeEach(async () => {
    backend = new LocalBackend();
    organiser = new LocalAdapter(backend);
    const created = await organiser.createEvent(boardEvent());
    eventId = created.eventId;
    organiser.setOrganiserKey(eventId, created.organiserKey);
  });

  const mount = async (adapter: OsaAdapter, lang = 'en') => {
    const el = await fixture<OsaTestCommands>(html`<osa-test-commands lang=${lang} .adapter=${adapter} event=${eventId} activity="ideas"></osa-test-commands>`);
    await waitUntil(() => el.live.status === 'ready', 'the activity to load');
    return el;
  };

  it('is busy while a command runs, and resolves once the snapshot holds its change', async () => {
    const el = await mount(new LocalAdapter(backend));
    const running = el.commands.run('submitIdea', { text: 'Seen at once' }, { success: 'Saved.' });
    expect(el.commands.busy).to.be.true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.disabled).to.be.true;
    const outcome = await running;
    expect(outcome.status).to.equal('done');
    expect(ideas(el.live.snapshot?.state), 'the command\'s own change is in the snapshot when it resolves').to.deep.equal(['Seen at once']);
    expect(el.commands.busy).to.be.false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Saved.');
    await expect(el).to.be.accessible();
  });

  it('says why a command was refused, in the user\'s language, as an alert', async () => {
    const el = await mount(new LocalAdapter(backend), 'fi');
    await organiser.send(eventId, 'ideas', 'setPhase', { phase: 'closed' });
    const outcome = await el.commands.run('submitIdea', { text: 'Liian myöhään' });
    expect(outcome.status).to.equal('refused');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(fi.errors.phaseClosed);
    await expect(el).to.be.accessible();
  });

  it('uses the element\'s own words and field labels where it gives them', async () => {
    const el = await mount(new LocalAdapter(backend));
    const tooLong = await el.commands.run('submitIdea', { text: 'x'.repeat(400) });
    expect(tooLong.status).to.equal('refused');
    expect(el.commands.feedback?.text).to.include('Your idea');
    const created = await organiser.createEvent({ ...boardEvent(), activities: [{ id: 'ideas', kind: 'board', config: { maxIdeasPerParticipant: 1 } }] });
    el.event = created.eventId;
    eventId = created.eventId;
    await waitUntil(() => el.live.snapshot?.eventId === created.eventId, 'the other event to load');
    expect((await el.commands.run('submitIdea', { text: 'Ensimmäinen' })).status).to.equal('done');
    expect((await el.commands.run('submitIdea', { text: 'Toinen aivan eri asia' })).status).to.equal('refused');
    expect(el.commands.feedback).to.deep.equal({ kind: 'error', text: 'Our own words for a full board.' });
  });

  it('says a write made offline waits to be sent, and tells a request that cannot wait apart', async () => {
    const { adapter, network } = switchable(new LocalAdapter(backend));
    const cached = withCache(adapter, { name: uniqueName('command-test') });
    try {
      const el = await mount(cached);
      network.offline = true;
      const queued = await el.commands.run('submitIdea', { text: 'Kept for later' });
      expect(queued.status).to.equal('queued');
      expect(el.commands.feedback).to.deep.equal({ kind: 'warning', text: en.common.offline });
      const now = await el.commands.run('submitIdea', { text: 'Needed now' }, { queue: false });
      expect(now.status).to.equal('offline');
      expect(el.commands.feedback, 'the element says how it waits, not an error').to.equal(undefined);
    } finally {
      cached.close();
    }
  });

  it('runs other actions with the same busy state and error feedback', async () => {
    const el = await mount(new LocalAdapter(backend));
    // A participant's export is refused: the organiser-only message, in words.
    expect(await el.commands.act(async () => void (await el.live.exportActivity()))).to.be.false;
    expect(el.commands.feedback).to.deep.equal({ kind: 'error', text: en.errors.forbidden });
    expect(await el.commands.act(async () => undefined, 'Done.')).to.be.true;
    expect(el.commands.feedback).to.deep.equal({ kind: 'success', text: 'Done.' });
  });
});
