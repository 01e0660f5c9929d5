/**
 * The workshop picker's claim window (an offered seat, accepted or lapsed), the organiser's
 * catalogue editor, a static catalogue's schedule on the device, and the export in the user's
 * language: real elements on the in-page back end, driven by keyboard.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './workshop-picker.js';
import type { OsaWorkshopPicker, WorkshopPickerView } from './workshop-picker.component.js';
import type { OsaAdapter } from '../../adapters/types.js';
import type { Seat, WorkshopsState } from '../../core/workshops/workshops.js';
import { toCsv } from '../../core/csv.js';
import { workshopsFi } from '../../i18n/workshops/fi.js';
import { fi } from '../../i18n/fi.js';
import { SMALL_CATALOGUE, workshopFixture, type WorkshopFixture } from '../../test-support/workshop-fixtures.js';
import { offeredFile as download } from '../../test-support/download.js';

const shadow = (el: OsaWorkshopPicker) => el.shadowRoot!;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');
const card = (el: OsaWorkshopPicker, id: string) => shadow(el).querySelector<HTMLElement>(`[data-workshop="${id}"]`)!;
const focused = (el: OsaWorkshopPicker) => shadow(el).activeElement as HTMLElement | null;
const announced = (el: OsaWorkshopPicker) => shadow(el).querySelector('[aria-live="polite"]')!.textContent!.replace(/\u200b/g, '');
const MINUTE = 60_000;

async function mount(fx: WorkshopFixture, options: { adapter?: OsaAdapter; view?: WorkshopPickerView; lang?: string } = {}): Promise<OsaWorkshopPicker> {
  const el = await fixture<OsaWorkshopPicker>(html`<osa-workshop-picker
    .adapter=${options.adapter ?? fx.participant}
    event=${fx.eventId}
    activity=${fx.activityId}
    view=${options.view ?? 'participant'}
    lang=${options.lang ?? 'en'}
  ></osa-workshop-picker>`);
  await waitUntil(() => el.live.snapshot && !shadow(el).querySelector('[aria-busy="true"]'), 'the picker never finished loading', { timeout: 5000 });
  return el;
}

const stateOf = async (fx: WorkshopFixture) => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as WorkshopsState;
const seatOf = async (fx: WorkshopFixture, adapter: OsaAdapter, slot = 'am'): Promise<Seat | undefined> => {
  const { participant } = await adapter.whoami(fx.eventId);
  return (await stateOf(fx)).participants[participant!]?.seats[slot];
};

/** Presses Tab until the focused element inside the picker matches, as a keyboard user would. */
async function tabTo(el: OsaWorkshopPicker, matches: (element: HTMLElement) => boolean, what: string): Promise<HTMLElement> {
  for (let presses = 0; presses < 60; presses += 1) {
    const current = focused(el);
    if (current && matches(current)) return current;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Clears a focused input and types `value`, as a keyboard user would. */
async function retype(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value !== '') await sendKeys({ type: value });
}


describe('osa-workshop-picker: a claim window for a promoted participant', () => {
  it('shows the offer live with its deadline in the participant\'s language, and accepts it by keyboard', async () => {
    const fx = await workshopFixture({ config: { claimWindowMinutes: 30 }, taken: { ai: 1 } });
    const holder = fx.newParticipant();
    await holder.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await fx.participant.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    const el = await mount(fx, { lang: 'fi' });
    expect(text(card(el, 'ai'))).to.include('Olet jonossa sijalla 1');
    expect(text(el)).to.include('se pidetään sinulle 30 minuuttia');
    const offered = oneEvent(el, 'osa-seat-offered');
    await holder.send(fx.eventId, fx.activityId, 'cancel', { workshop: 'ai' });
    const { offeredUntil } = (await offered).detail;
    const clock = new Intl.DateTimeFormat('fi', { hour: 'numeric', minute: '2-digit' }).format(offeredUntil);
    await waitUntil(() => text(card(el, 'ai')).includes('Paikka on varattu sinulle'), 'the offer never showed');
    expect(text(card(el, 'ai'))).to.include(`${clock} asti`);
    await waitUntil(() => announced(el).includes('Työpajasta ”Tekoäly opetuksessa” vapautui paikka'), 'the offer was not announced', { timeout: 4000 });
    expect((await seatOf(fx, fx.participant))?.status).to.equal('offered');
    shadow(el).querySelector<HTMLElement>('#picker-title')!.focus();
    const accept = await tabTo(el, (element) => element.hasAttribute('data-accept'), 'the accept button');
    expect(accept.textContent).to.include('Ota paikka vastaan');
    const answered = oneEvent(el, 'osa-offer-accepted');
    await sendKeys({ press: 'Enter' });
    expect((await answered).detail).to.deep.equal({ workshop: 'ai', accepted: true });
    await waitUntil(() => text(card(el, 'ai')).includes('Paikka työpajassa ”Tekoäly opetuksessa” on nyt sinun.'));
    expect(await seatOf(fx, fx.participant)).to.deep.equal({ workshop: 'ai', status: 'confirmed' });
    expect(focused(el)?.dataset.action, 'focus stays on the card\'s action').to.equal('ai');
    expect(text(card(el, 'ai'))).to.include('Peru paikkani');
    await expect(el).to.be.accessible();
  });

  it('after the window has passed, shows that the seat went on, and passes it to the next in line', async () => {
    let offset = 0;
    const fx = await workshopFixture({ config: { claimWindowMinutes: 30 }, taken: { ai: 1 }, now: () => Date.now() + offset });
    const holder = fx.newParticipant();
    const next = fx.newParticipant();
    await holder.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await fx.participant.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await next.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    const el = await mount(fx);
    // The seat is freed a window minus two seconds ago: the offer ends two seconds from now.
    offset = -(30 * MINUTE - 2000);
    await holder.send(fx.eventId, fx.activityId, 'cancel', { workshop: 'ai' });
    offset = 0;
    await waitUntil(() => shadow(el).querySelector('[data-accept]'), 'the offer never showed');
    await waitUntil(() => text(el).includes('The time to accept the seat in “AI in teaching” passed, and it went to the next in line.'), 'the lapse was not shown', { timeout: 6000 });
    expect(shadow(el).querySelector('[data-accept]'), 'nothing left to accept').to.equal(null);
    await waitUntil(async () => (await seatOf(fx, next))?.status === 'offered', 'the seat never passed on', { timeout: 4000 });
    expect(await seatOf(fx, fx.participant)).to.equal(undefined);
    await waitUntil(() => text(card(el, 'ai')).includes('Full – join the waitlist'));
    await expect(el).to.be.accessible();
  });

  it('an accept sent after the window says the seat went on', async () => {
    let offset = 0;
    const fx = await workshopFixture({ config: { claimWindowMinutes: 5 }, taken: { ai: 1 }, now: () => Date.now() + offset });
    const holder = fx.newParticipant();
    await holder.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await fx.participant.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    const el = await mount(fx, { lang: 'sv' });
    await holder.send(fx.eventId, fx.activityId, 'cancel', { workshop: 'ai' });
    await waitUntil(() => shadow(el).querySelector('[data-accept]'), 'the offer never showed');
    expect(text(card(el, 'ai'))).to.include('En plats hålls åt dig till');
    // The back end's clock is past the window (this browser's is not yet).
    offset = 6 * MINUTE;
    const answered = oneEvent(el, 'osa-offer-accepted');
    shadow(el).querySelector<HTMLButtonElement>('[data-accept]')!.click();
    expect((await answered).detail).to.deep.equal({ workshop: 'ai', accepted: false });
    await waitUntil(() => text(el).includes('Tiden att ta emot platsen i ”AI i undervisningen” gick ut'));
    expect(await seatOf(fx, fx.participant)).to.equal(undefined);
  });
});

describe('osa-workshop-picker: the organiser edits the catalogue', () => {
  it('edits a workshop by keyboard, and the participant view shows the change live', async () => {
    const fx = await workshopFixture({});
    const participant = await mount(fx);
    const organiser = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
    shadow(organiser).querySelector<HTMLElement>('[data-edit-workshop="robotics"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(organiser).querySelector('#editor-form'), 'the form never opened');
    expect(focused(organiser)?.id, 'focus moves into the form').to.equal('ed-title-fi');
    await retype(shadow(organiser).querySelector<HTMLInputElement>('#ed-title-en')!, 'Robots with Lego');
    await retype(shadow(organiser).querySelector<HTMLInputElement>('#ed-capacity')!, '12');
    await retype(shadow(organiser).querySelector<HTMLInputElement>('#ed-facilitator')!, 'Ilkka Koskinen');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !shadow(organiser).querySelector('#editor-form'), 'the form never closed');
    expect(text(organiser)).to.include('“Robots with Lego” saved.');
    expect(focused(organiser)?.dataset.editWorkshop, 'focus returns to the row').to.equal('robotics');
    await waitUntil(() => text(card(participant, 'robotics')).includes('Robots with Lego'), 'the participant never saw the change');
    expect(text(card(participant, 'robotics'))).to.include('12 of 12 seats left');
    expect(text(card(participant, 'robotics'))).to.include('Ilkka Koskinen');
    const config = (await fx.organiser.getActivity(fx.eventId, fx.activityId)).config as typeof SMALL_CATALOGUE;
    const robotics = config.workshops.find((workshop) => workshop.id === 'robotics')!;
    expect(robotics.title).to.deep.equal({ fi: 'Lego-robotiikka', sv: 'Legorobotik', en: 'Robots with Lego' });
    expect(robotics.place, 'fields left alone keep their values').to.equal('Luokka A214, Pasilan kampus');
    await expect(organiser).to.be.accessible();
  });

  it('adds a workshop and a time slot, and removes a workshop nobody is in', async () => {
    const fx = await workshopFixture({});
    const participant = await mount(fx);
    const organiser = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
    const root = shadow(organiser);
    root.querySelector<HTMLButtonElement>('[data-add-slot]')!.click();
    await waitUntil(() => root.querySelector('#editor-form'));
    await retype(root.querySelector<HTMLInputElement>('#ed-id')!, 'eve');
    for (const [language, title] of [['fi', 'Ilta'], ['sv', 'Kväll'], ['en', 'Evening']]) await retype(root.querySelector<HTMLInputElement>(`#ed-title-${language}`)!, title);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('[data-edit-slot="eve"]'), 'the slot was not added');
    root.querySelector<HTMLButtonElement>('[data-add-workshop]')!.click();
    await waitUntil(() => root.querySelector('#editor-form'));
    await retype(root.querySelector<HTMLInputElement>('#ed-id')!, 'choir');
    for (const [language, title] of [['fi', 'Kuoro'], ['sv', 'Kör'], ['en', 'Choir']]) await retype(root.querySelector<HTMLInputElement>(`#ed-title-${language}`)!, title);
    const slot = root.querySelector<HTMLSelectElement>('#ed-slot')!;
    slot.value = 'eve';
    await retype(root.querySelector<HTMLInputElement>('#ed-capacity')!, '15');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => card(participant, 'choir'), 'the participant never saw the new workshop');
    expect(text(participant)).to.include('Evening');
    root.querySelector<HTMLButtonElement>('[data-remove-workshop="nature"]')!.click();
    await waitUntil(() => focused(organiser)?.hasAttribute('data-keep-row'), 'the confirmation did not take focus');
    root.querySelector<HTMLButtonElement>('[data-confirm-remove]')!.click();
    await waitUntil(() => !card(participant, 'nature'), 'the removed workshop stayed');
    expect(text(organiser)).to.include('“Outdoor learning” removed.');
  });

  it('refuses an invalid edit with the reason beside the form: fewer seats than held, a duplicate id, an empty title, removing a workshop with seats', async () => {
    const fx = await workshopFixture({ taken: { ai: 2 } });
    const organiser = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
    const root = shadow(organiser);
    const form = () => root.querySelector<HTMLFormElement>('#editor-form');
    // Fewer seats than are held: refused by the rules, the form stays open.
    root.querySelector<HTMLButtonElement>('[data-edit-workshop="ai"]')!.click();
    await waitUntil(form);
    await retype(root.querySelector<HTMLInputElement>('#ed-capacity')!, '1');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(form()!).includes('2 seats are taken: the workshop needs at least that many.'), 'the capacity refusal was not shown');
    expect((await fx.organiser.getActivity(fx.eventId, fx.activityId)).config).to.have.nested.property('workshops[1].capacity', 2);
    await expect(organiser, 'the open form with its refusal').to.be.accessible();
    root.querySelector<HTMLInputElement>('#ed-capacity')!.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !form());
    expect(focused(organiser)?.dataset.editWorkshop, 'Escape returns to the row').to.equal('ai');
    // A duplicate id.
    root.querySelector<HTMLButtonElement>('[data-add-workshop]')!.click();
    await waitUntil(form);
    await retype(root.querySelector<HTMLInputElement>('#ed-id')!, 'ai');
    await retype(root.querySelector<HTMLInputElement>('#ed-title-en')!, 'Another AI');
    await retype(root.querySelector<HTMLInputElement>('#ed-capacity')!, '5');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(form()!).includes('Another workshop or time slot already has this id.'), 'the duplicate id was not refused');
    // An empty title: said with the kit's words, at the field.
    for (const language of ['fi', 'sv', 'en']) await retype(root.querySelector<HTMLInputElement>(`#ed-title-${language}`)!, '');
    await retype(root.querySelector<HTMLInputElement>('#ed-id')!, 'new-one');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('#ed-title-fi[aria-invalid="true"]'), 'the empty title was not marked');
    expect(text(form()!)).to.include('Check “Title”: this is required');
    expect(focused(organiser)?.id).to.equal('ed-title-fi');
    root.querySelector<HTMLButtonElement>('[data-cancel-edit]')!.click();
    // Removing a workshop where people hold seats.
    await waitUntil(() => !form());
    root.querySelector<HTMLButtonElement>('[data-remove-workshop="ai"]')!.click();
    await waitUntil(() => root.querySelector('[data-confirm-remove]'));
    root.querySelector<HTMLButtonElement>('[data-confirm-remove]')!.click();
    await waitUntil(() => text(organiser).includes('“AI in teaching” cannot be removed: people hold seats or wait in it. Cancel the workshop instead.'), 'the removal was not refused');
    expect((await fx.organiser.getActivity(fx.eventId, fx.activityId)).config).to.have.nested.property('workshops[1].id', 'ai');
    await expect(organiser).to.be.accessible();
  });

  it('says the reason in Finnish, in the kit\'s words where they fit', async () => {
    const fx = await workshopFixture({ taken: { robotics: 3 } });
    const organiser = await mount(fx, { adapter: fx.organiser, view: 'organiser', lang: 'fi' });
    const root = shadow(organiser);
    root.querySelector<HTMLButtonElement>('[data-edit-workshop="robotics"]')!.click();
    await waitUntil(() => root.querySelector('#editor-form'));
    await retype(root.querySelector<HTMLInputElement>('#ed-capacity')!, '2');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(organiser).includes(workshopsFi.organiser.editor.capacityBelowHeld(3)), 'no Finnish refusal');
    await retype(root.querySelector<HTMLInputElement>('#ed-link')!, 'meet.example.fi');
    await retype(root.querySelector<HTMLInputElement>('#ed-capacity')!, '4');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(organiser).includes(fi.errors.invalid('Verkkolinkki', fi.validation.notAllowed)), 'no Finnish refusal of the link');
  });

  it('sets the claim window, and a freed seat is then offered', async () => {
    const fx = await workshopFixture({ taken: { ai: 1 } });
    const holder = fx.newParticipant();
    await holder.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await fx.participant.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    const organiser = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
    await retype(shadow(organiser).querySelector<HTMLInputElement>('#ed-claim-window')!, '45');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => ((await fx.organiser.getActivity(fx.eventId, fx.activityId)).config as { claimWindowMinutes?: number }).claimWindowMinutes === 45, 'the window was not saved');
    await holder.send(fx.eventId, fx.activityId, 'cancel', { workshop: 'ai' });
    expect((await seatOf(fx, fx.participant))?.status).to.equal('offered');
  });
});

