/**
 * Seat allocation from ranked choices: every participant gets at most one workshop per time slot,
 * no workshop gets more people than its capacity, and the choice of who sits where is optimal for
 * the organiser's objective. Exact (a minimum-cost flow per slot, `min-cost-flow.ts`) and
 * deterministic for a seed.
 *
 * In order of importance, for every objective:
 * 1. as few people as possible are left without a seat (only when the slot's seats run out);
 * 2. the objective over the ranks people get:
 *    - `sum`: the least sum of ranks (the default: the most satisfaction overall);
 *    - `fair`: the best worst rank first (nobody gets their 4th choice if everyone could get a
 *      3rd or better), then the least sum;
 *    - `rankMaximal`: the most first choices, then the most second choices, and so on;
 *    a seat outside a person's list counts as the rank after their last choice;
 * 3. as few people as possible moved from `current` (a rerun after cancellations keeps the rest;
 *    a rerun with nothing changed moves nobody).
 * Locked assignments are kept as they are. Among equally good allocations the seeded lottery
 * (the order of participants) decides.
 */
import { createRandom } from '../ranking/random.js';
import { MinCostFlow } from './min-cost-flow.js';

export type AllocationObjective = 'sum' | 'fair' | 'rankMaximal';

export interface AllocationWorkshop {
  id: string;
  slot: string;
  capacity: number;
}

export interface AllocationParticipant {
  id: string;
  /** Workshop ids, best first; a participant may rank workshops of several slots. */
  choices: readonly string[];
  /** Workshops assigned before (slot → workshop): kept unless that costs the objective. */
  current?: Readonly<Record<string, string>>;
  /** Workshops the organiser fixed (slot → workshop): always kept. */
  locked?: Readonly<Record<string, string>>;
}

export interface AllocationInput {
  workshops: readonly AllocationWorkshop[];
  participants: readonly AllocationParticipant[];
  objective?: AllocationObjective;
  /** The lottery among equally good allocations. */
  seed?: number;
  /** Whether someone none of whose choices has a seat left gets a seat elsewhere in the slot (default true). */
  placeOutsideList?: boolean;
}

export interface Assignment {
  participant: string;
  slot: string;
  /** `null`: no seat left in the slot. */
  workshop: string | null;
  /** The choice number (1 = first choice, within the slot's choices); `null` outside the list or without a seat. */
  rank: number | null;
  locked: boolean;
}

export interface AllocationResult {
  assignments: Assignment[];
  /** How many got their 1st, 2nd, … choice: `profile[0]` is the number of first choices. */
  profile: number[];
  /** Seated outside their list (none of their choices had room). */
  outside: number;
  /** Left without a seat in a slot (its seats ran out). */
  unseated: number;
  /** People whose seat differs from `current`. */
  moved: number;
}

interface SlotDemand {
  participant: AllocationParticipant;
  /** The participant's choices in this slot, best first. */
  choices: string[];
  current: string | undefined;
}

/**
 * Allocates seats. Participants take part in the slots they ranked a workshop in, hold a seat in
 * (`current`) or were locked into.
 */
export function allocate(input: AllocationInput): AllocationResult {
  const objective = input.objective ?? 'sum';
  const placeOutside = input.placeOutsideList ?? true;
  const random = createRandom(input.seed ?? 1);
  const workshopsById = new Map(input.workshops.map((workshop) => [workshop.id, workshop]));
  // The lottery: one shuffled order of participants for every slot.
  const lottery = [...input.participants];
  for (let index = lottery.length - 1; index > 0; index -= 1) {
    const other = random.int(index + 1);
    [lottery[index], lottery[other]] = [lottery[other], lottery[index]];
  }
  const slots = [...new Set(input.workshops.map((workshop) => workshop.slot))];
  const assignments: Assignment[] = [];
  for (const slot of slots) {
    const workshops = input.workshops.filter((workshop) => workshop.slot === slot);
    const seats = new Map(workshops.map((workshop) => [workshop.id, workshop.capacity]));
    const demand: SlotDemand[] = [];
    for (const participant of lottery) {
      const locked = participant.locked?.[slot];
      if (locked !== undefined && workshopsById.get(locked)?.slot === slot) {
        seats.set(locked, (seats.get(locked) ?? 0) - 1);
        const choices = participant.choices.filter((id) => workshopsById.get(id)?.slot === slot);
        const rank = choices.indexOf(locked);
        assignments.push({ participant: participant.id, slot, workshop: locked, rank: rank === -1 ? null : rank + 1, locked: true });
        continue;
      }
      const choices = participant.choices.filter((id) => workshopsById.get(id)?.slot === slot);
      const current = participant.current?.[slot];
      if (choices.length > 0 || (current !== undefined && workshopsById.get(current)?.slot === slot)) {
        demand.push({ participant, choices, current: workshopsById.get(current ?? '')?.slot === slot ? current : undefined });
      }
    }
    assignments.push(...allocateSlot(slot, workshops, seats, demand, objective, placeOutside));
  }
  return summarise(assignments, input.participants);
}

