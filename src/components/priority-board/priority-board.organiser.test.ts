import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import './priority-board.js';
import type { OsaPriorityBoard } from './priority-board.component.js';
import type { BoardState } from '../../core/board/board.js';
import { boardFixture, manyIdeas, SAMPLE_IDEAS, type BoardFixture, type BoardFixtureOptions } from '../../test-support/board-fixtures.js';
import { offeredFile } from '../../test-support/download.js';

const shadow = (el: OsaPriorityBoard) => el.shadowRoot!;
const text = (el: OsaPriorityBoard) => shadow(el).textContent!.replace(/\s+/g, ' ');
const $ = <E extends Element = HTMLElement>(el: OsaPriorityBoard, selector: string) => shadow(el).querySelector<E>(selector)!;
const $$ = <E extends Element = HTMLElement>(el: OsaPriorityBoard, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];
const cards = (el: OsaPriorityBoard) => $$(el, '[data-idea]');
const cardTexts = (el: OsaPriorityBoard) => cards(el).map((card) => card.querySelector('.text')!.textContent!.trim());
const active = (el: OsaPriorityBoard) => shadow(el).activeElement as HTMLElement | null;
const stateOf = async (fx: BoardFixture) => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as BoardState;
const phaseOf = async (fx: BoardFixture) => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).phase;

async function organiserView(options: BoardFixtureOptions, lang = 'en'): Promise<{ fx: BoardFixture; el: OsaPriorityBoard }> {
  const fx = await boardFixture({ ...options, config: { maxIdeasPerParticipant: 200, ...options.config } });
  const el = await fixture<OsaPriorityBoard>(html`<osa-priority-board
    .adapter=${fx.organiser}
    event=${fx.eventId}
    activity=${fx.activityId}
    view="organiser"
    lang=${lang}
  ></osa-priority-board>`);
  await waitUntil(() => $(el, '[data-phase]'), 'the organiser view never loaded', { timeout: 5000 });
  return { fx, el };
}

/** A moderator's day: hidden, restored, edited (long words) and merged ideas, and one flagged. */
async function moderate(fx: BoardFixture): Promise<void> {
  const send = (command: string, payload: unknown) => fx.organiser.send(fx.eventId, fx.activityId, command, payload);
  await send('moderate', { ideaId: 'i2', action: 'hide' });
  await send('moderate', { ideaId: 'i3', action: 'hide' });
  await send('moderate', { ideaId: 'i3', action: 'restore' });
  await send('moderate', { ideaId: 'i4', action: 'edit', text: 'Oppilashuollon palveluiden saavutettavuus kaikissa kouluissa ja päiväkodeissa' });
  await send('merge', { from: 'i5', into: 'i6' });
}

/** Empties the focused text field, as Ctrl+A and Backspace would. */
async function clear(el: OsaPriorityBoard): Promise<void> {
  (active(el) as HTMLInputElement).select();
  await sendKeys({ press: 'Backspace' });
}

