/**
 * The element's window on the core's feedback rules: which questions show and are required
 * (`conditions.ts`), what is wrong with the answers (`answers.ts`), the statistics
 * (`statistics.ts`) and the form's own check (`checkForm`). Nothing here decides a rule: it calls
 * the core and puts the outcome into the participant's words.
 */
import type { LocalizedText } from '../../core/activity.js';
import { checkAnswers, type AnswerProblem as CoreProblem } from '../../core/feedback/answers.js';
import { conditionState } from '../../core/feedback/conditions.js';
import { checkForm } from '../../core/feedback/expression.js';
import { NOT_APPLICABLE, type Answers, type FormDefinition, type Question, type Section } from '../../core/feedback/feedback.view.js';
import { questionStatistics } from '../../core/feedback/statistics.js';
import type { FeedbackTranslation } from '../../i18n/feedback/en.js';
import type { DeclaredForm } from './declared-form.js';

export type AnswerProblem = CoreProblem;

/** The sections and questions visible for `answers`, in order (sections left without questions dropped). */
export function visibleSections(form: FormDefinition, answers: Answers): Section[] {
  const state = conditionState(form, answers);
  return form.sections
    .filter((section) => state.sections.has(section.id))
    .map((section) => ({ ...section, questions: section.questions.filter((question) => state.visible.has(question.name)) }))
    .filter((section) => section.questions.length > 0);
}

/** Whether `question` needs an answer now. */
export function isRequiredNow(form: FormDefinition | undefined, question: Question, answers: Answers): boolean {
  if (!form) return question.required === true;
  return conditionState(form, answers).required.has(question.name);
}

/** Every problem of the answers on screen, in the form's order (questions that exist only). */
export function answerProblems(form: FormDefinition, answers: Answers): AnswerProblem[] {
  return checkAnswers(form, answers).problems.filter((problem) => problem.reason.kind !== 'unknownField');
}

/** The answers to send: visible questions only, tidied, empty ones left out. */
export function sendableAnswers(form: FormDefinition, answers: Answers): Answers {
  return checkAnswers(form, answers).answers;
}

/** A problem in the participant's words. */
export function problemText(problem: AnswerProblem, t: FeedbackTranslation, question?: Question): string {
  const reason = problem.reason;
  const errors = t.errors;
  switch (reason.kind) {
    case 'required':
      return errors.required;
    case 'tooSmall':
      if (question?.type === 'multiple') return errors.tooFew(reason.limit);
      return question && (question.type === 'scale' || question.type === 'nps') ? errors.range(question.type === 'nps' ? 0 : (question.min ?? 1), question.type === 'nps' ? 10 : (question.max ?? 5)) : errors.invalid;
    case 'tooLarge':
      return question && (question.type === 'scale' || question.type === 'nps') ? errors.range(question.type === 'nps' ? 0 : (question.min ?? 1), question.type === 'nps' ? 10 : (question.max ?? 5)) : errors.invalid;
    case 'tooMany':
      return errors.tooMany(reason.limit);
    case 'tooLong':
      return errors.tooLong(reason.limit);
    case 'notAllowed':
      return question?.type === 'single' || question?.type === 'multiple' ? errors.choice : errors.invalid;
    default:
      return errors.invalid;
  }
}

const kebab = (name: string): string => name.replace(/([A-Z])/g, '-$1').toLowerCase();

/**
 * What is wrong with a declared form, in words for the webmaster: what could not be read from the
 * children, then the core's `checkForm` (names, choices, expressions with their position), each
 * naming the question by its position and name, and each said whole in the webmaster's language
 * from the problem's reason code and data.
 */
