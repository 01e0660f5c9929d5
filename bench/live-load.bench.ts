/**
 * One event, many people, live: `node --import tsx bench/live-load.bench.ts` (part of `npm run bench`).
 *
 * 1. Fan-out under votes: SUBSCRIBERS open streams on one event while likes arrive at RATE per
 *    second (open loop, offered whatever the answers do) for SECONDS. Figures: votes accepted
 *    per second, the vote's answer time (p50/p95), the time from a vote's answer until the change
 *    is on a subscriber's stream (p95 over every vote and a sample of subscribers), messages per
 *    subscriber, and the server's CPU. Rows: the minimal SSE server (bench/support/live-server.ts:
 *    the same change JSON and 150 ms coalescing, nothing else), ours on PGlite (the default store,
 *    fsync on), ours on PostgreSQL with one and with two instances (streams and votes spread
 *    over both).
 * 2. Reconnect storm: RECONNECTS open streams all cut at once, then reconnecting: the time until
 *    every one is back, and the kernel's listen-queue overflows meanwhile.
 * 3. Memory: 100,000 votes over 50 events that nobody watches; the server's heap after a full GC,
 *    before, after the votes, and after idle events are evicted.
 *
 * Environment: BENCH_LIVE_SECONDS (default 60), BENCH_LIVE_RATE (500), BENCH_LIVE_SUBSCRIBERS (2000),
 * BENCH_LIVE_ONLY (comma-separated: minimal, pglite, postgres, storm, memory; default all),
 * BENCH_LIVE_PROFILE (a directory: the server processes write CPU profiles there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request, type ClientRequest } from 'node:http';
import { createRandom } from '../src/core/ranking/random.js';
import { randomKey } from '../src/core/idempotency.js';
import type { EventDefinition } from '../src/core/event.js';
import { postgresSkipReason, startTempPostgres } from '../server/test/postgres.js';

const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_LIVE_RATE ?? 500);
const SUBSCRIBERS = Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 2000);
const RECONNECTS = 1000;
const VOTERS = 2000;
const IDEAS = 50;
/** Subscribers whose every message time is kept for the latency figure. */
const SAMPLED = 100;
const ADMIN = 'bench-admin-token-0123456789';
const ONLY = (process.env.BENCH_LIVE_ONLY ?? 'minimal,pglite,postgres,storm,memory').split(',');
const EVENT = 'live-bench';

// ------------------------------------------------------------------ servers

interface ServerProcess {
  url: string;
  child: ChildProcess;
  ask<T>(what: 'cpu' | 'heap'): Promise<T>;
  stop(): Promise<void>;
}

async function spawnServer(kind: 'minimal' | 'osallistu', database = 'memory', env: Record<string, string> = {}): Promise<ServerProcess> {
  const profile = process.env.BENCH_LIVE_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LIVE_PROFILE}`] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', ...profile, 'bench/support/live-server.ts', kind, database], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk;
      const line = text.split('\n').find((candidate) => candidate.startsWith('{"url"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code})`)));
  });
  return {
    url,
    child,
    ask: <T>(what: 'cpu' | 'heap') =>
      new Promise<T>((resolve) => {
        child.once('message', (message) => resolve(message as T));
        child.send(what);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

// ------------------------------------------------------------------ http client

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } }, (res) => {
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (answer += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

const ID = Buffer.from('id: ');
const READY = Buffer.from('event: ready');

/** One SSE client that only reads message ids (found as bytes: no JSON is parsed). */
class Subscriber {
  messages = 0;
  times: number[] = [];
  ids: number[] = [];
  lastId = 0;
  ready = false;
  readyAt = 0;
  private req: ClientRequest | undefined;
  private carry = Buffer.alloc(0);

  constructor(
    private readonly url: string,
    private readonly sampled: boolean,
  ) {}

  connect(): Promise<void> {
    this.ready = false;
    return new Promise((resolve) => {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (this.lastId > 0) headers['last-event-id'] = String(this.lastId);
      const req = request(this.url, { agent: false, headers }, (res) => {
        res.on('data', (chunk: Buffer) => {
          const now = performance.now();
          if (!this.ready && chunk.includes(READY)) {
            this.ready = true;
            this.readyAt = now;
            resolve();
          }
          this.read(chunk, now);
        });
      });
      req.on('error', () => resolve());
      req.end();
      this.req = req;
    });
  }

  private read(chunk: Buffer, now: number): void {
    const buffer = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let at = buffer.indexOf(ID);
    let end = 0;
    while (at !== -1) {
      const newline = buffer.indexOf(10, at);
      if (newline === -1) break;
      const id = Number(buffer.toString('latin1', at + 4, newline));
      this.messages += 1;
      this.lastId = id;
      if (this.sampled) {
        this.times.push(now);
        this.ids.push(id);
      }
      end = newline;
      at = buffer.indexOf(ID, newline);
    }
    const rest = buffer.subarray(Math.max(end, buffer.length - 24));
    this.carry = Buffer.from(rest);
  }

  /** When this subscriber first held the change with this seq (-1: never). */
  arrival(seq: number): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ids[middle] < seq) low = middle + 1;
      else high = middle;
    }
    return low < this.ids.length ? this.times[low] : -1;
  }

  cut(): void {
    this.req?.destroy();
  }
}

