import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { munkres } from 'munkres';
import { allocate, firstComeFirstServed, type AllocationInput, type AllocationObjective, type AllocationResult } from './allocation.js';
import { collegeCase } from './simulate.js';

const sumOfRanks = (result: AllocationResult, k: number): number =>
  result.assignments.reduce((sum, entry) => sum + (entry.workshop === null ? 0 : (entry.rank ?? k + 1)), 0);

function assertValid(input: AllocationInput, result: AllocationResult): void {
  const capacity = new Map(input.workshops.map((workshop) => [workshop.id, workshop.capacity]));
  const taken = new Map<string, number>();
  const seen = new Set<string>();
  for (const entry of result.assignments) {
    const key = `${entry.participant}|${entry.slot}`;
    assert.ok(!seen.has(key), `${key} assigned twice`);
    seen.add(key);
    if (entry.workshop !== null) taken.set(entry.workshop, (taken.get(entry.workshop) ?? 0) + 1);
  }
  for (const [workshop, count] of taken) assert.ok(count <= capacity.get(workshop)!, `${workshop} over capacity: ${count} > ${capacity.get(workshop)}`);
}

describe('allocation: optimal, exact and deterministic', () => {
  test('the sum objective equals the optimum of an independent method (Hungarian, seat-expanded) on seeded 700 × 37 × top-5 cases', () => {
    for (const seed of [1, 2, 3]) {
      const input = collegeCase(seed);
      const result = allocate({ ...input, objective: 'sum' });
      assertValid(input, result);
      assert.equal(result.unseated, 0);
      // Every seat a column; a choice costs its rank, a seat outside the list 6.
      const seats = input.workshops.flatMap((workshop) => Array.from({ length: workshop.capacity }, () => workshop.id));
      const matrix = input.participants.map((participant) => seats.map((workshop) => {
        const rank = participant.choices.indexOf(workshop);
        return rank === -1 ? 6 : rank + 1;
      }));
      const oracle = munkres(matrix).reduce((sum, [row, column]) => sum + matrix[row][column], 0);
      assert.equal(sumOfRanks(result, 5), oracle, `seed ${seed}`);
    }
  });

  test('it is never worse than first come, first served on the same preferences', () => {
    for (const seed of [4, 5]) {
      const input = collegeCase(seed);
      const order = input.participants.map((participant) => participant.id);
      const optimal = allocate(input);
      const raced = firstComeFirstServed(input, order);
      assert.ok(sumOfRanks(optimal, 5) <= sumOfRanks(raced, 5));
      assert.ok(optimal.outside <= raced.outside, `outside their list: ${optimal.outside} vs ${raced.outside}`);
    }
  });

  test('the same input and seed give the same allocation; another seed only breaks ties', () => {
    const input = collegeCase(6, 200, 12);
    const result = allocate(input);
    assert.deepEqual(allocate(input), result);
    const other = allocate({ ...input, seed: 99 });
    assert.notDeepEqual(other.assignments, result.assignments, 'another lottery');
    assert.equal(sumOfRanks(other, 5), sumOfRanks(result, 5), 'an allocation as good');
    assert.equal(other.unseated, result.unseated);
  });

  test('fair puts the worst rank first, rank-maximal the most first choices', () => {
    const input = collegeCase(7, 300, 15, 5, 1.0);
    const results = Object.fromEntries((['sum', 'fair', 'rankMaximal'] as AllocationObjective[]).map((objective) => [objective, allocate({ ...input, objective })]));
    const worst = (result: AllocationResult) => Math.max(...result.assignments.map((entry) => entry.rank ?? 6));
    assert.ok(worst(results.fair) <= worst(results.sum));
    assert.ok(worst(results.fair) <= worst(results.rankMaximal));
    assert.ok(results.rankMaximal.profile[0] >= results.sum.profile[0]);
    assert.ok(results.rankMaximal.profile[0] >= results.fair.profile[0]);
    assert.ok(sumOfRanks(results.sum, 5) <= sumOfRanks(results.fair, 5));
    for (const result of Object.values(results)) assertValid(input, result);
  });

  test('a rerun with nothing changed moves nobody; after a cancellation it moves few', () => {
    const input = collegeCase(8, 300, 15);
    const first = allocate(input);
    const current = (result: AllocationResult) =>
      new Map(result.assignments.filter((entry) => entry.workshop !== null).map((entry) => [entry.participant, { [entry.slot]: entry.workshop! }]));
    const held = current(first);
    const rerun = allocate({ ...input, seed: 1234, participants: input.participants.map((participant) => ({ ...participant, current: held.get(participant.id) })) });
    assert.equal(rerun.moved, 0, 'nobody moves when nothing changed');
    assert.deepEqual(rerun.profile, first.profile);
    // A workshop is cancelled: only its people (and few others) move.
    const cancelled = input.workshops[0].id;
    const displaced = first.assignments.filter((entry) => entry.workshop === cancelled).length;
    const after = allocate({
      ...input,
      workshops: input.workshops.filter((workshop) => workshop.id !== cancelled),
      participants: input.participants.map((participant) => ({ ...participant, current: held.get(participant.id) })),
    });
    assert.ok(displaced > 0);
    assert.ok(after.moved <= displaced * 3, `${after.moved} moved for ${displaced} displaced`);
  });

  test('locked assignments are kept, and count against the capacity', () => {
    const input: AllocationInput = {
      workshops: [
        { id: 'a', slot: 's', capacity: 1 },
        { id: 'b', slot: 's', capacity: 2 },
      ],
      participants: [
        { id: 'p1', choices: ['a', 'b'] },
        { id: 'p2', choices: ['a', 'b'], locked: { s: 'b' } },
        { id: 'p3', choices: ['a', 'b'] },
      ],
    };
    const result = allocate(input);
    assert.deepEqual(result.assignments.find((entry) => entry.participant === 'p2'), { participant: 'p2', slot: 's', workshop: 'b', rank: 2, locked: true });
    assertValid(input, result);
    assert.deepEqual(result.profile, [1, 2]);
  });

  test('nobody is dropped silently: without room in their list they sit elsewhere, without any room they are reported', () => {
    const input: AllocationInput = {
      workshops: [
        { id: 'full', slot: 's', capacity: 1 },
        { id: 'quiet', slot: 's', capacity: 1 },
      ],
      participants: [
        { id: 'p1', choices: ['full'] },
        { id: 'p2', choices: ['full'] },
        { id: 'p3', choices: ['full'] },
      ],
    };
    const result = allocate(input);
    assert.equal(result.profile[0], 1);
    assert.equal(result.outside, 1);
    assert.equal(result.unseated, 1);
    assert.equal(result.assignments.filter((entry) => entry.workshop === null).length, 1);
    const strict = allocate({ ...input, placeOutsideList: false });
    assert.equal(strict.outside, 0);
    assert.equal(strict.unseated, 2);
  });

  test('slots are separate: one seat per slot, ranks counted within each slot', () => {
    const input: AllocationInput = {
      workshops: [
        { id: 'morning-a', slot: 'morning', capacity: 1 },
        { id: 'morning-b', slot: 'morning', capacity: 1 },
        { id: 'afternoon-a', slot: 'afternoon', capacity: 2 },
      ],
      participants: [
        { id: 'p1', choices: ['morning-a', 'afternoon-a', 'morning-b'] },
        { id: 'p2', choices: ['morning-a', 'morning-b'] },
      ],
    };
    const result = allocate(input);
    assertValid(input, result);
    const p1 = result.assignments.filter((entry) => entry.participant === 'p1');
    assert.equal(p1.length, 2);
    assert.deepEqual(p1.find((entry) => entry.slot === 'afternoon'), { participant: 'p1', slot: 'afternoon', workshop: 'afternoon-a', rank: 1, locked: false });
    assert.equal(result.assignments.filter((entry) => entry.participant === 'p2').length, 1, 'p2 ranked nothing in the afternoon');
  });
});

