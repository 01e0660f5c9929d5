import { formatters } from '../format.js';

const f = formatters('en');

/** Texts of `osa-event-report` in English; the shape every language must have. */
export const eventReportEn = {
  label: 'Results report',
  heading: (title: string) => `${title}: results`,
  eventDate: (date: string) => `Event date: ${date}`,
  compiled: (date: string) => `Report compiled on ${date}`,
  print: 'Print or save as PDF',
  includeText: 'Include free-text answers',
  includeTextHelp: 'Participants’ own words may need review before you share the report.',
  options: 'Report options',
  keyNeeded: 'The results report needs the organiser key. Open this page with the organiser link (its address ends in #key=…).',
  empty: 'This event has no activities yet.',
  kinds: { board: 'Prioritisation board', workshops: 'Workshops', feedback: 'Feedback form', cloud: 'Word cloud' } as Record<string, string>,
  unknownKind: (kind: string) => `An activity of the kind “${kind}”: its results are in its export.`,
  kindAndPhase: (kind: string, phase: string) => `${kind} · phase: ${phase}`,
  count: 'Count',
  share: 'Share',
  board: {
    summary: (ideas: number, votes: number, participants: number) =>
      `${f.plural(ideas, { one: '1 idea', other: `${f.number(ideas)} ideas` })}, ${f.plural(votes, { one: '1 vote', other: `${f.number(votes)} votes` })}, ${f.plural(participants, { one: '1 participant', other: `${f.number(participants)} participants` })}.`,
    caption: (question: string, shown: number, ranked: number): string => (shown < ranked ? `${question}: the top ${f.number(shown)} of ${f.number(ranked)} ranked ideas` : `${question}: ranked ideas`),
    position: 'Position',
    idea: 'Idea',
    score: 'Score (0–100)',
    band: 'Likely range',
    appearancesDuel: 'Duels',
    appearancesUpvote: 'Likes',
    scoreDuel: 'The score is the estimated chance (0–100) that the idea wins against a randomly chosen other idea.',
    scoreUpvote: 'The score is a cautious estimate (0–100) of the share of participants who like the idea.',
    unranked: (n: number) => f.plural(n, { one: '1 idea has too few votes to be ranked.', other: `${f.number(n)} ideas have too few votes to be ranked.` }),
    none: 'No idea is ranked yet.',
  },
  workshops: {
    summary: (held: number, capacity: number, waiting: number) =>
      `${f.number(held)} of ${f.number(capacity)} seats taken; ${f.plural(waiting, { one: '1 person on a waitlist', other: `${f.number(waiting)} people on waitlists` })}.`,
    caption: 'Seats per workshop',
    workshop: 'Workshop',
    slot: 'Time slot',
    capacity: 'Seats',
    taken: 'Taken',
    waiting: 'Waitlist',
    cancelled: 'cancelled',
    ranked: (n: number) => f.plural(n, { one: '1 person ranked workshops.', other: `${f.number(n)} people ranked workshops.` }),
    published: (date: string) => `The allocation of seats was published on ${date}.`,
    notPublished: 'No allocation of seats has been published.',
  },
  feedback: {
    responses: (n: number) => f.plural(n, { one: '1 response', other: `${f.number(n)} responses` }),
    answered: (n: number) => f.plural(n, { zero: 'No answers', one: '1 answer', other: `${f.number(n)} answers` }),
    notApplicable: (n: number) => `“Don’t know / not applicable”: ${f.number(n)}`,
    mean: 'Mean',
    median: 'Median',
    nps: 'NPS',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
    figures: (question: string) => `${question}: key figures`,
    distribution: (question: string) => `${question}: answers`,
    value: 'Answer',
    option: 'Option',
    averageRank: 'Average rank (1 = best)',
    textAnswers: (question: string) => `${question}: written answers`,
    textLeftOut: (n: number) =>
      f.plural(n, { zero: 'No written answers.', one: '1 written answer, left out of this report.', other: `${f.number(n)} written answers, left out of this report.` }),
  },
  cloud: {
    summary: (answers: number, participants: number) =>
      `${f.plural(answers, { one: '1 answer', other: `${f.number(answers)} answers` })} from ${f.plural(participants, { one: '1 participant', other: `${f.number(participants)} participants` })}.`,
    caption: (shown: number, total: number): string => (shown < total ? `The ${f.number(shown)} most common of ${f.number(total)} terms` : 'Terms'),
    term: 'Term',
    none: 'No answers yet.',
  },
};

export type EventReportTranslation = typeof eventReportEn;