// ------------------------------------------------------------------ targets

interface Target {
  label: string;
  servers: ServerProcess[];
  streamUrl(index: number): string;
  vote(voter: number, ideaId: string, liked: boolean): Promise<{ status: number; seq?: number }>;
}

function minimalTarget(server: ServerProcess): Target {
  return {
    label: 'minimal SSE server (node http, in memory)',
    servers: [server],
    streamUrl: () => `${server.url}/stream`,
    async vote(_voter, ideaId, liked) {
      const answer = await post(`${server.url}/vote`, { ideaId, liked });
      return { status: answer.status, seq: (JSON.parse(answer.body) as { seq: number }).seq };
    },
  };
}

function boardEvent(): EventDefinition {
  return {
    id: EVENT,
    title: 'Live bench',
    languages: ['fi'],
    activities: [{ id: 'board', kind: 'board', config: { mode: 'upvote', resultsVisibility: 'always', duplicateThreshold: 1, questions: [{ id: 'main', title: 'Mitä?' }] } }],
    seed: Array.from({ length: IDEAS }, (_, index) => ({ activity: 'board', as: `s${index}`, command: 'submitIdea', payload: { text: `Ehdotus numero ${index + 1} kaupungin kehittämiseksi` } })),
  };
}

const devices = Array.from({ length: VOTERS }, () => randomKey(32));

async function osallistuTarget(label: string, servers: ServerProcess[]): Promise<Target> {
  const created = await post(`${servers[0].url}/api/v1/events`, boardEvent(), { authorization: `Bearer ${ADMIN}` });
  if (created.status !== 201) throw new Error(`creating the event failed: ${created.body}`);
  const key = (JSON.parse(created.body) as { organiserKey: string }).organiserKey;
  const phase = await post(`${servers[0].url}/api/v1/events/${EVENT}/activities/board/commands/setPhase`, { payload: { phase: 'vote' }, idempotencyKey: randomKey() }, { 'x-osa-organiser': key });
  if (phase.status !== 200) throw new Error(`opening the vote failed: ${phase.body}`);
  return {
    label,
    servers,
    streamUrl: (index) => `${servers[index % servers.length].url}/api/v1/events/${EVENT}/stream`,
    async vote(voter, ideaId, liked) {
      const server = servers[voter % servers.length];
      const answer = await post(
        `${server.url}/api/v1/events/${EVENT}/activities/board/commands/${liked ? 'like' : 'unlike'}`,
        { payload: { ideaId }, idempotencyKey: randomKey() },
        { 'x-osa-device': devices[voter] },
      );
      return { status: answer.status, seq: answer.status === 200 ? (JSON.parse(answer.body) as { seq?: number }).seq : undefined };
    },
  };
}

// ------------------------------------------------------------------ 1. fan-out under votes

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');

interface FanOutRow {
  target: string;
  'votes/s offered': number;
  'votes/s accepted': string;
  refused: number;
  'answer p50': string;
  'answer p95': string;
  'on screen after answer, p95': string;
  'not received': number;
  'messages per subscriber': string;
  'server CPU': string;
}

