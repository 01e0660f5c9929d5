/**
 * Workshop pickers in every state, on the in-page adapter: used by the element tests, the
 * Storybook stories and the demo, so all three show the same situations. Simulated participants
 * are seeded into the event when it is created (fast, even for 700 people); the fixture's own
 * participant then acts through its adapter, as a browser would.
 */
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import type { SeedAction } from '../core/event.js';
import type { LocalizedText } from '../core/activity.js';
import type { AllocationObjective } from '../core/workshops/allocation.js';
import type { Slot, Workshop, WorkshopsConfig } from '../core/workshops/workshops.js';
import { createRandom, type Random } from '../core/ranking/random.js';

type Trilingual = { fi: string; sv: string; en: string };

export const THEMES = {
  digital: { fi: 'Digiosaaminen', sv: 'Digital kompetens', en: 'Digital competence' },
  pedagogy: { fi: 'Pedagogiikka', sv: 'Pedagogik', en: 'Pedagogy' },
  wellbeing: { fi: 'Työhyvinvointi', sv: 'Välbefinnande i arbetet', en: 'Well-being at work' },
  guidance: { fi: 'Ohjaus ja erityinen tuki', sv: 'Handledning och särskilt stöd', en: 'Guidance and special support' },
  worklife: { fi: 'Työelämäyhteistyö', sv: 'Samarbete med arbetslivet', en: 'Working-life cooperation' },
  sustainability: { fi: 'Kestävä kehitys', sv: 'Hållbar utveckling', en: 'Sustainability' },
} satisfies Record<string, Trilingual>;

export const LEVELS = {
  beginner: { fi: 'Perustaso', sv: 'Grundnivå', en: 'Beginner' },
  intermediate: { fi: 'Syventävä', sv: 'Fördjupad', en: 'Intermediate' },
  advanced: { fi: 'Edistynyt', sv: 'Avancerad', en: 'Advanced' },
} satisfies Record<string, Trilingual>;

/** Two time slots and five workshops, small enough to fill: the element tests' catalogue. */
export const SMALL_CATALOGUE: Pick<WorkshopsConfig, 'slots' | 'workshops'> = {
  slots: [
    { id: 'am', title: { fi: 'Aamupäivä', sv: 'Förmiddag', en: 'Morning' }, start: '2026-06-10T09:00:00+03:00', end: '2026-06-10T12:00:00+03:00' },
    { id: 'pm', title: { fi: 'Iltapäivä', sv: 'Eftermiddag', en: 'Afternoon' }, start: '2026-06-10T13:00:00+03:00', end: '2026-06-10T16:00:00+03:00' },
  ],
  workshops: [
    {
      id: 'robotics',
      title: { fi: 'Lego-robotiikka', sv: 'Legorobotik', en: 'Lego robotics' },
      description: {
        fi: 'Rakennetaan ja ohjelmoidaan pieniä robotteja ja mietitään, miten niitä käytetään opetuksessa.',
        sv: 'Vi bygger och programmerar små robotar och funderar på hur de kan användas i undervisningen.',
        en: 'Build and program small robots, and plan how to use them in teaching.',
      },
      theme: THEMES.digital,
      level: LEVELS.beginner,
      slot: 'am',
      place: 'Luokka A214, Pasilan kampus',
      facilitator: 'Aino Mäkelä',
      capacity: 3,
    },
    {
      id: 'ai',
      title: { fi: 'Tekoäly opetuksessa', sv: 'AI i undervisningen', en: 'AI in teaching' },
      description: {
        fi: 'Tekoälytyökalut tehtävien suunnittelussa ja palautteessa – mahdollisuudet ja rajat.',
        sv: 'AI-verktyg för att planera uppgifter och ge respons – möjligheter och gränser.',
        en: 'AI tools for planning tasks and giving feedback: what they can and cannot do.',
      },
      theme: THEMES.digital,
      level: LEVELS.intermediate,
      slot: 'am',
      link: 'https://meet.example.fi/w/ai',
      facilitator: 'Jussi Öhman',
      capacity: 2,
    },
    {
      id: 'wellbeing',
      title: { fi: 'Työhyvinvointi ja palautuminen', sv: 'Välbefinnande och återhämtning', en: 'Well-being and recovery' },
      theme: THEMES.wellbeing,
      level: LEVELS.beginner,
      slot: 'am',
      link: 'https://meet.example.fi/w/wellbeing',
      facilitator: 'Saara Lindqvist',
      capacity: 20,
    },
    {
      id: 'feedback',
      title: { fi: 'Arviointi ja palaute', sv: 'Bedömning och respons', en: 'Assessment and feedback' },
      theme: THEMES.pedagogy,
      level: LEVELS.advanced,
      slot: 'pm',
      place: 'Auditorio, Pasilan kampus',
      facilitator: 'Pekka Virtanen',
      capacity: 2,
    },
    {
      id: 'nature',
      title: { fi: 'Luontopedagogiikka', sv: 'Naturpedagogik', en: 'Outdoor learning' },
      description: {
        fi: 'Oppimista ulkona: harjoituksia, joita voi käyttää millä alalla tahansa.',
        sv: 'Lärande utomhus: övningar som passar alla branscher.',
        en: 'Learning outdoors: exercises for any vocational field.',
      },
      theme: THEMES.sustainability,
      level: LEVELS.beginner,
      slot: 'pm',
      place: 'Keskuspuisto, lähtö pääovelta',
      facilitator: 'Elina Berg',
      capacity: 10,
      minimum: 4,
    },
  ],
};

