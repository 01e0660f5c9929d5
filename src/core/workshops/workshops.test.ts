import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventLedger } from '../ledger.js';
import type { CommandContext, Viewer } from '../activity.js';
import { OsaError } from '../errors.js';
import { createRandom } from '../ranking/random.js';
import { prepareEvent } from '../event-setup.js';
import { participantNumbers, seatHolders, type Seat, type WorkshopsConfig, type WorkshopsState } from './workshops.js';

const CONFIG: Partial<WorkshopsConfig> = {
  slots: [
    { id: 'am', title: 'Morning' },
    { id: 'pm', title: 'Afternoon' },
  ],
  workshops: [
    { id: 'lego', title: 'Lego robotics', slot: 'am', capacity: 2 },
    { id: 'ai', title: 'AI in teaching', slot: 'am', capacity: 1 },
    { id: 'yoga', title: 'Yoga', slot: 'pm', capacity: 3, minimum: 2 },
  ],
};

function setup(config: Partial<WorkshopsConfig> = CONFIG, phase = 'open') {
  const ledger = new EventLedger('test', 'Test', [{ id: 'w', kind: 'workshops', config, phase }], ['fi']);
  const random = createRandom(3);
  let now = 1_700_000_000_000;
  const run = (viewer: Viewer, command: string, payload: unknown): unknown => {
    const context: CommandContext = { ...viewer, now: (now += 1000), random };
    const { result, changes } = ledger.stamp('w', command, payload, context);
    ledger.apply(changes);
    return result;
  };
  const organiser: Viewer = { organiser: true };
  const person = (id: string): Viewer => ({ participant: id, organiser: false });
  const state = () => ledger.activity('w').record.state as WorkshopsState;
  const view = (viewer: Viewer) => ledger.snapshot('w', viewer).state as WorkshopsState;
  const seat = (id: string, slot = 'am'): Seat | undefined => view(person(id)).participants[id]?.seats[slot];
  /** Moves the clock on (each command also moves it one second). */
  const advance = (ms: number) => (now += ms);
  const clock = () => now;
  return { ledger, run, organiser, person, state, view, seat, advance, clock };
}

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof OsaError, `expected an OsaError, got ${String(error)}`);
    return error.field ? `${error.code}:${error.field}` : error.code;
  }
  return 'no error';
};

