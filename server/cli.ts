/**
 * `osallistu` — the reference server's command line:
 *
 *   osallistu serve [--port 8787] [--host 127.0.0.1] [--data DIR]
 *   osallistu import event.json [--data DIR] [--simulate-votes N]
 *   osallistu export <event> [--out file.json] [--data DIR]
 *   osallistu rotate-key <event> [--data DIR]
 *   osallistu invite [--uses 1] [--days 14] [--url http://127.0.0.1:8787] [--data DIR]
 *
 * `--data` is a PGlite data directory or a postgres:// URL; default: env DATABASE_URL, else .data/pglite.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { OsaError } from '../src/core/errors.js';
import type { ActivityExport, CreatedEvent } from '../src/core/protocol.js';
import { migrate } from './db/migrate.js';
import { openStore } from './db/store.js';
import { startServer } from './index.js';
import { EventService, prepareEvent } from './service.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const USAGE = `Usage:
  osallistu serve [--port 8787] [--host 127.0.0.1] [--data DIR]
  osallistu import event.json [--data DIR] [--simulate-votes N]
  osallistu export <event> [--out file.json] [--data DIR]
  osallistu rotate-key <event> [--data DIR]
  osallistu invite [--uses 1] [--days 14] [--url http://127.0.0.1:8787] [--data DIR]

rotate-key replaces an event's organiser key (for a lost key; an organiser who has the key can replace it in the console).
invite prints an invitation and its console link: whoever opens it can create up to --uses events within --days days,
without the admin token; --url is the server's address as organisers reach it.
--data is a PGlite data directory or a postgres:// URL (default: $DATABASE_URL, else .data/pglite).
Server settings come from the environment: OSA_ADMIN_TOKEN, OSA_ALLOWED_ORIGINS, OSA_TRUST_PROXY, OSA_LOG (see server/README.md).
`;

/** A mistake in what the user typed or gave: printed without a stack trace. */
export class CliError extends Error {}

interface Parsed {
  command: string | undefined;
  args: string[];
  flags: Map<string, string>;
}

const FLAGS: Record<string, string[]> = {
  serve: ['port', 'host', 'data'],
  import: ['data', 'simulate-votes'],
  export: ['data', 'out'],
  'rotate-key': ['data'],
  invite: ['data', 'uses', 'days', 'url'],
};

const DEFAULT_URL = 'http://127.0.0.1:8787';

function parse(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  const args: string[] = [];
  const flags = new Map<string, string>();
  for (let index = 0; index < rest.length; index += 1) {
    const word = rest[index];
    if (!word.startsWith('--')) {
      args.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2);
    if (command !== undefined && !(FLAGS[command] ?? []).includes(name)) throw new CliError(`Unknown option --${name} for "${command}".`);
    const value = inline ?? rest[(index += 1)];
    if (value === undefined) throw new CliError(`--${name} needs a value.`);
    flags.set(name, value);
  }
  return { command, args, flags };
}

function integerFlag(flags: Map<string, string>, name: string, fallback?: number): number | undefined {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new CliError(`--${name} must be a whole number, got "${text}".`);
  return Number(text);
}

const databaseOf = (flags: Map<string, string>): string => flags.get('data') ?? (process.env.DATABASE_URL || '.data/pglite');

/** Opens the database (migrated), runs `work` with a service on it, and closes it. */
export async function withService<T>(database: string, work: (service: EventService) => Promise<T>): Promise<T> {
  const store = await openStore(database);
  try {
    await migrate(store);
    return await work(new EventService(store));
  } finally {
    await store.close();
  }
}