/** Words of `root`'s text that a line break cuts in two (a compound may break after its hyphen: "luokka-|asteilla"). */
function brokenWords(root: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent!.matchAll(/[^\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}

/** Elements of the board wider than the room they have. */
function overflowing(el: OsaPriorityBoard): string[] {
  const board = $(el, '.board');
  const right = board.getBoundingClientRect().right;
  const found: string[] = [];
  if (board.scrollWidth > board.clientWidth) found.push(`the board: ${board.scrollWidth} > ${board.clientWidth}`);
  for (const part of $$(el, 'section, fieldset, details, li, table, form')) {
    const name = `${part.localName}${part.className ? `.${String(part.className).trim().replace(/\s+/g, '.')}` : ''}${part.dataset.idea ? `[${part.dataset.idea}]` : ''}`;
    if (part.scrollWidth > part.clientWidth + 1) found.push(`${name}: ${part.scrollWidth} > ${part.clientWidth}`);
    if (part.getBoundingClientRect().right > right + 1) found.push(`${name} ends at ${part.getBoundingClientRect().right}, the board at ${right}`);
  }
  return found;
}

/** Sets the element's width (and the viewport's) and waits for the layout. */
async function resize(el: OsaPriorityBoard, width: number): Promise<void> {
  await setViewport({ width: Math.max(width, 390), height: 900 });
  el.style.width = `${width}px`;
  await el.updateComplete;
  await nextFrame();
}

describe('osa-priority-board organiser view', () => {
  // No transitions: axe reads colours as they end, not half-way.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('fits a 390 px wide phone: nothing is wider than the board, in any section', async () => {
    const { fx, el } = await organiserView({ config: { moderation: 'pre' }, ideas: manyIdeas(40), pendingIdeas: ['Kieltenopetuksen aloittaminen aiemmin alakouluissa'], phase: 'vote', voters: 6, duelsPerVoter: 10 });
    await moderate(fx);
    await resize(el, 390);
    $<HTMLDetailsElement>(el, 'details.org-log').open = true;
    // The panels an organiser opens on a card take their room too.
    $(el, '[data-merge]').click();
    await el.updateComplete;
    expect(overflowing(el)).to.deep.equal([]);
    $(el, '[data-edit]').click();
    await el.updateComplete;
    expect(overflowing(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('finds ideas among 500: search ignoring case and accents, a status filter, sorting and pages of 25, by keyboard', async () => {
    const { fx, el } = await organiserView({ config: { likesWhileCollecting: true }, ideas: manyIdeas(500) });
    await moderate(fx);
    const liker = fx.newParticipant();
    for (const ideaId of ['i40', 'i41']) await liker.send(fx.eventId, fx.activityId, 'like', { ideaId });
    await fx.newParticipant().send(fx.eventId, fx.activityId, 'like', { ideaId: 'i41' });
    await waitUntil(() => text(el).includes('Moderation log (5)'));
    expect($(el, '#ideas-title').textContent).to.include('(500)');
    expect(cards(el)).to.have.length(25);
    expect(text(el)).to.include('Showing 1–25 of 500');
    expect(text(el)).to.include('Page 1 of 20');
    expect(cardTexts(el)[0]).to.match(/ 500$/, 'newest first');

    // Search: case and accents aside.
    $<HTMLInputElement>(el, '#idea-search').focus();
    await sendKeys({ type: 'LISAA LIIKUNTAA valitunneille kouluissa' });
    await waitUntil(() => cards(el).length === 6, `found ${cards(el).length}`);
    expect(cardTexts(el).every((idea) => idea.startsWith('Lisää liikuntaa välitunneille kouluissa'))).to.be.true;
    expect(text(el)).to.include('Showing 1–6 of 6');
    await waitUntil(() => $(el, '[role="status"][aria-live="polite"]').textContent!.includes('6 ideas match.'), 'the count was not announced', { timeout: 3000 });

    // Filter by status, by keyboard: the select after the search field.
    await clear(el);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.localName).to.equal('select');
    const statusSelect = active(el) as HTMLSelectElement;
    expect([...statusSelect.options].map((option) => option.textContent!.trim())).to.deep.equal(['All (500)', 'Waiting (0)', 'Visible (498)', 'Hidden (1)', 'Merged (1)']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => cards(el).length === 1, 'the hidden idea alone');
    expect(cards(el)[0].dataset.idea).to.equal('i2');
    expect(cards(el)[0].textContent).to.include('Restore');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => cards(el)[0]?.dataset.idea === 'i5');
    expect(cards(el)[0].textContent).to.include('merged into “Opettajien jaksamisen tukeminen');
    statusSelect.value = 'visible';
    statusSelect.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el)).to.include('Showing 1–25 of 498');

    // Sorting.
    const sortSelect = $$<HTMLSelectElement>(el, '.toolbar select')[1];
    const sortBy = async (value: string) => {
      sortSelect.value = value;
      sortSelect.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await sortBy('oldest');
    expect(cards(el)[0].dataset.idea).to.equal('i1');
    await sortBy('liked');
    expect(cards(el).slice(0, 2).map((card) => card.dataset.idea)).to.deep.equal(['i41', 'i40']);
    await sortBy('alphabetical');
    const sorted = [...cardTexts(el)].sort(new Intl.Collator('en').compare);
    expect(cardTexts(el)).to.deep.equal(sorted);
    expect(cardTexts(el)[0]).to.match(/^Digitaitojen/);

    // Pages, by keyboard.
    const next = $$<HTMLButtonElement>(el, '.pager button')[1];
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el)).to.include('Page 2 of 20');
    expect(text(el)).to.include('Showing 26–50 of 498');
    expect(active(el)).to.equal(next, 'focus stays on Next');
    const previous = $$<HTMLButtonElement>(el, '.pager button')[0];
    previous.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el)).to.include('Page 1 of 20');
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    expect(active(el)).to.equal(previous, 'a disabled Previous keeps the focus');
    await expect(el).to.be.accessible();
  });

  it('shows a one-line idea as a card less than four lines tall (two lines of text and the buttons on a phone)', async () => {
    const { el } = await organiserView({ ideas: ['Lyhyt idea'] });
    const card = cards(el)[0];
    const lineHeight = Number.parseFloat(getComputedStyle(card.querySelector('.text')!).lineHeight);
    expect(lineHeight).to.be.greaterThan(10);
    expect(card.getBoundingClientRect().height / lineHeight).to.be.lessThan(4);
    await resize(el, 390);
    expect(card.getBoundingClientRect().height / lineHeight).to.be.lessThan(5);
  });

  it('moves on to the next idea when one leaves the list, so the queue is worked down by keyboard', async () => {
    const { fx, el } = await organiserView({ config: { moderation: 'pre' }, pendingIdeas: ['Ensimmäinen odottava', 'Toinen odottava', 'Kolmas odottava'] });
    expect(text(el)).to.include('3 ideas are waiting for moderation.');
    $$<HTMLButtonElement>(el, '.org-ideas button').find((b) => b.textContent!.includes('Show them'))!.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(3);
    const publish = () => cards(el)[0].querySelector<HTMLButtonElement>('button.primary')!;
    publish().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cards(el).length === 2);
    await waitUntil(() => active(el) === publish(), 'focus went to the next waiting idea');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cards(el).length === 1);
    expect(Object.values((await stateOf(fx)).ideas).filter((idea) => idea.status === 'visible')).to.have.length(2);
  });

  it('edits an idea by keyboard; Escape cancels and focus returns to Edit', async () => {
    const { fx, el } = await organiserView({ ideas: ['Pyörätiet', 'Liikuntaa välitunneille'] });
    const edit = () => $<HTMLButtonElement>(el, '[data-edit="i1"]');
    edit().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'edit-i1', 'focus in the text');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => active(el) === edit(), 'focus back on Edit');
    expect($(el, '#edit-i1')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'edit-i1');
    await sendKeys({ type: ' keskustaan' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await stateOf(fx)).ideas.i1.text === 'Pyörätiet keskustaan');
    await waitUntil(() => active(el) === edit(), 'focus back on Edit after saving');
  });

  it('merges by keyboard: the most similar ideas are offered first, or those found by a search', async () => {
    const { fx, el } = await organiserView({ ideas: ['Koulujen ruokailun kehittäminen', 'Liikuntaa välitunneille', 'Kouluruokailun kehittäminen kaikissa kouluissa'] });
    cards(el)[0].querySelector<HTMLButtonElement>('[data-merge]')!.focus();
    expect(cards(el)[0].dataset.idea).to.equal('i3');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'merge-search-i3', 'focus in the search of the merge panel');
    const offered = () => $$<HTMLInputElement>(el, '[data-idea="i3"] input[type="radio"]').map((radio) => radio.value);
    expect(offered()).to.deep.equal(['i1', 'i2'], 'the most similar first');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'valitunn' });
    await waitUntil(() => offered().length === 1);
    expect(offered()).to.deep.equal(['i2']);
    await clear(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Merge');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await stateOf(fx)).ideas.i3.status === 'merged');
    expect((await stateOf(fx)).ideas.i3.mergedInto).to.equal('i1');
  });

  it('asks in the page before moving everyone to results or closed, and offers to undo', async () => {
    const { fx, el } = await organiserView({ ideas: SAMPLE_IDEAS.slice(0, 4) });
    const confirm = window.confirm;
    window.confirm = () => {
      throw new Error('window.confirm was used');
    };
    try {
      const radio = (phase: string) => $(el, `[data-phase="${phase}"]`);
      radio('collect').focus();
      // To vote: at once (participants are only offered duels), with undo.
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await phaseOf(fx)) === 'vote');
      await waitUntil(() => $(el, '[data-undo-phase]'));
      expect(text(el)).to.include('The board is now in “Prioritising”.');
      // To results: asks first.
      radio('vote').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = $(el, '[role="alertdialog"]');
      expect(dialog.textContent).to.include('Move the board to “Results”?');
      await waitUntil(() => active(el)?.hasAttribute('data-confirm-phase'), 'focus on the confirmation');
      expect(await phaseOf(fx)).to.equal('vote');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[role="alertdialog"]')).to.equal(null);
      await waitUntil(() => active(el) === radio('vote'), 'focus back on the current phase');
      expect(await phaseOf(fx)).to.equal('vote');
      // To closed: confirmed, then undone.
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => active(el)?.hasAttribute('data-confirm-phase'));
      expect($(el, '[role="alertdialog"]').textContent).to.include('nobody can send ideas or vote');
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await phaseOf(fx)) === 'closed');
      await waitUntil(() => $(el, '[data-undo-phase]'));
      expect(text(el)).to.include('The board is now in “Closed”.');
      $(el, '[data-undo-phase]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await phaseOf(fx)) === 'vote', 'undo sets the previous phase');
      await waitUntil(() => text(el).includes('Back in “Prioritising”.'));
      expect($(el, '[data-undo-phase]')).to.equal(null);
    } finally {
      window.confirm = confirm;
    }
  });

  it('keeps the moderation log in a table with column headers, never breaking a word, on a phone and a wide screen', async () => {
    const { fx, el } = await organiserView({ ideas: manyIdeas(8), config: { moderation: 'pre' }, pendingIdeas: ['Vitun huono idea'] });
    await moderate(fx);
    await waitUntil(() => text(el).includes('Moderation log ('));
    const log = $<HTMLDetailsElement>(el, 'details.org-log');
    log.open = true;
    await el.updateComplete;
    const table = log.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent!.trim(), th.getAttribute('scope')])).to.deep.equal([
      ['Time', 'col'],
      ['Action', 'col'],
      ['Idea', 'col'],
      ['Detail', 'col'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.be.greaterThan(5);
    expect(rows[0].querySelectorAll('td')).to.have.length(4);
    expect(rows.some((row) => row.textContent!.includes('edited'))).to.be.true;
    for (const width of [390, 1280]) {
      await resize(el, width);
      expect(brokenWords(table), `at ${width} px`).to.deep.equal([]);
      expect(overflowing(el), `at ${width} px`).to.deep.equal([]);
    }
    await expect(el).to.be.accessible();
  });

  it('says how settled the top of the ranking is, for the top size the organiser picks', async () => {
    const { el } = await organiserView({ ideas: SAMPLE_IDEAS.slice(0, 8), phase: 'vote', voters: 12, duelsPerVoter: 12 });
    const section = () => $(el, '.org-settled');
    await waitUntil(() => section()?.querySelector('meter'), 'no settledness shown');
    expect(section().textContent).to.include('Is the top settled?');
    const share = () => Number(/in (\d+) % of the outcomes/.exec(section().textContent!.replace(/\s+/g, ' '))?.[1]);
    expect(share()).to.be.within(0, 100);
    expect(Math.round(100 * $<HTMLMeterElement>(el, '.org-settled meter').value)).to.equal(share());
    expect(section().textContent).to.match(/The top 5 would be the same ideas/);
    const select = section().querySelector('select')!;
    select.value = '3';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => /The top 3 would be the same ideas/.test(section().textContent!), 'computed again for a top 3');
    select.value = '10';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => section().textContent!.includes('Shown once more than 10 ideas are ranked.'));
    await expect(el).to.be.accessible();
  });

  it('shows no settledness in likes mode', async () => {
    const { el } = await organiserView({ config: { mode: 'upvote' }, ideas: SAMPLE_IDEAS.slice(0, 8), phase: 'vote', voters: 3, likes: true });
    expect($(el, '.org-settled')).to.equal(null);
  });

  it('downloads a CSV in the user\'s language, with the ideas\' texts beside their ids', async () => {
    const { fx, el } = await organiserView({ ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'vote', voters: 1, duelsPerVoter: 1 }, 'fi');
    const files = [
      await offeredFile(() => $$<HTMLButtonElement>(el, '.org-export button').find((b) => b.textContent!.includes('Äänet (CSV)'))!.click()),
      await offeredFile(() => $$<HTMLButtonElement>(el, '.org-export button').find((b) => b.textContent!.includes('Ideat (CSV)'))!.click()),
    ];
    const [votes, ideas] = files.map((file) => file.body.replace(/^\uFEFF/, '').split('\r\n'));
    expect(votes[0]).to.equal('Osallistuja;Idea A:n tunnus;Idea A;Idea B:n tunnus;Idea B;Valinta');
    const state = await stateOf(fx);
    const [vote] = Object.values(Object.values(state.participants).find((record) => Object.keys(record.votes).length > 0)!.votes);
    expect(votes[1]).to.include(`;${vote.a};${state.ideas[vote.a].text};${vote.b};${state.ideas[vote.b].text};`);
    expect(ideas[0]).to.equal('Idean tunnus;Kysymys;Idea;Tila;Yhdistetty ideaan (tunnus);Tykkäyksiä;Merkityt sanat;Kirjoittaja;Lähetetty');
    expect(ideas[1]).to.match(/^i1;main;Lisää liikuntaa välitunneille;Näkyvissä;;0;;p1;\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });
});
