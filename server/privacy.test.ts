/**
 * What participants and anonymous viewers must not receive, read on the wire as they get it: the
 * raw REST snapshot and the raw SSE payloads (a backlog from seq 0, and live). On PGlite and on a
 * real PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKENDS, SseClient, boardEvent, newDevice, newEventId, serverForSuite, skipReason } from './test/helpers.js';

for (const backend of BACKENDS) {
  describe(`what participants and anonymous viewers receive on ${backend}`, { skip: skipReason(backend) }, () => {
    const suite = serverForSuite(backend, { emptyStaticRoot: true });

    const identity = (device?: string): Record<string, string> => (device ? { 'x-osa-device': device } : {});
    const streamUrl = (eventId: string): string => `${suite.server.url}/api/v1/events/${eventId}/stream`;

    /** The snapshot's body exactly as sent. */
    async function rawSnapshot(eventId: string, device?: string): Promise<string> {
      const answer = await suite.api.get(`/events/${eventId}/activities/board`, identity(device));
      assert.equal(answer.status, 200, answer.text);
      return answer.text;
    }

    /**
     * Waits until the stream has sent the last change the viewer may read so far (a leak would be
     * among those); returns the data of its `changes` messages as sent.
     */
    async function rawPayloads(stream: SseClient, eventId: string, device?: string): Promise<string> {
      const viewer = await suite.server.service.viewer(eventId, { device });
      const seq = suite.server.service.cached(eventId)!.changesFor('board', viewer).at(-1)?.seq ?? 0;
      await stream.waitFor((messages) => seq === 0 || messages.some((message) => message.event === 'changes' && Number(message.id) >= seq));
      return stream.changeMessages().map((message) => message.data).join('\n');
    }

    /** Every change from seq 0 that the stream sends a viewer now, as sent. */
    async function rawBacklog(eventId: string, device?: string): Promise<string> {
      const stream = await SseClient.open(`${streamUrl(eventId)}?since=0`, identity(device));
      try {
        return await rawPayloads(stream, eventId, device);
      } finally {
        stream.close();
      }
    }

    test('like counts in upvote mode reach nobody but the organiser before the results: answers, restores, merges', async () => {
      const id = newEventId();
      const texts = ['Pyöräteitä kouluille', 'Uimahalli auki iltaisin', 'Lisää penkkejä puistoon'];
      const key = await suite.api.create(
        boardEvent(id, {}, {
          seed: texts.map((text, index) => ({ activity: 'board', as: `author${index}`, command: 'submitIdea', payload: { text } })),
          activities: [{ id: 'board', kind: 'board', title: 'Board', phase: 'vote', config: { mode: 'upvote', resultsVisibility: 'afterVoting', questions: [{ id: 'main', title: 'Mitä?' }] } }],
        }),
      );
      const [alice, bob, carol] = [newDevice(), newDevice(), newDevice()];
      const carolLive = await SseClient.open(streamUrl(id), identity(carol));
      const anonymousLive = await SseClient.open(streamUrl(id));
      try {
        const like = async (device: string, ideaId: string, command = 'like'): Promise<string> => {
          const answer = await suite.api.command(id, 'board', command, { ideaId }, { device });
          assert.equal(answer.status, 200, answer.text);
          return answer.text;
        };
        for (const answer of [await like(alice, 'i1'), await like(bob, 'i1'), await like(bob, 'i2'), await like(bob, 'i2'), await like(alice, 'i1', 'unlike'), await like(alice, 'i1')]) {
          assert.doesNotMatch(answer, /likes/, 'a like is answered without the count');
        }
        for (const [command, payload] of [
          ['moderate', { ideaId: 'i1', action: 'hide' }],
          ['moderate', { ideaId: 'i1', action: 'restore' }],
          ['merge', { from: 'i2', into: 'i3' }],
        ] as const) {
          assert.equal((await suite.api.command(id, 'board', command, payload, { organiser: key })).status, 200);
        }

        for (const device of [carol, bob, undefined]) {
          assert.doesNotMatch(await rawSnapshot(id, device), /"likes":[1-9]/);
          assert.doesNotMatch(await rawBacklog(id, device), /"likes":/);
        }
        assert.doesNotMatch(await rawPayloads(carolLive, id, carol), /"likes":/);
        assert.doesNotMatch(await rawPayloads(anonymousLive, id), /"likes":/);
        assert.match(await rawBacklog(id), /Uimahalli/, 'the ideas themselves are public');
        assert.match((await suite.api.get(`/events/${id}/activities/board`, { 'x-osa-organiser': key })).text, /"likes":2/, 'the organiser sees the counts');

        // With the results, the counts are everyone's (after the reload that a phase change asks for).
        assert.equal((await suite.api.command(id, 'board', 'setPhase', { phase: 'results' }, { organiser: key })).status, 200);
        const shown = await suite.api.get<{ state: { ideas: Record<string, { likes: number }> } }>(`/events/${id}/activities/board`);
        assert.equal(shown.body.state.ideas.i1.likes, 2);
        assert.equal(shown.body.state.ideas.i3.likes, 1);
      } finally {
        carolLive.close();
        anonymousLive.close();
      }
    });

    test("a hidden idea's text reaches only its author and the organiser", async () => {
      const id = newEventId();
      const key = await suite.api.create(boardEvent(id));
      const [author, other] = [newDevice(), newDevice()];
      assert.equal((await suite.api.command(id, 'board', 'submitIdea', { text: 'Salainen ehdotus rehtorista' }, { device: author })).status, 200);
      assert.equal((await suite.api.command(id, 'board', 'submitIdea', { text: 'Pyöräteitä kouluille' }, { device: other })).status, 200);
      assert.equal((await suite.api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'edit', text: 'Salainen ehdotus rehtorista (muokattu)' }, { organiser: key })).status, 200);
      assert.equal((await suite.api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'hide' }, { organiser: key })).status, 200);

      for (const device of [other, newDevice(), undefined]) {
        assert.doesNotMatch(await rawSnapshot(id, device), /Salainen/);
        assert.doesNotMatch(await rawBacklog(id, device), /Salainen/);
      }
      assert.match(await rawSnapshot(id, author), /Salainen ehdotus rehtorista \(muokattu\)/, 'its author still sees it, as hidden');
      assert.match(await rawBacklog(id, author), /Salainen/);
      assert.match((await suite.api.get(`/events/${id}/activities/board`, { 'x-osa-organiser': key })).text, /Salainen/);

      assert.equal((await suite.api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'restore' }, { organiser: key })).status, 200);
      assert.match(await rawSnapshot(id), /Salainen ehdotus rehtorista \(muokattu\)/, 'restored, it is public again');
    });

    test("without showIdeas, others' ideas stay on the server while collecting; from the vote on they are public", async () => {
      const id = newEventId();
      const key = await suite.api.create(boardEvent(id, { showIdeas: false }));
      const [alice, bob] = [newDevice(), newDevice()];
      const bobLive = await SseClient.open(streamUrl(id), identity(bob));
      const anonymousLive = await SseClient.open(streamUrl(id));
      try {
        assert.equal((await suite.api.command(id, 'board', 'submitIdea', { text: 'Alicen oma ajatus koulupihasta' }, { device: alice })).status, 200);
        assert.equal((await suite.api.command(id, 'board', 'submitIdea', { text: 'Bobin ehdotus kirjastosta' }, { device: bob })).status, 200);
        // A near copy of Alice's idea is not answered with her text.
        const copy = await suite.api.command(id, 'board', 'submitIdea', { text: 'alicen oma ajatus koulupihasta!' }, { device: bob });
        assert.doesNotMatch(copy.text, /Alicen/);

        const bobSnapshot = await rawSnapshot(id, bob);
        assert.doesNotMatch(bobSnapshot, /Alicen/);
        assert.match(bobSnapshot, /Bobin ehdotus/, 'a participant sees their own ideas');
        assert.doesNotMatch(await rawBacklog(id, bob), /Alicen/);
        assert.doesNotMatch(await rawPayloads(bobLive, id, bob), /Alicen/);
        for (const raw of [await rawSnapshot(id), await rawBacklog(id), await rawPayloads(anonymousLive, id)]) assert.doesNotMatch(raw, /Alicen|Bobin/);

        assert.equal((await suite.api.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: key })).status, 200);
        assert.match(await rawSnapshot(id, bob), /Alicen oma ajatus/, 'the duels need every idea');
        assert.match(await rawSnapshot(id), /Bobin ehdotus/);
      } finally {
        bobLive.close();
        anonymousLive.close();
      }
    });
  });
}