/** Reads and checks an event definition file; errors name the file and the field. */
export async function readEventFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let definition: unknown;
  try {
    definition = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message}).`);
  }
  try {
    // The whole definition, seed included, is checked before any database is opened.
    prepareEvent(definition);
  } catch (error) {
    throw explain(file, error);
  }
  return definition;
}

function explain(file: string, error: unknown): unknown {
  if (!(error instanceof OsaError)) return error;
  return new CliError(`${file}: ${error.message}${error.field ? ` (field: ${error.field})` : ''}`);
}

export async function importEventFile(file: string, options: { database: string; simulateVotes?: number }): Promise<CreatedEvent> {
  const definition = await readEventFile(file);
  return withService(options.database, async (service) => {
    try {
      return await service.createEvent(definition, { simulateVotes: options.simulateVotes });
    } catch (error) {
      throw explain(file, error);
    }
  });
}

export interface EventExport {
  eventId: string;
  exportedAt: string;
  activities: ActivityExport[];
}

export async function exportEvent(eventId: string, options: { database: string }): Promise<EventExport> {
  return withService(options.database, async (service) => {
    try {
      const info = await service.info(eventId);
      const activities: ActivityExport[] = [];
      for (const activity of info.activities) activities.push(await service.exportActivity(eventId, activity.id, { organiser: true }));
      return { eventId, exportedAt: new Date().toISOString(), activities };
    } catch (error) {
      if (error instanceof OsaError) throw new CliError(error.message);
      throw error;
    }
  });
}

async function serve(flags: Map<string, string>, io: CliIo): Promise<number> {
  const server = await startServer({
    port: integerFlag(flags, 'port', Number(process.env.PORT || 8787)),
    host: flags.get('host') ?? process.env.HOST ?? '127.0.0.1',
    database: databaseOf(flags),
    logger: process.env.OSA_LOG !== '0',
  });
  io.out(`osallistu is listening on ${server.url} (API ${server.url}/api/v1, database ${server.store.kind}).\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const { command, args, flags } = parse(argv);
    switch (command) {
      case 'serve':
        return await serve(flags, io);
      case 'import': {
        if (args.length !== 1) throw new CliError('Give one event file: osallistu import event.json');
        const created = await importEventFile(args[0], { database: databaseOf(flags), simulateVotes: integerFlag(flags, 'simulate-votes') });
        io.out(`Created the event "${created.eventId}".\nOrganiser key: ${created.organiserKey}\nIt is shown only now: keep it safe (osallistu rotate-key replaces it).\n`);
        return 0;
      }
      case 'export': {
        if (args.length !== 1) throw new CliError('Give one event id: osallistu export <event> [--out file.json]');
        const exported = await exportEvent(args[0], { database: databaseOf(flags) });
        const json = `${JSON.stringify(exported, null, 2)}\n`;
        const out = flags.get('out');
        if (out === undefined) io.out(json);
        else {
          await writeFile(out, json);
          io.out(`Exported ${exported.activities.length} activities of "${exported.eventId}" to ${out}.\n`);
        }
        return 0;
      }
      case 'rotate-key': {
        if (args.length !== 1) throw new CliError('Give one event id: osallistu rotate-key <event>');
        const key = await withService(databaseOf(flags), (service) => service.rotateOrganiserKey(args[0]));
        io.out(`New organiser key of "${args[0]}": ${key}\nThe old key no longer works.\n`);
        return 0;
      }
      case 'invite': {
        if (args.length !== 0) throw new CliError('invite takes no arguments: osallistu invite [--uses N] [--days D] [--url BASE]');
        const base = (flags.get('url') ?? DEFAULT_URL).replace(/\/+$/, '');
        if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(base)) throw new CliError(`--url must be the server's address, such as ${DEFAULT_URL}; got "${base}".`);
        const input = { uses: integerFlag(flags, 'uses'), days: integerFlag(flags, 'days') };
        const created = await withService(databaseOf(flags), async (service) => {
          try {
            return await service.createInvitation(input);
          } catch (error) {
            // The service names the field of its input; the user typed it as an option.
            if (error instanceof OsaError && error.field) throw new CliError(`--${error.field}: ${error.message.replace(`"${error.field}"`, 'it')}.`);
            throw error;
          }
        });
        io.out(
          `Invitation: ${created.invitation}\nConsole link: ${base}/console/#invite=${created.invitation}\n` +
            `It lets whoever opens the link create ${created.uses === 1 ? 'one event' : `up to ${created.uses} events`} until ${created.expiresAt}, without the admin token.\n` +
            'It is shown only now: hand it to the organiser.\n',
        );
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new CliError(`Unknown command "${command}".\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof OsaError) {
      io.err(`osallistu: ${error.message}\n`);
      return 1;
    }
    io.err(`osallistu: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
