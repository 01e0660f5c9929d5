/**
 * Which questions of a form are visible and required for given answers: the sections' and
 * questions' `visibleIf`, `required` and `requiredIf`. One rule for the element (what to show, what
 * to ask for) and the kind (what to accept): answers to hidden questions are dropped, and a hidden
 * question's answer does not count in other conditions.
 */
import { evaluate, parseExpression, type Expression, type Values } from './expression.js';
import { allQuestions, type Answers, type FormDefinition } from './feedback.view.js';

interface Compiled {
  sections: Array<{ id: string; visibleIf?: Expression; questions: Array<{ name: string; required: boolean; visibleIf?: Expression; requiredIf?: Expression }> }>;
}

/** Parsed conditions per form object: a form is treated as immutable (make a new object to change it). */
const compiled = new WeakMap<FormDefinition, Compiled>();

/** A condition that does not parse (a form that has not passed `checkForm`) holds: the question shows, and is not made required. */
function parsed(source: string | undefined, names: ReadonlySet<string>): Expression | undefined {
  if (source === undefined || source.trim() === '') return undefined;
  try {
    return parseExpression(source, names);
  } catch {
    return undefined;
  }
}

function compile(form: FormDefinition): Compiled {
  let entry = compiled.get(form);
  if (!entry) {
    const names = new Set(allQuestions(form).map((question) => question.name));
    entry = {
      sections: form.sections.map((section) => ({
        id: section.id,
        visibleIf: parsed(section.visibleIf, names),
        questions: section.questions.map((question) => ({
          name: question.name,
          required: question.required === true,
          visibleIf: parsed(question.visibleIf, names),
          requiredIf: parsed(question.requiredIf, names),
        })),
      })),
    };
    compiled.set(form, entry);
  }
  return entry;
}

export interface ConditionState {
  /** Ids of the visible sections. */
  sections: Set<string>;
  /** Names of the visible questions (in visible sections). */
  visible: Set<string>;
  /** Names of the visible questions that need an answer now. */
  required: Set<string>;
  /** The answers to visible questions: what the conditions were evaluated on, and what is kept. */
  values: Answers;
}

const restrict = (answers: Values, visible: ReadonlySet<string>): Answers => {
  const kept: Answers = {};
  for (const name of visible) {
    const value = Object.hasOwn(answers, name) ? answers[name] : undefined;
    if (value !== undefined && typeof value !== 'boolean') kept[name] = value;
  }
  return kept;
};

const sameKeys = (a: Answers, b: Answers): boolean => {
  const left = Object.keys(a);
  return left.length === Object.keys(b).length && left.every((key) => Object.hasOwn(b, key));
};

/**
 * The visible sections and questions and the required questions for `answers`. A question hidden by
 * a condition does not count in other conditions: visibility is worked out again on the answers
 * to visible questions until it settles (at most once per question, so that conditions that refer
 * to each other in a circle still end).
 */
export function conditionState(form: FormDefinition, answers: Values): ConditionState {
  const { sections } = compile(form);
  let values = restrict(answers, new Set(allQuestions(form).map((question) => question.name)));
  let visibleSections = new Set<string>();
  let visible = new Set<string>();
  const rounds = allQuestions(form).length + 1;
  for (let round = 0; round < rounds; round += 1) {
    visibleSections = new Set();
    visible = new Set();
    for (const section of sections) {
      if (section.visibleIf && !evaluate(section.visibleIf, values)) continue;
      visibleSections.add(section.id);
      for (const question of section.questions) {
        if (!question.visibleIf || evaluate(question.visibleIf, values)) visible.add(question.name);
      }
    }
    const next = restrict(answers, visible);
    const settled = sameKeys(next, values);
    values = next;
    if (settled) break;
  }
  const required = new Set<string>();
  for (const section of sections) {
    for (const question of section.questions) {
      if (visible.has(question.name) && (question.required || (question.requiredIf !== undefined && evaluate(question.requiredIf, values)))) required.add(question.name);
    }
  }
  return { sections: visibleSections, visible, required, values };
}

/** Whether a question is visible for `answers`. */
export const isQuestionVisible = (form: FormDefinition, name: string, answers: Values): boolean => conditionState(form, answers).visible.has(name);

/** Whether a question needs an answer for `answers` (visible, and required or `requiredIf` holds). */
export const isQuestionRequired = (form: FormDefinition, name: string, answers: Values): boolean => conditionState(form, answers).required.has(name);
