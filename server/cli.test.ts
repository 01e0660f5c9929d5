/**
 * The `osallistu` CLI: import (the real command in a child process), export, key rotation, and
 * the demo event with simulated votes, on PGlite (a data directory) and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { BoardState } from '../src/core/board/board.js';
import { main, withService, type EventExport } from './cli.js';
import { openStore } from './db/store.js';
import { startServer } from './index.js';
import { Api, BACKENDS, boardEvent, skipReason, testDatabase, type TestDatabase } from './test/helpers.js';

const BIN = fileURLToPath(new URL('./bin/osallistu.js', import.meta.url));
const DEMO = fileURLToPath(new URL('../demo/demo-event.json', import.meta.url));

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function capture(): { io: { out: (text: string) => void; err: (text: string) => void }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { out: (text) => (out += text), err: (text) => (err += text) }, out: () => out, err: () => err };
}

describe('osallistu import: bad files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osa-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('names the file and the field, and exits with 1', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'bad-event', title: 'x', activities: [{ id: 'a', kind: 'poll' }] }));
    const bad = await runCli(['import', file, '--data', join(dir, 'never-opened')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /bad\.json: .*"kind" must be one of board, workshops, feedback, cloud \(field: activities\.0\.kind\)/);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "id": "x", ');
    const notJson = capture();
    assert.equal(await main(['import', broken], notJson.io), 1);
    assert.match(notJson.err(), /broken\.json: not valid JSON/);

    const seeded = join(dir, 'seeded.json');
    writeFileSync(seeded, JSON.stringify({ id: 'seeded', title: 'x', activities: [{ id: 'b', kind: 'board' }], seed: [{ activity: 'b', as: 'x', command: 'submitIdea', payload: { txt: 'hei' } }] }));
    const seedError = capture();
    assert.equal(await main(['import', seeded, '--data', join(dir, 'never-opened')], seedError.io), 1);
    assert.match(seedError.err(), /seed\.0: "text" is required \(field: seed\.0\.payload\.text\)/);
    assert.ok(!existsSync(join(dir, 'never-opened')), 'the file is checked before any database is opened');

    const missing = capture();
    assert.equal(await main(['import', join(dir, 'nothing.json')], missing.io), 1);
    assert.match(missing.err(), /nothing\.json: cannot read it \(ENOENT\)/);
    const unknown = capture();
    assert.equal(await main(['import', file, '--colour', 'red'], unknown.io), 1);
    assert.match(unknown.err(), /Unknown option --colour/);
  });
});

for (const backend of BACKENDS) {
  describe(`osallistu CLI on ${backend}`, { skip: skipReason(backend) }, () => {
    let database: TestDatabase | undefined;
    let data: string;
    let dir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'osa-cli-'));
      if (backend === 'postgres') {
        database = await testDatabase('postgres');
        data = database.url;
      } else {
        data = join(dir, 'pglite');
      }
    });

    after(async () => {
      await database?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('imports the demo event with simulated votes; export and key rotation work on it', async () => {
      const imported = await runCli(['import', DEMO, '--data', data, '--simulate-votes', '150']);
      assert.equal(imported.code, 0, imported.stderr);
      const key = /Organiser key: ([A-Za-z0-9_-]{32})/.exec(imported.stdout)?.[1];
      assert.ok(key, imported.stdout);

      const out = join(dir, 'export.json');
      const exportRun = capture();
      assert.equal(await main(['export', 'demo-2026', '--out', out, '--data', data], exportRun.io), 0, exportRun.err());
      const exported = JSON.parse(readFileSync(out, 'utf8')) as EventExport;
      assert.equal(exported.eventId, 'demo-2026');
      const [themes] = exported.activities;
      assert.equal(themes.activity, 'themes');
      assert.equal(themes.tables.ideas.length, 20);
      assert.ok(themes.tables.ideas.every((idea) => idea.status === 'visible'));
      assert.equal(themes.tables.votes.length, 150);
      assert.ok(themes.tables.results.some((row) => row.ranked === true), 'enough duels to rank ideas');

      await withService(data, async (service) => {
        if (backend === 'pglite') {
          // One process at a time on a PGlite directory.
          await assert.rejects(openStore(data), /in use by this process/);
        }
        const snapshot = await service.snapshot('demo-2026', 'themes', { organiser: true });
        assert.equal(snapshot.phase, 'vote');
        const state = snapshot.state as BoardState;
        assert.equal(state.duelCount, 150);
        assert.ok(state.participantCount >= 12);
        assert.equal((await service.viewer('demo-2026', { organiserKey: key })).organiser, true);
        const rotated = await service.rotateOrganiserKey('demo-2026');
        assert.equal((await service.viewer('demo-2026', { organiserKey: key })).organiser, false);
        assert.equal((await service.viewer('demo-2026', { organiserKey: rotated })).organiser, true);
        await assert.rejects(service.createEvent(JSON.parse(readFileSync(DEMO, 'utf8'))), /already exists/);
      });

      const missing = capture();
      assert.equal(await main(['export', 'no-such-event', '--data', data], missing.io), 1);
      assert.match(missing.err(), /There is no event "no-such-event"/);
    });

    test('invite prints an invitation and its console link; the server takes it instead of the admin token', async () => {
      const printed = await runCli(['invite', '--uses', '2', '--days', '3', '--data', data]);
      assert.equal(printed.code, 0, printed.stderr);
      const token = /^Invitation: ([A-Za-z0-9_-]{32})$/m.exec(printed.stdout)?.[1];
      assert.ok(token, printed.stdout);
      assert.match(printed.stdout, new RegExp(`^Console link: http://127\\.0\\.0\\.1:8787/console/#invite=${token}$`, 'm'));
      assert.match(printed.stdout, /create up to 2 events until \d{4}-\d\d-\d\dT/);

      const custom = capture();
      assert.equal(await main(['invite', '--url', 'https://osallistu.kunta.example/', '--data', data], custom.io), 0, custom.err());
      const second = /^Invitation: (\S+)$/m.exec(custom.out())![1];
      assert.match(custom.out(), new RegExp(`^Console link: https://osallistu\\.kunta\\.example/console/#invite=${second}$`, 'm'));
      assert.match(custom.out(), /create one event until/);

      for (const [args, message] of [
        [['--uses', '0'], /--uses: it must be at least 1/],
        [['--days', '400'], /--days: it must be at most 365/],
        [['--days', 'two'], /--days must be a whole number/],
        [['--url', 'osallistu.kunta.example'], /--url must be the server's address/],
        [['extra'], /invite takes no arguments/],
      ] as const) {
        const refused = capture();
        assert.equal(await main(['invite', ...args, '--data', data], refused.io), 1);
        assert.match(refused.err(), message);
      }

      // The same database served: the invitation is known, with its uses, and creates an event without the admin token.
      const server = await startServer({ port: 0, database: data, adminToken: undefined, logger: false, pgliteSync: 'off' });
      try {
        const api = new Api(server.url);
        const checked = await api.get<{ valid: boolean; usesLeft: number }>('/invitations/current', { authorization: `Invitation ${token}` });
        assert.deepEqual([checked.status, checked.body.valid, checked.body.usesLeft], [200, true, 2]);
        const created = await api.post('/events', boardEvent(`invited-${backend}`), { authorization: `Invitation ${token}` });
        assert.equal(created.status, 201, created.text);
        const refused = await api.post('/events', boardEvent(`refused-${backend}`));
        assert.match(refused.text, /Creating events over HTTP is turned off on this server/);
      } finally {
        await server.close();
      }
    });
  });
}
