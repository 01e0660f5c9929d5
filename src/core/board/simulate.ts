/**
 * Simulated duel votes for demo events: seed actions can only run fixed commands, and a vote must
 * answer the pair that `nextPair` issued, so demo votes are cast here through the same commands a
 * browser sends (nextPair, then vote), by simulated participants, with seeded random numbers.
 */
import type { Viewer } from '../activity.js';
import type { BoardConfig, BoardState } from './board.js';
import type { EventLedger } from '../ledger.js';
import type { Random } from '../ranking/random.js';
import type { SetupRun as Run } from '../event-setup.js';

/** Chance that a simulated participant cannot decide. */
const TIE_CHANCE = 0.08;

/**
 * Casts `votes` duel votes on every board that is in the `vote` phase in duel mode, shared across
 * its questions. Each idea gets a hidden strength (log-normal); a participant prefers the stronger
 * idea with the Bradley–Terry probability. Voters are the seed's participants, plus new simulated
 * ones (about one per ten votes). Returns the number of votes cast.
 */
export function simulateDuels(ledger: EventLedger, votes: number, random: Random, seedParticipants: string[], participant: (label: string) => string, run: Run): number {
  let cast = 0;
  for (const { record } of ledger.activities.values()) {
    if (record.kind !== 'board' || record.phase !== 'vote' || (record.config as BoardConfig).mode !== 'duel') continue;
    const config = record.config as BoardConfig;
    const state = record.state as BoardState;
    const strength = new Map(state.order.map((id) => [id, Math.exp(random.normal())]));
    const voters = [...seedParticipants];
    for (let index = voters.length; index < Math.ceil(votes / 10); index += 1) voters.push(participant(`simulated voter ${index + 1}`));
    config.questions.forEach((question, questionIndex) => {
      const target = Math.floor(votes / config.questions.length) + (questionIndex < votes % config.questions.length ? 1 : 0);
      const active = [...voters];
      let done = 0;
      let turn = 0;
      while (done < target && active.length > 0) {
        turn %= active.length;
        const viewer: Viewer = { participant: active[turn], organiser: false };
        const { pair } = run(record.id, 'nextPair', { question: question.id }, viewer) as { pair: [string, string] | null };
        if (!pair) {
          // This participant has judged every pair they may see.
          active.splice(turn, 1);
          continue;
        }
        const [a, b] = pair;
        const chanceA = strength.get(a)! / (strength.get(a)! + strength.get(b)!);
        const choice = random.next() < TIE_CHANCE ? 'tie' : random.next() < chanceA ? 'a' : 'b';
        run(record.id, 'vote', { a, b, choice }, viewer);
        done += 1;
        turn += 1;
      }
      cast += done;
    });
  }
  return cast;
}
