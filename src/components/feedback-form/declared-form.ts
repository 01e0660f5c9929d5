/**
 * A form a webmaster types into a CMS, as child elements of `<osa-feedback-form>`:
 *
 * ```html
 * <osa-section title="Päivä" title-sv="Dagen" title-en="The day">
 *   <osa-question name="useful" type="scale" min="1" max="5" required>
 *     <span lang="fi">Kuinka hyödyllinen päivä oli?</span><span lang="sv">Hur nyttig var dagen?</span>
 *   </osa-question>
 *   <osa-question name="role" type="single">
 *     Roolisi
 *     <osa-choice value="teacher"><span lang="fi">Opettaja</span><span lang="sv">Lärare</span></osa-choice>
 *   </osa-question>
 * </osa-section>
 * ```
 *
 * The children are read into a `FormDefinition` (questions outside a section form one section of
 * their own); what cannot be read is reported per question, by position and name, for the
 * webmaster. The rules on the result (names, expressions) are the core's `checkForm`.
 */
import type { LocalizedText } from '../../core/activity.js';
import { QUESTION_TYPES, type FormDefinition, type Question, type Section } from '../../core/feedback/feedback.view.js';

const LANGS = ['fi', 'sv', 'en'] as const;

/** What is wrong with a declared question, in words for the webmaster (see the texts' `declaredErrors`). */
export type DeclaredProblemCode =
  | { code: 'noQuestions' }
  | { code: 'unknownType'; type: string }
  | { code: 'noName' }
  | { code: 'noChoices' }
  | { code: 'number'; attribute: string; value: string };

export interface DeclaredProblem {
  /** 1-based position of the question in the whole form; 0 for the form itself. */
  position: number;
  name: string;
  problem: DeclaredProblemCode;
}

export interface DeclaredForm {
  form: FormDefinition;
  problems: DeclaredProblem[];
  /** Question positions by name, for the core's problems (which name paths). */
  positions: Map<string, number>;
  /** The position of each question read, in the form's order (a question that could not be read has none). */
  order: number[];
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of `element` without the elements `skip` matches (choices, descriptions). */
function ownText(element: Element, skip: string): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof Element && !node.matches(skip)) text += ` ${ownText(node, skip)} `;
  }
  return clean(text);
}

/**
 * A label in several languages side by side: the element's direct children with `lang` give one
 * text each; without them the element's own text is the label in every language.
 */
export function readLocalized(element: Element, skip = 'osa-choice, osa-description, osa-question, osa-section'): LocalizedText {
  const parts = [...element.children].filter((child) => child.hasAttribute('lang') && !child.matches(skip));
  if (parts.length === 0) return ownText(element, skip);
  const text: Partial<Record<(typeof LANGS)[number], string>> = {};
  for (const part of parts) {
    const lang = (part.getAttribute('lang') ?? '').slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(lang)) text[lang as (typeof LANGS)[number]] = clean(part.textContent);
  }
  return text;
}

/** An attribute in several languages: `min-label="…"` for all, `min-label-sv="…"` for one. */
function localizedAttribute(element: Element, name: string): LocalizedText | undefined {
  const base = element.getAttribute(name);
  const own = Object.fromEntries(LANGS.flatMap((lang) => (element.hasAttribute(`${name}-${lang}`) ? [[lang, element.getAttribute(`${name}-${lang}`)!]] : [])));
  if (Object.keys(own).length === 0) return base === null ? undefined : base;
  if (base !== null) for (const lang of LANGS) own[lang] ??= base;
  return own;
}

function description(element: Element): LocalizedText | undefined {
  const child = [...element.children].find((node) => node.localName === 'osa-description');
  if (child) return readLocalized(child);
  return localizedAttribute(element, 'description');
}