describe('osa-workshop-picker: a static catalogue\'s schedule on this device', () => {
  const json = JSON.stringify({ mode: 'firstCome', ...SMALL_CATALOGUE }).replace(/</g, '\\u003c');
  const mountStatic = async () => {
    const el = await fixture<OsaWorkshopPicker>(`<osa-workshop-picker lang="en"><script type="application/json">${json}</script></osa-workshop-picker>`);
    await waitUntil(() => el.live.snapshot && shadow(el).querySelectorAll('[data-workshop]').length === 5, 'the catalogue never showed', { timeout: 4000 });
    return el;
  };

  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('osa-workshop-plan:')) localStorage.removeItem(key);
  });

  it('marks one workshop per time slot by keyboard, refuses a clash, keeps the choice on the device and downloads the .ics', async () => {
    const el = await mountStatic();
    shadow(el).querySelector<HTMLElement>('#picker-title')!.focus();
    const add = await tabTo(el, (element) => element.dataset.action === 'robotics', 'the plan button of "Lego robotics"');
    expect(add.textContent).to.include('Add to my schedule');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(card(el, 'robotics')).includes('In your schedule'));
    expect(focused(el)?.dataset.action).to.equal('robotics');
    expect(focused(el)?.textContent).to.include('Remove from my schedule');
    expect(text(shadow(el).querySelector('.schedule')!)).to.include('Lego robotics');
    // Another of the same slot is refused, saying which one is there.
    shadow(el).querySelector<HTMLButtonElement>('[data-action="ai"]')!.click();
    await waitUntil(() => text(card(el, 'ai')).includes('You already have “Lego robotics” in this time slot. Remove it from your schedule first.'));
    shadow(el).querySelector<HTMLButtonElement>('[data-action="nature"]')!.click();
    await waitUntil(() => text(card(el, 'nature')).includes('In your schedule'));
    // Kept on the device: a new visit shows the same schedule.
    el.remove();
    const again = await mountStatic();
    expect(text(card(again, 'robotics'))).to.include('In your schedule');
    expect(text(card(again, 'nature'))).to.include('In your schedule');
    expect(text(again)).to.include('Kept on this device only. It does not reserve a seat.');
    const file = await download(() => shadow(again).querySelector<HTMLButtonElement>('[data-download-ics]')!.click());
    expect(file.name).to.match(/my-workshops\.ics$/);
    const unfolded = file.body.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).to.have.length(2);
    expect(unfolded).to.include('SUMMARY:Lego robotics');
    expect(unfolded).to.include('SUMMARY:Outdoor learning');
    expect(unfolded).to.include('DTSTART:20260610T060000Z');
    await expect(again).to.be.accessible();
  });

  it('removes a workshop from the schedule, and the .ics then has only the rest', async () => {
    const el = await mountStatic();
    shadow(el).querySelector<HTMLButtonElement>('[data-action="robotics"]')!.click();
    await waitUntil(() => text(card(el, 'robotics')).includes('In your schedule'));
    shadow(el).querySelector<HTMLButtonElement>('[data-action="robotics"]')!.click();
    await waitUntil(() => text(el).includes('“Lego robotics” was removed from your schedule.'));
    expect(shadow(el).querySelector('[data-download-ics]'), 'nothing to download').to.equal(null);
  });
});

