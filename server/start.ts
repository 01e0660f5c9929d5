/**
 * `npm start`: builds the bundle if it is missing, starts the server on the embedded database
 * (.data/pglite, or OSA_DATA/pglite), imports the demo event once (with simulated duel votes) and
 * prints where each page of the demo day is: for participants, for the screen, for the organiser.
 * Pages on any origin may use its API (a webmaster's test page works at once) unless
 * OSA_ALLOWED_ORIGINS names them; `osallistu serve` keeps the production allow-list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventDefinition } from '../src/core/event.js';
import { readEventFile } from './cli.js';
import { PACKAGE_ROOT, startServer } from './index.js';
import { developmentOrigins } from './options.js';

const root = PACKAGE_ROOT;
const DEMO_EVENT = 'demo-2026';
/** Duels cast by simulated participants when the demo is imported, so the ranking has something to show. */
const DEMO_VOTES = 150;

function ensureBundle(): void {
  if (existsSync(join(root, 'dist', 'cdn', 'osallistu.js'))) return;
  if (!existsSync(join(root, 'scripts', 'build.mjs'))) {
    console.warn('Notice: dist/cdn/osallistu.js is missing and there is no build script (scripts/build.mjs) yet: the demo pages will not load the elements.');
    return;
  }
  console.log('Building the bundle (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.warn('Notice: the build failed; the server starts anyway, but the demo pages need dist/cdn/osallistu.js.');
}

ensureBundle();
/** Where the embedded database and the demo's organiser key live; OSA_DATA moves them (a second demo, a test run). */
const dataDir = resolve(process.env.OSA_DATA || join(root, '.data'));
mkdirSync(dataDir, { recursive: true });
const port = Number(process.env.PORT || 8787);
const allowedOrigins = developmentOrigins();
let server;
try {
  server = await startServer({
    port,
    host: process.env.HOST || '127.0.0.1',
    database: process.env.DATABASE_URL || join(dataDir, 'pglite'),
    staticRoot: root,
    allowedOrigins,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other program or start with PORT=8788 npm start.` : `The server did not start: ${(error as Error).message}`);
  process.exit(1);
}

const keyFile = join(dataDir, 'demo-organiser-key');
let organiserKey: string;
if (!(await server.service.exists(DEMO_EVENT))) {
  const definition = await readEventFile(join(root, 'demo', 'demo-event.json'));
  organiserKey = (await server.importEvent(definition as EventDefinition, { simulateVotes: DEMO_VOTES })).organiserKey;
  writeFileSync(keyFile, `${organiserKey}\n`, { mode: 0o600 });
  console.log(`Imported the demo event "${DEMO_EVENT}" with ${DEMO_VOTES} simulated duels.`);
} else if (existsSync(keyFile)) {
  organiserKey = readFileSync(keyFile, 'utf8').trim();
} else {
  // The key is stored only as a hash: a lost key file means a new key.
  organiserKey = await server.service.rotateOrganiserKey(DEMO_EVENT);
  writeFileSync(keyFile, `${organiserKey}\n`, { mode: 0o600 });
  console.log('The demo organiser key file was missing: a new key was made.');
}

const base = server.url;
const demo = `${base}/demo`;
// A new event from the console needs the admin token or an invitation: each start hands out one
// (ten events, for a day), so that trying the console needs no setting.
const invitation = existsSync(join(root, 'console', 'index.html')) ? (await server.service.createInvitation({ uses: 10, days: 1 })).invitation : undefined;
const consoleLine = invitation
  ? `\n  Console      ${base}/console/#${new URLSearchParams({ event: DEMO_EVENT, key: organiserKey })} (events, activities, snippets, run of show, report)` +
    `\n  New event    ${base}/console/#invite=${invitation} (create your own from a template; this link makes up to 10, for a day)`
  : '';
console.log(`
osallistu is running at ${base} (database: ${server.store.kind})

For participants
  Event page   ${demo}/ (a city's page: workshop picker, feedback form, word cloud)
  Livestream   ${demo}/livestream.html (the board and a live poll beside the video)
  Workshops    ${demo}/workshops.html (37 workshops, ranked choices)
  Feedback     ${demo}/feedback.html (the form, its results, and the form inside a page's own form)
  No server    ${demo}/kiosk.html (the event written into the page, run in the browser)

For the screen
  Presenter    ${demo}/presenter.html (one activity full-screen: ?show=themes, poll, words or training)

For the organiser
  Organiser    ${demo}/organiser.html#key=${organiserKey}${consoleLine}
  API          ${base}/api/v1/events/${DEMO_EVENT}

${
  allowedOrigins.includes('*')
    ? 'Development mode: pages on any origin may use the API. In production (osallistu serve) name them: OSA_ALLOWED_ORIGINS=https://www.kunta.fi'
    : `Pages on these origins may use the API (OSA_ALLOWED_ORIGINS): ${allowedOrigins.join(', ')}`
}
Press Ctrl+C to stop.`);

const stop = async (): Promise<void> => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
