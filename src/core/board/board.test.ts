import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EventLedger } from '../ledger.js';
import type { Change, CommandContext, Viewer } from '../activity.js';
import { applyChange } from '../activity.js';
import { OsaError } from '../errors.js';
import { createRandom } from '../ranking/random.js';
import { boardMine, boardResults, duelTally, resultsVisible, type BoardConfig, type BoardState, type LikeResult, type SubmitResult } from './board.js';
import { flaggedWords } from './profanity.js';

/** An event with one board, and a helper that runs commands the way every store does: plan, record, apply. */
function setup(overrides: Partial<BoardConfig> = {}, phase = 'collect') {
  const ledger = new EventLedger('test', 'Test', [{ id: 'b', kind: 'board', config: overrides, phase }], ['fi']);
  const random = createRandom(7);
  let now = 1_700_000_000_000;
  const run = (viewer: Viewer, command: string, payload: unknown): unknown => {
    const context: CommandContext = { ...viewer, now: (now += 1000), random };
    const { result, changes } = ledger.stamp('b', command, payload, context);
    ledger.apply(changes);
    return result;
  };
  const organiser: Viewer = { organiser: true };
  const person = (id: string): Viewer => ({ participant: id, organiser: false });
  const state = () => ledger.activity('b').record.state as BoardState;
  const view = (viewer: Viewer) => ledger.snapshot('b', viewer).state as BoardState;
  const config = () => ledger.activity('b').record.config as BoardConfig;
  return { ledger, run, organiser, person, state, view, config };
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

describe('board: collecting ideas', () => {
  test('an idea is cleaned, stored and visible at once under post-moderation', () => {
    const { run, person, view } = setup();
    const result = run(person('p1'), 'submitIdea', { text: '  Lisää   liikuntaa\nvälitunneille ' }) as SubmitResult;
    assert.deepEqual(result, { status: 'visible', ideaId: 'i1' });
    const other = view(person('p2'));
    assert.equal(other.ideas.i1.text, 'Lisää liikuntaa välitunneille');
    assert.deepEqual(view(person('p1')).participants.p1.ideas, ['i1']);
    assert.equal(other.participants.p1, undefined, 'who wrote an idea is not shown to others');
    assert.equal(other.participantCount, 1);
  });

  test('pre-moderation shows a pending idea to its author and the organiser only, until approved', () => {
    const { run, person, organiser, view } = setup({ moderation: 'pre' });
    run(person('p1'), 'submitIdea', { text: 'Kiusaamisen ehkäisy' });
    assert.equal(view(person('p1')).ideas.i1.status, 'pending');
    assert.equal(view(person('p2')).ideas.i1, undefined);
    assert.equal(view(organiser).ideas.i1.status, 'pending');
    run(organiser, 'moderate', { ideaId: 'i1', action: 'approve' });
    assert.equal(view(person('p2')).ideas.i1.status, 'visible');
  });

  test('text rules: required, the configured length limit, ideas are text', () => {
    const { run, person, view } = setup({ maxLength: 20 });
    assert.equal(code(() => run(person('p1'), 'submitIdea', { text: '   ' })), 'invalid:text');
    assert.equal(code(() => run(person('p1'), 'submitIdea', { text: 'x'.repeat(21) })), 'invalid:text');
    assert.equal(code(() => run(person('p1'), 'submitIdea', { text: 'ok', extra: 1 })), 'invalid:extra');
    assert.equal(code(() => run(person('p1'), 'submitIdea', { text: 'ok', question: 'nope' })), 'invalid:question');
    run(person('p1'), 'submitIdea', { text: '<b>lihava</b>' });
    assert.equal(view(person('p2')).ideas.i1.text, '<b>lihava</b>', 'stored as typed; elements render it as text');
  });

  test('a very similar idea is reported instead of stored, unless sent anyway', () => {
    const { run, person, view } = setup();
    run(person('p1'), 'submitIdea', { text: 'Koulujen ruokailun kehittäminen' });
    const similar = run(person('p2'), 'submitIdea', { text: 'koulujen ruokailun kehittäminen!' }) as SubmitResult;
    assert.equal(similar.status, 'similar');
    assert.equal(Object.keys(view(person('p2')).ideas).length, 1);
    const forced = run(person('p2'), 'submitIdea', { text: 'koulujen ruokailun kehittäminen!', force: true }) as SubmitResult;
    assert.equal(forced.status, 'visible');
    const different = run(person('p3'), 'submitIdea', { text: 'Oppilashuollon resurssit' }) as SubmitResult;
    assert.equal(different.status, 'visible');
  });

  test('collecting is closed in other phases, and only the organiser changes the phase', () => {
    const { run, person, organiser } = setup();
    assert.equal(code(() => run(person('p1'), 'setPhase', { phase: 'vote' })), 'forbidden');
    run(organiser, 'setPhase', { phase: 'vote' });
    assert.equal(code(() => run(person('p1'), 'submitIdea', { text: 'Myöhässä' })), 'phase_closed');
    assert.equal(code(() => run(organiser, 'setPhase', { phase: 'later' })), 'invalid:phase');
  });

  test('the profanity list flags for the moderator and never blocks', () => {
    assert.deepEqual(flaggedWords('Tämä on ihan paskaa'), ['paskaa']);
    assert.deepEqual(flaggedWords('Kukkia ja fantastisk fanns'), [], 'innocent words that begin like swear words are not flagged');
    const { run, person, organiser, view } = setup();
    const result = run(person('p1'), 'submitIdea', { text: 'Vitun huono ruoka' }) as SubmitResult;
    assert.equal(result.status, 'visible');
    assert.deepEqual(view(organiser).ideas.i1.flagged, ['vitun']);
    assert.equal(view(person('p2')).ideas.i1.flagged, undefined);
    assert.equal(view(organiser).moderation.at(-1)?.action, 'flag');
  });

  test('a participant can submit at most the configured number of ideas', () => {
    const { run, person } = setup({ maxIdeasPerParticipant: 2 });
    run(person('p1'), 'submitIdea', { text: 'Ensimmäinen idea' });
    run(person('p1'), 'submitIdea', { text: 'Toinen täysin eri asia' });
    assert.equal(code(() => run(person('p1'), 'submitIdea', { text: 'Kolmas ajatus tästä' })), 'full');
  });
});

function boardWithIdeas(count: number, config: Partial<BoardConfig> = {}) {
  const env = setup(config);
  const topics = ['liikunta', 'ruokailu', 'kiusaaminen', 'oppilashuolto', 'kirjasto', 'vanhemmat', 'digitaidot', 'luonto', 'taide', 'kielet', 'ryhmäkoot', 'jaksaminen'];
  for (let index = 0; index < count; index += 1) env.run(env.person(`author${index}`), 'submitIdea', { text: `${topics[index % topics.length]} ${index} ${'x'.repeat(index)}` });
  env.run(env.organiser, 'setPhase', { phase: 'vote' });
  return env;
}

describe('board: duels', () => {
  test('pairs come from the server, never repeat for a participant, and run out', () => {
    const { run, person } = boardWithIdeas(4);
    const seen = new Set<string>();
    for (;;) {
      const { pair } = run(person('voter'), 'nextPair', {}) as { pair: [string, string] | null };
      if (!pair) break;
      const key = [...pair].sort().join('|');
      assert.ok(!seen.has(key), `pair ${key} offered twice`);
      seen.add(key);
      run(person('voter'), 'vote', { a: pair[0], b: pair[1], choice: 'a' });
    }
    assert.equal(seen.size, 6, 'all 6 pairs of 4 ideas, then none');
  });

  test('a participant never judges a pair of only their own ideas', () => {
    const { run, person, organiser } = setup();
    run(person('p1'), 'submitIdea', { text: 'Oma idea yksi' });
    run(person('p1'), 'submitIdea', { text: 'Toinen oma ajatus' });
    run(person('p2'), 'submitIdea', { text: 'Jonkun muun ehdotus' });
    run(organiser, 'setPhase', { phase: 'vote' });
    for (;;) {
      const { pair } = run(person('p1'), 'nextPair', {}) as { pair: [string, string] | null };
      if (!pair) break;
      assert.ok(!(pair.includes('i1') && pair.includes('i2')), 'own ideas against each other');
      run(person('p1'), 'vote', { a: pair[0], b: pair[1], choice: 'tie' });
    }
  });

  test('a vote answers with the next pair, issued to the voter and never the pair just answered', () => {
    const { run, person, view } = boardWithIdeas(4);
    const voter = person('one-trip');
    const seen = new Set<string>();
    let { pair } = run(voter, 'nextPair', {}) as { pair: [string, string] | null };
    while (pair) {
      const key = [...pair].sort().join('|');
      assert.ok(!seen.has(key), `pair ${key} offered twice`);
      seen.add(key);
      const answer = run(voter, 'vote', { a: pair[0], b: pair[1], choice: 'b' }) as { pair: [string, string] | null; done: number };
      assert.equal(answer.done, seen.size);
      // What the voter's own view holds is the pair the answer names (the element shows it from there).
      assert.deepEqual(boardMine(view(voter), voter).pair ?? null, answer.pair);
      if (answer.pair) assert.deepEqual((run(voter, 'nextPair', {}) as { pair: [string, string] }).pair, answer.pair, 'asking again gives the same pair');
      pair = answer.pair;
    }
    assert.equal(seen.size, 6, 'all 6 pairs of 4 ideas, one round trip each');
  });

  test('the log keeps only the latest pair issued to each participant; every view folds as from the whole history', () => {
    const { ledger, run, person, organiser, view } = boardWithIdeas(8);
    const history: Change[] = [];
    const voters = ['v1', 'v2', 'v3'].map(person);
    const pairs = new Map(voters.map((voter) => [voter, (run(voter, 'nextPair', {}) as { pair: [string, string] }).pair]));
    history.push(...ledger.activity('b').log);
    for (let round = 0; round < 10; round += 1) {
      for (const voter of voters) {
        const pair = pairs.get(voter)!;
        const before = ledger.seq;
        pairs.set(voter, (run(voter, 'vote', { a: pair[0], b: pair[1], choice: round % 3 === 0 ? 'tie' : 'a' }) as { pair: [string, string] }).pair);
        history.push(...ledger.activity('b').log.filter((change) => change.seq > before));
      }
    }
    const log = ledger.activity('b').log;
    const pairChanges = log.filter((change) => change.type === 'pair');
    assert.deepEqual(pairChanges.map((change) => change.audience).sort(), ['participant:v1', 'participant:v2', 'participant:v3'], 'one pair change per voter');
    assert.equal(history.filter((change) => change.type === 'pair').length, 33, 'issued: 3 first pairs and 30 after votes');
    // A ledger that kept every change: fold the full history into a fresh one without dropping.
    const full = new EventLedger('test', 'Test', [{ id: 'b', kind: 'board', config: {}, phase: 'collect' }], ['fi']);
    const kept = full.activity('b');
    for (const change of [...history].sort((x, y) => x.seq - y.seq)) {
      full.seq = change.seq;
      applyChange(kept.kind, kept.record, change);
      kept.log.push(change);
    }
    for (const viewer of [...voters, organiser, person('nobody')]) {
      assert.deepEqual(view(viewer), full.snapshot('b', viewer).state, `${viewer.participant ?? 'organiser'}'s view`);
    }
    assert.deepEqual(boardMine(view(voters[0]), voters[0]).pair, pairs.get(voters[0]));
  });

  test('changing an earlier answer keeps the pair issued meanwhile', () => {
    const { run, person } = boardWithIdeas(5);
    const voter = person('changer');
    const first = (run(voter, 'nextPair', {}) as { pair: [string, string] }).pair;
    const { pair: second } = run(voter, 'vote', { a: first[0], b: first[1], choice: 'a' }) as { pair: [string, string] };
    const changed = run(voter, 'vote', { a: first[0], b: first[1], choice: 'b' }) as { pair: [string, string]; done: number };
    assert.deepEqual(changed.pair, second);
    assert.equal(changed.done, 1);
    // The pair issued meanwhile can still be answered.
    const answered = run(voter, 'vote', { a: second[0], b: second[1], choice: 'a' }) as { done: number };
    assert.equal(answered.done, 2);
  });

  test('asking again returns the same unanswered pair', () => {
    const { run, person } = boardWithIdeas(6);
    const first = run(person('v'), 'nextPair', {}) as { pair: [string, string] };
    const again = run(person('v'), 'nextPair', {}) as { pair: [string, string] };
    assert.deepEqual(again.pair, first.pair);
  });

  test('only an offered pair can be voted on; a changed vote replaces the old one', () => {
    const { run, person, organiser, view } = boardWithIdeas(5, { resultsVisibility: 'always' });
    assert.equal(code(() => run(person('v'), 'vote', { a: 'i1', b: 'i2', choice: 'a' })), 'invalid:a');
    const { pair } = run(person('v'), 'nextPair', {}) as { pair: [string, string] };
    run(person('v'), 'vote', { a: pair[0], b: pair[1], choice: 'a' });
    run(person('v'), 'vote', { a: pair[0], b: pair[1], choice: 'b' });
    const duels = Object.values(view(organiser).duels);
    assert.equal(view(organiser).duelCount, 1, 'one vote per participant per pair');
    const result = duels[0];
    const winsOfSecond = result.a === pair[1] ? result.aWins : result.bWins;
    assert.equal(winsOfSecond, 1, 'the last vote counts');
    assert.equal(view(organiser).voters, 1);
  });

  test('duel results are hidden from participants until results are shown', () => {
    const { run, person, organiser, view } = boardWithIdeas(4, { resultsVisibility: 'afterVoting' });
    const visibility = (resultsVisibility: BoardConfig['resultsVisibility'], phase: string) =>
      resultsVisible({ resultsVisibility } as BoardConfig, phase);
    assert.deepEqual(
      ['collect', 'vote', 'results', 'closed'].map((phase) => visibility('afterVoting', phase)),
      [false, false, true, true],
    );
    assert.deepEqual(['vote', 'results', 'closed'].map((phase) => visibility('afterClose', phase)), [false, false, true]);
    assert.equal(visibility('never', 'closed'), false);
    assert.equal(visibility('always', 'collect'), true);
    const { pair } = run(person('v'), 'nextPair', {}) as { pair: [string, string] };
    run(person('v'), 'vote', { a: pair[0], b: pair[1], choice: 'a' });
    assert.equal(view(person('other')).duelCount, 0);
    assert.equal(view(organiser).duelCount, 1);
    run(organiser, 'setPhase', { phase: 'results' });
    assert.equal(view(person('other')).duelCount, 1);
  });

  test('everyone sees a true count of votes while the results are hidden', () => {
    const duels = boardWithIdeas(4, { resultsVisibility: 'never' });
    const { pair } = duels.run(duels.person('v'), 'nextPair', {}) as { pair: [string, string] };
    const { pair: next } = duels.run(duels.person('v'), 'vote', { a: pair[0], b: pair[1], choice: 'a' }) as { pair: [string, string] };
    duels.run(duels.person('v'), 'vote', { a: next[0], b: next[1], choice: 'tie' });
    duels.run(duels.person('v'), 'vote', { a: pair[0], b: pair[1], choice: 'b' });
    const room = duels.view(duels.person('presenter'));
    assert.equal(room.duelCount, 0, 'the duel results stay hidden');
    assert.equal(room.votes, 2, 'two answers: a changed answer counts once');
    assert.equal(duels.view(duels.organiser).votes, duels.view(duels.organiser).duelCount);

    const likes = boardWithIdeas(3, { mode: 'upvote', resultsVisibility: 'never' });
    likes.run(likes.person('v'), 'like', { ideaId: 'i1' });
    likes.run(likes.person('v'), 'like', { ideaId: 'i2' });
    likes.run(likes.person('w'), 'like', { ideaId: 'i1' });
    likes.run(likes.person('v'), 'unlike', { ideaId: 'i2' });
    const seen = likes.view(likes.person('presenter'));
    assert.equal(seen.ideas.i1.likes, 0, 'the like counts stay hidden');
    assert.equal(seen.votes, 2, 'a like taken back no longer counts');
  });

  test('merging carries votes over to the remaining idea', () => {
    const { run, person, organiser, view } = boardWithIdeas(4, { resultsVisibility: 'always', minAppearances: 0 });
    for (const voter of ['a', 'b', 'c', 'd', 'e', 'f']) {
      for (;;) {
        const { pair } = run(person(voter), 'nextPair', {}) as { pair: [string, string] | null };
        if (!pair) break;
        // i1 always wins, i2 always second
        const rank = (id: string) => ({ i1: 0, i2: 1, i3: 2, i4: 3 })[id] ?? 9;
        run(person(voter), 'vote', { a: pair[0], b: pair[1], choice: rank(pair[0]) < rank(pair[1]) ? 'a' : 'b' });
      }
    }
    const before = view(organiser).duelCount;
    run(organiser, 'merge', { from: 'i2', into: 'i4' });
    const after = view(organiser);
    assert.equal(after.ideas.i2.status, 'merged');
    assert.equal(after.ideas.i2.mergedInto, 'i4');
    assert.equal(after.duelCount, before - 6, 'the six i2–i4 duels drop out; the rest carry over');
    const i4 = Object.values(after.duels).filter((pair) => pair.a === 'i4' || pair.b === 'i4');
    const i4Wins = i4.reduce((sum, pair) => sum + (pair.a === 'i4' ? pair.aWins : pair.bWins), 0);
    assert.equal(i4Wins, 6, "i2's six wins over i3 now count for i4");
    assert.equal(code(() => run(organiser, 'merge', { from: 'i1', into: 'i1' })), 'invalid:into');
    assert.equal(code(() => run(person('a'), 'merge', { from: 'i1', into: 'i3' })), 'forbidden');
    assert.equal(view(organiser).moderation.at(-1)?.action, 'merge');
  });

  test('results rank a dominating idea first with scores in [0, 100]', () => {
    const { run, person, state, config } = boardWithIdeas(6, { resultsVisibility: 'always', minAppearances: 3 });
    for (let voter = 0; voter < 10; voter += 1) {
      for (let round = 0; round < 5; round += 1) {
        const { pair } = run(person(`v${voter}`), 'nextPair', {}) as { pair: [string, string] | null };
        if (!pair) break;
        const winner = pair.includes('i3') ? 'i3' : pair[voter % 2];
        run(person(`v${voter}`), 'vote', { a: pair[0], b: pair[1], choice: winner === pair[0] ? 'a' : 'b' });
      }
    }
    const rows = boardResults(state(), config());
    assert.equal(rows[0].id, 'i3');
    for (const row of rows) {
      assert.ok(row.score >= 0 && row.score <= 100);
      assert.ok(row.lower <= row.score && row.score <= row.upper);
      assert.equal(typeof row.text, 'string');
    }
  });
});

describe('board: the live tally', () => {
  test('updated vote by vote, it equals a tally rebuilt from the state', () => {
    const { run, person, organiser, state } = boardWithIdeas(6, { resultsVisibility: 'always' });
    duelTally(state());
    for (let voter = 0; voter < 8; voter += 1) {
      for (let round = 0; round < 6; round += 1) {
        const { pair } = run(person(`v${voter}`), 'nextPair', {}) as { pair: [string, string] | null };
        if (!pair) break;
        const choice = (['a', 'b', 'tie'] as const)[(voter + round) % 3];
        run(person(`v${voter}`), 'vote', { a: pair[0], b: pair[1], choice });
        // Changing one's mind replaces the old outcome.
        if (round === 2) run(person(`v${voter}`), 'vote', { a: pair[0], b: pair[1], choice: choice === 'a' ? 'b' : 'a' });
      }
      if (voter === 4) run(organiser, 'moderate', { ideaId: 'i6', action: 'hide' });
    }
    const live = duelTally(state());
    const rebuilt = duelTally(structuredClone(state()));
    assert.notEqual(live, rebuilt);
    assert.equal(live.duelCount, rebuilt.duelCount);
    for (const id of rebuilt.items()) assert.deepEqual(live.totals(id), rebuilt.totals(id), `totals of ${id}`);
    for (const pair of rebuilt.pairs()) assert.deepEqual(live.pair(pair.first, pair.second), pair);
  });
});

describe('board: upvotes and moderation', () => {
  test('one like per idea per participant, which can be withdrawn', () => {
    const { run, person, organiser, view, config } = boardWithIdeas(3, { mode: 'upvote', resultsVisibility: 'always', minAppearances: 0 });
    run(person('v'), 'like', { ideaId: 'i1' });
    run(person('v'), 'like', { ideaId: 'i1' });
    assert.equal(view(organiser).ideas.i1.likes, 1);
    run(person('w'), 'like', { ideaId: 'i1' });
    run(person('v'), 'unlike', { ideaId: 'i1' });
    assert.equal(view(person('x')).ideas.i1.likes, 1);
    assert.deepEqual(view(person('w')).participants.w.likes, ['i1']);
    assert.equal(code(() => run(person('v'), 'nextPair', {})), 'phase_closed');
    const rows = boardResults(view(organiser), config());
    assert.equal(rows[0].id, 'i1');
  });

  test('likes while collecting only when the organiser allows them (the discussion case)', () => {
    const closed = setup();
    closed.run(closed.person('a'), 'submitIdea', { text: 'Avoin vastaus' });
    assert.equal(code(() => closed.run(closed.person('b'), 'like', { ideaId: 'i1' })), 'phase_closed');
    const open = setup({ likesWhileCollecting: true, questions: [{ id: 'q1', title: 'Yksi' }, { id: 'q2', title: 'Kaksi' }] });
    open.run(open.person('a'), 'submitIdea', { text: 'Vastaus kakkoseen', question: 'q2' });
    open.run(open.person('b'), 'like', { ideaId: 'i1' });
    assert.equal(open.view(open.person('c')).ideas.i1.likes, 1);
    assert.equal(open.view(open.person('c')).ideas.i1.question, 'q2');
  });

  test('hide, restore and edit are organiser-only and logged', () => {
    const { run, person, organiser, view } = setup();
    run(person('p1'), 'submitIdea', { text: 'Kirjotusvirhe tässä' });
    assert.equal(code(() => run(person('p1'), 'moderate', { ideaId: 'i1', action: 'hide' })), 'forbidden');
    run(organiser, 'moderate', { ideaId: 'i1', action: 'edit', text: 'Kirjoitusvirhe tässä' });
    run(organiser, 'moderate', { ideaId: 'i1', action: 'hide' });
    assert.equal(view(person('p2')).ideas.i1, undefined, 'a hidden idea is not sent to others');
    assert.equal(view(person('p1')).ideas.i1.status, 'hidden', 'its author sees it hidden');
    run(organiser, 'moderate', { ideaId: 'i1', action: 'restore' });
    assert.equal(view(person('p2')).ideas.i1.text, 'Kirjoitusvirhe tässä');
    assert.deepEqual(view(organiser).moderation.map((entry) => entry.action), ['edit', 'hide', 'restore']);
    assert.deepEqual(view(person('p2')).moderation, [], 'the log is the organiser\'s');
    assert.equal(code(() => run(organiser, 'moderate', { ideaId: 'nope', action: 'hide' })), 'not_found:ideaId');
  });
});

describe('board: text', () => {
  test('control characters are dropped and white space folded', () => {
    const { run, person, view } = setup();
    run(person('p1'), 'submitIdea', { text: 'Lisää\u0007 tukea\u001b\t\topettajille\u007f' });
    assert.equal(view(person('p2')).ideas.i1.text, 'Lisää tukea opettajille');
  });
});

describe('board: what participants and anonymous viewers may read', () => {
  const anonymous: Viewer = { organiser: false };
  /** Every change a viewer gets, as the wire carries them (a snapshot folds these; a stream sends them). */
  const raw = (ledger: EventLedger, viewer: Viewer): string => JSON.stringify(ledger.changesFor('b', viewer));

  test('like counts in upvote mode reach participants with the results only: not in answers, restored ideas or merges', () => {
    const { ledger, run, person, organiser, view } = boardWithIdeas(3, { mode: 'upvote', resultsVisibility: 'afterVoting' });
    assert.deepEqual(run(person('v'), 'like', { ideaId: 'i1' }), { liked: true } satisfies LikeResult);
    run(person('w'), 'like', { ideaId: 'i1' });
    run(person('w'), 'like', { ideaId: 'i2' });
    assert.deepEqual(run(person('w'), 'like', { ideaId: 'i2' }), { liked: true }, 'nor a repeated like');
    assert.deepEqual(run(person('w'), 'unlike', { ideaId: 'i1' }), { liked: false });
    run(person('w'), 'like', { ideaId: 'i1' });
    run(organiser, 'moderate', { ideaId: 'i1', action: 'hide' });
    run(organiser, 'moderate', { ideaId: 'i1', action: 'restore' });
    run(organiser, 'merge', { from: 'i2', into: 'i3' });
    for (const viewer of [person('x'), person('w'), anonymous]) {
      assert.doesNotMatch(raw(ledger, viewer), /"likes":\d/);
      assert.deepEqual(Object.values(view(viewer).ideas).map((item) => item.likes), [0, 0, 0]);
    }
    assert.equal(view(organiser).ideas.i1.likes, 2, 'the organiser sees the restored count');
    assert.equal(view(organiser).ideas.i3.likes, 1, 'and the merged one');
    run(organiser, 'setPhase', { phase: 'results' });
    assert.equal(view(anonymous).ideas.i1.likes, 2, 'with the results, everyone does');
    assert.equal(view(person('x')).ideas.i3.likes, 1);
  });

  test('like answers carry the count where counts are shown: results always, or likes while collecting', () => {
    const always = boardWithIdeas(2, { mode: 'upvote', resultsVisibility: 'always' });
    assert.deepEqual(always.run(always.person('v'), 'like', { ideaId: 'i1' }), { likes: 1, liked: true });
    const discussion = setup({ likesWhileCollecting: true, resultsVisibility: 'never' });
    discussion.run(discussion.person('a'), 'submitIdea', { text: 'Avoin keskustelu' });
    assert.deepEqual(discussion.run(discussion.person('b'), 'like', { ideaId: 'i1' }), { likes: 1, liked: true });
  });

  test("a hidden idea's text reaches its author and the organiser only, edits included", () => {
    const { ledger, run, person, organiser, view } = setup();
    run(person('p1'), 'submitIdea', { text: 'Salainen ehdotus' });
    run(organiser, 'moderate', { ideaId: 'i1', action: 'edit', text: 'Muokattu salainen ehdotus' });
    run(organiser, 'moderate', { ideaId: 'i1', action: 'hide' });
    for (const viewer of [person('p2'), anonymous]) {
      assert.doesNotMatch(raw(ledger, viewer), /salainen/i);
      assert.equal(view(viewer).ideas.i1, undefined);
    }
    assert.equal(view(person('p1')).ideas.i1.text, 'Muokattu salainen ehdotus');
    assert.equal(view(organiser).ideas.i1.status, 'hidden');
  });

  test('without showIdeas, others get no idea while collecting, not even through the duplicate check; from the vote on, all', () => {
    const { ledger, run, person, organiser, view } = setup({ showIdeas: false, likesWhileCollecting: true });
    run(person('p1'), 'submitIdea', { text: 'Koulujen ruokailun kehittäminen' });
    run(person('p2'), 'submitIdea', { text: 'Pyöräteitä keskustaan' });
    assert.deepEqual(Object.keys(view(person('p1')).ideas), ['i1'], 'a participant sees their own');
    assert.deepEqual(Object.keys(view(anonymous).ideas), []);
    assert.doesNotMatch(raw(ledger, person('p2')), /ruokailun/);
    assert.doesNotMatch(raw(ledger, anonymous), /ruokailun|keskustaan/);
    const again = run(person('p2'), 'submitIdea', { text: 'koulujen ruokailun kehittäminen!' }) as SubmitResult;
    assert.equal(again.status, 'visible', "the check compares with the participant's own ideas only");
    assert.equal(code(() => run(person('p2'), 'like', { ideaId: 'i1' })), 'not_found:ideaId');
    assert.equal(view(organiser).order.length, 3);
    run(organiser, 'setPhase', { phase: 'vote' });
    assert.deepEqual(view(anonymous).order, ['i1', 'i2', 'i3']);
  });
});

describe('board: the duplicate check', () => {
  test('"similar" answers are counted; past three per idea allowed, submissions are stored unchecked', () => {
    const { run, person, view } = setup({ maxIdeasPerParticipant: 1 });
    run(person('p1'), 'submitIdea', { text: 'Koulujen ruokailun kehittäminen' });
    const p2 = person('p2');
    for (let round = 0; round < 3; round += 1) {
      assert.equal((run(p2, 'submitIdea', { text: 'koulujen ruokailun kehittäminen' }) as SubmitResult).status, 'similar');
    }
    assert.equal(boardMine(view(p2), p2).similarAnswers, 3);
    assert.equal(view(person('p3')).participants.p2, undefined, 'the count is the participant\'s own');
    assert.equal((run(p2, 'submitIdea', { text: 'koulujen ruokailun kehittäminen' }) as SubmitResult).status, 'visible');
    assert.equal(code(() => run(p2, 'submitIdea', { text: 'Aivan toinen ajatus' })), 'full', 'the idea limit bounds the rest');
  });

  test('follows edits and restores of ideas', () => {
    const { run, person, organiser } = setup();
    run(person('p1'), 'submitIdea', { text: 'Koulujen ruokailun kehittäminen' });
    const similarTo = (text: string) => (run(person('p2'), 'submitIdea', { text }) as SubmitResult).status;
    assert.equal(similarTo('koulujen ruokailun kehittäminen'), 'similar');
    run(organiser, 'moderate', { ideaId: 'i1', action: 'edit', text: 'Pyöräteitä keskustaan' });
    assert.equal(similarTo('pyöräteitä keskustaan!'), 'similar');
    run(organiser, 'moderate', { ideaId: 'i1', action: 'hide' });
    assert.equal(similarTo('Pyöräteitä keskustaan'), 'visible', 'a hidden idea is not offered as similar');
  });
});

describe('board: the export and the ranking prior', () => {
  test('votes and likes carry the ideas\' texts beside their ids; times stay ISO in the tables', async () => {
    const { activityExport } = await import('../backend.js');
    const { run, person, organiser, ledger } = boardWithIdeas(3, { likesWhileCollecting: true });
    const { pair } = run(person('voter'), 'nextPair', {}) as { pair: [string, string] };
    run(person('voter'), 'vote', { a: pair[0], b: pair[1], choice: 'tie' });
    const { tables } = activityExport(ledger, 'b', organiser, 0);
    const texts = Object.fromEntries(tables.ideas.map((row) => [row.idea, row.text]));
    assert.deepEqual(tables.votes, [{ participant: 'p4', a: pair[0], aText: texts[pair[0]!], b: pair[1], bText: texts[pair[1]!], choice: 'tie' }]);
    assert.match(String(tables.ideas[0].createdAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const likes = setup({ likesWhileCollecting: true });
    likes.run(likes.person('p1'), 'submitIdea', { text: 'Pyöräteitä' });
    likes.run(likes.person('p2'), 'like', { ideaId: 'i1' });
    assert.deepEqual(activityExport(likes.ledger, 'b', likes.organiser, 0).tables.likes, [{ participant: 'p2', idea: 'i1', text: 'Pyöräteitä' }]);
  });

  test('priorStrength 0 ranks by plain maximum likelihood: an idea that never lost has no score', async () => {
    const { activityExport } = await import('../backend.js');
    const { run, person, organiser, state, config, ledger } = boardWithIdeas(4, { resultsVisibility: 'always', minAppearances: 0 });
    assert.equal(config().priorStrength, 1, 'the default is the weak prior');
    assert.equal(code(() => run(organiser, 'configure', { config: { priorStrength: -1 } })), 'invalid:config.priorStrength');
    run(organiser, 'configure', { config: { priorStrength: 0 } });
    // i1 beats everyone; i2, i3 and i4 beat each other in a circle.
    for (const [voter, winner, loser] of [['v1', 'i1', 'i2'], ['v2', 'i1', 'i3'], ['v3', 'i2', 'i3'], ['v4', 'i3', 'i4'], ['v5', 'i4', 'i2']] as const) {
      for (;;) {
        const { pair } = run(person(voter), 'nextPair', {}) as { pair: [string, string] | null };
        if (!pair) break;
        const choice = pair[0] === winner && pair[1] === loser ? 'a' : pair[1] === winner && pair[0] === loser ? 'b' : undefined;
        if (choice) {
          run(person(voter), 'vote', { a: pair[0], b: pair[1], choice });
          break;
        }
        // Another pair: a tie would connect ideas that this test keeps apart, so answer it and retract nothing.
        run(person(voter), 'vote', { a: pair[0], b: pair[1], choice: pair.includes('i1') ? (pair[0] === 'i1' ? 'a' : 'b') : 'tie' });
      }
    }
    const rows = boardResults(state(), config());
    const champion = rows.find((row) => row.id === 'i1')!;
    assert.equal(champion.ranked, false);
    assert.equal(champion.estimable, false);
    assert.ok(rows.filter((row) => row.id !== 'i1').every((row) => row.ranked && Number.isFinite(row.score)), 'the others are estimated');
    const exported = activityExport(ledger, 'b', organiser, 0).tables.results.find((row) => row.idea === 'i1')!;
    assert.deepEqual([exported.score, exported.lower, exported.upper, exported.position, exported.ranked], [null, null, null, null, false]);
  });
});