function allocateSlot(
  slot: string,
  workshops: AllocationWorkshop[],
  seats: Map<string, number>,
  demand: SlotDemand[],
  objective: AllocationObjective,
  placeOutside: boolean,
): Assignment[] {
  const everyRank = { bound: Number.POSITIVE_INFINITY, outside: placeOutside };
  if (objective !== 'fair') return solve(slot, workshops, seats, demand, objective, everyRank);
  // The best worst rank first: the fewest people at the worst rank, then at the next… (a seat
  // outside one's list is worse than every listed rank); its worst rank is the least possible.
  // Then the least sum of ranks among allocations no worse than that.
  const minimax = solve(slot, workshops, seats, demand, 'minimax', everyRank);
  if (minimax.some((entry) => entry.workshop !== null && entry.rank === null)) return solve(slot, workshops, seats, demand, 'sum', everyRank);
  const worst = minimax.reduce((most, entry) => Math.max(most, entry.rank ?? 0), 0);
  return solve(slot, workshops, seats, demand, 'sum', { bound: worst, outside: false });
}

/**
 * One slot as a flow: one unit from each participant → their choices (cost by rank), or (when
 * `outside`) → "elsewhere" (the rank after their list) → any workshop, or → straight to the sink
 * (no seat); each workshop → sink (its free seats). Choices ranked worse than `bound` are left out.
 */
function solve(
  slot: string,
  workshops: AllocationWorkshop[],
  seats: Map<string, number>,
  demand: SlotDemand[],
  objective: 'sum' | 'rankMaximal' | 'minimax',
  limits: { bound: number; outside: boolean },
): Assignment[] {
  const longest = demand.reduce((most, entry) => Math.max(most, entry.choices.length), 0);
  // Cost vector: [no seat, the objective's components…, moved]. `sum`: the rank; `rankMaximal`:
  // −1 at the rank's place (most first choices first); `minimax`: +1 at the rank's place counted
  // from the worst (outside the list first), so the fewest people get the worst rank.
  const objectiveWidth = objective === 'sum' ? 1 : longest + 1;
  const width = objectiveWidth + 2;
  const sink = 0;
  const elsewhere = 1;
  const firstPerson = 2;
  const firstWorkshop = firstPerson + demand.length;
  const workshopNode = new Map(workshops.map((workshop, index) => [workshop.id, firstWorkshop + index]));
  const flow = new MinCostFlow(firstWorkshop + workshops.length, width);
  /** The cost of a seat at `rank` (null: outside the list of `listLength` choices), or of no seat (`rank: 'none'`). */
  const vector = (seat: { rank: number | null | 'none'; listLength: number; moves: boolean }): number[] => {
    const cost = new Array<number>(width).fill(0);
    if (seat.rank === 'none') cost[0] = 1;
    else if (objective === 'sum') cost[1] = seat.rank ?? seat.listLength + 1;
    else if (objective === 'rankMaximal') cost[seat.rank ?? seat.listLength + 1] = -1;
    else cost[seat.rank === null ? 1 : longest + 2 - seat.rank] = 1;
    if (seat.moves) cost[width - 1] = 1;
    return cost;
  };
  const zero = new Array<number>(width).fill(0);
  const choiceEdges: Array<Array<{ edge: number; workshop: string; rank: number | null }>> = [];
  const outsideEdges: number[] = [];
  demand.forEach((entry, index) => {
    const person = firstPerson + index;
    const listLength = entry.choices.length;
    const moves = (workshop: string | null): boolean => entry.current !== undefined && entry.current !== workshop;
    const edges: Array<{ edge: number; workshop: string; rank: number | null }> = [];
    entry.choices.forEach((workshop, choice) => {
      if (choice + 1 > limits.bound) return;
      edges.push({ edge: flow.addEdge(person, workshopNode.get(workshop)!, 1, vector({ rank: choice + 1, listLength, moves: moves(workshop) })), workshop, rank: choice + 1 });
    });
    const outside = limits.outside || listLength === 0;
    // A seat held before, outside the current list, stays an option at the rank after the list.
    if (outside && entry.current !== undefined && !entry.choices.includes(entry.current)) {
      edges.push({ edge: flow.addEdge(person, workshopNode.get(entry.current)!, 1, vector({ rank: null, listLength, moves: false })), workshop: entry.current, rank: null });
    }
    choiceEdges.push(edges);
    outsideEdges.push(outside ? flow.addEdge(person, elsewhere, 1, vector({ rank: null, listLength, moves: moves(null) })) : -1);
    flow.addEdge(person, sink, 1, vector({ rank: 'none', listLength, moves: moves(null) }));
  });
  const toElsewhere = workshops.map((workshop) => flow.addEdge(elsewhere, workshopNode.get(workshop.id)!, demand.length, zero));
  for (const workshop of workshops) flow.addEdge(workshopNode.get(workshop.id)!, sink, Math.max(0, seats.get(workshop.id) ?? 0), zero);
  flow.routeEach(demand.map((_, index) => firstPerson + index), sink);

  // Seats taken through "elsewhere", handed out to those who went that way (in lottery order).
  const elsewhereSeats: string[] = [];
  workshops.forEach((workshop, index) => {
    for (let count = flow.flowOn(toElsewhere[index]); count > 0; count -= 1) elsewhereSeats.push(workshop.id);
  });
  return demand.map((entry, index) => {
    const taken = choiceEdges[index].find((candidate) => flow.flowOn(candidate.edge) > 0);
    if (taken) return { participant: entry.participant.id, slot, workshop: taken.workshop, rank: taken.rank, locked: false };
    if (outsideEdges[index] !== -1 && flow.flowOn(outsideEdges[index]) > 0) {
      return { participant: entry.participant.id, slot, workshop: elsewhereSeats.shift()!, rank: null, locked: false };
    }
    return { participant: entry.participant.id, slot, workshop: null, rank: null, locked: false };
  });
}