function readQuestion(element: Element, position: number, problems: DeclaredProblem[]): Question | undefined {
  const name = clean(element.getAttribute('name'));
  const typeAttribute = clean(element.getAttribute('type')) || 'text';
  const say = (problem: DeclaredProblemCode) => problems.push({ position, name, problem });
  if (!name) say({ code: 'noName' });
  const type = QUESTION_TYPES.find((known) => known.toLowerCase() === typeAttribute.toLowerCase());
  if (!type) {
    say({ code: 'unknownType', type: typeAttribute });
    return undefined;
  }
  const question: Question = { name, type, title: readLocalized(element) };
  const integer = (attribute: string): number | undefined => {
    const raw = element.getAttribute(attribute);
    if (raw === null) return undefined;
    if (!/^\s*-?\d+\s*$/.test(raw)) {
      say({ code: 'number', attribute, value: raw });
      return undefined;
    }
    return Number(raw);
  };
  const about = description(element);
  if (about !== undefined) question.description = about;
  if (element.hasAttribute('required')) question.required = true;
  const visibleIf = element.getAttribute('visible-if');
  if (visibleIf !== null) question.visibleIf = visibleIf;
  const requiredIf = element.getAttribute('required-if');
  if (requiredIf !== null) question.requiredIf = requiredIf;
  const min = integer('min');
  const max = integer('max');
  if (min !== undefined) question.min = min;
  if (max !== undefined) question.max = max;
  const display = clean(element.getAttribute('display'));
  if (display === 'numbers' || display === 'smileys' || display === 'stars') question.display = display;
  const minLabel = localizedAttribute(element, 'min-label');
  const maxLabel = localizedAttribute(element, 'max-label');
  if (minLabel !== undefined) question.minLabel = minLabel;
  if (maxLabel !== undefined) question.maxLabel = maxLabel;
  const minSelected = integer('min-selected');
  const maxSelected = integer('max-selected');
  if (minSelected !== undefined) question.minSelected = minSelected;
  if (maxSelected !== undefined) question.maxSelected = maxSelected;
  const maxLength = integer('max-length');
  if (maxLength !== undefined) question.maxLength = maxLength;
  if (element.hasAttribute('not-applicable')) {
    const label = localizedAttribute(element, 'not-applicable');
    question.notApplicable = label === '' || label === undefined ? true : label;
  }
  if (type === 'single' || type === 'multiple' || type === 'ranking') {
    const choices = [...element.children].filter((child) => child.localName === 'osa-choice');
    if (choices.length === 0) say({ code: 'noChoices' });
    question.choices = choices.map((choice) => {
      const label = readLocalized(choice);
      const value = clean(choice.getAttribute('value')) || (typeof label === 'string' ? label : (label.fi ?? label.en ?? label.sv ?? ''));
      return { value, label };
    });
  }
  return question;
}

/** Reads the declared children of `host`; `undefined` when it has none (the form comes from elsewhere). */
export function readDeclaredForm(host: Element): DeclaredForm | undefined {
  const top = [...host.children].filter((child) => child.localName === 'osa-question' || child.localName === 'osa-section');
  if (top.length === 0) return undefined;
  const problems: DeclaredProblem[] = [];
  const positions = new Map<string, number>();
  const order: number[] = [];
  const sections: Section[] = [];
  let loose: Section | undefined;
  let position = 0;
  const add = (section: Section, element: Element) => {
    position += 1;
    const question = readQuestion(element, position, problems);
    if (question) {
      section.questions.push(question);
      order.push(position);
      if (question.name && !positions.has(question.name)) positions.set(question.name, position);
    }
  };
  for (const element of top) {
    if (element.localName === 'osa-section') {
      loose = undefined;
      const section: Section = { id: clean(element.getAttribute('id')) || `s${sections.length + 1}`, questions: [] };
      const title = localizedAttribute(element, 'title');
      if (title !== undefined) section.title = title;
      const about = description(element);
      if (about !== undefined) section.description = about;
      const visibleIf = element.getAttribute('visible-if');
      if (visibleIf !== null) section.visibleIf = visibleIf;
      sections.push(section);
      for (const child of element.children) if (child.localName === 'osa-question') add(section, child);
    } else {
      if (!loose) {
        loose = { id: `s${sections.length + 1}`, questions: [] };
        sections.push(loose);
      }
      add(loose, element);
    }
  }
  if (position === 0) problems.push({ position: 0, name: '', problem: { code: 'noQuestions' } });
  return { form: { sections }, problems, positions, order };
}
