import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './event-console.js';
import type { OsaEventConsole } from './event-console.component.js';
import { createHttpAdapter } from '../../adapters/http/http-adapter.js';
import { testServer, type TestServer } from '../../adapters/test-support.js';
import { checkEventDefinition } from '../../core/event-setup.js';
import { LANGUAGES, type Language } from '../../core/protocol.js';
import { translations } from '../../i18n/localize.js';
import type { ConsoleAdapter } from './console-adapter.js';
import { embedSnippet, participantLink, presenterLink, consoleLink, serverBase, suggestSlug, isSlug, readFragment } from './links.js';
import { activityTemplate, ACTIVITY_KINDS, EVENT_TEMPLATES } from './templates.js';

const STORAGE_KEY = 'osallistu-console-events';
const t = (lang: Language) => translations[lang].console;
const root = (el: OsaEventConsole) => el.shadowRoot!;
const text = (el: OsaEventConsole) => root(el).textContent!.replace(/\s+/g, ' ');
const $ = <E extends Element = HTMLElement>(el: OsaEventConsole, selector: string) => root(el).querySelector<E & HTMLElement>(selector);
const buttonNamed = (el: OsaEventConsole, name: string) =>
  [...root(el).querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent!.trim()) === name || button.textContent!.trim() === name);
const uniqueId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function settle(el: OsaEventConsole): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !root(el).querySelector('[aria-busy="true"]'), 'the console stayed busy', { timeout: 10000 });
  await el.updateComplete;
}

let server: TestServer;

before(async () => {
  server = await testServer();
});

