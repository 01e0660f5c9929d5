/**
 * Seeded allocation cases for tests and benchmarks, shaped like the vocational college's staff
 * training: hundreds of people rank their top k of a few dozen workshops, some far more popular
 * than others, with about as many seats as people.
 */
import { createRandom } from '../ranking/random.js';
import type { AllocationInput, AllocationWorkshop } from './allocation.js';

/** `people` rank their top `k` of `workshops` in one slot (popularity skewed); `seatsPerPerson` sets the total capacity. */
export function collegeCase(seed: number, people = 700, workshops = 37, k = 5, seatsPerPerson = 1.05): AllocationInput {
  const random = createRandom(seed);
  const list: AllocationWorkshop[] = Array.from({ length: workshops }, (_, index) => ({
    id: `w${index + 1}`,
    slot: 'june',
    capacity: Math.max(4, Math.round(((people * seatsPerPerson) / workshops) * (0.6 + random.next() * 0.8))),
  }));
  // Some workshops are far more popular than others.
  const weight = list.map((_, index) => 1 / (1 + index * 0.15));
  const participants = Array.from({ length: people }, (_, index) => {
    const choices: string[] = [];
    while (choices.length < k) {
      let pick = random.next() * weight.reduce((sum, value) => sum + value, 0);
      let chosen = 0;
      while (pick > weight[chosen]) pick -= weight[chosen++];
      if (!choices.includes(list[chosen].id)) choices.push(list[chosen].id);
    }
    return { id: `p${index + 1}`, choices };
  });
  return { workshops: list, participants, seed };
}

