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
  return { ledger, run, organiser, person, state, view, seat };
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
      { participant: 'p1', workshop: 'lego', slot: 'am', status: 'confirmed', position: null, rank: null, locked: false },
      { participant: 'p2', workshop: 'lego', slot: 'am', status: 'confirmed', position: null, rank: null, locked: false },
      { participant: 'p3', workshop: 'lego', slot: 'am', status: 'waitlisted', position: 1, rank: null, locked: false },
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
