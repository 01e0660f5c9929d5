/**
 * The feedback form on a real server on loopback, read on the wire as participants get it (the raw
 * REST snapshot and the raw SSE payloads, a backlog from seq 0 and live): nobody receives another
 * participant's response or any free text, and the tallies reach participants only while the
 * organiser makes results public. On PGlite and on a real PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeedbackState, FormDefinition } from '../src/core/feedback/feedback.js';
import { BACKENDS, SseClient, newDevice, newEventId, serverForSuite, skipReason, type ErrorAnswer } from './test/helpers.js';

const FORM: FormDefinition = {
  sections: [
    {
      id: 'main',
      questions: [
        { name: 'useful', type: 'scale', title: { fi: 'Kuinka hyödyllinen päivä oli?', sv: 'Hur nyttig var dagen?', en: 'How useful was the day?' }, required: true },
        { name: 'recommend', type: 'nps', title: 'Suosittelisitko?', notApplicable: true },
        { name: 'topics', type: 'multiple', title: 'Aiheet', choices: [{ value: 'ai', label: 'Tekoäly' }, { value: 'math', label: 'Matematiikka' }] },
        { name: 'why', type: 'longText', title: 'Miksi?', visibleIf: '{useful} <= 2' },
        { name: 'nickname', type: 'text', title: 'Nimimerkki' },
      ],
    },
  ],
};

/** Free texts the participants write: none may reach another participant or an anonymous viewer. */
const SECRETS = { alice: 'Alice-salainen-nimimerkki', bob: 'Bobin yksityinen perustelu' };

