/**
 * The starting points the console offers: four event templates shaped after the real cases the
 * library was built for (a livestreamed development day, a training day of parallel workshops, a
 * conference, a discussion before a seminar), and one activity template per kind. Every template is
 * plain data in the format of `osallistu import` and passes the back ends' own checks
 * (`templates.test.ts` runs each through the core's rules, `event-console.test.ts` through the
 * reference server). The organiser edits the details afterwards in each element's organiser view.
 */
import type { LocalizedText } from '../../core/activity.js';
import type { ActivityDefinition } from '../../core/event.js';

/** A text in each of the library's languages. */
export interface Trilingual {
  fi: string;
  sv: string;
  en: string;
}

export type ActivityKindName = 'board' | 'workshops' | 'feedback' | 'cloud';

/** The activity kinds in the order the console offers them. */
export const ACTIVITY_KINDS: readonly ActivityKindName[] = ['board', 'feedback', 'cloud', 'workshops'];

/** The element that shows each kind, for the share snippet and the organiser view. */
export const KIND_ELEMENTS = {
  board: 'osa-priority-board',
  workshops: 'osa-workshop-picker',
  feedback: 'osa-feedback-form',
  cloud: 'osa-tag-cloud',
} as const satisfies Record<ActivityKindName, string>;

export interface EventTemplate {
  id: 'livestream' | 'training' | 'conference' | 'discussion';
  name: Trilingual;
  description: Trilingual;
  activities: ActivityDefinition[];
}

const t = (fi: string, sv: string, en: string): Trilingual => ({ fi, sv, en });

const choice = (value: string, label: Trilingual) => ({ value, label });

/** A board whose ideas are prioritised in pairwise duels, results shown live (case: a livestreamed development day). */
const duelBoard = (id: string, title: Trilingual, question: Trilingual): ActivityDefinition => ({
  id,
  kind: 'board',
  title,
  config: { mode: 'duel', moderation: 'post', resultsVisibility: 'always', maxLength: 280, minAppearances: 5, questions: [{ id: 'main', title: question }] },
  phase: 'collect',
});

/** A board of open answers that everyone reads and likes (case: a discussion before a seminar). */
const likesBoard = (id: string, title: Trilingual): ActivityDefinition => ({
  id,
  kind: 'board',
  title,
  config: {
    mode: 'upvote',
    moderation: 'post',
    resultsVisibility: 'always',
    showIdeas: true,
    likesWhileCollecting: true,
    maxLength: 1000,
    maxIdeasPerParticipant: 10,
    questions: [{ id: 'main', title }],
  },
  phase: 'collect',
});