// ---------------------------------------------------------------- brute force on small cases

/** Every allocation of one slot, by enumeration: each person takes a choice, a seat elsewhere, or none. */
function bruteForce(input: AllocationInput, objective: AllocationObjective): number[] {
  const workshops = input.workshops;
  const people = input.participants;
  const k = Math.max(0, ...people.map((person) => person.choices.length));
  let best: number[] | undefined;
  const left = new Map(workshops.map((workshop) => [workshop.id, workshop.capacity]));
  const ranks: Array<number | null | 'none'> = [];
  const score = (): number[] => {
    const seated = ranks.filter((rank) => rank !== 'none') as Array<number | null>;
    const place = (rank: number | null, person: number) => rank ?? people[person].choices.length + 1;
    const places = ranks.map((rank, person) => (rank === 'none' ? 0 : place(rank, person)));
    const unseated = ranks.length - seated.length;
    const sum = places.reduce((total, value) => total + value, 0);
    if (objective === 'sum') return [unseated, sum];
    if (objective === 'fair') {
      const outside = ranks.some((rank) => rank === null);
      const worst = outside ? k + 1 : Math.max(0, ...ranks.map((rank) => (rank === 'none' || rank === null ? 0 : rank)));
      return [unseated, worst, sum];
    }
    const counts = Array.from({ length: k + 1 }, (_, index) => -places.filter((value) => value === index + 1).length);
    return [unseated, ...counts];
  };
  const better = (a: number[], b: number[]) => {
    for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return a[index] < b[index];
    return false;
  };
  const visit = (person: number): void => {
    if (person === people.length) {
      const value = score();
      if (!best || better(value, best)) best = value;
      return;
    }
    for (const workshop of workshops) {
      if (left.get(workshop.id)! <= 0) continue;
      left.set(workshop.id, left.get(workshop.id)! - 1);
      const rank = people[person].choices.indexOf(workshop.id);
      ranks.push(rank === -1 ? null : rank + 1);
      visit(person + 1);
      ranks.pop();
      left.set(workshop.id, left.get(workshop.id)! + 1);
    }
    ranks.push('none');
    visit(person + 1);
    ranks.pop();
  };
  visit(0);
  return best!;
}