async function fanOut(target: Target): Promise<FanOutRow> {
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, index) => new Subscriber(target.streamUrl(index), index < SAMPLED));
  for (let start = 0; start < subscribers.length; start += 200) await Promise.all(subscribers.slice(start, start + 200).map((subscriber) => subscriber.connect()));
  const random = createRandom(2026);
  const liked = new Set<string>();
  const nextVote = (voter: number): { ideaId: string; liked: boolean } => {
    const ideaId = `i${1 + Math.floor(random.next() * IDEAS)}`;
    const key = `${voter}:${ideaId}`;
    const like = !liked.has(key);
    if (like) liked.add(key);
    else liked.delete(key);
    return { ideaId, liked: like };
  };
  // Every voter once before the clock starts: devices are bound, connections are open.
  for (let start = 0; start < VOTERS; start += 250) {
    await Promise.all(Array.from({ length: Math.min(250, VOTERS - start) }, (_, offset) => {
      const vote = nextVote(start + offset);
      return target.vote(start + offset, vote.ideaId, vote.liked);
    }));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpuBefore = await Promise.all(target.servers.map((server) => server.ask<{ cpu: NodeJS.CpuUsage }>('cpu')));
  const messagesBefore = subscribers.reduce((sum, subscriber) => sum + subscriber.messages, 0);
  const votes: Array<{ answeredAt: number; latency: number; seq?: number; status: number }> = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = RATE * SECONDS;
  let sent = 0;
  let voter = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
      while (sent < due) {
        sent += 1;
        const who = voter;
        voter = (voter + 1) % VOTERS;
        const vote = nextVote(who);
        const sentAt = performance.now();
        pending.push(
          target.vote(who, vote.ideaId, vote.liked).then(
            (answer) => void votes.push({ answeredAt: performance.now(), latency: performance.now() - sentAt, seq: answer.seq, status: answer.status }),
            () => void votes.push({ answeredAt: performance.now(), latency: performance.now() - sentAt, status: 0 }),
          ),
        );
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await Promise.all(pending);
  const wall = (performance.now() - start) / 1000;
  const cpuAfter = await Promise.all(target.servers.map((server) => server.ask<{ cpu: NodeJS.CpuUsage }>('cpu')));
  // Let the last coalesced messages arrive.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const accepted = votes.filter((vote) => vote.status === 200);
  const delays: number[] = [];
  let missing = 0;
  for (const vote of accepted) {
    if (vote.seq === undefined) continue;
    for (const subscriber of subscribers.slice(0, SAMPLED)) {
      const at = subscriber.arrival(vote.seq);
      if (at < 0) missing += 1;
      else delays.push(Math.max(0, at - vote.answeredAt));
    }
  }
  const cpuSeconds = cpuAfter.reduce((sum, after, index) => sum + (after.cpu.user - cpuBefore[index].cpu.user + after.cpu.system - cpuBefore[index].cpu.system) / 1e6, 0);
  const messages = subscribers.reduce((sum, subscriber) => sum + subscriber.messages, 0) - messagesBefore;
  for (const subscriber of subscribers) subscriber.cut();
  return {
    target: target.label,
    'votes/s offered': RATE,
    'votes/s accepted': (accepted.length / wall).toFixed(0),
    refused: votes.length - accepted.length,
    'answer p50': ms(percentile(votes.map((vote) => vote.latency), 50)),
    'answer p95': ms(percentile(votes.map((vote) => vote.latency), 95)),
    'on screen after answer, p95': ms(percentile(delays, 95)),
    'not received': missing,
    'messages per subscriber': `${(messages / SUBSCRIBERS).toFixed(0)} in ${wall.toFixed(0)} s`,
    'server CPU': `${((cpuSeconds / wall) * 100).toFixed(0)} %`,
  };
}

// ------------------------------------------------------------------ 2. reconnect storm

function listenOverflows(): number {
  const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('TcpExt:'));
  const names = lines[header].split(/\s+/);
  const values = lines[header + 1].split(/\s+/);
  return Number(values[names.indexOf('ListenOverflows')]);
}

async function storm(label: string, streamUrl: string, jitterMs: number): Promise<Record<string, string | number>> {
  const clients = Array.from({ length: RECONNECTS }, () => new Subscriber(streamUrl, false));
  for (let start = 0; start < clients.length; start += 200) await Promise.all(clients.slice(start, start + 200).map((client) => client.connect()));
  const overflowsBefore = listenOverflows();
  for (const client of clients) client.cut();
  const start = performance.now();
  await Promise.all(clients.map((client) => new Promise<void>((resolve) => setTimeout(() => void client.connect().then(resolve), Math.random() * jitterMs))));
  const back = Math.max(...clients.map((client) => client.readyAt)) - start;
  const overflows = listenOverflows() - overflowsBefore;
  const missing = clients.filter((client) => !client.ready).length;
  for (const client of clients) client.cut();
  return { server: label, 'client jitter': `${jitterMs} ms`, 'all back after': ms(back), 'not back': missing, 'listen-queue overflows': overflows };
}

// ------------------------------------------------------------------ 3. memory (in its own process, with --expose-gc)

