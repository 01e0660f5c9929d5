/**
 * The workshop picker's seats under a race, against a real server on loopback, once on PGlite and
 * once on a real PostgreSQL: 700 participants claim at once among 37 workshops with fewer seats
 * than people, then 60 of the seated cancel at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WorkshopsState } from '../src/core/workshops/workshops.js';
import { createRandom } from '../src/core/ranking/random.js';
import { startServer, type RunningServer } from './index.js';
import { ADMIN_TOKEN, Api, CROWD_RATE_LIMIT, BACKENDS, newDevice, newEventId, skipReason, testDatabase, type ErrorAnswer, type TestDatabase } from './test/helpers.js';

const PEOPLE = 700;
const WORKSHOPS = 37;

for (const backend of BACKENDS) {
  describe(`workshop seats under a race on ${backend}`, { skip: skipReason(backend) }, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let api: Api;
    let organiserKey: string;
    const eventId = newEventId('race');
    const random = createRandom(37);
    // 16 seats each: 592 seats for 700 people; the first workshops are the popular ones.
    const capacity = 16;
    const devices = Array.from({ length: PEOPLE }, () => newDevice());
    const wanted = devices.map(() => `w${Math.min(WORKSHOPS, 1 + Math.floor(Math.abs(random.normal()) * 9))}`);

    const organiserState = async (): Promise<WorkshopsState> => {
      const answer = await api.get<{ state: WorkshopsState }>(`/events/${eventId}/activities/training`, { 'x-osa-organiser': organiserKey });
      assert.equal(answer.status, 200);
      return answer.body.state;
    };
    /** The order in which the database committed each participant's first place in a workshop's line. */
    const linesInCommitOrder = async (): Promise<Map<string, string[]>> => {
      const rows = await server.store.query<{ data: unknown; audience: string }>("SELECT data, audience FROM changes WHERE event_id = $1 AND type = 'seat' ORDER BY seq", [eventId]);
      const lines = new Map<string, string[]>();
      for (const row of rows) {
        const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { seat: { workshop: string; status: string } | null };
        if (data.seat?.status !== 'waitlisted') continue;
        const participant = row.audience.slice('participant:'.length);
        const line = lines.get(data.seat.workshop) ?? [];
        if (!line.includes(participant)) line.push(participant);
        lines.set(data.seat.workshop, line);
      }
      return lines;
    };

    before(async () => {
      database = await testDatabase(backend);
      server = await startServer({
        port: 0,
        database: database.url,
        adminToken: ADMIN_TOKEN,
        allowedOrigins: ['*'],
        coalesceMs: 20,
        rateLimit: CROWD_RATE_LIMIT,
      });
      api = new Api(server.url);
      organiserKey = await api.create({
        id: eventId,
        title: 'Henkilöstökoulutus',
        activities: [
          {
            id: 'training',
            kind: 'workshops',
            phase: 'open',
            config: {
              mode: 'firstCome',
              slots: [{ id: 'june', title: 'Kesäkuu' }],
              workshops: Array.from({ length: WORKSHOPS }, (_, index) => ({ id: `w${index + 1}`, title: `Työpaja ${index + 1}`, slot: 'june', capacity })),
            },
          },
        ],
      });
    });

    after(async () => {
      await server?.close();
      await database?.stop();
    });

    test('700 concurrent claims: no workshop over capacity, everyone seated or waiting exactly once, lines in commit order', async () => {
      const answers = await Promise.all(devices.map((device, index) => api.command<{ result: { status: string } }>(eventId, 'training', 'claim', { workshop: wanted[index] }, { device })));
      assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [200]);
      const state = await organiserState();
      const records = Object.values(state.participants);
      assert.equal(records.length, PEOPLE, 'every participant has a record');
      assert.ok(records.every((record) => Object.keys(record.seats).length === 1), 'one place each');
      const demand = new Map<string, number>();
      for (const workshop of wanted) demand.set(workshop, (demand.get(workshop) ?? 0) + 1);
      for (let index = 1; index <= WORKSHOPS; index += 1) {
        const id = `w${index}`;
        const seated = records.filter((record) => record.seats.june.workshop === id && record.seats.june.status === 'confirmed').length;
        const waiting = records.filter((record) => record.seats.june.workshop === id && record.seats.june.status === 'waitlisted').length;
        assert.ok(seated <= capacity, `${id}: ${seated} seated`);
        assert.equal(seated, Math.min(capacity, demand.get(id) ?? 0), `${id}: every seat taken while people wanted it`);
        assert.equal(waiting, Math.max(0, (demand.get(id) ?? 0) - capacity));
        assert.deepEqual(state.counts[id] ?? { held: 0, waiting: 0 }, { held: seated, waiting });
      }
      const committed = await linesInCommitOrder();
      for (const [workshop, line] of Object.entries(state.waitlists)) assert.deepEqual(line, committed.get(workshop) ?? [], `${workshop}: the line is in commit order`);
      assert.ok(Object.values(state.waitlists).some((line) => line.length > 10), 'the race did fill lines');
    });

    test('60 concurrent cancellations promote the first in each line, in order, and renumber the rest', async () => {
      const before = await organiserState();
      const seatedDevices = devices.filter((_, index) => wanted[index] === 'w1' || wanted[index] === 'w2').slice(0, 60);
      const answers = await Promise.all(seatedDevices.map((device) => api.command(eventId, 'training', 'cancel', { workshop: wanted[devices.indexOf(device)] }, { device })));
      assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [200]);
      const after = await organiserState();
      for (const workshop of ['w1', 'w2']) {
        const cancelled = Object.entries(before.participants).filter(([id, record]) => record.seats.june?.workshop === workshop && !after.participants[id].seats.june);
        const seatedCancelled = cancelled.filter(([, record]) => record.seats.june.status === 'confirmed').length;
        const waitingCancelled = new Set(cancelled.filter(([, record]) => record.seats.june.status === 'waitlisted').map(([id]) => id));
        const lineLeft = before.waitlists[workshop].filter((id) => !waitingCancelled.has(id));
        const promoted = lineLeft.slice(0, seatedCancelled);
        for (const id of promoted) assert.deepEqual(after.participants[id].seats.june, { workshop, status: 'confirmed' }, `${id} promoted`);
        assert.deepEqual(after.waitlists[workshop], lineLeft.slice(seatedCancelled), 'the rest keep their order');
        after.waitlists[workshop].forEach((id, index) => assert.equal(after.participants[id].seats.june.position, index + 1));
        assert.equal(after.counts[workshop].held, capacity, 'the freed seats were taken at once');
      }
    });
  });
}