const COLLEGE_SLOTS: Slot[] = [
  { id: 'jun', title: { fi: 'Kesäkuu', sv: 'Juni', en: 'June' }, start: '2026-06-09T09:00:00+03:00', end: '2026-06-09T12:00:00+03:00' },
  { id: 'aug', title: { fi: 'Elokuu', sv: 'Augusti', en: 'August' }, start: '2026-08-18T13:00:00+03:00', end: '2026-08-18T16:00:00+03:00' },
  { id: 'sep', title: { fi: 'Syyskuu', sv: 'September', en: 'September' }, start: '2026-09-15T09:00:00+03:00', end: '2026-09-15T12:00:00+03:00' },
  { id: 'oct1', title: { fi: 'Lokakuun alku', sv: 'Början av oktober', en: 'Early October' }, start: '2026-10-06T13:00:00+03:00', end: '2026-10-06T16:00:00+03:00' },
  { id: 'oct2', title: { fi: 'Lokakuun loppu', sv: 'Slutet av oktober', en: 'Late October' }, start: '2026-10-27T09:00:00+02:00', end: '2026-10-27T12:00:00+02:00' },
];

type Theme = keyof typeof THEMES;

/** The college's 37 workshops: [theme, fi, sv, en]. */
const COLLEGE_TITLES: Array<[Theme, string, string, string]> = [
  ['digital', 'Tekoäly opetuksen tukena', 'AI som stöd i undervisningen', 'AI as a teaching aid'],
  ['digital', 'Moodlen perusteet', 'Grunderna i Moodle', 'Moodle basics'],
  ['digital', 'Video oppimisen tukena', 'Video som stöd för lärandet', 'Video for learning'],
  ['digital', 'Digitaalinen arviointi', 'Digital bedömning', 'Digital assessment'],
  ['digital', 'Tietoturva arjessa', 'Informationssäkerhet i vardagen', 'Everyday information security'],
  ['digital', 'Saavutettavat oppimateriaalit', 'Tillgängligt läromaterial', 'Accessible learning materials'],
  ['digital', 'Vuorovaikutus etäopetuksessa', 'Interaktion i distansundervisning', 'Interaction in online teaching'],
  ['pedagogy', 'Osaamisperusteisuus käytännössä', 'Kompetensbasering i praktiken', 'Competence-based teaching in practice'],
  ['pedagogy', 'Yhteisopettajuus', 'Samundervisning', 'Co-teaching'],
  ['pedagogy', 'Ilmiöoppiminen ammatillisessa koulutuksessa', 'Fenomenbaserat lärande i yrkesutbildningen', 'Phenomenon-based learning in vocational education'],
  ['pedagogy', 'Palautteen antaminen', 'Att ge respons', 'Giving feedback'],
  ['pedagogy', 'Pelillisyys opetuksessa', 'Spelifiering i undervisningen', 'Gamification in teaching'],
  ['pedagogy', 'Henkilökohtaistaminen ja HOKS', 'Individualisering och PUK', 'Personal competence development plans'],
  ['pedagogy', 'Oppimisen arviointi työpaikalla', 'Bedömning av lärande på arbetsplatsen', 'Assessing learning at the workplace'],
  ['wellbeing', 'Palautuminen ja uni', 'Återhämtning och sömn', 'Recovery and sleep'],
  ['wellbeing', 'Stressinhallinta', 'Stresshantering', 'Managing stress'],
  ['wellbeing', 'Vuorovaikutus työyhteisössä', 'Kommunikation i arbetsgemenskapen', 'Communication in the work community'],
  ['wellbeing', 'Taukoliikunta', 'Pausgymnastik', 'Active breaks'],
  ['wellbeing', 'Ristiriitojen ratkaiseminen', 'Konfliktlösning', 'Resolving conflicts'],
  ['wellbeing', 'Mindfulness opettajalle', 'Mindfulness för lärare', 'Mindfulness for teachers'],
  ['guidance', 'Erityinen tuki ammatillisessa koulutuksessa', 'Särskilt stöd i yrkesutbildningen', 'Special support in vocational education'],
  ['guidance', 'Neurokirjo oppimisessa', 'Neurodiversitet i lärandet', 'Neurodiversity and learning'],
  ['guidance', 'Opiskelijan hyvinvoinnin tukeminen', 'Att stödja studerandes välbefinnande', 'Supporting student well-being'],
  ['guidance', 'Ohjaava keskustelu', 'Det vägledande samtalet', 'Guiding conversations'],
  ['guidance', 'Suomi toisena kielenä -oppijat', 'Studerande med finska som andraspråk', 'Learners of Finnish as a second language'],
  ['guidance', 'Keskeyttämisen ehkäisy', 'Att förebygga studieavbrott', 'Preventing dropping out'],
  ['worklife', 'Työpaikkaohjaajien valmennus', 'Utbildning av handledare på arbetsplatsen', 'Training workplace instructors'],
  ['worklife', 'Oppisopimus tutuksi', 'Läroavtal i praktiken', 'Apprenticeships explained'],
  ['worklife', 'Yrittäjyyskasvatus', 'Företagsamhetsfostran', 'Entrepreneurship education'],
  ['worklife', 'Työelämäjakso opettajalle', 'Arbetslivsperiod för lärare', 'Work placement for teachers'],
  ['worklife', 'Kansainväliset harjoittelut', 'Internationell praktik', 'International placements'],
  ['worklife', 'Alumnit kumppaneina', 'Alumner som samarbetspartner', 'Alumni as partners'],
  ['sustainability', 'Kestävä kehitys opetussuunnitelmassa', 'Hållbar utveckling i läroplanen', 'Sustainability in the curriculum'],
  ['sustainability', 'Kiertotalous ammattialoilla', 'Cirkulär ekonomi i yrkesområdena', 'The circular economy in vocational fields'],
  ['sustainability', 'Ilmastokasvatus', 'Klimatfostran', 'Climate education'],
  ['sustainability', 'Vastuulliset hankinnat', 'Ansvarsfull upphandling', 'Responsible purchasing'],
  ['sustainability', 'Luontopedagogiikka', 'Naturpedagogik', 'Outdoor learning'],
];