async function memory(): Promise<void> {
  const { EventService } = await import('../server/service.js');
  const { migrate } = await import('../server/db/migrate.js');
  const { openStore } = await import('../server/db/store.js');
  const store = await openStore('memory');
  await migrate(store);
  const service = new EventService(store);
  const gc = (globalThis as { gc?: () => void }).gc!;
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const EVENTS = 50;
  const VOTES = 100_000;
  for (let index = 0; index < EVENTS; index += 1) {
    await service.createEvent({ ...boardEvent(), id: `memory-${index}` });
    await service.send(`memory-${index}`, 'board', 'setPhase', { phase: 'vote' }, { organiser: true }, randomKey());
  }
  service.evictIdle(0, () => false);
  const before = heap();
  const viewers = await Promise.all(Array.from({ length: 500 }, (_, index) => service.viewer(`memory-${index % EVENTS}`, { device: devices[index] })));
  // Each viewer likes its ideas in turn, then takes the likes back: every vote is a change.
  let failed = 0;
  for (let sent = 0; sent < VOTES; sent += 1000) {
    await Promise.all(
      Array.from({ length: 1000 }, (_, offset) => {
        const vote = sent + offset;
        const who = vote % viewers.length;
        const round = Math.floor(vote / viewers.length);
        const ideaId = `i${1 + (round % IDEAS)}`;
        const command = Math.floor(round / IDEAS) % 2 === 0 ? 'like' : 'unlike';
        return service.send(`memory-${who % EVENTS}`, 'board', command, { ideaId }, viewers[who], randomKey()).catch((error: Error) => { if (failed++ === 0) console.error(error.message); });
      }),
    );
  }
  if (failed > 0) throw new Error(`${failed} votes failed`);
  // The write queues empty on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  const afterVotes = heap();
  const loaded = service.loadedEvents.length;
  // What the server's idle timer does once OSA_IDLE_EVICT_MS has passed with nobody watching.
  service.evictIdle(0, () => false);
  const afterEviction = heap();
  process.stdout.write(
    `${JSON.stringify([
      { 'heap after GC': 'before the votes', MiB: before.toFixed(1), 'events in memory': 0 },
      { 'heap after GC': `after ${VOTES.toLocaleString('en')} votes on ${EVENTS} events (kept, as before this change)`, MiB: afterVotes.toFixed(1), 'events in memory': loaded },
      { 'heap after GC': 'after idle events are evicted (nobody watching)', MiB: afterEviction.toFixed(1), 'events in memory': service.loadedEvents.length },
    ])}\n`,
  );
  await store.close();
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  if (process.argv.includes('--memory')) return memory();
  console.log(`${SUBSCRIBERS} subscribers on one event, likes offered at ${RATE}/s for ${SECONDS} s; latency over every vote × ${SAMPLED} sampled subscribers`);
  const rows: FanOutRow[] = [];

  const minimalServer = await spawnServer('minimal');
  if (ONLY.includes('minimal')) rows.push(await fanOut(minimalTarget(minimalServer)));

  if (ONLY.includes('pglite')) {
    const pgliteDir = `${(await import('node:os')).tmpdir()}/osa-live-bench-${process.pid}`;
    const pglite = await spawnServer('osallistu', pgliteDir);
    rows.push(await fanOut(await osallistuTarget('osallistu on PGlite (data directory, fsync on)', [pglite])));
    await pglite.stop();
    (await import('node:fs')).rmSync(pgliteDir, { recursive: true, force: true });
  }

  const skip = ONLY.includes('postgres') ? postgresSkipReason() : 'not asked for';
  if (skip) console.log(`PostgreSQL rows skipped: ${skip}`);
  else {
    for (const instances of [1, 2]) {
      const database = await startTempPostgres();
      try {
        const servers = await Promise.all(Array.from({ length: instances }, () => spawnServer('osallistu', database.url)));
        rows.push(await fanOut(await osallistuTarget(`osallistu on PostgreSQL, ${instances} instance${instances > 1 ? 's' : ''}`, servers)));
        await Promise.all(servers.map((server) => server.stop()));
      } finally {
        await database.stop();
      }
    }
  }
  if (rows.length > 0) console.table(rows);

  if (ONLY.includes('storm')) {
    console.log(`\nReconnect storm: ${RECONNECTS} streams cut at once and reconnecting`);
    const storms = [await storm('minimal SSE server (backlog 511)', `${minimalServer.url}/stream`, 0)];
    await minimalServer.stop();
    const ours = await spawnServer('osallistu', 'memory');
    await osallistuTarget('', [ours]);
    const stream = `${ours.url}/api/v1/events/${EVENT}/stream`;
    storms.push(await storm('osallistu (backlog 4096), reconnect at once', stream, 0));
    storms.push(await storm('osallistu (backlog 4096), the client’s jitter on `online`', stream, 500));
    await ours.stop();
    console.table(storms);
  } else await minimalServer.stop();

  if (!ONLY.includes('memory')) {
    agent.destroy();
    return;
  }
  console.log('\nMemory: votes on events nobody watches');
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', 'bench/live-load.bench.ts', '--memory'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  await new Promise((resolve) => child.once('exit', resolve));
  console.table(JSON.parse(output.trim().split('\n').at(-1)!));
  agent.destroy();
}

await main();
