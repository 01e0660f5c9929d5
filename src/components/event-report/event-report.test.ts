import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createHttpAdapter } from '../../adapters/http/http-adapter.js';
import { testServer } from '../../adapters/test-support.js';
import type { ActivityExport } from '../../adapters/types.js';
import type { ExportCell } from '../../core/protocol.js';
import { runElementSuite, type ActivityTarget } from '../../kit/testing/element-suite.js';
import { formatters } from '../../i18n/format.js';
import { en } from '../../i18n/en.js';
import { fi } from '../../i18n/fi.js';
import { sv } from '../../i18n/sv.js';
import { SAMPLE_IDEAS } from '../../test-support/board-fixtures.js';
import { SAMPLE_ANSWERS as FEEDBACK_ANSWERS } from '../../test-support/feedback-fixtures.js';
import { dayDefinition, dayFixture, type DayOptions } from '../../test-support/day-fixture.js';
import '../event/event.js';
import './event-report.js';
import type { OsaEventReport } from './event-report.js';

/** The suite points elements at an activity; this element shows a whole event, so "an activity that does not exist" becomes an event that does not exist. */
const WHOLE_EVENT = 'whole-event';
const eventOf = (target: ActivityTarget): string => (target.activityId === WHOLE_EVENT ? target.eventId : `${target.eventId}-${target.activityId}`);
/** The organiser keys of the suite's events: given to whatever adapter the suite wraps around the state's, as `<osa-event>` does. */
const keys = new Map<string, string>();

async function day(options: DayOptions & { withKey?: boolean } = {}): Promise<ActivityTarget> {
  const made = await dayFixture(options);
  if (options.withKey !== false) keys.set(made.eventId, made.organiserKey);
  return { adapter: options.withKey === false ? made.participant : made.organiser, eventId: made.eventId, activityId: WHOLE_EVENT };
}

const WRITTEN = FEEDBACK_ANSWERS.flatMap((answers) => (typeof answers.improve === 'string' ? [answers.improve] : []));
const deepText = (element: Element): string => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const section = (element: OsaEventReport, activity: string) => element.shadowRoot!.querySelector<HTMLElement>(`section.activity[data-activity="${activity}"]`);
const loaded = (element: OsaEventReport) =>
  waitUntil(() => ['themes', 'sessions', 'feedback', 'words'].every((activity) => section(element, activity)) && !element.shadowRoot!.querySelector('[aria-busy="true"]'), 'the report never loaded', {
    timeout: 8000,
  });
/** A table's body rows as the text of their cells. */
const cells = (table: Element | null): string[][] =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));