const THEME_TEXT: Record<Theme, Trilingual> = {
  digital: {
    fi: 'Käytännön harjoituksia omilla laitteilla. Suorittajat saavat digiosaamisen osaamismerkin.',
    sv: 'Praktiska övningar på egna enheter. Deltagarna får ett märke för digital kompetens.',
    en: 'Hands-on practice on your own devices. Participants earn the digital competence badge.',
  },
  pedagogy: {
    fi: 'Menetelmiä, joita voi kokeilla omassa ryhmässä heti seuraavalla viikolla.',
    sv: 'Metoder som du kan pröva i din egen grupp redan nästa vecka.',
    en: 'Methods to try with your own group the very next week.',
  },
  wellbeing: {
    fi: 'Keinoja oman ja työyhteisön jaksamisen tueksi.',
    sv: 'Sätt att stödja ditt eget och arbetsgemenskapens välbefinnande.',
    en: 'Ways to look after yourself and your work community.',
  },
  guidance: {
    fi: 'Tapausesimerkkejä ja keskustelua pienryhmissä.',
    sv: 'Fallexempel och diskussion i smågrupper.',
    en: 'Case examples and discussion in small groups.',
  },
  worklife: {
    fi: 'Yhteistyön malleja yhdessä alueen työpaikkojen kanssa.',
    sv: 'Modeller för samarbete med arbetsplatser i regionen.',
    en: 'Models of cooperation with workplaces in the region.',
  },
  sustainability: {
    fi: 'Kestävän kehityksen tavoitteet osaksi oman alan opetusta.',
    sv: 'Målen för hållbar utveckling som en del av undervisningen i din bransch.',
    en: 'Bringing the sustainability goals into teaching in your field.',
  },
};