describe('workshops: first come, first served', () => {
  test('claims seat people until the workshop is full, then put them on its waitlist in order', () => {
    const { run, person, state, seat } = setup();
    assert.deepEqual(run(person('a'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'confirmed' });
    run(person('b'), 'claim', { workshop: 'lego' });
    assert.deepEqual(run(person('c'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'waitlisted', position: 1 });
    run(person('d'), 'claim', { workshop: 'lego' });
    assert.deepEqual(seat('d'), { workshop: 'lego', status: 'waitlisted', position: 2 });
    assert.deepEqual(state().counts.lego, { held: 2, waiting: 2 });
    assert.deepEqual(state().waitlists.lego, ['c', 'd']);
    assert.deepEqual(run(person('a'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'confirmed' }, 'claiming again changes nothing');
  });

  test('a cancellation promotes the first in line at once, and everyone behind moves up', () => {
    const { run, person, state, seat } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'e']) run(person(id), 'claim', { workshop: 'lego' });
    assert.deepEqual(run(person('b'), 'cancel', { workshop: 'lego' }), { cancelled: true });
    assert.equal(seat('b'), undefined);
    assert.deepEqual(seat('c'), { workshop: 'lego', status: 'confirmed' }, 'the first in line has the seat');
    assert.deepEqual(seat('d'), { workshop: 'lego', status: 'waitlisted', position: 1 });
    assert.deepEqual(seat('e'), { workshop: 'lego', status: 'waitlisted', position: 2 });
    run(person('d'), 'cancel', { workshop: 'lego' });
    assert.deepEqual(seat('e'), { workshop: 'lego', status: 'waitlisted', position: 1 }, 'leaving the line moves those behind');
    assert.deepEqual(state().counts.lego, { held: 2, waiting: 1 });
  });

  test('two workshops in one time slot are refused; other slots are free', () => {
    const { run, person } = setup();
    run(person('a'), 'claim', { workshop: 'lego' });
    assert.equal(code(() => run(person('a'), 'claim', { workshop: 'ai' })), 'invalid:workshop');
    assert.deepEqual(run(person('a'), 'claim', { workshop: 'yoga' }), { workshop: 'yoga', status: 'confirmed' });
  });

  test('claims only while registration is open, and never for an unknown workshop', () => {
    const { run, person, organiser } = setup(CONFIG, 'preparing');
    assert.equal(code(() => run(person('a'), 'claim', { workshop: 'lego' })), 'phase_closed');
    run(organiser, 'setPhase', { phase: 'open' });
    assert.equal(code(() => run(person('a'), 'claim', { workshop: 'nope' })), 'not_found:workshop');
  });

  test('a participant sees their own seat and the counts, never others\' seats or the waitlist order', () => {
    const { run, person, view } = setup();
    for (const id of ['a', 'b', 'c']) run(person(id), 'claim', { workshop: 'lego' });
    const seen = view(person('c'));
    assert.deepEqual(Object.keys(seen.participants), ['c']);
    assert.deepEqual(seen.waitlists, {});
    assert.deepEqual(seen.counts.lego, { held: 2, waiting: 1 });
    assert.deepEqual(Object.keys(view({ organiser: false }).participants), [], 'an anonymous viewer sees no one');
  });

  test('capacity is never exceeded and every line is consistent, whatever the order of claims and cancellations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom('lego', 'ai', 'yoga'), fc.boolean()), { maxLength: 60 }), (steps) => {
        const { run, person, state } = setup();
        for (const [who, workshop, claiming] of steps) {
          try {
            run(person(`p${who}`), claiming ? 'claim' : 'cancel', { workshop });
          } catch (error) {
            if (!(error instanceof OsaError)) throw error;
          }
        }
        const current = state();
        for (const workshop of CONFIG.workshops!) {
          const seated = Object.values(current.participants).filter((record) => record.seats[workshop.slot]?.workshop === workshop.id && record.seats[workshop.slot].status !== 'waitlisted');
          assert.ok(seated.length <= workshop.capacity, `${workshop.id} over capacity`);
          assert.equal(current.counts[workshop.id]?.held ?? 0, seated.length);
          const line = current.waitlists[workshop.id] ?? [];
          assert.equal(current.counts[workshop.id]?.waiting ?? 0, line.length);
          line.forEach((id, index) => assert.deepEqual(current.participants[id].seats[workshop.slot], { workshop: workshop.id, status: 'waitlisted', position: index + 1 }));
          // Nobody waits while a seat is free.
          if (line.length > 0) assert.equal(seated.length, workshop.capacity);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('workshops: ranked choices and the organiser\'s allocation', () => {
  const ranked: Partial<WorkshopsConfig> = { ...CONFIG, mode: 'ranked', choicesPerSlot: 2 };

  test('a ranking is checked per slot and replaces the previous one; claims wait for the allocation', () => {
    const { run, person, state, view } = setup(ranked);
    assert.equal(code(() => run(person('a'), 'claim', { workshop: 'lego' })), 'phase_closed');
    assert.equal(code(() => run(person('a'), 'rank', { choices: ['lego', 'nope'] })), 'not_found:choices.1');
    assert.equal(code(() => run(person('a'), 'rank', { choices: ['lego', 'ai', 'yoga', 'lego'] })), 'invalid:choices');
    assert.deepEqual(run(person('a'), 'rank', { choices: ['ai', 'yoga', 'lego'] }), { ranking: { am: ['ai', 'lego'], pm: ['yoga'] } });
    assert.equal(state().rankedCount, 1);
    run(person('a'), 'rank', { choices: ['lego'] });
    assert.deepEqual(view(person('a')).participants.a.ranking, { am: ['lego'] });
    assert.equal(state().rankedCount, 1);
  });

  test('allocate previews for the organiser only; publishing seats everyone, with the choice they got', () => {
    const { run, person, organiser, view, seat } = setup(ranked);
    for (const id of ['a', 'b', 'c']) run(person(id), 'rank', { choices: ['ai', 'lego', 'yoga'] });
    assert.equal(code(() => run(person('a'), 'allocate', {})), 'forbidden');
    const preview = run(organiser, 'allocate', { objective: 'sum', seed: 7 }) as { profile: number[]; belowMinimum: unknown[] };
    assert.deepEqual(preview.profile, [4, 2], 'one gets ai, two get lego (second choice); everyone gets yoga');
    assert.equal(view(person('a')).preview, undefined, 'participants do not see the preview');
    assert.deepEqual(run(organiser, 'publishAllocation', {}), { published: 6 });
    const got = ['a', 'b', 'c'].map((id) => seat(id));
    assert.equal(got.filter((entry) => entry?.workshop === 'ai').length, 1);
    assert.ok(got.every((entry) => entry?.status === 'assigned' && entry.rank === (entry.workshop === 'ai' ? 1 : 2)));
    assert.equal(code(() => run(person('a'), 'rank', { choices: ['lego'] })), 'phase_closed', 'rankings are frozen once published');
    // A rerun with nothing changed moves nobody.
    const rerun = run(organiser, 'allocate', { seed: 99 }) as { moved: number };
    assert.equal(rerun.moved, 0);
  });

  test('the organiser moves and locks a seat, never into a full workshop', () => {
    const { run, person, organiser, seat } = setup();
    run(person('a'), 'claim', { workshop: 'ai' });
    run(person('b'), 'claim', { workshop: 'lego' });
    assert.equal(code(() => run(organiser, 'move', { participant: 'b', workshop: 'ai' })), 'full:workshop');
    run(organiser, 'move', { participant: 'a', workshop: 'lego', lock: true });
    assert.deepEqual(seat('a'), { workshop: 'lego', status: 'confirmed', locked: true });
    assert.equal(code(() => run(person('a'), 'cancel', { workshop: 'lego' })), 'forbidden');
  });

  test('cancelling a workshop frees everyone in it, refuses claims and rankings of it, and the allocation ignores it', () => {
    const { run, person, organiser, state, view, seat } = setup();
    for (const id of ['a', 'b', 'c']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('d'), 'claim', { workshop: 'ai' });
    assert.equal(code(() => run(person('a'), 'cancelWorkshop', { workshop: 'lego' })), 'forbidden');
    assert.equal(code(() => run(organiser, 'cancelWorkshop', { workshop: 'nope' })), 'not_found:workshop');
    assert.deepEqual(run(organiser, 'cancelWorkshop', { workshop: 'lego' }), { cancelled: true, released: 3 });
    assert.deepEqual(view(person('a')).cancelled, ['lego'], 'participants see it cancelled');
    for (const id of ['a', 'b', 'c']) assert.equal(seat(id), undefined, `${id} lost their place`);
    assert.deepEqual(seat('d'), { workshop: 'ai', status: 'confirmed' }, 'other workshops are untouched');
    assert.deepEqual(state().counts.lego, { held: 0, waiting: 0 });
    assert.deepEqual(state().waitlists.lego, []);
    assert.equal(code(() => run(person('a'), 'claim', { workshop: 'lego' })), 'invalid:workshop');
    assert.equal(code(() => run(organiser, 'move', { participant: 'd', workshop: 'lego' })), 'invalid:workshop');
    assert.deepEqual(run(organiser, 'cancelWorkshop', { workshop: 'lego' }), { cancelled: false, released: 0 }, 'cancelling again changes nothing');
  });

  test('in ranked mode a cancelled workshop leaves the rankings and the allocation; a stale preview must be rerun', () => {
    const { run, person, organiser, state, view } = setup(ranked);
    run(person('a'), 'rank', { choices: ['ai', 'lego', 'yoga'] });
    run(person('b'), 'rank', { choices: ['yoga'] });
    const before = run(organiser, 'allocate', { seed: 1 }) as { belowMinimum: Array<{ workshop: string }> };
    assert.deepEqual(before.belowMinimum.map((entry) => entry.workshop), []);
    run(organiser, 'cancelWorkshop', { workshop: 'yoga' });
    assert.deepEqual(view(person('a')).participants.a.ranking, { am: ['ai', 'lego'] }, 'rankings drop it');
    assert.equal(state().rankedCount, 1, 'b ranked only the cancelled workshop');
    assert.equal(code(() => run(organiser, 'publishAllocation', {})), 'invalid:preview', 'the preview placed people in it');
    assert.equal(code(() => run(person('a'), 'rank', { choices: ['yoga'] })), 'invalid:choices.0');
    run(organiser, 'allocate', { seed: 1 });
    const assignments = state().preview!.assignments;
    assert.ok(Object.values(assignments).every((slots) => Object.values(slots).every((target) => target.workshop !== 'yoga')));
    run(organiser, 'publishAllocation', {});
    assert.equal(state().counts.yoga?.held ?? 0, 0);
  });

  test('participant numbers and seat holders name people as the export does, never by device id', () => {
    const { ledger, run, person, organiser, view } = setup();
    for (const id of ['x', 'y', 'z']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('y'), 'claim', { workshop: 'yoga' });
    const state = view(organiser);
    assert.deepEqual([...participantNumbers(state)], [['x', 'p1'], ['y', 'p2'], ['z', 'p3']]);
    assert.deepEqual(seatHolders(state, { id: 'lego', slot: 'am' }).map((entry) => entry.number), ['p1', 'p2'], 'z waits, and holds no seat');
    const { kind, record } = ledger.activity('w');
    const registrations = kind.exportTables!(record).registrations as Array<{ participant: string; workshop: string }>;
    assert.deepEqual(registrations.filter((row) => row.workshop === 'lego').map((row) => row.participant), ['p1', 'p2', 'p3']);
    assert.equal(registrations.find((row) => row.workshop === 'yoga')?.participant, 'p2');
  });

  test('the export lists registrations with status, waitlist position and the choice each got', () => {
    const { ledger, run, person } = setup();
    for (const id of ['a', 'b', 'c']) run(person(id), 'claim', { workshop: 'lego' });
    const { kind, record } = ledger.activity('w');
    const tables = kind.exportTables!(record);
    assert.deepEqual(tables.registrations, [
      { participant: 'p1', workshop: 'lego', slot: 'am', status: 'confirmed', position: null, offeredUntil: null, rank: null, locked: false },
      { participant: 'p2', workshop: 'lego', slot: 'am', status: 'confirmed', position: null, offeredUntil: null, rank: null, locked: false },
      { participant: 'p3', workshop: 'lego', slot: 'am', status: 'waitlisted', position: 1, offeredUntil: null, rank: null, locked: false },
    ]);
    assert.deepEqual(Object.keys(tables), ['registrations', 'workshops', 'rankings']);
  });

  test('a catalogue whose workshop names an unknown slot, or repeats an id, is refused naming the field', () => {
    const definition = (workshops: unknown[]) => ({ id: 'day', title: 'Day', activities: [{ id: 'w', kind: 'workshops', config: { slots: [{ id: 'am', title: 'AM' }], workshops } }] });
    const prepare = (workshops: unknown[]) => code(() => prepareEvent(definition(workshops), { now: 0, random: createRandom(1), newParticipantId: () => 'p' }));
    assert.equal(prepare([{ id: 'x', title: 'X', slot: 'pm', capacity: 1 }]), 'invalid:activities.0.config.workshops.0.slot');
    assert.equal(prepare([{ id: 'x', title: 'X', slot: 'am', capacity: 1 }, { id: 'x', title: 'Y', slot: 'am', capacity: 1 }]), 'invalid:activities.0.config.workshops.1.id');
    assert.equal(prepare([{ id: 'x', title: 'X', slot: 'am', capacity: -1 }]), 'invalid:activities.0.config.workshops.0.capacity');
  });

  test('themes and levels are written once for all languages or per language, like titles', () => {
    const definition = (theme: unknown) => ({
      id: 'day',
      title: 'Day',
      activities: [{ id: 'w', kind: 'workshops', config: { slots: [{ id: 'am', title: 'AM' }], workshops: [{ id: 'x', title: 'X', slot: 'am', capacity: 1, theme, level: { fi: 'Perustaso', en: 'Beginner' } }] } }],
    });
    const prepare = (theme: unknown) => code(() => prepareEvent(definition(theme), { now: 0, random: createRandom(1), newParticipantId: () => 'p' }));
    assert.equal(prepare('Digiosaaminen'), 'no error');
    assert.equal(prepare({ fi: 'Digiosaaminen', sv: 'Digital kompetens', en: 'Digital competence' }), 'no error');
    assert.equal(prepare({ de: 'Digitalkompetenz' }), 'invalid:activities.0.config.workshops.0.theme');
    assert.equal(prepare('x'.repeat(81)), 'invalid:activities.0.config.workshops.0.theme');
  });
});

describe('workshops: a claim window for a promoted participant', () => {
  const WINDOW = 30;
  const MINUTE = 60_000;
  const windowed: Partial<WorkshopsConfig> = { ...CONFIG, claimWindowMinutes: WINDOW };

  test('a cancellation offers the seat to the first in line until the window ends; accepting makes it theirs', () => {
    const { run, person, state, seat, clock } = setup(windowed);
    for (const id of ['a', 'b', 'c', 'd']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('a'), 'cancel', { workshop: 'lego' });
    const offered = seat('c')!;
    assert.equal(offered.status, 'offered');
    assert.equal(offered.offeredUntil, clock() + WINDOW * MINUTE, 'the window runs from the cancellation');
    assert.deepEqual(seat('d'), { workshop: 'lego', status: 'waitlisted', position: 1 });
    assert.deepEqual(state().counts.lego, { held: 2, waiting: 1 }, 'an offered seat counts as taken');
    assert.deepEqual(run(person('e'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'waitlisted', position: 2 }, 'nobody takes an offered seat');
    assert.deepEqual(run(person('c'), 'acceptOffer', { workshop: 'lego' }), { accepted: true, seat: { workshop: 'lego', status: 'confirmed' } });
    assert.deepEqual(seat('c'), { workshop: 'lego', status: 'confirmed' });
    assert.deepEqual(run(person('c'), 'acceptOffer', { workshop: 'lego' }), { accepted: true, seat: { workshop: 'lego', status: 'confirmed' } }, 'accepting again changes nothing');
    assert.deepEqual(run(person('d'), 'acceptOffer', { workshop: 'lego' }), { accepted: false }, 'a place in line is no offer');
  });

  test('declining (cancel) passes the offer on at once; without a window the seat is theirs at once', () => {
    const { run, person, seat } = setup(windowed);
    for (const id of ['a', 'b', 'c', 'd']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('b'), 'cancel', { workshop: 'lego' });
    assert.deepEqual(run(person('c'), 'cancel', { workshop: 'lego' }), { cancelled: true });
    assert.equal(seat('c'), undefined);
    assert.equal(seat('d')?.status, 'offered');
    const plain = setup();
    for (const id of ['a', 'b', 'c']) plain.run(plain.person(id), 'claim', { workshop: 'lego' });
    plain.run(plain.person('a'), 'cancel', { workshop: 'lego' });
    assert.deepEqual(plain.seat('c'), { workshop: 'lego', status: 'confirmed' });
  });

  test('a lapsed offer cannot be accepted and passes to the next in line when a command touches the workshop', () => {
    const { run, person, organiser, state, seat, advance, clock } = setup(windowed);
    for (const id of ['a', 'b', 'c', 'd', 'e']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('a'), 'cancel', { workshop: 'lego' });
    advance(WINDOW * MINUTE - 5_000);
    assert.equal(seat('c')?.status, 'offered', 'still inside the window');
    advance(10_000);
    assert.equal(seat('c')?.status, 'offered', 'nothing changes without a command (no timers)');
    assert.deepEqual(run(person('c'), 'acceptOffer', { workshop: 'lego' }), { accepted: false });
    assert.equal(seat('c'), undefined, 'c lost it');
    const next = seat('d')!;
    assert.equal(next.status, 'offered', 'd is offered it, in line order');
    assert.equal(next.offeredUntil, clock() + WINDOW * MINUTE, 'with a whole window of their own');
    assert.deepEqual(seat('e'), { workshop: 'lego', status: 'waitlisted', position: 1 });
    assert.deepEqual(state().counts.lego, { held: 2, waiting: 1 });
    // The organiser's sweep passes it on too.
    advance(WINDOW * MINUTE);
    assert.equal(code(() => run(person('d'), 'expireOffers', { workshop: 'nope' })), 'not_found:workshop');
    assert.deepEqual(run(organiser, 'expireOffers', {}), { lapsed: 1 });
    assert.equal(seat('d'), undefined);
    assert.equal(seat('e')?.status, 'offered');
    assert.deepEqual(run(organiser, 'expireOffers', {}), { lapsed: 0 }, 'nothing more to pass on');
  });

  test('an expiry chain runs through several people in line order, each with their own window, and ends with a free seat', () => {
    const { run, person, state, seat, advance } = setup({ ...windowed, workshops: [{ id: 'lego', title: 'Lego', slot: 'am', capacity: 1 }] });
    for (const id of ['a', 'b', 'c', 'd']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('a'), 'cancel', { workshop: 'lego' });
    const offeredTo: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      const holder = ['b', 'c', 'd'].find((id) => seat(id)?.status === 'offered')!;
      offeredTo.push(holder);
      advance(WINDOW * MINUTE);
      // Someone else's command on the workshop passes it on.
      run(person('x'), 'cancel', { workshop: 'lego' });
    }
    assert.deepEqual(offeredTo, ['b', 'c', 'd']);
    assert.deepEqual(state().counts.lego, { held: 0, waiting: 0 }, 'the line is used up, and the seat is free');
    assert.deepEqual(run(person('e'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'confirmed' });
  });

  test('a participant whose offer lapsed can claim another workshop of the slot; the organiser settles an offer by a move', () => {
    const { run, person, organiser, seat, advance } = setup(windowed);
    for (const id of ['a', 'b', 'c']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('a'), 'cancel', { workshop: 'lego' });
    advance(WINDOW * MINUTE);
    assert.deepEqual(run(person('c'), 'claim', { workshop: 'ai' }), { workshop: 'ai', status: 'confirmed' }, 'the lapsed offer is no clash');
    assert.deepEqual(run(person('a'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'confirmed' }, 'the seat c let lapse was free');
    run(person('d'), 'claim', { workshop: 'lego' });
    run(person('b'), 'cancel', { workshop: 'lego' });
    assert.equal(seat('d')?.status, 'offered');
    assert.deepEqual(run(organiser, 'move', { participant: 'd', workshop: 'lego' }), { workshop: 'lego', status: 'confirmed' });
    assert.deepEqual(seat('d'), { workshop: 'lego', status: 'confirmed' });
  });

  test('the export shows an offer with its status and deadline', () => {
    const { ledger, run, person, clock } = setup(windowed);
    for (const id of ['a', 'b', 'c']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('a'), 'cancel', { workshop: 'lego' });
    const { kind, record } = ledger.activity('w');
    const rows = kind.exportTables!(record).registrations as Array<Record<string, unknown>>;
    assert.deepEqual(rows.find((row) => row.participant === 'p3'), {
      participant: 'p3',
      workshop: 'lego',
      slot: 'am',
      status: 'offered',
      position: null,
      offeredUntil: new Date(clock() + WINDOW * MINUTE).toISOString(),
      rank: null,
      locked: false,
    });
  });

  test('capacity is never exceeded, offers follow the line and never outlive their window, under any interleaving with the clock', () => {
    const step = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('claim'), who: fc.integer({ min: 0, max: 5 }), workshop: fc.constantFrom('lego', 'ai') }), weight: 4 },
      { arbitrary: fc.record({ kind: fc.constantFrom('cancel', 'acceptOffer'), who: fc.integer({ min: 0, max: 5 }), workshop: fc.constantFrom('lego', 'ai') }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('expire'), who: fc.constant(0), workshop: fc.constantFrom('lego', 'ai') }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('wait'), who: fc.integer({ min: 1, max: 2 * WINDOW }), workshop: fc.constant('') }), weight: 2 },
    );
    let offers = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 80 }), (steps) => {
        const { run, person, organiser, state, advance, clock } = setup(windowed);
        for (const { kind, who, workshop } of steps) {
          if (kind === 'wait') {
            advance(who * MINUTE);
            continue;
          }
          try {
            if (kind === 'expire') run(organiser, 'expireOffers', { workshop });
            else run(person(`p${who}`), kind, { workshop });
          } catch (error) {
            if (!(error instanceof OsaError)) throw error;
          }
        }
        const current = state();
        for (const workshop of CONFIG.workshops!.filter((entry) => entry.slot === 'am')) {
          const seats = Object.entries(current.participants).flatMap(([id, record]) => (record.seats.am?.workshop === workshop.id ? [[id, record.seats.am] as const] : []));
          const held = seats.filter(([, seat]) => seat.status !== 'waitlisted');
          assert.ok(held.length <= workshop.capacity, `${workshop.id} over capacity`);
          assert.equal(current.counts[workshop.id]?.held ?? 0, held.length);
          for (const [, seat] of held) {
            if (seat.status === 'offered') offers += 1;
            if (seat.status === 'offered') assert.ok(seat.offeredUntil! <= clock() + WINDOW * MINUTE && seat.offeredUntil! > 0);
            else assert.equal(seat.offeredUntil, undefined);
          }
          const line = current.waitlists[workshop.id] ?? [];
          assert.equal(current.counts[workshop.id]?.waiting ?? 0, line.length);
          line.forEach((id, index) => assert.deepEqual(current.participants[id].seats.am, { workshop: workshop.id, status: 'waitlisted', position: index + 1 }));
          if (line.length > 0) assert.equal(held.length, workshop.capacity, 'nobody waits while a seat is free');
        }
        // A sweep now leaves no lapsed offer anywhere.
        run(organiser, 'expireOffers', {});
        const swept = state();
        for (const record of Object.values(swept.participants)) {
          for (const seat of Object.values(record.seats)) if (seat.status === 'offered') assert.ok(seat.offeredUntil! > clock());
        }
      }),
      { numRuns: 200 },
    );
    assert.ok(offers > 5, `the interleavings ended with offers standing (${offers})`);
  });
});