function summarise(assignments: Assignment[], participants: readonly AllocationParticipant[]): AllocationResult {
  const profile: number[] = [];
  let outside = 0;
  let unseated = 0;
  let moved = 0;
  const byId = new Map(participants.map((participant) => [participant.id, participant]));
  for (const entry of assignments) {
    if (entry.workshop === null) unseated += 1;
    else if (entry.rank === null) outside += 1;
    else {
      while (profile.length < entry.rank) profile.push(0);
      profile[entry.rank - 1] += 1;
    }
    const current = byId.get(entry.participant)?.current?.[entry.slot];
    if (current !== undefined && current !== entry.workshop) moved += 1;
  }
  return { assignments, profile, outside, unseated, moved };
}

/**
 * First come, first served on the same preferences, for comparison: people in the order they came
 * (`order`, e.g. a seeded shuffle) each take their best choice with a seat left in every slot, or
 * (with `placeOutsideList`) any seat left.
 */
export function firstComeFirstServed(input: AllocationInput, order: readonly string[]): AllocationResult {
  const workshopsById = new Map(input.workshops.map((workshop) => [workshop.id, workshop]));
  const seats = new Map(input.workshops.map((workshop) => [workshop.id, workshop.capacity]));
  const byId = new Map(input.participants.map((participant) => [participant.id, participant]));
  const placeOutside = input.placeOutsideList ?? true;
  const assignments: Assignment[] = [];
  const slots = [...new Set(input.workshops.map((workshop) => workshop.slot))];
  for (const id of order) {
    const participant = byId.get(id);
    if (!participant) continue;
    for (const slot of slots) {
      const choices = participant.choices.filter((choice) => workshopsById.get(choice)?.slot === slot);
      if (choices.length === 0) continue;
      const index = choices.findIndex((choice) => (seats.get(choice) ?? 0) > 0);
      let workshop: string | null = index === -1 ? null : choices[index];
      if (workshop === null && placeOutside) workshop = input.workshops.find((candidate) => candidate.slot === slot && (seats.get(candidate.id) ?? 0) > 0)?.id ?? null;
      if (workshop !== null) seats.set(workshop, seats.get(workshop)! - 1);
      assignments.push({ participant: id, slot, workshop, rank: index === -1 ? null : index + 1, locked: false });
    }
  }
  return summarise(assignments, input.participants);
}