const FACILITATORS = [
  'Aino Mäkelä',
  'Jussi Öhman',
  'Saara Lindqvist',
  'Pekka Virtanen',
  'Elina Berg',
  'Mikko Heikkinen',
  'Johanna Åberg',
  'Tuomas Nieminen',
  'Linnea Sjöberg',
  'Hanna Kärkkäinen',
  'Antti Räsänen',
  'Maria Forsström',
];

export interface CollegeCatalogueOptions {
  /** People the catalogue is for: capacities add up to about 1.05 seats per person per slot. */
  people?: number;
  seed?: number;
}

/**
 * The vocational college's catalogue (case 5): 37 workshops in six themes and three levels over
 * five time slots from June to October, most of them online, sized for `people` participants.
 */
export function collegeCatalogue(options: CollegeCatalogueOptions = {}): Pick<WorkshopsConfig, 'slots' | 'workshops'> {
  const people = options.people ?? 700;
  const random = createRandom(options.seed ?? 5);
  const levels = Object.values(LEVELS);
  const perSlot = COLLEGE_TITLES.length / COLLEGE_SLOTS.length;
  const workshops: Workshop[] = COLLEGE_TITLES.map(([theme, fi, sv, en], index) => {
    const slot = COLLEGE_SLOTS[index % COLLEGE_SLOTS.length];
    const level = levels[(index * 7) % levels.length];
    const onSite = theme === 'sustainability' && en === 'Outdoor learning' ? 'Keskuspuisto, lähtö pääovelta' : en === 'Active breaks' ? 'Liikuntasali, Pasilan kampus' : undefined;
    const capacity = Math.max(8, Math.round(((people * 1.05) / perSlot) * (0.6 + random.next() * 0.8)));
    return {
      id: `w${String(index + 1).padStart(2, '0')}`,
      title: { fi, sv, en },
      description: THEME_TEXT[theme],
      theme: THEMES[theme],
      level,
      slot: slot.id,
      ...(onSite ? { place: onSite } : { link: `https://meet.example.fi/w/${index + 1}` }),
      facilitator: FACILITATORS[index % FACILITATORS.length],
      capacity,
      minimum: Math.min(capacity, 12),
    };
  });
  return { slots: COLLEGE_SLOTS, workshops };
}

export interface WorkshopFixture {
  backend: LocalBackend;
  organiser: LocalAdapter;
  participant: LocalAdapter;
  organiserKey: string;
  eventId: string;
  activityId: string;
  /** Another participant on the same backend. */
  newParticipant(): LocalAdapter;
}

export interface WorkshopFixtureOptions {
  eventId?: string;
  /** Over the small catalogue in first-come mode. */
  config?: Partial<WorkshopsConfig>;
  /** The phase to end in (default `open`). */
  phase?: 'preparing' | 'open' | 'closed';
  /** Seats claimed by simulated participants before the fixture's own: workshop → people (beyond its capacity they wait). */
  taken?: Record<string, number>;
  /**
   * Simulated participants who take part in each slot with probability `share` (default 0.85):
   * they claim (first come) or rank their top choices (ranked), popular workshops first.
   */
  crowd?: number;
  share?: number;
  /** Workshops the fixture's own participant claims, in order. */
  own?: readonly string[];
  /** The fixture's own participant's ranking, best first (ranked mode). */
  ownRanking?: readonly string[];
  /** Ranked mode: the organiser runs the allocation with this objective (a preview). */
  allocate?: AllocationObjective;
  /** Ranked mode: and publishes it. */
  publish?: boolean;
  /**
   * A participant claims a seat in this workshop before the fixture's own claims and cancels it
   * after them: the first in line is promoted (offered the seat, with a `claimWindowMinutes`).
   */
  release?: string;
  /** The back end's clock (default `Date.now`). */
  now?: () => number;
  seed?: number;
}