describe('workshops: changing the catalogue of a running activity', () => {
  const configure = (workshops: (list: NonNullable<WorkshopsConfig['workshops']>) => unknown) => ({ config: { ...CONFIG, workshops: workshops(CONFIG.workshops!) } });

  test('a workshop where people hold seats or wait cannot be removed or moved to another slot, nor have fewer seats than are held', () => {
    const { run, person, organiser, ledger } = setup();
    for (const id of ['a', 'b']) run(person(id), 'claim', { workshop: 'lego' });
    run(person('c'), 'claim', { workshop: 'ai' });
    run(person('d'), 'claim', { workshop: 'ai' });
    assert.equal(code(() => run(organiser, 'configure', configure((list) => list.filter((workshop) => workshop.id !== 'lego')))), 'invalid:config.workshops');
    assert.equal(code(() => run(organiser, 'configure', configure((list) => list.filter((workshop) => workshop.id !== 'yoga')))), 'no error', 'an empty workshop can go');
    assert.equal(code(() => run(organiser, 'configure', configure((list) => list.map((workshop) => (workshop.id === 'lego' ? { ...workshop, capacity: 1 } : workshop))))), 'invalid:config.workshops.0.capacity');
    try {
      run(organiser, 'configure', configure((list) => list.map((workshop) => (workshop.id === 'lego' ? { ...workshop, capacity: 1 } : workshop))));
    } catch (error) {
      assert.deepEqual((error as OsaError).reason, { kind: 'tooSmall', limit: 2 });
    }
    assert.equal(code(() => run(organiser, 'configure', configure((list) => list.map((workshop) => (workshop.id === 'ai' ? { ...workshop, slot: 'pm' } : workshop))))), 'invalid:config.workshops.1.slot');
    assert.equal(code(() => run(organiser, 'configure', configure((list) => [...list, { ...list[0], title: 'Another' }]))), 'invalid:config.workshops.3.id');
    assert.equal(code(() => run(organiser, 'configure', configure((list) => list.map((workshop, index) => (index === 0 ? { ...workshop, title: {} } : workshop))))), 'invalid:config.workshops.0.title');
    assert.equal(code(() => run(organiser, 'configure', configure((list) => list.map((workshop, index) => (index === 0 ? { ...workshop, title: '' } : workshop))))), 'invalid:config.workshops.0.title');
    // Capacity down to the seats held is fine, and the catalogue is what the ledger holds.
    run(organiser, 'configure', configure((list) => list.map((workshop) => (workshop.id === 'lego' ? { ...workshop, capacity: 2, title: 'Lego robotics 2' } : workshop))));
    assert.equal((ledger.activity('w').record.config as WorkshopsConfig).workshops[0].title, 'Lego robotics 2');
  });

  test('more seats in a workshop with a line go to the line, in order, when a command next touches it', () => {
    const { run, person, organiser, seat, state } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'e']) run(person(id), 'claim', { workshop: 'lego' });
    run(organiser, 'configure', configure((list) => list.map((workshop) => (workshop.id === 'lego' ? { ...workshop, capacity: 4 } : workshop))));
    assert.deepEqual(run(person('f'), 'claim', { workshop: 'lego' }), { workshop: 'lego', status: 'waitlisted', position: 2 }, 'the line goes first');
    assert.deepEqual(seat('c'), { workshop: 'lego', status: 'confirmed' });
    assert.deepEqual(seat('d'), { workshop: 'lego', status: 'confirmed' });
    assert.deepEqual(seat('e'), { workshop: 'lego', status: 'waitlisted', position: 1 });
    assert.deepEqual(state().counts.lego, { held: 4, waiting: 2 });
  });
});
