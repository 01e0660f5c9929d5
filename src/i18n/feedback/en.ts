import type { ExpressionReason, FormReason } from '../../core/feedback/expression.js';
import { formatters } from '../format.js';

const f = formatters('en');

/** Texts of `osa-feedback-form` in English; the shape every language must have. */
export const feedbackEn = {
  label: 'Feedback',
  pollLabel: 'Poll',
  phase: { preparing: 'Not open yet', open: 'Open', closed: 'Closed' },
  help: {
    preparing: 'The form opens soon.',
    closed: 'This form is closed. Thank you for taking part!',
    requiredNote: 'Questions marked * are required.',
  },
  required: 'required',
  requiredMark: '*',
  notApplicable: 'Don’t know / not applicable',
  scaleRange: (min: number, max: number) => `from ${f.number(min)} to ${f.number(max)}`,
  stars: (value: number, max: number) => `${f.number(value)} of ${f.number(max)} stars`,
  smileys: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  npsMin: 'Not at all likely',
  npsMax: 'Extremely likely',
  chooseRange: (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined
      ? min === max
        ? `Choose ${f.number(min)}.`
        : `Choose ${f.number(min)} to ${f.number(max)}.`
      : min !== undefined
        ? `Choose at least ${f.number(min)}.`
        : max !== undefined
          ? `Choose at most ${f.number(max)}.`
          : '',
  ranking: {
    keys: 'Move an item with its arrow buttons, or with Alt + ↑ / ↓.',
    moveUp: 'Move up',
    moveDown: 'Move down',
    moved: (label: string, position: number, total: number) => `${label}: now ${f.number(position)} of ${f.number(total)}.`,
    keep: 'Keep this order',
    kept: 'Your order is saved as your answer.',
    untouched: 'Not answered yet: move items or keep the order as it is.',
  },
  characters: (used: number, max: number) => `${f.number(used)} / ${f.number(max)} characters`,
  progress: (answered: number, total: number) => `${f.number(answered)} of ${f.number(total)} questions answered`,
  submit: 'Send answers',
  update: 'Save changes',
  sending: 'Sending…',
  problems: (count: number) => f.plural(count, { one: 'Check 1 answer before sending:', other: `Check ${f.number(count)} answers before sending:` }),
  errors: {
    required: 'An answer is needed.',
    range: (min: number, max: number) => `Choose a value from ${f.number(min)} to ${f.number(max)}.`,
    tooFew: (min: number) => f.plural(min, { one: 'Choose at least 1.', other: `Choose at least ${f.number(min)}.` }),
    tooMany: (max: number) => f.plural(max, { one: 'Choose at most 1.', other: `Choose at most ${f.number(max)}.` }),
    tooLong: (max: number) => `Write at most ${f.number(max)} characters.`,
    choice: 'Choose one of the options.',
    invalid: 'Check this answer.',
    form: 'The answers could not be checked. Try again.',
  },
  thanks: 'Thank you! Your answers were sent.',
  thanksQueued: 'Your answers are saved on this device and will be sent when the connection returns.',
  editAnswer: 'Edit my answers',
  answerAgain: 'Answer again',
  alreadyAnswered: 'You have already answered. Thank you!',
  draftRestored: 'Your unsent answers were restored.',
  draftSaved: 'Saved on this device',
  standaloneNote: 'These answers are sent with the form around them.',
  declaredErrors: {
    title: 'This feedback form cannot be shown: its definition has errors',
    intro: 'For the web page’s editor: fix these in the page’s HTML.',
    at: (position: number, name: string) => (name ? `Question ${f.number(position)} (“${name}”)` : `Question ${f.number(position)}`),
    section: (position: number) => `Section ${f.number(position)}`,
    noQuestions: 'The form has no questions. Add <osa-question> elements inside it.',
    unknownType: (type: string) => `unknown type “${type}”. Use scale, nps, single, multiple, ranking, text or longText.`,
    noName: 'the name attribute is missing.',
    noChoices: 'add its options as <osa-choice value="…"> elements.',
    number: (attribute: string, value: string) => `the attribute ${attribute}="${value}" is not a whole number.`,
    expression: (attribute: string, message: string, position: number) => `${attribute}: ${message} (at character ${f.number(position + 1)}).`,
    /** A problem of the core's `checkForm`, as the element says it (`field` is the attribute's name). */
    form: (reason: FormReason, expression: (reason: ExpressionReason) => string): string => {
      switch (reason.code) {
        case 'noSections':
        case 'noQuestions':
          return 'the form has no questions. Add <osa-question> elements inside it.';
        case 'tooManySections':
          return `a form may have at most ${f.number(reason.max)} sections.`;
        case 'tooManyQuestions':
          return `a form may have at most ${f.number(reason.max)} questions.`;
        case 'pollOneQuestion':
          return 'a poll has exactly one question.';
        case 'noSectionId':
          return 'the section needs an id.';
        case 'duplicateSectionId':
          return `two sections have the id “${reason.id}”.`;
        case 'badName':
          return `the name “${reason.name}” may hold only letters, digits, - and _ (at most 64), and must start with a letter.`;
        case 'duplicateName':
          return `the name “${reason.name}” is used twice.`;
        case 'reservedName':
          return `the name “${reason.name}” is reserved for a column of the export: choose another.`;
        case 'unknownType':
          return `unknown type “${reason.type}”. Use scale, nps, single, multiple, ranking, text or longText.`;
        case 'noTitle':
          return 'the question has no text: write it inside the element.';
        case 'tooFewChoices':
          return f.plural(reason.min, { one: 'add at least 1 option as an <osa-choice value="…"> element.', other: `add at least ${f.number(reason.min)} options as <osa-choice value="…"> elements.` });
        case 'tooManyChoices':
          return `a question may have at most ${f.number(reason.max)} options.`;
        case 'noChoiceValue':
          return 'an option has no value.';
        case 'reservedChoiceValue':
          return `the option value “${reason.value}” may not start with “__”.`;
        case 'duplicateChoiceValue':
          return `two options have the value “${reason.value}”.`;
        case 'noChoiceLabel':
          return 'an option has no text.';
        case 'notWhole':
          return `${reason.field} must be a whole number.`;
        case 'scaleOrder':
          return `max (${f.number(reason.max)}) must be greater than min (${f.number(reason.min)}).`;
        case 'tooManyPoints':
          return `a scale may have at most ${f.number(reason.max)} points.`;
        case 'npsRange':
          return 'an nps question is always 0 to 10: leave out min and max.';
        case 'notTaken':
          return `a ${reason.type} question does not take ${reason.field}.`;
        case 'selectionLimit':
          return `${reason.field} must be a whole number from ${f.number(reason.min)} to ${f.number(reason.max)} (the number of options).`;
        case 'selectionOrder':
          return `max-selected (${f.number(reason.max)}) is below min-selected (${f.number(reason.min)}).`;
        case 'lengthLimit':
          return `max-length must be a whole number from 1 to ${f.number(reason.max)}.`;
        case 'emptyCondition':
          return 'the condition is empty.';
        case 'expression':
          return expression(reason.expression);
      }
    },
    /** What is wrong in a condition (`visible-if`, `required-if`). */
    expressionReason: (reason: ExpressionReason): string => {
      switch (reason.code) {
        case 'tooLong':
          return `the condition is longer than ${f.number(reason.max)} characters`;
        case 'unclosedName':
          return 'a “{” has no closing “}”';
        case 'emptyName':
          return 'a question’s name is missing between “{” and “}”';
        case 'unclosedText':
          return 'a text has no closing quote';
        case 'unexpectedCharacter':
          return `the character “${reason.character}” does not belong here`;
        case 'tooDeep':
          return 'the condition is nested too deeply';
        case 'expected': {
          const expected = { operator: 'an operator such as and, or, =', value: 'a value', closeParen: '“)”', listSeparator: '“,” or “]”' }[reason.expected];
          return `expected ${expected}, found ${reason.found === undefined ? 'the end of the condition' : `“${reason.found}”`}`;
        }
        case 'chained':
          return 'comparisons cannot follow each other: join them with and or or';
        case 'unknownName':
          return `there is no question named “${reason.name}”`;
        case 'unsupportedOperator':
          return `the operator “${reason.operator}” is not supported`;
        case 'unsupportedFunction':
          return `the function “${reason.name}” is not supported`;
        case 'valueBefore':
          return `a value is missing before “${reason.word}”`;
        case 'unknownWord':
          return `unknown word “${reason.word}”: write question names as {${reason.word}} and texts in quotes`;
      }
    },
  },
  poll: {
    yourAnswer: 'Your answer',
    send: 'Answer',
    answers: (count: number) => f.plural(count, { zero: 'No answers yet', one: '1 answer', other: `${f.number(count)} answers` }),
    waiting: 'Results appear here when the organiser shows them.',
    closed: 'The poll is closed.',
    preparing: 'The next question comes soon.',
    organiser: 'Poll controls',
    open: 'Open the poll',
    close: 'Close the poll',
    reset: 'Next question: clear the answers',
    resetConfirm: 'Clear the live answers for a new round? Earlier answers stay in the export.',
    resetDone: 'A new round started.',
    round: (round: number) => `Round ${f.number(round)}`,
  },
  results: {
    title: 'Results',
    hidden: 'The results are not public.',
    keyNeeded: 'The results need the organiser key, or the organiser to make them public.',
    responses: (count: number) => f.plural(count, { zero: 'No responses yet', one: '1 response', other: `${f.number(count)} responses` }),
    answered: (count: number) => f.plural(count, { zero: 'no answers', one: '1 answer', other: `${f.number(count)} answers` }),
    mean: 'Mean',
    median: 'Median',
    nps: 'NPS',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
    averageRank: 'Average rank',
    option: 'Option',
    count: 'Answers',
    share: 'Share',
    notApplicable: 'Don’t know / not applicable',
    table: (title: string) => `${title}: the numbers`,
    chart: (title: string) => `${title}: distribution`,
    textAnswers: 'Written answers',
    textHidden: 'Written answers are shown only to the organiser.',
    search: 'Search the answers',
    matches: (count: number) => f.plural(count, { zero: 'No answers match.', one: '1 answer matches.', other: `${f.number(count)} answers match.` }),
    noText: 'No written answers yet.',
    export: 'Export',
    exportCsv: 'Responses (CSV)',
    exportJson: 'Everything (JSON)',
    rankPosition: (position: number) => `#${f.number(position)}`,
  },
  presenter: {
    join: 'Answer on your phone',
    count: (count: number) => f.plural(count, { one: 'answer', other: 'answers' }),
  },
  /** The export's columns and values, for the CSV files (the element's download and the server's `lang=`). */
  export: {
    yes: 'yes',
    no: 'no',
    columns: { response: 'Response', participant: 'Participant', round: 'Round', submitted: 'Sent' } as Record<string, string>,
    values: {} as Record<string, Record<string, string>>,
    /** Values in every question's column: `__na__` is the core's NOT_APPLICABLE. */
    anyColumn: { __na__: 'don’t know / not applicable' } as Record<string, string>,
  },
};

export type FeedbackTranslation = typeof feedbackEn;