describe('<osa-event-report>', function () {
  // A whole event is a larger page than one activity: axe takes longer over it, in four languages and schemes per test.
  this.timeout(30000);

  runElementSuite({
    tagName: 'osa-event-report',
    render: (target, lang, variant) => {
      const eventId = eventOf(target);
      if (keys.has(eventId)) target.adapter.setOrganiserKey(eventId, keys.get(eventId));
      return html`<osa-event-report .adapter=${target.adapter} event=${eventId} lang=${lang} date="2026-05-14" ?include-text=${variant === 'include-text'}></osa-event-report>`;
    },
    states: [
      { name: 'an event day with every kind', target: () => day() },
      { name: 'with the written answers', target: () => day(), variant: 'include-text' },
      { name: 'every activity in its first phase, nothing in it', target: () => day({ empty: true }) },
      { name: 'an event with no activities', target: () => day({ noActivities: true }) },
      { name: 'without the organiser key', target: () => day({ withKey: false }) },
    ],
  });

  it('gives every activity a heading and its tables captions, in the element\'s language', async () => {
    const { organiser, eventId } = await dayFixture();
    const element = await fixture<OsaEventReport>(html`<osa-event-report .adapter=${organiser} event=${eventId} lang="sv" date="2026-05-14"></osa-event-report>`);
    await loaded(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal(sv.eventReport.heading('Utvecklingsdag för välbefinnande'));
    expect(deepText(element)).to.include(sv.eventReport.eventDate('14 maj 2026'));
    expect([...root.querySelectorAll('h3')].map((heading) => heading.textContent)).to.deep.equal(['Strategins teman', 'Eftermiddagens workshoppar', 'Respons om dagen', 'Vad gör en skoldag bra?']);
    for (const table of root.querySelectorAll('table')) expect(table.querySelector('caption')?.textContent?.trim(), 'every table has a caption').to.not.equal('');
    expect(root.querySelector('button[data-print]')!.textContent!.trim()).to.equal(sv.eventReport.print);
  });

  it('leaves written answers out until the organiser includes them, and prints with the browser', async () => {
    const { organiser, eventId } = await dayFixture();
    const element = await fixture<OsaEventReport>(html`<osa-event-report .adapter=${organiser} event=${eventId} lang="fi"></osa-event-report>`);
    await loaded(element);
    for (const answer of WRITTEN) expect(deepText(element)).to.not.include(answer);
    expect(section(element, 'feedback')!.querySelector('[data-question="improve"]')!.textContent).to.include(fi.eventReport.feedback.textLeftOut(WRITTEN.length));
    const box = element.shadowRoot!.querySelector<HTMLInputElement>('#include-text')!;
    box.click();
    await waitUntil(() => section(element, 'feedback')!.querySelector('[data-text-answers]'), 'the written answers never showed');
    expect(element.includeText).to.equal(true);
    expect([...section(element, 'feedback')!.querySelectorAll('[data-text-answers] li')].map((item) => item.textContent)).to.deep.equal(WRITTEN);
    const print = globalThis.print;
    let printed = 0;
    globalThis.print = () => (printed += 1);
    try {
      element.shadowRoot!.querySelector<HTMLButtonElement>('button[data-print]')!.click();
    } finally {
      globalThis.print = print;
    }
    expect(printed).to.equal(1);
  });

  it('without the organiser key says the key is needed and shows nothing private', async () => {
    const { participant, eventId } = await dayFixture();
    for (const [lang, msg] of [['fi', fi], ['sv', sv], ['en', en]] as const) {
      const element = await fixture<OsaEventReport>(html`<osa-event-report .adapter=${participant} event=${eventId} lang=${lang} include-text></osa-event-report>`);
      await waitUntil(() => element.shadowRoot!.querySelector('[data-key-needed]') && !element.shadowRoot!.querySelector('[aria-busy="true"]'), 'no message about the key', { timeout: 5000 });
      const text = deepText(element);
      expect(text).to.include(msg.eventReport.keyNeeded);
      for (const secret of [...SAMPLE_IDEAS.slice(0, 8), ...WRITTEN, 'kaverit', 'Lego', msg.eventReport.feedback.mean]) expect(text, `"${secret}" in ${lang}`).to.not.include(secret);
      expect(element.shadowRoot!.querySelector('table, button[data-print]')).to.equal(null);
    }
  });

  it('says what the exports say, for an event seeded on the reference server', async () => {
    const server = await testServer();
    const admin = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken });
    const { eventId, organiserKey } = await admin.createEvent(dayDefinition());
    const exporter = createHttpAdapter({ baseUrl: server.url, device: `exporter-${eventId}` });
    exporter.setOrganiserKey(eventId, organiserKey);
    const holder = await fixture<HTMLElement>(html`<osa-event api=${server.url} event=${eventId} lang="en" .organiserKey=${organiserKey}><osa-event-report include-text></osa-event-report></osa-event>`);
    const element = holder.querySelector('osa-event-report')!;
    await loaded(element);
    const f = formatters('en');
    const exported = async (activity: string): Promise<ActivityExport> => exporter.exportActivity(eventId, activity);
    const one = (value: ExportCell) => f.number(Number(value), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

    // Board: the ranked ideas in the export's order, with its scores and likes.
    const board = (await exported('themes')).tables.results.filter((row) => row.ranked === true);
    expect(board.length).to.be.greaterThan(3);
    expect(cells(section(element, 'themes')!.querySelector('table'))).to.deep.equal(
      board.slice(0, 10).map((row, index) => [String(index + 1), String(row.text), one(row.score), `${one(row.lower)}–${one(row.upper)}`, String(row.wins)]),
    );

    // Workshops: seats and waitlists per workshop.
    const workshops = (await exported('sessions')).tables.workshops;
    expect(cells(section(element, 'sessions')!.querySelector('table')).map((row) => row.slice(2))).to.deep.equal(workshops.map((row) => [row.capacity, row.held, row.waiting].map(String)));
    expect(workshops.find((row) => row.workshop === 'ai')).to.include({ held: 2, waiting: 2 });

    // Feedback: figures computed here from the exported responses.
    const responses = (await exported('feedback')).tables.responses;
    const numbers = (name: string) => responses.map((row) => row[name]).filter((value): value is number => typeof value === 'number').sort((a, b) => a - b);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const median = (values: number[]) => (values.length % 2 === 1 ? values[(values.length - 1) / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2);
    const figures = (question: string) =>
      Object.fromEntries([...section(element, 'feedback')!.querySelectorAll(`[data-question="${question}"] .figures div`)].map((item) => [item.querySelector('dt')!.textContent, item.querySelector('dd')!.textContent]));
    const useful = numbers('useful');
    expect(figures('useful')).to.deep.equal({ Mean: f.number(mean(useful), { maximumFractionDigits: 1 }), Median: f.number(median(useful), { maximumFractionDigits: 1 }) });
    const recommend = numbers('recommend');
    const nps = ((recommend.filter((value) => value >= 9).length - recommend.filter((value) => value <= 6).length) / recommend.length) * 100;
    expect(figures('recommend')[en.eventReport.feedback.nps]).to.equal(f.number(nps, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
    const roles = cells(section(element, 'feedback')!.querySelector('[data-question="role"] table'));
    expect(roles.map(([label, count]) => [label, count])).to.deep.equal(
      [['Teacher', 'teacher'], ['Principal', 'principal'], ['Other', 'other']].map(([label, value]) => [label, String(responses.filter((row) => row.role === value).length)]),
    );
    expect([...section(element, 'feedback')!.querySelectorAll('[data-question="improve"] li')].map((item) => item.textContent)).to.deep.equal(
      responses.map((row) => row.improve).filter((value) => typeof value === 'string'),
    );

    // Cloud: the shown terms (not merged into another, not hidden), heaviest first.
    const terms = (await exported('words')).tables.terms.filter((row) => row.mergedInto === null && row.hidden === false && Number(row.count) > 0);
    const heaviest = terms.map((row, order) => ({ row, order })).sort((a, b) => Number(b.row.count) - Number(a.row.count) || a.order - b.order);
    expect(heaviest.length).to.be.greaterThan(10);
    expect(cells(section(element, 'words')!.querySelector('table'))).to.deep.equal(heaviest.slice(0, 30).map(({ row }) => [String(row.display), String(row.count)]));
  });
});
