/**
 * The 700-claim race against the real server on loopback: `node --import tsx bench/workshop-race.bench.ts`.
 *
 * 700 participants (device tokens) claim at once among 37 workshops of 16 seats (592 seats, below
 * 700; the first workshops are the popular ones), on PGlite and on a temporary PostgreSQL (when
 * Debian's binaries are there). Each claim's latency is measured client side, from send to answer;
 * then the organiser's state is checked for overbooked workshops and people with more than one
 * place (both must be 0). Baseline in the same run, on the same load shape and the same client: a
 * minimal node `http` server keeping seats in memory (a counter per workshop in a Map, JSON in and
 * out, no database), so what remains is what the database and the write path cost.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkshopsState } from '../src/core/workshops/workshops.js';
import { createRandom } from '../src/core/ranking/random.js';
import { startServer } from '../server/index.js';
import { ADMIN_TOKEN, Api, CROWD_RATE_LIMIT, newDevice, newEventId, skipReason, testDatabase, type Backend } from '../server/test/helpers.js';

const PEOPLE = 700;
const WORKSHOPS = 37;
const CAPACITY = 16;

const random = createRandom(37);
const wanted = Array.from({ length: PEOPLE }, () => `w${Math.min(WORKSHOPS, 1 + Math.floor(Math.abs(random.normal()) * 9))}`);

interface RaceFigures {
  latencies: number[];
  wallMs: number;
  failed: number;
  overbooked: number;
  doublePlaces: number;
}

/** Sends every claim at once; `claim(index)` resolves with the HTTP status. */
async function race(claim: (index: number) => Promise<number>): Promise<Omit<RaceFigures, 'overbooked' | 'doublePlaces'>> {
  const latencies: number[] = new Array(PEOPLE);
  let failed = 0;
  const start = performance.now();
  await Promise.all(wanted.map(async (_, index) => {
    const sent = performance.now();
    const status = await claim(index);
    latencies[index] = performance.now() - sent;
    if (status !== 200) failed += 1;
  }));
  return { latencies, wallMs: performance.now() - start, failed };
}

async function osallistu(backend: Backend): Promise<RaceFigures> {
  const database = await testDatabase(backend);
  const server = await startServer({
    port: 0,
    database: database.url,
    adminToken: ADMIN_TOKEN,
    allowedOrigins: ['*'],
    coalesceMs: 20,
    rateLimit: CROWD_RATE_LIMIT,
  });
  try {
    const api = new Api(server.url);
    const eventId = newEventId('bench');
    const organiserKey = await api.create({
      id: eventId,
      title: 'Henkilöstökoulutus',
      activities: [{
        id: 'training',
        kind: 'workshops',
        phase: 'open',
        config: {
          mode: 'firstCome',
          slots: [{ id: 'june', title: 'Kesäkuu' }],
          workshops: Array.from({ length: WORKSHOPS }, (_, index) => ({ id: `w${index + 1}`, title: `Työpaja ${index + 1}`, slot: 'june', capacity: CAPACITY })),
        },
      }],
    });
    const devices = wanted.map(() => newDevice());
    const figures = await race(async (index) => (await api.command(eventId, 'training', 'claim', { workshop: wanted[index] }, { device: devices[index] })).status);
    const answer = await api.get<{ state: WorkshopsState }>(`/events/${eventId}/activities/training`, { 'x-osa-organiser': organiserKey });
    if (answer.status !== 200) throw new Error(`Reading the state failed: ${answer.status} ${answer.text}`);
    const records = Object.values(answer.body.state.participants);
    const held = new Map<string, number>();
    let doublePlaces = 0;
    for (const record of records) {
      const places = Object.values(record.seats);
      if (places.length > 1) doublePlaces += 1;
      for (const place of places) if (place.status === 'confirmed') held.set(place.workshop, (held.get(place.workshop) ?? 0) + 1);
    }
    const overbooked = [...held.values()].filter((count) => count > CAPACITY).length;
    if (records.length !== PEOPLE) throw new Error(`${records.length} participant records, expected ${PEOPLE}`);
    return { ...figures, overbooked, doublePlaces };
  } finally {
    await server.close();
    await database.stop();
  }
}

/** The baseline: seats in memory, a counter per workshop, one place per device. */
async function inMemory(): Promise<RaceFigures> {
  const held = new Map<string, number>();
  const places = new Map<string, Set<string>>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { device, workshop } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { device: string; workshop: string };
      const mine = places.get(device) ?? new Set<string>();
      let status: 'confirmed' | 'waitlisted' | 'already' = 'already';
      if (mine.size === 0) {
        const count = held.get(workshop) ?? 0;
        status = count < CAPACITY ? 'confirmed' : 'waitlisted';
        if (status === 'confirmed') held.set(workshop, count + 1);
        mine.add(workshop);
        places.set(device, mine);
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ result: { status } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/claim`;
  try {
    const devices = wanted.map(() => newDevice());
    const figures = await race(async (index) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device: devices[index], workshop: wanted[index] }) });
      await response.text();
      return response.status;
    });
    const overbooked = [...held.values()].filter((count) => count > CAPACITY).length;
    const doublePlaces = [...places.values()].filter((set) => set.size > 1).length;
    return { ...figures, overbooked, doublePlaces };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const percentile = (sorted: number[], fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
const ms = (value: number): string => `${value.toFixed(1)} ms`;

const rows: string[][] = [['700 claims at once, 37 workshops × 16 seats', 'p50', 'p99', 'max', 'claims/s', 'not 200', 'overbooked workshops', 'people with >1 place']];
const row = (label: string, figures: RaceFigures): void => {
  const sorted = [...figures.latencies].sort((a, b) => a - b);
  rows.push([label, ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]), (PEOPLE / (figures.wallMs / 1000)).toFixed(0), String(figures.failed), String(figures.overbooked), String(figures.doublePlaces)]);
};

// One warm-up race on the baseline (JIT, the client), then the measured ones; each osallistu race is its first on a fresh server.
await inMemory();
row('baseline: node http, seats in a Map, no database', await inMemory());
let bad = false;
for (const backend of ['pglite', 'postgres'] as const) {
  const skip = skipReason(backend);
  if (skip) {
    rows.push([`osallistu on ${backend}: skipped (${skip})`, '', '', '', '', '', '', '']);
    continue;
  }
  const figures = await osallistu(backend);
  row(`osallistu on ${backend} (Fastify, loopback)`, figures);
  if (figures.failed > 0 || figures.overbooked > 0 || figures.doublePlaces > 0) bad = true;
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((line) => line[column].length)));
for (const line of rows) console.log(line.map((cell, column) => cell.padEnd(widths[column])).join('  '));
if (bad) {
  console.error('A claim failed, a workshop was overbooked or someone holds two places.');
  process.exitCode = 1;
}