export function formProblems(declared: DeclaredForm, t: FeedbackTranslation): string[] {
  const words = t.declaredErrors;
  const where = (position: number, name: string) => (position === 0 ? '' : `${words.at(position, name)}: `);
  const out: string[] = [];
  for (const { position, name, problem } of declared.problems) {
    switch (problem.code) {
      case 'noQuestions':
        out.push(words.noQuestions);
        break;
      case 'unknownType':
        out.push(where(position, name) + words.unknownType(problem.type));
        break;
      case 'noName':
        out.push(where(position, name) + words.noName);
        break;
      case 'noChoices':
        out.push(where(position, name) + words.noChoices);
        break;
      case 'number':
        out.push(where(position, name) + words.number(problem.attribute, problem.value));
        break;
    }
  }
  // The core's check of what could be read; a question already reported above is not reported twice.
  const reported = new Set(declared.problems.map((problem) => problem.name));
  const questions = declared.form.sections.flatMap((section, sectionIndex) => section.questions.map((question, index) => ({ question, sectionIndex, index })));
  for (const problem of checkForm(declared.form)) {
    const match = /^form\.sections\[(\d+)\](?:\.questions\[(\d+)\])?(?:\.(.+))?$/.exec(problem.path);
    const sectionIndex = match ? Number(match[1]) : -1;
    const questionIndex = match?.[2] !== undefined ? Number(match[2]) : -1;
    const field = match?.[3] ?? '';
    const found = questions.find((entry) => entry.sectionIndex === sectionIndex && entry.index === questionIndex);
    if (found && reported.has(found.question.name)) continue;
    if (!found && declared.problems.some((problem) => problem.problem.code === 'noQuestions')) continue;
    const attribute = kebab(field);
    const prefix = found
      ? where(declared.order[questions.indexOf(found)] ?? questions.indexOf(found) + 1, found.question.name)
      : sectionIndex >= 0
        ? `${words.section(sectionIndex + 1)}: `
        : '';
    const reason = problem.reason;
    // Attributes as the webmaster writes them (`max-selected`), not the definition's properties.
    const said = words.form('field' in reason ? { ...reason, field: kebab(reason.field) } : reason, words.expressionReason);
    const message = problem.position !== undefined && (field === 'visibleIf' || field === 'requiredIf') ? words.expression(attribute, said, problem.position) : said;
    out.push(prefix + message);
  }
  return out;
}

// ------------------------------------------------------------------ results as rows

export interface SummaryRow {
  value: string;
  label: string;
  count: number;
  share: number;
}

/** One question's results, ready to show: rows for the bars and the figures. */
export interface Summary {
  n: number;
  na: number;
  rows: SummaryRow[];
  mean?: number;
  median?: number;
  nps?: { score: number; promoters: number; passives: number; detractors: number };
  ranks?: Array<{ value: string; label: string; average?: number }>;
}

/** The core's statistics of a question from its tally, labelled in the reader's language. */
export function summarise(question: Question, counts: Record<string, number>, text: (value: LocalizedText | undefined) => string, t: FeedbackTranslation): Summary {
  const statistics = questionStatistics(question, { [question.name]: counts });
  const label = (value: string) => text(question.choices?.find((choice) => choice.value === value)?.label) || value;
  const na = statistics.notApplicable;
  switch (statistics.type) {
    case 'scale':
    case 'nps': {
      const smileys = question.display === 'smileys' && question.type === 'scale';
      const summary: Summary = {
        n: statistics.n,
        na,
        rows: statistics.distribution.map((point, index, all) => {
          const slot = all.length === 1 ? 2 : Math.round((index * 4) / (all.length - 1));
          return { value: String(point.value), label: smileys ? `${point.value} – ${t.smileys[slot]}` : String(point.value), count: point.count, share: point.share };
        }),
      };
      if (statistics.mean !== null) summary.mean = statistics.mean;
      if (statistics.median !== null) summary.median = statistics.median;
      if (statistics.type === 'nps' && 'score' in statistics && statistics.score !== null) {
        summary.nps = { score: statistics.score, promoters: statistics.promoters.count, passives: statistics.passives.count, detractors: statistics.detractors.count };
      }
      return summary;
    }
    case 'single':
    case 'multiple':
      return { n: statistics.n, na, rows: statistics.choices.map((choice) => ({ value: choice.value, label: label(choice.value), count: choice.count, share: choice.share })) };
    case 'ranking':
      return {
        n: statistics.n,
        na,
        rows: [],
        ranks: statistics.choices.map((choice) => ({ value: choice.value, label: label(choice.value), ...(choice.averageRank === null ? {} : { average: choice.averageRank }) })),
      };
    default:
      return { n: statistics.n, na, rows: [] };
  }
}

export { NOT_APPLICABLE };
