/**
 * Feedback forms and polls in every state, on the in-page adapter: used by the element tests and
 * the Storybook stories, so both show the same situations.
 */
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import type { SeedAction } from '../core/event.js';
import type { Answers, FeedbackConfig, FormDefinition } from '../core/feedback/feedback.view.js';

/** A conference's feedback: every question type, a condition and two sections. */
export const SAMPLE_FORM: FormDefinition = {
  sections: [
    {
      id: 'day',
      title: { fi: 'Päivä', sv: 'Dagen', en: 'The day' },
      questions: [
        {
          name: 'useful',
          type: 'scale',
          title: { fi: 'Kuinka hyödyllinen päivä oli?', sv: 'Hur nyttig var dagen?', en: 'How useful was the day?' },
          required: true,
          minLabel: { fi: 'Ei lainkaan', sv: 'Inte alls', en: 'Not at all' },
          maxLabel: { fi: 'Erittäin', sv: 'Mycket', en: 'Very' },
        },
        {
          name: 'improve',
          type: 'longText',
          title: { fi: 'Mitä parantaisit?', sv: 'Vad skulle du förbättra?', en: 'What would you improve?' },
          visibleIf: '{useful} <= 2',
          requiredIf: '{useful} = 1',
          maxLength: 500,
        },
        {
          name: 'mood',
          type: 'scale',
          display: 'smileys',
          title: { fi: 'Millainen tunnelma oli?', sv: 'Hur var stämningen?', en: 'How was the atmosphere?' },
          notApplicable: true,
        },
        { name: 'venue', type: 'scale', display: 'stars', title: { fi: 'Tilat', sv: 'Lokalerna', en: 'The venue' } },
        { name: 'recommend', type: 'nps', title: { fi: 'Kuinka todennäköisesti suosittelisit päivää kollegalle?', sv: 'Hur troligt är det att du skulle rekommendera dagen till en kollega?', en: 'How likely are you to recommend the day to a colleague?' } },
      ],
    },
    {
      id: 'you',
      title: { fi: 'Sinä', sv: 'Du', en: 'You' },
      questions: [
        {
          name: 'role',
          type: 'single',
          title: { fi: 'Roolisi', sv: 'Din roll', en: 'Your role' },
          choices: [
            { value: 'teacher', label: { fi: 'Opettaja', sv: 'Lärare', en: 'Teacher' } },
            { value: 'principal', label: { fi: 'Rehtori', sv: 'Rektor', en: 'Principal' } },
            { value: 'other', label: { fi: 'Muu', sv: 'Annan', en: 'Other' } },
          ],
        },
        {
          name: 'topics',
          type: 'multiple',
          title: { fi: 'Mitkä aiheet kiinnostavat ensi vuonna?', sv: 'Vilka teman intresserar dig nästa år?', en: 'Which topics interest you next year?' },
          maxSelected: 2,
          choices: [
            { value: 'ai', label: { fi: 'Tekoäly', sv: 'AI', en: 'AI' } },
            { value: 'wellbeing', label: { fi: 'Hyvinvointi', sv: 'Välbefinnande', en: 'Well-being' } },
            { value: 'assessment', label: { fi: 'Arviointi', sv: 'Bedömning', en: 'Assessment' } },
          ],
        },
        {
          name: 'order',
          type: 'ranking',
          title: { fi: 'Järjestä päivän osat', sv: 'Rangordna dagens delar', en: 'Rank the parts of the day' },
          choices: [
            { value: 'keynote', label: { fi: 'Pääpuheenvuoro', sv: 'Huvudtalet', en: 'Keynote' } },
            { value: 'workshops', label: { fi: 'Työpajat', sv: 'Workshoppar', en: 'Workshops' } },
            { value: 'panel', label: { fi: 'Paneeli', sv: 'Panelen', en: 'Panel' } },
          ],
        },
        { name: 'name', type: 'text', title: { fi: 'Koulusi (vapaaehtoinen)', sv: 'Din skola (frivilligt)', en: 'Your school (optional)' }, maxLength: 80 },
      ],
    },
  ],
};

/** A shorter form for the results screens: a scale, NPS, a choice, a ranking and a written answer. */
export const SHORT_FORM: FormDefinition = {
  sections: [
    {
      id: 'short',
      questions: SAMPLE_FORM.sections.flatMap((section) => section.questions).filter((question) => ['useful', 'improve', 'recommend', 'role', 'order'].includes(question.name)),
    },
  ],
};