const workshop = (id: string, title: Trilingual, description: Trilingual, theme: Trilingual, level: Trilingual, slot: string, capacity: number) => ({
  id,
  title,
  description,
  theme,
  level,
  slot,
  capacity,
});

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  {
    id: 'livestream',
    name: t('Striimattu kehittämispäivä', 'Direktsänd utvecklingsdag', 'Livestreamed development day'),
    description: t(
      'Osallistujat kirjaavat ideoita ja asettavat ne tärkeysjärjestykseen kaksintaisteluissa striimin rinnalla, ja yksi pikakysely.',
      'Deltagarna skriver idéer och rangordnar dem i dueller bredvid sändningen, plus en snabbfråga.',
      'Participants write ideas and prioritise them in pairwise duels beside the stream, plus a one-question live poll.',
    ),
    activities: [
      duelBoard(
        'themes',
        t('Teemat', 'Teman', 'Themes'),
        t('Mitkä teemat ovat tärkeimpiä seuraavalla strategiakaudella?', 'Vilka teman är viktigast under nästa strategiperiod?', 'Which themes matter most for the next strategy period?'),
      ),
      {
        id: 'poll',
        kind: 'feedback',
        title: t('Pikakysely', 'Snabbfråga', 'Live poll'),
        config: {
          mode: 'poll',
          responsesPerParticipant: 1,
          allowEdit: true,
          publicResults: true,
          form: {
            sections: [
              {
                id: 'poll',
                questions: [
                  {
                    name: 'next',
                    type: 'single',
                    title: t('Mistä haluat keskustella seuraavaksi?', 'Vad vill du diskutera härnäst?', 'What do you want to discuss next?'),
                    choices: [
                      choice('a', t('Vaihtoehto A', 'Alternativ A', 'Option A')),
                      choice('b', t('Vaihtoehto B', 'Alternativ B', 'Option B')),
                      choice('c', t('Vaihtoehto C', 'Alternativ C', 'Option C')),
                    ],
                  },
                ],
              },
            ],
          },
        },
        phase: 'open',
      },
    ],
  },
  {
    id: 'training',
    name: t('Koulutuspäivä ja rinnakkaiset työpajat', 'Utbildningsdag med parallella verkstäder', 'Training day with parallel workshops'),
    description: t(
      'Työpajaluettelo teemoineen, tasoineen ja paikkamäärineen; osallistujat asettavat toiveensa järjestykseen ja paikat jaetaan reilusti.',
      'En verkstadskatalog med teman, nivåer och platser; deltagarna rangordnar sina önskemål och platserna fördelas rättvist.',
      'A workshop catalogue with themes, levels and seats; participants rank their choices and seats are allocated fairly.',
    ),
    activities: [
      {
        id: 'workshops',
        kind: 'workshops',
        title: t('Työpajat', 'Verkstäder', 'Workshops'),
        config: {
          mode: 'ranked',
          choicesPerSlot: 3,
          objective: 'sum',
          slots: [
            { id: 'morning', title: t('Aamupäivä', 'Förmiddag', 'Morning') },
            { id: 'afternoon', title: t('Iltapäivä', 'Eftermiddag', 'Afternoon') },
          ],
          workshops: [
            workshop(
              'ai-basics',
              t('Tekoäly opetuksen tukena', 'AI som stöd i undervisningen', 'AI as a teaching aid'),
              t('Käytännön harjoituksia omilla laitteilla.', 'Praktiska övningar på egna enheter.', 'Hands-on practice on your own devices.'),
              t('Digiosaaminen', 'Digital kompetens', 'Digital competence'),
              t('Perustaso', 'Grundnivå', 'Beginner'),
              'morning',
              25,
            ),
            workshop(
              'wellbeing',
              t('Työhyvinvointi ja jaksaminen', 'Välbefinnande och ork i arbetet', 'Well-being and coping at work'),
              t('Keinoja arjen kuormituksen hallintaan.', 'Sätt att hantera vardagens belastning.', 'Ways to manage everyday strain.'),
              t('Hyvinvointi', 'Välbefinnande', 'Well-being'),
              t('Kaikille', 'För alla', 'For everyone'),
              'morning',
              30,
            ),
            workshop(
              'assessment',
              t('Arviointi ja palaute', 'Bedömning och respons', 'Assessment and feedback'),
              t('Oppimista tukeva arviointi käytännössä.', 'Bedömning som stöder lärandet i praktiken.', 'Assessment that supports learning, in practice.'),
              t('Pedagogiikka', 'Pedagogik', 'Pedagogy'),
              t('Syventävä', 'Fördjupad', 'Advanced'),
              'afternoon',
              20,
            ),
            workshop(
              'ai-advanced',
              t('Tekoäly: syventävä työpaja', 'AI: fördjupande verkstad', 'AI: advanced workshop'),
              t('Omien materiaalien tekeminen tekoälyn avulla.', 'Att göra eget material med hjälp av AI.', 'Making your own materials with AI.'),
              t('Digiosaaminen', 'Digital kompetens', 'Digital competence'),
              t('Syventävä', 'Fördjupad', 'Advanced'),
              'afternoon',
              20,
            ),
          ],
        },
        phase: 'open',
      },
    ],
  },
  {
    id: 'conference',
    name: t('Konferenssi: palaute ja sanapilvi', 'Konferens: respons och ordmoln', 'Conference: feedback and tag cloud'),
    description: t(
      'Palautelomake (asteikko, suositteluindeksi, valinnat, vapaa teksti) laatutyön pohjaksi ja sanapilvi osallistujien omista sanoista.',
      'Ett responsformulär (skala, rekommendationsindex, val, fritext) för kvalitetsarbetet och ett ordmoln av deltagarnas egna ord.',
      'A feedback form (scale, NPS, choices, free text) for the quality loop, and a tag cloud of participants’ own words.',
    ),
    activities: [
      {
        id: 'feedback',
        kind: 'feedback',
        title: t('Palaute', 'Respons', 'Feedback'),
        config: {
          mode: 'form',
          responsesPerParticipant: 1,
          allowEdit: true,
          publicResults: false,
          form: {
            sections: [
              {
                id: 'day',
                questions: [
                  {
                    name: 'useful',
                    type: 'scale',
                    required: true,
                    title: t('Kuinka hyödyllinen konferenssi oli?', 'Hur nyttig var konferensen?', 'How useful was the conference?'),
                    minLabel: t('Ei lainkaan', 'Inte alls', 'Not at all'),
                    maxLabel: t('Erittäin', 'Mycket', 'Very'),
                  },
                  {
                    name: 'recommend',
                    type: 'nps',
                    title: t('Kuinka todennäköisesti suosittelisit konferenssia kollegalle?', 'Hur troligt är det att du rekommenderar konferensen till en kollega?', 'How likely are you to recommend the conference to a colleague?'),
                  },
                  {
                    name: 'topics',
                    type: 'multiple',
                    maxSelected: 2,
                    title: t('Mitkä aiheet kiinnostavat ensi vuonna?', 'Vilka teman intresserar dig nästa år?', 'Which topics interest you for next year?'),
                    choices: [
                      choice('ai', t('Tekoäly', 'AI', 'AI')),
                      choice('wellbeing', t('Hyvinvointi', 'Välbefinnande', 'Well-being')),
                      choice('assessment', t('Arviointi', 'Bedömning', 'Assessment')),
                    ],
                  },
                  {
                    name: 'improve',
                    type: 'longText',
                    maxLength: 1000,
                    title: t('Mitä parantaisit?', 'Vad skulle du förbättra?', 'What would you improve?'),
                  },
                ],
              },
            ],
          },
        },
        phase: 'open',
      },
      {
        id: 'words',
        kind: 'cloud',
        title: t('Mikä on tärkeintä? Yhdellä tai kahdella sanalla', 'Vad är viktigast? Med ett eller två ord', 'What matters most? In a word or two'),
        config: { maxWords: 2, maxLength: 40, answersPerParticipant: 3, keepPhrases: false, showCloud: true },
        phase: 'open',
      },
    ],
  },
  {
    id: 'discussion',
    name: t('Ennakkokeskustelu ennen seminaaria', 'Förhandsdiskussion inför seminariet', 'Discussion before a seminar'),
    description: t(
      'Muutama avoin kysymys: vastaukset näkyvät kaikille, niistä voi tykätä, ja yhteenveto viedään seminaarin työpajoihin.',
      'Några öppna frågor: svaren syns för alla, man kan gilla dem, och en sammanfattning tas till seminariets verkstäder.',
      'A few open questions: everyone reads the answers and likes them, and a summary goes to the seminar’s workshops.',
    ),
    activities: [
      likesBoard('question-1', t('Mikä toimii jo hyvin?', 'Vad fungerar redan bra?', 'What already works well?')),
      likesBoard('question-2', t('Mitä pitäisi muuttaa?', 'Vad borde förändras?', 'What should change?')),
      likesBoard('question-3', t('Mistä aloitamme?', 'Var börjar vi?', 'Where do we start?')),
    ],
  },
];