let counter = 0;

/** A participant's choices in each slot, popular workshops (earlier in the catalogue) more likely. */
function preferences(random: Random, config: Pick<WorkshopsConfig, 'slots' | 'workshops'>, count: number, share: number): string[][] {
  return config.slots.flatMap((slot) => {
    if (random.next() >= share) return [];
    const pool = config.workshops.filter((workshop) => workshop.slot === slot.id);
    const weights = pool.map((_, index) => 1 / (1 + index * 0.6));
    const chosen: string[] = [];
    while (chosen.length < Math.min(count, pool.length)) {
      let pick = random.next() * weights.reduce((sum, value, index) => sum + (chosen.includes(pool[index].id) ? 0 : value), 0);
      const index = pool.findIndex((workshop, at) => {
        if (chosen.includes(workshop.id)) return false;
        pick -= weights[at];
        return pick <= 0;
      });
      chosen.push(pool[index === -1 ? pool.findIndex((workshop) => !chosen.includes(workshop.id)) : index].id);
    }
    return [chosen];
  });
}

/** Makes an event with one workshop picker `workshops`, fills it as asked and leaves it in `phase`. */
export async function workshopFixture(options: WorkshopFixtureOptions = {}): Promise<WorkshopFixture> {
  const backend = new LocalBackend(options.now ? { now: options.now } : {});
  const organiser = new LocalAdapter(backend);
  const participant = new LocalAdapter(backend);
  const eventId = options.eventId ?? `workshops-${(counter += 1)}`;
  const activityId = 'workshops';
  const config: Partial<WorkshopsConfig> = { mode: 'firstCome', ...SMALL_CATALOGUE, ...options.config };
  const phase = options.phase ?? 'open';
  const random = createRandom(options.seed ?? 1);
  const seed: SeedAction[] = [];
  const claim = (as: string, workshop: string) => seed.push({ activity: activityId, as, command: 'claim', payload: { workshop } });
  if (phase !== 'preparing') {
    seed.push({ activity: activityId, as: 'organiser', command: 'setPhase', payload: { phase: 'open' } });
    let taker = 0;
    for (const [workshop, people] of Object.entries(options.taken ?? {})) {
      for (let index = 0; index < people; index += 1) claim(`taker-${(taker += 1)}`, workshop);
    }
    for (let person = 1; person <= (options.crowd ?? 0); person += 1) {
      const lists = preferences(random, { slots: config.slots ?? [], workshops: config.workshops ?? [] }, config.mode === 'ranked' ? (config.choicesPerSlot ?? 5) : 1, options.share ?? 0.85);
      if (config.mode === 'ranked') {
        if (lists.length > 0) seed.push({ activity: activityId, as: `person-${person}`, command: 'rank', payload: { choices: lists.flat() } });
      } else {
        for (const [first] of lists) claim(`person-${person}`, first);
      }
    }
  }
  const title: LocalizedText = { fi: 'Henkilöstön koulutuspäivät', sv: 'Personalens utbildningsdagar', en: 'Staff training days' };
  const { organiserKey } = await organiser.createEvent({
    id: eventId,
    title,
    languages: ['fi', 'sv', 'en'],
    activities: [{ id: activityId, kind: 'workshops', title: { fi: 'Työpajat', sv: 'Workshoppar', en: 'Workshops' }, config }],
    seed,
  });
  organiser.setOrganiserKey(eventId, organiserKey);
  const releaser = new LocalAdapter(backend);
  if (options.release) await releaser.send(eventId, activityId, 'claim', { workshop: options.release });
  for (const workshop of options.own ?? []) await participant.send(eventId, activityId, 'claim', { workshop });
  if (options.release) await releaser.send(eventId, activityId, 'cancel', { workshop: options.release });
  if (options.ownRanking) await participant.send(eventId, activityId, 'rank', { choices: options.ownRanking });
  if (options.allocate) await organiser.send(eventId, activityId, 'allocate', { objective: options.allocate, seed: options.seed ?? 1 });
  if (options.publish) await organiser.send(eventId, activityId, 'publishAllocation', {});
  if (phase === 'closed') await organiser.send(eventId, activityId, 'setPhase', { phase: 'closed' });
  return { backend, organiser, participant, organiserKey, eventId, activityId, newParticipant: () => new LocalAdapter(backend) };
}