describe('osa-workshop-picker: the export in the user\'s language', () => {
  it('downloads registrations, workshops and rankings with Finnish column titles and values, the same file as the labels make', async () => {
    const fx = await workshopFixture({ config: { claimWindowMinutes: 30 }, taken: { ai: 1 } });
    const holder = fx.newParticipant();
    await holder.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await fx.participant.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await fx.newParticipant().send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
    await holder.send(fx.eventId, fx.activityId, 'cancel', { workshop: 'ai' });
    const organiser = await mount(fx, { adapter: fx.organiser, view: 'organiser', lang: 'fi' });
    const button = (label: string) => [...shadow(organiser).querySelectorAll('button')].find((entry) => entry.textContent!.includes(label))!;
    const registrations = await download(() => button('Ilmoittautumiset (CSV)').click());
    const rows = registrations.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).to.equal('Osallistuja;Työpaja;Aika;Tila;Sija jonossa;Tarjous voimassa asti;Monesko toive;Järjestäjän lukitsema');
    expect(rows.slice(1).map((row) => row.split(';')[3])).to.deep.equal(['Vahvistettu', 'Tarjottu', 'Jonossa']);
    expect(rows[2].split(';')[5]).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d$/, 'the offer\'s deadline as a local date-time');
    expect(rows[1].split(';').at(-1)).to.equal('ei');
    const data = await fx.organiser.exportActivity(fx.eventId, fx.activityId);
    // (Reading the file as text drops its byte-order mark.)
    expect(registrations.body.replace(/^\uFEFF/, '')).to.equal(toCsv(data.tables.registrations, { delimiter: ';', labels: workshopsFi.export }).replace(/^\uFEFF/, ''));
    const workshops = await download(() => button('Työpajat (CSV)').click());
    expect(workshops.body.replace(/^\uFEFF/, '').split('\r\n')[0]).to.equal('Työpaja;Aika;Paikkoja;Varattu;Jonossa;Vähimmäismäärä');
  });
});