/** A live poll's question. */
export const SAMPLE_POLL: FormDefinition = {
  sections: [
    {
      id: 'poll',
      questions: [
        {
          name: 'next',
          type: 'single',
          title: { fi: 'Mistä aiheesta haluat kuulla seuraavaksi?', sv: 'Vilket tema vill du höra om härnäst?', en: 'Which topic do you want to hear about next?' },
          choices: [
            { value: 'ai', label: { fi: 'Tekoäly opetuksessa', sv: 'AI i undervisningen', en: 'AI in teaching' } },
            { value: 'wellbeing', label: { fi: 'Opettajien jaksaminen', sv: 'Lärarnas ork', en: 'Teachers’ well-being' } },
            { value: 'outdoor', label: { fi: 'Luontopedagogiikka', sv: 'Naturpedagogik', en: 'Outdoor learning' } },
          ],
        },
      ],
    },
  ],
};

/** Answers of simulated participants to SAMPLE_FORM. */
export const SAMPLE_ANSWERS: Answers[] = [
  { useful: 5, mood: 5, venue: 4, recommend: 10, role: 'teacher', topics: ['ai'], order: ['workshops', 'keynote', 'panel'], name: 'Kallion koulu' },
  { useful: 4, mood: 4, venue: 3, recommend: 9, role: 'teacher', topics: ['ai', 'wellbeing'], order: ['keynote', 'workshops', 'panel'] },
  { useful: 2, improve: 'Enemmän aikaa keskustelulle, kiitos.', mood: '__na__', venue: 2, recommend: 6, role: 'principal', topics: ['assessment'] },
  { useful: 3, mood: 3, venue: 4, recommend: 7, role: 'other' },
  { useful: 1, improve: 'Äänentoisto ei toiminut salissa.', mood: 2, venue: 1, recommend: 3, role: 'teacher', order: ['panel', 'workshops', 'keynote'] },
];

export interface FeedbackFixture {
  backend: LocalBackend;
  organiser: LocalAdapter;
  participant: LocalAdapter;
  organiserKey: string;
  eventId: string;
  activityId: string;
  newParticipant(): LocalAdapter;
}

export interface FeedbackFixtureOptions {
  config?: Partial<FeedbackConfig>;
  /** The phase to end in (default `open`). */
  phase?: 'preparing' | 'open' | 'closed';
  /** Responses of simulated participants. */
  responses?: Answers[];
  /** The fixture participant's own response. */
  own?: Answers;
}

let counter = 0;

export async function feedbackFixture(options: FeedbackFixtureOptions = {}): Promise<FeedbackFixture> {
  const backend = new LocalBackend();
  const organiser = new LocalAdapter(backend);
  const participant = new LocalAdapter(backend);
  const eventId = `feedback-${(counter += 1)}-${Math.random().toString(36).slice(2, 8)}`;
  const activityId = 'feedback';
  const config: Partial<FeedbackConfig> = { form: SAMPLE_FORM, ...options.config };
  const phase = options.phase ?? 'open';
  const seed: SeedAction[] = [];
  if (phase !== 'preparing') {
    seed.push({ activity: activityId, as: 'organiser', command: 'setPhase', payload: { phase: 'open' } });
    // Answers to questions the form does not have are left out (the sample answers serve shorter forms too).
    const names = new Set((config.form?.sections ?? []).flatMap((section) => section.questions.map((question) => question.name)));
    const known = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([name]) => names.has(name)));
    (options.responses ?? []).forEach((answers, index) => seed.push({ activity: activityId, as: `person-${index + 1}`, command: 'submit', payload: { answers: known(answers) } }));
  }
  const poll = config.mode === 'poll';
  const { organiserKey } = await organiser.createEvent({
    id: eventId,
    title: { fi: 'Alueellinen opetuspäivä', sv: 'Regional utbildningsdag', en: 'Regional education day' },
    languages: ['fi', 'sv', 'en'],
    activities: [
      {
        id: activityId,
        kind: 'feedback',
        title: poll ? { fi: 'Kysely', sv: 'Snabbfråga', en: 'Quick poll' } : { fi: 'Palaute', sv: 'Respons', en: 'Feedback' },
        config,
      },
    ],
    seed,
  });
  organiser.setOrganiserKey(eventId, organiserKey);
  if (options.own) await participant.send(eventId, activityId, 'submit', { answers: options.own });
  if (phase === 'closed') await organiser.send(eventId, activityId, 'setPhase', { phase: 'closed' });
  return { backend, organiser, participant, organiserKey, eventId, activityId, newParticipant: () => new LocalAdapter(backend) };
}