for (const backend of BACKENDS) {
  describe(`the feedback form on the wire on ${backend}`, { skip: skipReason(backend) }, () => {
    const suite = serverForSuite(backend);

    const identity = (device?: string): Record<string, string> => (device ? { 'x-osa-device': device } : {});
    const streamUrl = (eventId: string): string => `${suite.server.url}/api/v1/events/${eventId}/stream`;

    async function create(publicResults: boolean): Promise<{ id: string; key: string }> {
      const id = newEventId('fb');
      const key = await suite.api.create({
        id,
        title: { fi: 'Palaute', sv: 'Respons', en: 'Feedback' },
        languages: ['fi', 'sv', 'en'],
        activities: [{ id: 'feedback', kind: 'feedback', title: 'Palaute', phase: 'open', config: { form: FORM, publicResults } }],
      });
      return { id, key };
    }

    async function submit(id: string, device: string, answers: Record<string, unknown>): Promise<{ responseId: string }> {
      const answer = await suite.api.command<{ result: { responseId: string } }>(id, 'feedback', 'submit', { answers }, { device });
      assert.equal(answer.status, 200, answer.text);
      return answer.body.result;
    }

    /** The snapshot's body exactly as sent. */
    async function rawSnapshot(id: string, headers: Record<string, string>): Promise<{ text: string; state: FeedbackState }> {
      const answer = await suite.api.get<{ state: FeedbackState }>(`/events/${id}/activities/feedback`, headers);
      assert.equal(answer.status, 200, answer.text);
      return { text: answer.text, state: answer.body.state };
    }

    /** Waits until the stream has sent the last change the viewer may read so far; returns its `changes` payloads as sent. */
    async function rawPayloads(stream: SseClient, id: string, device?: string): Promise<string> {
      const viewer = await suite.server.service.viewer(id, { device });
      const seq = suite.server.service.cached(id)!.changesFor('feedback', viewer).at(-1)?.seq ?? 0;
      await stream.waitFor((messages) => seq === 0 || messages.some((message) => message.event === 'changes' && Number(message.id) >= seq));
      return stream.changeMessages().map((message) => message.data).join('\n');
    }

    async function rawBacklog(id: string, device?: string): Promise<string> {
      const stream = await SseClient.open(`${streamUrl(id)}?since=0`, identity(device));
      try {
        return await rawPayloads(stream, id, device);
      } finally {
        stream.close();
      }
    }

    const changeTypes = (payloads: string): string[] =>
      [...new Set(payloads.split('\n').filter(Boolean).flatMap((line) => (JSON.parse(line) as Array<{ type: string }>).map((change) => change.type)))].filter((type) => type !== 'phase' && type !== 'config').sort();

    test('a participant receives no other participant\'s response and no free text; tallies stay with the organiser', async () => {
      const { id, key } = await create(false);
      const [alice, bob, carol] = [newDevice(), newDevice(), newDevice()];
      const carolLive = await SseClient.open(streamUrl(id), identity(carol));
      const anonymousLive = await SseClient.open(streamUrl(id));
      try {
        await submit(id, alice, { useful: 4, recommend: 9, topics: ['ai'], nickname: SECRETS.alice });
        await submit(id, bob, { useful: 1, why: SECRETS.bob, topics: ['ai', 'math'] });
        const views = {
          carolSnapshot: (await rawSnapshot(id, identity(carol))).text,
          carolLive: await rawPayloads(carolLive, id, carol),
          carolBacklog: await rawBacklog(id, carol),
          anonymousSnapshot: (await rawSnapshot(id, {})).text,
          anonymousLive: await rawPayloads(anonymousLive, id),
          anonymousBacklog: await rawBacklog(id),
        };
        for (const [where, raw] of Object.entries(views)) {
          for (const secret of Object.values(SECRETS)) assert.ok(!raw.includes(secret), `${where} holds "${secret}"`);
          assert.ok(!raw.includes('"answers"'), `${where} holds a response`);
          assert.ok(!raw.includes('"delta"'), `${where} holds a tally`);
        }
        assert.deepEqual(changeTypes(views.carolLive), ['count'], 'only how many answered');
        assert.deepEqual(changeTypes(views.anonymousBacklog), ['count']);
        const carolState = (await rawSnapshot(id, identity(carol))).state;
        assert.deepEqual([carolState.responses, carolState.tally, carolState.count], [{}, {}, 2]);

        // Alice reads her own response (her own free text too), and nothing of Bob's.
        const aliceView = await rawSnapshot(id, identity(alice));
        assert.ok(aliceView.text.includes(SECRETS.alice));
        assert.ok(!aliceView.text.includes(SECRETS.bob));
        assert.equal(Object.keys(aliceView.state.responses).length, 1);
        assert.ok(!(await rawBacklog(id, alice)).includes(SECRETS.bob));

        const organiserView = await rawSnapshot(id, { 'x-osa-organiser': key });
        assert.ok(organiserView.text.includes(SECRETS.bob) && organiserView.text.includes(SECRETS.alice), 'the organiser reads everything');
        assert.deepEqual(organiserView.state.tally.useful, { __n__: 2, 1: 1, 4: 1 });

        // A second response is refused; the export is the organiser's.
        const again = await suite.api.command<ErrorAnswer>(id, 'feedback', 'submit', { answers: { useful: 3 } }, { device: alice });
        assert.equal(again.status, 409, again.text);
        const refused = await suite.api.get(`/events/${id}/activities/feedback/export`, identity(carol));
        assert.equal(refused.status, 403);
        const csv = await suite.api.get(`/events/${id}/activities/feedback/export?format=csv&table=responses`, { 'x-osa-organiser': key });
        assert.equal(csv.status, 200, csv.text);
        const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
        assert.equal(lines[0], 'response,participant,round,submitted,useful,recommend,topics,why,nickname');
        assert.equal(lines.length, 3, 'a header and one row per response');
      } finally {
        carolLive.close();
        anonymousLive.close();
      }
    });

    test('the CSV in Finnish: headers (the form\'s own questions too) and "not applicable" in words, formula-like text neutralised', async () => {
      const { id, key } = await create(false);
      await submit(id, newDevice(), { useful: 4, recommend: '__na__', nickname: '=HYPERLINK("http://x.example","klikkaa")' });
      await submit(id, newDevice(), { useful: 2, why: 'Liian pitkä, ja "kiireinen"\npäivä', topics: ['ai', 'math'], nickname: '@kaisa' });
      const csv = await suite.api.get(`/events/${id}/activities/feedback/export?format=csv&table=responses&lang=fi`, { 'x-osa-organiser': key });
      assert.equal(csv.status, 200, csv.text);
      // (The byte-order mark is left out by the reader of the answer's text; src/core/csv.test.ts checks it.)
      const [header, ...rows] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(header, 'Vastaus;Osallistuja;Kierros;Lähetetty;Kuinka hyödyllinen päivä oli?;Suosittelisitko?;Aiheet;Miksi?;Nimimerkki');
      const swedish = await suite.api.get(`/events/${id}/activities/feedback/export?format=csv&table=responses&lang=sv`, { 'x-osa-organiser': key });
      assert.ok(swedish.text.replace(/^\uFEFF/, '').startsWith('Svar;Deltagare;'), swedish.text.slice(0, 80));
      assert.ok(swedish.text.includes(';Hur nyttig var dagen?;'), 'the question\'s Swedish title');
      const cells = rows.join('\r\n');
      assert.match(cells, /;4;en osaa sanoa \/ ei koske minua;;;"'=HYPERLINK\(""http:\/\/x\.example"",""klikkaa""\)"$/m, 'N/A in Finnish, the formula quoted and neutralised');
      assert.ok(!cells.includes('__na__'), 'no "__na__" left for a person to read');
      assert.match(cells, /;2;;"ai; math";"Liian pitkä, ja ""kiireinen""\r?\npäivä";'@kaisa$/m, 'separators, quotes and newlines quoted; @ neutralised');
      assert.match(cells, /^[^;]+;[^;]+;1;\d{4}-\d{2}-\d{2} \d{2}:\d{2};/m, 'the round, and the time as a local date-time');
      // Without `lang` the file is for programs: the values as they are.
      const raw = await suite.api.get(`/events/${id}/activities/feedback/export?format=csv&table=responses`, { 'x-osa-organiser': key });
      assert.ok(raw.text.includes(',__na__,'), raw.text);
    });

    test('tallies reach participants with publicResults, live and in the snapshot, without free text', async () => {
      const { id, key } = await create(true);
      const [alice, bob, carol] = [newDevice(), newDevice(), newDevice()];
      const carolLive = await SseClient.open(streamUrl(id), identity(carol));
      try {
        await submit(id, alice, { useful: 5, nickname: SECRETS.alice });
        const { responseId } = await submit(id, bob, { useful: 2, why: SECRETS.bob, recommend: 10 });
        const live = await rawPayloads(carolLive, id, carol);
        assert.deepEqual(changeTypes(live), ['count', 'tally']);
        for (const secret of Object.values(SECRETS)) assert.ok(!live.includes(secret), `the live stream holds "${secret}"`);
        const snapshot = await rawSnapshot(id, identity(carol));
        assert.deepEqual(snapshot.state.tally.useful, { __n__: 2, 2: 1, 5: 1 });
        assert.equal(snapshot.state.tally.why, undefined);
        assert.deepEqual(snapshot.state.responses, {});

        // Bob edits: the public counts move, his text still goes to nobody but him and the organiser.
        const edit = await suite.api.command(id, 'feedback', 'submit', { responseId, answers: { useful: 3 } }, { device: bob });
        assert.equal(edit.status, 200, edit.text);
        await rawPayloads(carolLive, id, carol);
        assert.deepEqual((await rawSnapshot(id, identity(carol))).state.tally.useful, { __n__: 2, 3: 1, 5: 1 });

        // The organiser hides the results: the snapshot and a new backlog hold no tally.
        const configure = await suite.api.command(id, 'feedback', 'configure', { config: { form: FORM, publicResults: false } }, { organiser: key });
        assert.equal(configure.status, 200, configure.text);
        assert.deepEqual((await rawSnapshot(id, identity(carol))).state.tally, {});
        assert.ok(!(await rawBacklog(id, carol)).includes('"delta"'));
      } finally {
        carolLive.close();
      }
    });
  });
}