describe('workshops over HTTP: the claim window, the catalogue rules and the export in a language', () => {
  let server: RunningServer;
  let api: Api;

  before(async () => {
    server = await startServer({ port: 0, database: 'memory', adminToken: ADMIN_TOKEN, allowedOrigins: ['*'], coalesceMs: 20, rateLimit: CROWD_RATE_LIMIT });
    api = new Api(server.url);
  });

  after(async () => {
    await server?.close();
  });

  const catalogue = {
    mode: 'firstCome',
    claimWindowMinutes: 30,
    slots: [{ id: 'am', title: { fi: 'Aamupäivä', sv: 'Förmiddag', en: 'Morning' } }],
    workshops: [
      { id: 'ai', title: { fi: 'Tekoäly opetuksessa', sv: 'AI i undervisningen', en: 'AI in teaching' }, slot: 'am', capacity: 1 },
      { id: 'lego', title: { fi: 'Lego-robotiikka', sv: 'Legorobotik', en: 'Lego robotics' }, slot: 'am', capacity: 4 },
    ],
  };

  test('a freed seat is offered for the window; the organiser cannot remove a workshop with seats or cut its capacity below them; the CSV speaks fi and sv', async () => {
    const id = newEventId('window');
    const key = await api.create({ id, title: 'Koulutuspäivä', activities: [{ id: 'training', kind: 'workshops', phase: 'open', config: catalogue }] });
    const organiser = { organiser: key };
    const [first, second, third] = [newDevice(), newDevice(), newDevice()];
    for (const device of [first, second, third]) assert.equal((await api.command(id, 'training', 'claim', { workshop: 'ai' }, { device })).status, 200);
    assert.equal((await api.command(id, 'training', 'cancel', { workshop: 'ai' }, { device: first })).status, 200);
    const mine = await api.get<{ state: WorkshopsState }>(`/events/${id}/activities/training`, { 'x-osa-device': second });
    const [offered] = Object.values(mine.body.state.participants).map((record) => record.seats.am);
    assert.equal(offered.status, 'offered');
    assert.ok(offered.offeredUntil! > Date.now() + 29 * 60_000 && offered.offeredUntil! <= Date.now() + 30 * 60_000);
    const accepted = await api.command<{ result: { accepted: boolean; seat: { status: string } } }>(id, 'training', 'acceptOffer', { workshop: 'ai' }, { device: second });
    assert.deepEqual(accepted.body.result, { accepted: true, seat: { workshop: 'ai', status: 'confirmed' } });
    assert.equal((await api.command(id, 'training', 'cancel', { workshop: 'ai' }, { device: second })).status, 200, 'the accepted seat is freed again');

    const current = (await api.get<{ config: Record<string, unknown> }>(`/events/${id}/activities/training`, { 'x-osa-organiser': key })).body.config;
    const configure = (workshops: unknown[]) => api.command<ErrorAnswer>(id, 'training', 'configure', { config: { ...current, workshops } }, organiser);
    const removed = await configure([catalogue.workshops[1]]);
    assert.equal(removed.status, 400);
    assert.equal(removed.body.error.field, 'config.workshops');
    const cut = await configure([{ ...catalogue.workshops[0], capacity: 0 }, catalogue.workshops[1]]);
    assert.equal(cut.status, 400);
    assert.deepEqual([cut.body.error.field, cut.body.error.reason], ['config.workshops.0.capacity', { kind: 'tooSmall', limit: 1 }]);
    assert.equal((await configure([catalogue.workshops[0], { ...catalogue.workshops[1], capacity: 6 }])).status, 200, 'an empty workshop can change');
    assert.equal((await configure([catalogue.workshops[0]])).status, 200, 'and go');

    const csvOf = async (query: string) => {
      const answer = await fetch(`${server.url}/api/v1/events/${id}/activities/training/export?format=csv&${query}`, { headers: { 'x-osa-organiser': key } });
      assert.equal(answer.status, 200, query);
      return answer.text();
    };
    const { toCsv } = await import('../src/core/csv.js');
    const { workshopsFi } = await import('../src/i18n/workshops/fi.js');
    const fi = (await csvOf('table=registrations&lang=fi&timeZone=Europe/Helsinki')).replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(fi[0], 'Osallistuja;Työpaja;Aika;Tila;Sija jonossa;Tarjous voimassa asti;Monesko toive;Järjestäjän lukitsema');
    assert.deepEqual(fi.slice(1, -1).map((row) => row.split(';')[3]), ['Tarjottu']);
    assert.match(fi[1], /^p3;ai;am;Tarjottu;;\d{4}-\d\d-\d\d \d\d:\d\d;;ei$/);
    const json = await api.get<{ tables: Record<string, Array<Record<string, string | number | boolean | null>>> }>(`/events/${id}/activities/training/export`, { 'x-osa-organiser': key });
    assert.equal(
      (await csvOf('table=registrations&lang=fi&timeZone=Europe/Helsinki')).replace(/^\uFEFF/, ''),
      toCsv(json.body.tables.registrations, { delimiter: ';', labels: workshopsFi.export, timeZone: 'Europe/Helsinki' }).replace(/^\uFEFF/, ''),
      'the same file as the element downloads',
    );
    const sv = (await csvOf('table=workshops&lang=sv')).replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(sv[0], 'Workshop;Tid;Platser;Bokade;I kö;Minsta antal');
  });
});