beforeEach(() => {
  localStorage.removeItem(STORAGE_KEY);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

async function mount(options: { lang?: Language; api?: string; adapter?: ConsoleAdapter } = {}): Promise<OsaEventConsole> {
  const el = await fixture<OsaEventConsole>(html`<osa-event-console api=${options.api ?? server.url} lang=${options.lang ?? 'en'} .adapter=${options.adapter}></osa-event-console>`);
  await el.updateComplete;
  return el;
}

/** Fills in the create form and submits it with the admin token. */
async function create(el: OsaEventConsole, template: string, options: { title?: string; id?: string; token?: string } = {}): Promise<void> {
  if (!$(el, '#event-id')) {
    buttonNamed(el, t((el.lang as Language) || 'en').start.create)!.click();
    await el.updateComplete;
  }
  $<HTMLInputElement>(el, `input[name="template"][value="${template}"]`)!.click();
  type($(el, '#title-en'), options.title ?? 'Spring conference');
  await el.updateComplete;
  if (options.id) type($(el, '#event-id'), options.id);
  if (options.token !== '') type($(el, '#admin-token'), options.token ?? server.adminToken);
  await el.updateComplete;
  $<HTMLButtonElement>(el, '#create-submit')!.click();
  await settle(el);
}

describe('osa-event-console', function () {
  this.timeout(30000);

  describe('templates', () => {
    for (const template of EVENT_TEMPLATES) {
      it(`"${template.id}" passes the core's checks, with texts in fi, sv and en`, () => {
        expect(() => checkEventDefinition({ id: 'x', title: 'X', activities: template.activities })).to.not.throw();
        for (const language of LANGUAGES) {
          expect(template.name[language]).to.not.equal('');
          expect(template.description[language]).to.not.equal('');
        }
      });
    }

    it('has one activity template per kind that passes the core\'s checks', () => {
      const activities = ACTIVITY_KINDS.map((kind) => activityTemplate(kind, `new-${kind}`, { en: `New ${kind}` }));
      expect(() => checkEventDefinition({ id: 'x', title: 'X', activities })).to.not.throw();
    });

    it('suggests ids that are slugs', () => {
      expect(suggestSlug('Hyvinvoiva koulu 2030 – strategiatyöpaja')).to.equal('hyvinvoiva-koulu-2030-strategiatyopaja');
      expect(suggestSlug('Åbo Akademi: Förhandsdiskussion')).to.equal('abo-akademi-forhandsdiskussion');
      expect(suggestSlug('!!!')).to.equal('');
      expect(isSlug(suggestSlug('x'.repeat(200)))).to.equal(true);
      expect(isSlug('Not a slug')).to.equal(false);
    });
  });

  describe('links and the snippet', () => {
    it('are exact, with secrets only in the fragment', () => {
      const base = serverBase('https://events.example.fi/api');
      expect(base).to.equal('https://events.example.fi');
      expect(serverBase('/', 'https://events.example.fi/console/')).to.equal('https://events.example.fi');
      const address = { base, eventId: 'kevat-2026', activityId: 'themes', lang: 'sv' as const };
      expect(participantLink(address)).to.equal('https://events.example.fi/console/take-part.html?event=kevat-2026&activity=themes&lang=sv');
      expect(presenterLink(address, 'k3y/+=')).to.equal('https://events.example.fi/console/take-part.html?event=kevat-2026&activity=themes&lang=sv&view=presenter#key=k3y%2F%2B%3D');
      expect(consoleLink(base, 'kevat-2026', 'abc')).to.equal('https://events.example.fi/console/#event=kevat-2026&key=abc');
      expect(embedSnippet(address, 'board')).to.equal(
        [
          '<script type="module" src="https://events.example.fi/osallistu/osallistu.js"></script>',
          '<osa-event api="https://events.example.fi/api" event="kevat-2026" lang="sv">',
          '  <osa-priority-board activity="themes"></osa-priority-board>',
          '</osa-event>',
        ].join('\n'),
      );
      expect(readFragment('#event=a&key=b')).to.deep.equal({ eventId: 'a', organiserKey: 'b' });
      expect(readFragment('#invite=xyz')).to.deep.equal({ invitation: 'xyz' });
      expect(readFragment('')).to.equal(undefined);
    });
  });

  describe('every screen is accessible in fi, sv and en, and dark', () => {
    it('start, with no events yet', async () => {
      for (const lang of LANGUAGES) {
        const el = await mount({ lang });
        expect(text(el)).to.include(t(lang).start.empty);
        await expect(el).to.be.accessible();
      }
    });

    it('create, with a field named in the problem', async () => {
      for (const lang of LANGUAGES) {
        const el = await mount({ lang });
        buttonNamed(el, t(lang).start.create)!.click();
        await el.updateComplete;
        $<HTMLButtonElement>(el, '#create-submit')!.click();
        await el.updateComplete;
        expect(text(el)).to.include(t(lang).errors.titleRequired);
        expect(text(el)).to.include(t(lang).errors.tokenRequired);
        expect($(el, '#title-fi')!.getAttribute('aria-invalid')).to.equal('true');
        await expect(el).to.be.accessible();
      }
    });

    it('created, the event and its share panel, settings and the dark scheme', async () => {
      const el = await mount({ lang: 'fi' });
      await create(el, 'conference', { id: uniqueId('a11y') });
      expect(text(el)).to.include(t('fi').created.warning);
      await expect(el).to.be.accessible();
      for (const lang of LANGUAGES) {
        el.lang = lang;
        await el.updateComplete;
        expect(text(el)).to.include(t(lang).created.warning);
      }
      buttonNamed(el, t('en').created.continue)!.click();
      await settle(el);
      for (const lang of LANGUAGES) {
        el.lang = lang;
        await el.updateComplete;
        expect(text(el)).to.include(t(lang).share.snippet);
        await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
      }
      $<HTMLButtonElement>(el, '#event-tab-settings')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const dark = await fixture<HTMLDivElement>(html`<div style="--osa-color-scheme: dark; background: #101317"><osa-event-console api=${server.url} lang="fi"></osa-event-console></div>`);
      const darkConsole = dark.firstElementChild as OsaEventConsole;
      await darkConsole.updateComplete;
      expect(text(darkConsole)).to.include(t('fi').start.heading);
      await expect(darkConsole).to.be.accessible();
    });

    it('says it is loading while an event opens, as a busy status', async () => {
      const adapter = createHttpAdapter({ baseUrl: server.url });
      const never = new Proxy(adapter, { get: (inner, property, receiver) => (property === 'getEvent' ? () => new Promise(() => {}) : Reflect.get(inner, property, receiver)) });
      for (const lang of LANGUAGES) {
        const el = await mount({ lang, adapter: never });
        type($(el, '#open-id'), 'some-event');
        type($(el, '#open-key'), 'some-key');
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        await waitUntil(() => $(el, '[role="status"][aria-busy="true"]'), 'no busy status');
        expect($(el, '[role="status"][aria-busy="true"]')!.textContent).to.include(t(lang).event.loading);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('errors in the user\'s language', () => {
    it('a wrong organiser key, and an event that does not exist', async () => {
      const created = await createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken }).createEvent({ id: uniqueId('wrong'), title: 'X', activities: [] });
      for (const lang of LANGUAGES) {
        const el = await mount({ lang });
        type($(el, '#open-id'), created.eventId);
        type($(el, '#open-key'), 'not-the-key');
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        await settle(el);
        expect($(el, '[role="alert"]')!.textContent).to.include(t(lang).errors.wrongKey);
        type($(el, '#open-id'), uniqueId('missing'));
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        await settle(el);
        expect($(el, '[role="alert"]')!.textContent).to.include(t(lang).errors.eventNotFound);
        await expect(el).to.be.accessible();
        expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')).to.deep.equal([]);
      }
    });

    it('a wrong admin token, an id in use, an id that is not a slug', async () => {
      const el = await mount({ lang: 'sv' });
      await create(el, 'livestream', { id: uniqueId('token'), token: 'wrong-token' });
      expect(text(el)).to.include(t('sv').errors.adminToken);
      expect(document.activeElement).to.equal(el);
      expect(root(el).activeElement).to.equal($(el, '#admin-token'));
      const id = uniqueId('taken');
      await createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken }).createEvent({ id, title: 'X', activities: [] });
      await create(el, 'livestream', { id });
      expect(text(el)).to.include(t('sv').errors.idTaken);
      await create(el, 'livestream', { id: 'Inte OK' });
      expect(text(el)).to.include(t('sv').errors.idInvalid);
    });

    it('a server that cannot be reached', async () => {
      const el = await mount({ lang: 'fi', api: 'http://127.0.0.1:9' });
      type($(el, '#open-id'), 'x');
      type($(el, '#open-key'), 'y');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await settle(el);
      expect($(el, '[role="alert"]')!.textContent).to.include(translations.fi.errors.offline);
    });

    it('a server that does not allow this page\'s origin', async function () {
      // The first request starts that server, with an embedded database of its own: slow on a busy machine.
      this.timeout(180000);
      const refusing = await testServer('production');
      const el = await mount({ lang: 'en', api: refusing.url });
      type($(el, '#open-id'), 'x');
      type($(el, '#open-key'), 'y');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await settle(el);
      expect($(el, '[role="alert"]')!.textContent).to.include(translations.en.errors.originRefused(location.origin));
    });

    it('says when the browser is offline', async () => {
      const el = await mount({ lang: 'sv' });
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        window.dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(text(el)).to.include(t('sv').offline);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        window.dispatchEvent(new Event('online'));
      }
      await el.updateComplete;
      expect(text(el)).to.not.include(t('sv').offline);
    });
  });

  describe('creating from each template on the real server', () => {
    for (const template of EVENT_TEMPLATES) {
      it(`"${template.id}": the key is shown once, then the event opens with the template's activities`, async () => {
        const el = await mount({ lang: 'en' });
        const id = uniqueId(template.id);
        const createdEvent = oneEvent(el, 'osa-event-created');
        await create(el, template.id, { title: `Test ${template.id}`, id });
        expect((await createdEvent).detail.eventId).to.equal(id);
        const key = $<HTMLInputElement>(el, '#created-key')!.value;
        expect(key.length).to.be.greaterThan(10);
        expect($<HTMLInputElement>(el, '#created-link')!.value).to.equal(`${server.url}/console/#event=${id}&key=${encodeURIComponent(key)}`);
        buttonNamed(el, t('en').created.continue)!.click();
        await settle(el);
        expect($(el, '#created-key'), 'the key is not shown again').to.equal(null);
        const listed = [...root(el).querySelectorAll('.activity-list .activity .title')].map((title) => title.textContent);
        expect(listed).to.have.length(template.activities.length);
        const info = await createHttpAdapter({ baseUrl: server.url }).getEvent(id);
        expect(info.activities.map((activity) => [activity.id, activity.kind, activity.phase])).to.deep.equal(template.activities.map((activity) => [activity.id, activity.kind, activity.phase]));
        expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal([{ server: server.url, id, title: { en: `Test ${template.id}` }, organiserKey: key }]);
      });
    }

    it('can be done with the keyboard alone', async () => {
      const el = await mount({ lang: 'fi' });
      el.focus();
      const start = buttonNamed(el, t('fi').start.create)!;
      start.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // The first template is chosen; arrow keys move the choice within the group.
      $<HTMLInputElement>(el, 'input[name="template"]:checked')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[name="template"]:checked')!.value).to.equal('training');
      await sendKeys({ press: 'Tab' });
      const id = uniqueId('syyskoulutus');
      // The id follows the title until the organiser types one.
      await sendKeys({ type: id.replace('syyskoulutus-', 'Syyskoulutus ') });
      for (const _field of ['title-sv', 'title-en', 'fi', 'sv', 'en', 'event-id']) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.id).to.equal('event-id');
      expect((root(el).activeElement as HTMLInputElement).value).to.equal(id);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.id).to.equal('admin-token');
      await sendKeys({ type: server.adminToken });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(root(el).activeElement?.id).to.equal('created-heading');
      const info = await createHttpAdapter({ baseUrl: server.url }).getEvent(id);
      expect(info.title).to.deep.equal({ fi: id.replace('syyskoulutus-', 'Syyskoulutus ') });
      expect(info.activities.map((activity) => activity.kind)).to.deep.equal(['workshops']);
    });
  });

  describe('with an invitation link', () => {
    async function invitation(): Promise<string> {
      const response = await fetch(`${server.url}/api/v1/invitations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ uses: 1 }),
      });
      return ((await response.json()) as { invitation: string }).invitation;
    }

    it('checks the invitation, creates an event without the admin token, and says when it is used up', async () => {
      const token = await invitation();
      history.replaceState(null, '', `${location.pathname}${location.search}#invite=${encodeURIComponent(token)}`);
      const el = await mount({ lang: 'fi' });
      await waitUntil(() => text(el).includes(t('fi').invitation.valid(undefined, undefined)), 'the invitation was not checked');
      expect(text(el)).to.include('Sitä voi käyttää vielä kerran.');
      expect($(el, '#admin-token'), 'no admin token asked').to.equal(null);
      await expect(el).to.be.accessible();
      const id = uniqueId('invited');
      await create(el, 'discussion', { id, token: '' });
      expect($<HTMLInputElement>(el, '#created-key')!.value).to.not.equal('');
      const again = await mount({ lang: 'sv' });
      await waitUntil(() => text(again).includes(t('sv').invitation.used), 'the used invitation was not refused');
      expect($<HTMLButtonElement>(again, '#create-submit')!.disabled).to.equal(true);
      await expect(again).to.be.accessible();
    });

    it('says when the invitation is unknown', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#invite=not-an-invitation-anyone-made`);
      const el = await mount({ lang: 'en' });
      await waitUntil(() => text(el).includes(t('en').invitation.unknown), 'the unknown invitation was not refused');
    });
  });

  describe('an opened event', () => {
    async function openedEvent(lang: Language = 'en') {
      const id = uniqueId('open');
      const { organiserKey } = await createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken }).createEvent({
        id,
        title: { fi: 'Kevätpäivä', en: 'Spring day' },
        languages: ['fi', 'en'],
        activities: EVENT_TEMPLATES[0].activities,
      });
      const el = await mount({ lang });
      type($(el, '#open-id'), id);
      type($(el, '#open-key'), organiserKey);
      const opened = oneEvent(el, 'osa-event-opened');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await opened;
      await settle(el);
      return { el, id, organiserKey };
    }

    it('opens with its id and key, is remembered, and forgotten on request', async () => {
      const { el, id, organiserKey } = await openedEvent();
      expect(text(el)).to.include('Spring day');
      buttonNamed(el, `← ${t('en').event.allEvents}`)!.click();
      await el.updateComplete;
      expect(text(el)).to.include('Spring day');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)[0]).to.include({ id, organiserKey });
      buttonNamed(el, t('en').start.forgetLabel('Spring day'))!.click();
      await el.updateComplete;
      expect(text(el)).to.include(t('en').start.forgotten('Spring day'));
      expect(text(el)).to.include(t('en').start.empty);
    });

    it('opens from the console link, and takes the key out of the address', async () => {
      const id = uniqueId('link');
      const { organiserKey } = await createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken }).createEvent({ id, title: 'Linked', activities: [] });
      history.replaceState(null, '', `${location.pathname}${location.search}#event=${id}&key=${encodeURIComponent(organiserKey)}`);
      const el = await mount({ lang: 'en' });
      await waitUntil(() => text(el).includes('Linked') && !root(el).querySelector('[aria-busy="true"]'), 'the event did not open');
      expect(location.hash).to.equal('');
      expect(text(el)).to.include(t('en').event.none);
    });

    it('shares each activity: links, QR code and snippet exactly, with copy buttons that say "copied"', async () => {
      const { el, id, organiserKey } = await openedEvent('fi');
      const address = { base: server.url, eventId: id, activityId: 'themes', lang: 'fi' as const };
      expect($<HTMLInputElement>(el, '#share-participant')!.value).to.equal(participantLink(address));
      expect($<HTMLInputElement>(el, '#share-participant')!.value).to.equal(`${server.url}/console/take-part.html?event=${id}&activity=themes&lang=fi`);
      expect($<HTMLInputElement>(el, '#share-presenter')!.value).to.equal(presenterLink(address, organiserKey));
      expect($<HTMLTextAreaElement>(el, '#share-snippet')!.value).to.equal(
        `<script type="module" src="${server.url}/osallistu/osallistu.js"></script>\n<osa-event api="${server.url}/api" event="${id}" lang="fi">\n  <osa-priority-board activity="themes"></osa-priority-board>\n</osa-event>`,
      );
      const code = $(el, 'osa-join-code')!;
      expect(code.getAttribute('url')).to.equal(participantLink(address));
      await waitUntil(() => code.shadowRoot?.querySelector('img.qr'), 'no QR code');
      const copy = $<HTMLButtonElement>(el, '#share-snippet ~ button')!;
      copy.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copy.textContent!.includes(t('fi').copied) || text(el).includes(t('fi').copyFailed), 'the copy button did nothing');
      expect(copy.textContent).to.include(t('fi').copied);
      expect(await navigator.clipboard.readText().catch(() => $<HTMLTextAreaElement>(el, '#share-snippet')!.value)).to.equal($<HTMLTextAreaElement>(el, '#share-snippet')!.value);
      // The poll is a feedback form.
      const poll = [...root(el).querySelectorAll<HTMLButtonElement>('.activity')].find((button) => button.querySelector('.title')!.textContent === 'Pikakysely')!;
      expect(poll.textContent).to.include(t('fi').kinds.feedback).and.include(t('fi').phases.open);
      poll.click();
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#share-snippet')!.value).to.include('<osa-feedback-form activity="poll"></osa-feedback-form>');
    });

    it('opens an activity\'s organiser view inside an <osa-event> that carries the key', async () => {
      const { el, id, organiserKey } = await openedEvent();
      const tab = $<HTMLButtonElement>(el, '#panel-share')!;
      tab.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('panel-settings');
      const event = $(el, 'osa-event') as HTMLElement & { organiserKey?: string; event?: string };
      expect(event.event).to.equal(id);
      expect(event.organiserKey).to.equal(organiserKey);
      const board = event.querySelector('osa-priority-board')!;
      expect(board.getAttribute('view')).to.equal('organiser');
      // The board's words arrive with its element; its moderation settings show only to the organiser.
      await waitUntil(() => translations.en.board && board.shadowRoot?.textContent?.includes(translations.en.board.organiser.moderation), 'the organiser view did not load', { timeout: 10000 });
      expect(board.shadowRoot!.textContent).to.not.include(translations.en.board.organiser.keyNeeded);
    });

    it('switches between the event\'s sections with the arrow keys', async () => {
      const { el } = await openedEvent();
      $<HTMLButtonElement>(el, '#event-tab-activities')!.focus();
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('event-tab-settings');
      expect($(el, '#event-tab-settings')!.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('event-tab-activities');
    });

    const withOperation = (name: keyof ConsoleAdapter) => (typeof (createHttpAdapter({ baseUrl: 'http://localhost' }) as ConsoleAdapter)[name] === 'function' ? it : it.skip);

    withOperation('addActivity')('adds an activity of any kind from its template', async () => {
      const { el, id } = await openedEvent();
      for (const kind of ACTIVITY_KINDS) {
        ($<HTMLSelectElement>(el, '#add-kind')!).value = kind;
        $(el, '#add-kind')!.dispatchEvent(new Event('change'));
        type($(el, '#add-title'), `New ${kind} here`);
        await el.updateComplete;
        expect($<HTMLInputElement>(el, '#add-id')!.value).to.equal(`new-${kind}-here`);
        $<HTMLFormElement>(el, '#add-title')!.closest('form')!.requestSubmit();
        await settle(el);
        expect(text(el)).to.include(t('en').add.added(`New ${kind} here`));
      }
      const info = await createHttpAdapter({ baseUrl: server.url }).getEvent(id);
      expect(info.activities.map((activity) => activity.kind)).to.deep.equal(['board', 'feedback', ...ACTIVITY_KINDS]);
    });

    withOperation('updateActivity')('edits an activity\'s title in each language', async () => {
      const { el, id } = await openedEvent();
      $<HTMLButtonElement>(el, '#panel-title')!.click();
      await el.updateComplete;
      type($(el, '#rename-en'), 'Big themes');
      type($(el, '#rename-sv'), 'Stora teman');
      $<HTMLFormElement>(el, '#rename-en')!.closest('form')!.requestSubmit();
      await settle(el);
      expect(text(el)).to.include(t('en').rename.saved);
      const info = await createHttpAdapter({ baseUrl: server.url }).getEvent(id);
      expect(info.activities[0].title).to.deep.equal({ fi: 'Teemat', sv: 'Stora teman', en: 'Big themes' });
    });

    withOperation('rotateOrganiserKey')('rotates the key after a confirmation; the old key is refused after', async () => {
      const { el, id, organiserKey } = await openedEvent();
      $<HTMLButtonElement>(el, '#event-tab-settings')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#rotate')!.click();
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('confirm-rotate');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      const newKey = $<HTMLInputElement>(el, '#new-key')!.value;
      expect(newKey).to.not.equal(organiserKey);
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)[0]).to.include({ id, organiserKey: newKey });
      const old = createHttpAdapter({ baseUrl: server.url });
      old.setOrganiserKey(id, organiserKey);
      expect((await old.whoami(id)).organiser).to.equal(false);
      const fresh = createHttpAdapter({ baseUrl: server.url });
      fresh.setOrganiserKey(id, newKey);
      expect((await fresh.whoami(id)).organiser).to.equal(true);
    });
  });
});
