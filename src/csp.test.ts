import { expect } from '@open-wc/testing';
import { waitFor } from './adapters/conformance.js';
import { createHttpAdapter, type HttpAdapter } from './adapters/http/http-adapter.js';
import { testServer, uniqueName, type TestServer } from './adapters/test-support.js';

/**
 * Every view under the strict Content-Security-Policy a public-sector site may send: scripts only
 * from known origins, no inline styles (no `style` attributes, no `<style>` elements), and Trusted
 * Types required for every DOM sink. The elements run in a frame whose document carries the
 * policy, from the built CDN files and the loader (run `npm run build` first), against the test
 * run's reference server; the frame records every violation (src/test-support/csp-recorder.js).
 *
 * The policy is what the README tells webmasters to allow, and nothing more: `trusted-types
 * lit-html` is the one policy the elements create (Lit's, for its templates); styles come as
 * constructable stylesheets, which `style-src` does not govern.
 */
function policy(server: TestServer): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${server.url}`,
    // The QR code is an SVG image in a data: URL.
    'img-src data:',
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    "base-uri 'none'",
  ].join('; ');
}

interface Report {
  violations: string[];
  errors: string[];
}

interface FrameWindow extends Window {
  osaCspReport: Report;
}

/** A board element of the frame's own copy of the library (another realm: only its shape is known here). */
interface Board extends HTMLElement {
  live: { status: string; snapshot?: { phase: string; viewer: { organiser: boolean } } };
  updateComplete: Promise<boolean>;
}

const PHASES = ['collect', 'vote', 'results', 'closed'] as const;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('every view under a strict CSP with Trusted Types', function () {
  this.timeout(60000);
  let server: TestServer;
  let organiser: HttpAdapter;
  let eventId: string;
  let organiserKey: string;
  let frame: HTMLIFrameElement;
  let page: Document;
  let report: Report;

  const boards = (): Board[] => [...page.querySelectorAll<Board>('osa-priority-board')];
  const participantView = (activity: string): Board => page.querySelector<Board>(`osa-event[api] > osa-priority-board[activity="${activity}"]:is([view="participant"], :not([view]))`)!;
  const inShadow = (el: Element | null | undefined, selector: string): Element | null => el?.shadowRoot?.querySelector(selector) ?? null;
  const settle = async (): Promise<void> => {
    await Promise.all(boards().map((board) => board.updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 150));
  };
  const expectClean = (when: string): void => {
    expect(report.violations, `CSP violations ${when}`).to.deep.equal([]);
    expect(report.errors, `errors ${when}`).to.deep.equal([]);
  };

  before(async () => {
    server = await testServer();
    const admin = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken });
    const seed = (activity: string, texts: string[]) => texts.map((text, index) => ({ activity, as: `p${index % 3}`, command: 'submitIdea', payload: { text } }));
    ({ eventId, organiserKey } = await admin.createEvent({
      id: uniqueName('csp').toLowerCase().replace(/[^a-z0-9-]/g, 'x'),
      title: { en: 'Development day', fi: 'Kehittämispäivä' },
      languages: ['en', 'fi'],
      activities: [
        { id: 'themes', kind: 'board', title: 'Themes', config: { mode: 'duel', resultsVisibility: 'always', minAppearances: 1 } },
        { id: 'likes', kind: 'board', title: 'Likes', config: { mode: 'upvote', moderation: 'pre', resultsVisibility: 'always' } },
      ],
      seed: [...seed('themes', ['More shade in the schoolyard', 'Quiet rooms for breaks', 'Later school start', 'Outdoor lessons']), ...seed('likes', ['Free hobbies after school', 'Better school meals'])],
    }));
    organiser = createHttpAdapter({ baseUrl: server.url });
    organiser.setOrganiserKey(eventId, organiserKey);
    for (const ideaId of ((await organiser.getActivity(eventId, 'likes')).state as { order: string[] }).order.slice(0, 1)) {
      await organiser.send(eventId, 'likes', 'moderate', { ideaId, action: 'approve' });
    }

    const api = escape(server.url);
    const views = (activity: string) => `
      <osa-priority-board activity="${activity}"></osa-priority-board>
      <osa-priority-board activity="${activity}" view="presenter" join-url="https://www.kunta.example/osallistu"></osa-priority-board>`;
    frame = document.createElement('iframe');
    frame.style.width = '1280px';
    frame.style.height = '900px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta http-equiv="Content-Security-Policy" content="${escape(policy(server))}">
          <script src="/src/test-support/csp-recorder.js"></script>
          <script type="module" src="/dist/cdn/osallistu.js"></script>
          <title>A strict page</title>
        </head>
        <body>
          <osa-event api="${api}" event="${eventId}">${views('themes')}${views('likes')}</osa-event>
          <osa-event id="organiser" api="${api}" event="${eventId}">
            <osa-priority-board activity="themes" view="organiser"></osa-priority-board>
            <osa-priority-board activity="likes" view="organiser"></osa-priority-board>
          </osa-event>
          <osa-event adapter="local">
            <script type="application/json">{ "id": "${eventId}-kiosk", "title": "Kiosk", "activities": [{ "id": "themes", "kind": "board" }] }</script>
            <osa-priority-board activity="themes"></osa-priority-board>
          </osa-event>
          <osa-event id="broken" adapter="local"><script type="application/json">{ "id": "broken" }</script></osa-event>
          <osa-join-code url="https://www.kunta.example/osallistu"></osa-join-code>
          <osa-chart label="Votes"></osa-chart>
        </body>
      </html>`;
    document.body.append(frame);
    await loaded;
    page = frame.contentDocument!;
    report = (frame.contentWindow as FrameWindow).osaCspReport;
    const registry = frame.contentWindow!.customElements;
    await Promise.all(['osa-event', 'osa-priority-board', 'osa-join-code', 'osa-chart'].map((tag) => registry.whenDefined(tag)));
    // The organiser's key from a property, as the address fragment of a srcdoc frame cannot carry it.
    (page.querySelector('#organiser') as HTMLElement & { organiserKey: string }).organiserKey = organiserKey;
    (page.querySelector('osa-chart') as HTMLElement & { rows: Array<{ label: string; value: number }> }).rows = [
      { label: 'More shade', value: 72 },
      { label: 'Quiet rooms', value: 41 },
    ];
  });

  after(() => frame?.remove());

  it('loads the policy under test, so that a violation would be seen', async () => {
    const before = report.violations.length;
    const probe = page.createElement('div');
    probe.setAttribute('style', 'color: red');
    page.body.append(probe);
    await waitFor(() => report.violations.length > before, 'the inline style attribute to be reported');
    expect(report.violations.slice(before)).to.deep.equal(['style-src-attr blocked inline on <div>']);
    probe.remove();
    report.violations.splice(before);
  });

  it('shows the join code, the chart and the event\'s message about a bad declaration, with no violation', async () => {
    const chart = page.querySelector('osa-chart')!;
    await waitFor(() => Boolean(inShadow(chart, 'canvas')), 'the chart to draw');
    await waitFor(() => Boolean(inShadow(page.querySelector('osa-join-code'), 'svg, img, canvas')), 'the QR code');
    await waitFor(() => Boolean(inShadow(page.querySelector('#broken'), '[role="alert"]')), 'the bad declaration\'s message');
    await settle();
    expectClean('in the join code, the chart and the event');
  });

  for (const phase of PHASES) {
    it(`runs every board view in the ${phase} phase with no violation`, async () => {
      for (const activity of ['themes', 'likes']) {
        const current = (await organiser.getActivity(eventId, activity)).phase;
        if (current !== phase) await organiser.send(eventId, activity, 'setPhase', { phase });
      }
      const live = boards().filter((board) => board.closest('osa-event')?.getAttribute('adapter') !== 'local');
      await waitFor(() => live.every((board) => board.live.status === 'ready' && board.live.snapshot?.phase === phase), `every board in ${phase}`, 15000);
      await waitFor(() => page.querySelectorAll('#organiser osa-priority-board').length === 2 && [...page.querySelectorAll<Board>('#organiser osa-priority-board')].every((board) => board.live.snapshot?.viewer.organiser), 'the organiser views');

      const participant = participantView('themes');
      if (phase === 'collect') {
        const textarea = inShadow(participant, 'textarea') as HTMLTextAreaElement;
        textarea.value = 'Written under a strict policy';
        textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await participant.updateComplete;
        (inShadow(participant, 'form button[type="submit"]') as HTMLButtonElement).click();
        await waitFor(() => participant.shadowRoot!.textContent!.includes('Written under a strict policy'), 'the idea to be listed');
      }
      if (phase === 'vote') {
        for (let duel = 0; duel < 3; duel += 1) {
          await waitFor(() => Boolean(inShadow(participant, 'button[part~="choice"]:not([disabled])')), 'a duel');
          const voted = new Promise((resolve) => page.addEventListener('osa-vote', resolve, { once: true }));
          (inShadow(participant, 'button[part~="choice"]:not([disabled])') as HTMLButtonElement).click();
          await voted;
        }
        const liker = participantView('likes');
        await waitFor(() => Boolean(inShadow(liker, 'button[aria-pressed]')), 'a like button');
        const liked = new Promise((resolve) => page.addEventListener('osa-like', resolve, { once: true }));
        (inShadow(liker, 'button[aria-pressed]') as HTMLButtonElement).click();
        await liked;
      }
      if (phase === 'results') {
        const presenter = page.querySelector('osa-priority-board[activity="themes"][view="presenter"]');
        await waitFor(() => Boolean(inShadow(inShadow(presenter, 'osa-chart'), 'canvas')), 'the presenter\'s chart');
        // What a blocked style attribute used to leave: score bars with no length.
        for (const board of [participant, presenter!]) {
          const bars = [...board.shadowRoot!.querySelectorAll('.bar')].map((bar) => bar.getBoundingClientRect().width);
          expect(bars, `the score bars of the ${board.getAttribute('view') ?? 'participant'} view`).to.not.be.empty;
          expect(bars.filter((width) => width <= 0), 'bars with no length').to.deep.equal([]);
        }
      }
      await settle();
      expectClean(`in the ${phase} phase`);
    });
  }
});
