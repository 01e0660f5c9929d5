import { formatters } from '../format.js';

const f = formatters('en');

/** Texts of `osa-run-of-show` in English; the shape every language must have. */
export const runOfShowEn = {
  label: 'Run of show',
  intro: 'Move each activity to its next phase here. Participants see the change at once.',
  keysHelp: 'Arrow keys move between the phases; Enter or Space moves the activity to the chosen phase.',
  keyNeeded: 'The run of show needs the organiser key. Open this page with the organiser link (its address ends in #key=…).',
  empty: 'This event has no activities yet.',
  phase: 'Phase',
  kinds: { board: 'Prioritisation board', workshops: 'Workshops', feedback: 'Feedback form', cloud: 'Word cloud' } as Record<string, string>,
  unknownKind: (kind: string) => `An activity of the kind “${kind}”, which this page cannot show.`,
  seesNow: 'Participants see now',
  moved: (title: string, phase: string) => `“${title}” is now in the phase “${phase}”.`,
  notMovedOffline: 'No connection: the phase was not changed. Try again when you are back online.',
  counts: {
    ideas: (n: number) => f.plural(n, { one: '1 idea', other: `${f.number(n)} ideas` }),
    votes: (n: number) => f.plural(n, { one: '1 vote', other: `${f.number(n)} votes` }),
    participants: (n: number) => f.plural(n, { one: '1 participant', other: `${f.number(n)} participants` }),
    seats: (held: number, capacity: number) => `${f.number(held)} / ${f.number(capacity)} seats taken`,
    waiting: (n: number) => f.plural(n, { one: '1 on a waitlist', other: `${f.number(n)} on waitlists` }),
    ranked: (n: number) => f.plural(n, { one: '1 person has ranked', other: `${f.number(n)} people have ranked` }),
    responses: (n: number) => f.plural(n, { one: '1 response', other: `${f.number(n)} responses` }),
    answers: (n: number) => f.plural(n, { one: '1 answer', other: `${f.number(n)} answers` }),
  },
  sees: {
    board: {
      collect: (showIdeas: boolean): string =>
        showIdeas ? 'Participants add ideas and read each other’s; no one votes yet.' : 'Participants add ideas; they see only their own, and no one votes yet.',
      voteDuel: 'Participants choose the more important of two ideas, pair after pair.',
      voteUpvote: 'Participants like the ideas they find most important.',
      results: (visible: boolean): string => (visible ? 'Voting has ended; participants see the ranking.' : 'Voting has ended; participants do not see the ranking.'),
      closed: (visible: boolean): string =>
        visible ? 'The board is closed; participants see the final ranking.' : 'The board is closed; participants do not see the ranking.',
    },
    workshops: {
      preparing: 'Participants see the programme; registration is not open yet.',
      openFirstCome: 'Participants take seats; when a workshop is full they join its waitlist.',
      openRanked: 'Participants rank the workshops they want; seats are allocated later.',
      closed: (published: boolean): string =>
        published ? 'Registration is closed; participants see the seats allocated to them.' : 'Registration is closed; participants see their seats and places in line.',
    },
    feedback: {
      preparing: 'The form is not open yet; participants see that it opens soon.',
      open: (publicResults: boolean): string => (publicResults ? 'Participants answer the form and see the results so far.' : 'Participants answer the form; the results are not shown to them.'),
      closed: (publicResults: boolean): string => (publicResults ? 'The form is closed; participants see the results.' : 'The form is closed; participants see a thank-you note.'),
    },
    cloud: {
      preparing: 'Answers are not open yet; participants see that they open soon.',
      open: (showCloud: boolean): string => (showCloud ? 'Participants add words and see the cloud grow.' : 'Participants add words; they see only their own answers.'),
      closed: (showCloud: boolean): string => (showCloud ? 'Answers are closed; participants see the final cloud.' : 'Answers are closed; participants see only their own answers.'),
    },
  },
};

export type RunOfShowTranslation = typeof runOfShowEn;