function scoreOf(input: AllocationInput, result: AllocationResult, objective: AllocationObjective): number[] {
  const people = new Map(input.participants.map((person) => [person.id, person]));
  const k = Math.max(0, ...input.participants.map((person) => person.choices.length));
  const places = result.assignments.map((entry) => (entry.workshop === null ? 0 : (entry.rank ?? people.get(entry.participant)!.choices.length + 1)));
  const unseated = result.unseated;
  const sum = places.reduce((total, value) => total + value, 0);
  if (objective === 'sum') return [unseated, sum];
  if (objective === 'fair') {
    const worst = result.outside > 0 ? k + 1 : Math.max(0, ...result.assignments.map((entry) => (entry.workshop === null ? 0 : (entry.rank ?? 0))));
    return [unseated, worst, sum];
  }
  return [unseated, ...Array.from({ length: k + 1 }, (_, index) => -places.filter((value) => value === index + 1).length)];
}

const smallCase = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    people: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), { minLength: 1, maxLength: 5 }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map(({ capacities, people, seed }): AllocationInput => ({
    workshops: capacities.map((capacity, index) => ({ id: `w${index}`, slot: 's', capacity })),
    participants: people.map((choices, index) => ({
      id: `p${index}`,
      choices: [...new Set(choices.filter((choice) => choice < capacities.length).map((choice) => `w${choice}`))],
    })),
    seed,
  }))
  .filter((input) => input.participants.some((person) => person.choices.length > 0));

describe('allocation: equal to brute force on small cases', () => {
  for (const objective of ['sum', 'fair', 'rankMaximal'] as const) {
    test(`${objective}: the optimum of every small case`, () => {
      fc.assert(
        fc.property(smallCase, (input) => {
          // Brute force seats everyone who ranked something (people with no choices take no part).
          const taking = { ...input, participants: input.participants.filter((person) => person.choices.length > 0) };
          const result = allocate({ ...taking, objective });
          assertValid(taking, result);
          assert.deepEqual(scoreOf(taking, result, objective), bruteForce(taking, objective));
        }),
        { numRuns: 300 },
      );
    });
  }
});
