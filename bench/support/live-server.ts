/**
 * A server process for `bench/live-load.bench.ts`: our server (`osallistu <database>`), or the
 * minimal SSE server (`minimal`) that does the same fan-out with nothing else: votes counted in a
 * Map, the same change JSON as ours, the same 150 ms coalescing, Node's default listen backlog.
 *
 * Prints `{"url": …}` on its first stdout line. Over IPC it answers `cpu` (process.cpuUsage) and
 * `heap` (heapUsed after a full GC; start it with --expose-gc).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const [kind, database = 'memory'] = process.argv.slice(2);
const COALESCE_MS = 150;

// An orderly exit, so that a CPU profile (--cpu-prof) is written.
process.on('SIGTERM', () => process.exit(0));
process.on('message', (message: string) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'heap') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ heap: process.memoryUsage().heapUsed });
  }
});

async function minimal(): Promise<string> {
  const clients = new Set<ServerResponse>();
  const likes = new Map<string, number>();
  const pending: string[] = [];
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const text = `id: ${seq}\nevent: changes\ndata: [${pending.join(',')}]\n\n`;
    pending.length = 0;
    for (const client of clients) client.write(text);
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(`retry: 2000\n\nevent: ready\ndata: {"seq":${seq}}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method === 'POST' && req.url === '/vote') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        const { ideaId, liked } = JSON.parse(body) as { ideaId: string; liked: boolean };
        const count = (likes.get(ideaId) ?? 0) + (liked ? 1 : -1);
        likes.set(ideaId, count);
        const at = Date.now();
        seq += 1;
        pending.push(JSON.stringify({ type: 'counts', data: { voters: likes.size }, audience: 'public', seq, activity: 'board', at }));
        seq += 1;
        pending.push(JSON.stringify({ type: 'like', data: { ideaId, likes: count }, audience: 'public', seq, activity: 'board', at }));
        timer ??= setTimeout(flush, COALESCE_MS);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: { liked, likes: count }, seq }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function osallistu(): Promise<string> {
  const { startServer } = await import('../../server/index.js');
  const server = await startServer({
    port: 0,
    database,
    adminToken: 'bench-admin-token-0123456789',
    allowedOrigins: ['*'],
    coalesceMs: COALESCE_MS,
    rateLimit: { perDevice: 1000, perIp: 10_000_000, newDevicesPerIp: 10_000_000, windowMs: 60_000 },
  });
  return server.url;
}

const url = kind === 'minimal' ? await minimal() : await osallistu();
process.stdout.write(`${JSON.stringify({ url })}\n`);
