/**
 * The tag cloud over the wire: commands, limits and exports through REST, and what a participant
 * receives read as it is sent (the raw REST snapshot and the raw SSE payloads, a backlog from seq 0
 * and live): never another participant's raw answer, only term keys and counts. On PGlite and on a
 * real PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKENDS, SseClient, newDevice, newEventId, serverForSuite, skipReason, type ErrorAnswer } from './test/helpers.js';
import type { EventDefinition } from '../src/core/event.js';

function cloudEvent(id: string, config: Record<string, unknown> = {}, languages: EventDefinition['languages'] = ['fi', 'sv', 'en']): EventDefinition {
  return {
    id,
    title: { fi: 'Testitapahtuma', sv: 'Testevenemang', en: 'Test event' },
    languages,
    activities: [{ id: 'cloud', kind: 'cloud', title: 'Sanapilvi', phase: 'open', config: { maxWords: 4, maxLength: 60, answersPerParticipant: 3, ...config } }],
  };
}

for (const backend of BACKENDS) {
  describe(`the tag cloud over REST and SSE on ${backend}`, { skip: skipReason(backend) }, () => {
    const suite = serverForSuite(backend);

    const identity = (device?: string): Record<string, string> => (device ? { 'x-osa-device': device } : {});
    const streamUrl = (eventId: string): string => `${suite.server.url}/api/v1/events/${eventId}/stream`;

    async function waitForLast(stream: SseClient, eventId: string, device?: string): Promise<string> {
      const viewer = await suite.server.service.viewer(eventId, { device });
      const seq = suite.server.service.cached(eventId)!.changesFor('cloud', viewer).at(-1)?.seq ?? 0;
      await stream.waitFor((messages) => seq === 0 || messages.some((message) => message.event === 'changes' && Number(message.id) >= seq));
      return stream.changeMessages().map((message) => message.data).join('\n');
    }

    test("a participant's snapshot and stream hold no other participant's raw answer", async () => {
      const id = newEventId();
      await suite.api.create(cloudEvent(id));
      const [alice, bob] = [newDevice(), newDevice()];
      const bobLive = await SseClient.open(streamUrl(id), identity(bob));
      const anonymousLive = await SseClient.open(streamUrl(id));
      try {
        const secret = 'Salaiset kouluissa Aliisa';
        const sent = await suite.api.command(id, 'cloud', 'submit', { text: secret, language: 'fi' }, { device: alice });
        assert.equal(sent.status, 200, sent.text);
        const own = await suite.api.command(id, 'cloud', 'submit', { text: 'koulu', language: 'fi' }, { device: bob });
        assert.equal(own.status, 200, own.text);

        const snapshot = await suite.api.get(`/events/${id}/activities/cloud`, identity(bob));
        assert.equal(snapshot.status, 200, snapshot.text);
        const live = await waitForLast(bobLive, id, bob);
        const backlogStream = await SseClient.open(`${streamUrl(id)}?since=0`, identity(bob));
        const backlog = await waitForLast(backlogStream, id, bob).finally(() => backlogStream.close());
        const anonymous = await waitForLast(anonymousLive, id);
        for (const [what, payload] of [
          ['snapshot', snapshot.text],
          ['live stream', live],
          ['backlog', backlog],
          ['anonymous stream', anonymous],
        ]) {
          // Its words travel as terms (surface forms and counts, as in the cloud itself), never the answer as she wrote it.
          assert.ok(!payload.includes(secret), `${what}: Alice's answer as she wrote it`);
          assert.ok(!payload.includes(alice), `${what}: Alice's device`);
        }
        // Bob sees the cloud's terms (keys and counts) and his own answer.
        assert.ok(snapshot.text.includes('"koulu"'), 'his own answer');
        const state = (snapshot.body as { state: { answers: Record<string, { text: string }>; terms: Record<string, { count: number }> } }).state;
        assert.deepEqual(Object.values(state.answers).map((answer) => answer.text), ['koulu'], 'only his own answers');
        assert.ok(Object.values(state.terms).some((term) => term.count === 2), 'koulu and kouluissa counted as one term');
      } finally {
        bobLive.close();
        anonymousLive.close();
      }
    });

    test("an answer sent without a language counts in the event's first language (Swedish stemming and stop words)", async () => {
      const id = newEventId();
      const key = await suite.api.create(cloudEvent(id, {}, ['sv']));
      for (const text of ['skolan och', 'skolor', 'det är skola']) {
        const sent = await suite.api.command(id, 'cloud', 'submit', { text }, { device: newDevice() });
        assert.equal(sent.status, 200, sent.text);
      }
      const exported = await suite.api.get<{ tables: Record<string, Array<Record<string, unknown>>> }>(`/events/${id}/activities/cloud/export`, { 'x-osa-organiser': key });
      assert.equal(exported.status, 200, exported.text);
      assert.deepEqual(
        exported.body.tables.terms.map((term) => [term.count, term.mergedInto]),
        [[3, null]],
        'one term: skolan, skolor and skola merged; och, det and är left out',
      );
    });

    test('the organiser reads every answer; limits are refused with the field named; exports have both tables', async () => {
      const id = newEventId();
      const key = await suite.api.create(cloudEvent(id, { maxWords: 2, answersPerParticipant: 1 }));
      const carol = newDevice();
      const tooMany = await suite.api.command<ErrorAnswer>(id, 'cloud', 'submit', { text: 'yksi kaksi kolme' }, { device: carol });
      assert.equal(tooMany.status, 400, tooMany.text);
      assert.deepEqual([tooMany.body.error.code, tooMany.body.error.field, tooMany.body.error.reason], ['invalid', 'text', { kind: 'tooMany', limit: 2 }]);
      assert.equal((await suite.api.command(id, 'cloud', 'submit', { text: 'luottamus' }, { device: carol })).status, 200);
      const again = await suite.api.command<ErrorAnswer>(id, 'cloud', 'submit', { text: 'ilo' }, { device: carol });
      assert.deepEqual([again.status, again.body.error.field], [400, 'answers']);
      const organiser = await suite.api.get(`/events/${id}/activities/cloud`, { 'x-osa-organiser': key });
      assert.ok(organiser.text.includes('luottamus'));
      const exported = await suite.api.get<{ tables: Record<string, Array<Record<string, unknown>>> }>(`/events/${id}/activities/cloud/export`, { 'x-osa-organiser': key });
      assert.equal(exported.status, 200, exported.text);
      assert.deepEqual(Object.keys(exported.body.tables), ['terms', 'answers']);
      assert.equal(exported.body.tables.answers[0].text, 'luottamus');
      assert.equal(exported.body.tables.terms[0].count, 1);
      const csv = await suite.api.get(`/events/${id}/activities/cloud/export?format=csv&table=terms&lang=fi`, { 'x-osa-organiser': key });
      assert.equal(csv.status, 200, csv.text);
      assert.match(csv.text, /Sana;Vastauksia/);
      const refused = await suite.api.get(`/events/${id}/activities/cloud/export`, identity(carol));
      assert.equal(refused.status, 403);
    });
  });
}