/**
 * A new activity of one kind, ready to be edited in its organiser view: `title` is its title (a
 * board asks it as its question).
 */
export function activityTemplate(kind: ActivityKindName, id: string, title: LocalizedText): ActivityDefinition {
  switch (kind) {
    case 'board':
      return { id, kind, title, config: { mode: 'duel', moderation: 'post', resultsVisibility: 'always', maxLength: 280, questions: [{ id: 'main', title }] }, phase: 'collect' };
    case 'feedback':
      return {
        id,
        kind,
        title,
        config: {
          mode: 'form',
          responsesPerParticipant: 1,
          allowEdit: true,
          publicResults: false,
          form: {
            sections: [
              {
                id: 'main',
                questions: [
                  { name: 'overall', type: 'scale', required: true, title: t('Kuinka hyödyllinen tilaisuus oli?', 'Hur nyttigt var evenemanget?', 'How useful was the event?') },
                  { name: 'comment', type: 'longText', maxLength: 1000, title: t('Terveiset järjestäjille', 'Hälsningar till arrangörerna', 'A word to the organisers') },
                ],
              },
            ],
          },
        },
        phase: 'open',
      };
    case 'cloud':
      return { id, kind, title, config: { maxWords: 2, maxLength: 40, answersPerParticipant: 3, keepPhrases: false, showCloud: true }, phase: 'open' };
    case 'workshops':
      return {
        id,
        kind,
        title,
        config: {
          mode: 'firstCome',
          choicesPerSlot: 3,
          slots: [{ id: 'slot-1', title: t('Ensimmäinen vuoro', 'Första passet', 'First session') }],
          workshops: [
            {
              id: 'workshop-1',
              title: t('Esimerkkityöpaja', 'Exempelverkstad', 'Sample workshop'),
              description: t('Muokkaa tai poista tämä työpaja.', 'Redigera eller ta bort den här verkstaden.', 'Edit or remove this workshop.'),
              slot: 'slot-1',
              capacity: 20,
            },
          ],
        },
        phase: 'open',
      };
  }
}
