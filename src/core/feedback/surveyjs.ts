/**
 * Import of a SurveyJS form definition (the JSON its Creator saves) into a `FormDefinition`.
 * Every element and property that matters to the answers either maps (see the table in
 * docs/feedback-form.md) or is reported in `unsupported` by path and name: nothing is dropped
 * silently. Presentation-only properties (`width`, `placeholder`, `titleLocation`, …) are skipped
 * without a report; they change nothing in the answers.
 *
 * Decisions:
 * - A `rating` from 0 to 10 (rateMin 0, rateMax 10, step 1, numbers) becomes an `nps` question:
 *   in a feedback form an 11-point 0–10 rating is the "how likely are you to recommend" question,
 *   and its results are read as promoters, passives and detractors. Other ratings become `scale`.
 * - A `boolean` becomes a `single` question with the values 'true' and 'false' (or its
 *   valueTrue/valueFalse), so that conditions such as `{agree} = true` keep working.
 * - Pages and panels become sections; a panel's condition is joined with its page's (`and`).
 * - Names SurveyJS allows and expressions cannot hold (spaces, dots, leading digits) are renamed
 *   (reported in `renamed`), and the conditions are rewritten to the new names. SurveyJS compares
 *   names case-insensitively; references are rewritten to the name as declared.
 * - A condition that does not parse here (functions, arithmetic, `{panel.x}`) is left out and
 *   reported: the question then always shows (`visibleIf`) or is never required (`requiredIf`).
 */
import type { LocalizedText } from '../activity.js';
import { OsaError } from '../errors.js';
import { LANGUAGES, type Language } from '../protocol.js';
import { checkForm, ExpressionError, FORM_LIMITS, parseExpression } from './expression.js';
import { QUESTION_NAME_PATTERN, type Choice, type FormDefinition, type Question, type Section } from './feedback.view.js';

export interface UnsupportedPart {
  /** Where in the SurveyJS JSON: `pages[0].elements[2]`, or a property: `pages[0].elements[2].choicesByUrl`. */
  path: string;
  /** The element's name (empty for the survey itself). */
  name: string;
  /** The SurveyJS element type (`matrix`, `html`, …), or `survey`. */
  type: string;
  reason: string;
}

export interface SurveyJsImport {
  form: FormDefinition;
  unsupported: UnsupportedPart[];
  /** The survey's title, when it has one. */
  title?: LocalizedText;
  /** SurveyJS name → the name here, for the questions that had to be renamed. */
  renamed: Record<string, string>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Properties that only change how a form looks or is laid out, or what a Creator shows: skipped without a report. */
const PRESENTATION = new Set([
  'type',
  'name',
  'title',
  'description',
  'elements',
  'questions',
  'isRequired',
  'visibleIf',
  'requiredIf',
  'width',
  'minWidth',
  'maxWidth',
  'startWithNewLine',
  'titleLocation',
  'descriptionLocation',
  'hideNumber',
  'indent',
  'colCount',
  'placeholder',
  'placeHolder',
  'rows',
  'autoGrow',
  'allowResize',
  'requiredErrorText',
  'errorLocation',
  'state',
  'showTitle',
  'showNumber',
  'questionTitleLocation',
  'innerIndent',
  'navigationTitle',
  'navigationDescription',
  'renderAs',
  'displayMode',
  'rateColorMode',
  'scaleColorMode',
  'rateDisplayMode',
  'searchEnabled',
  'allowClear',
  'textUpdateMode',
  'autocomplete',
  'dataList',
  'maxLength',
  'labelTrue',
  'labelFalse',
  'valueTrue',
  'valueFalse',
  'swapOrder',
  'choices',
  'rateMin',
  'rateMax',
  'rateStep',
  'rateCount',
  'rateValues',
  'rateType',
  'minRateDescription',
  'maxRateDescription',
  'displayRateDescriptionsAsExtremeItems',
  'minSelectedChoices',
  'maxSelectedChoices',
  'validators',
  'inputType',
  'separateSpecialChoices',
  'longTap',
  'questionsOrder',
]);

/** Survey properties that change answers or logic and have no counterpart here. */
const SURVEY_LOGIC = ['triggers', 'calculatedValues', 'completedHtmlOnCondition', 'navigateToUrlOnCondition', 'questionsOnPageMode', 'firstPageIsStarted', 'clearInvisibleValues', 'checkErrorsMode'] as const;
/** Survey properties about presentation or the finish page: skipped without a report. */
const SURVEY_PRESENTATION = new Set([
  'title',
  'description',
  'logo',
  'logoPosition',
  'logoWidth',
  'logoHeight',
  'locale',
  'pages',
  'elements',
  'questions',
  'showProgressBar',
  'progressBarType',
  'showQuestionNumbers',
  'questionTitleLocation',
  'questionErrorLocation',
  'questionDescriptionLocation',
  'showTitle',
  'showPageTitles',
  'showPageNumbers',
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'completeText',
  'pageNextText',
  'pagePrevText',
  'startSurveyText',
  'showPrevButton',
  'showCompletedPage',
  'widthMode',
  'width',
  'fitToContainer',
  'headerView',
  'focusFirstQuestionAutomatic',
  'goNextPageAutomatic',
  'requiredText',
  'questionsOrder',
  'showNavigationButtons',
  'textUpdateMode',
  'storeOthersAsComment',
  'maxTextLength',
  'maxOthersLength',
  'cookieName',
  'sendResultOnPageNext',
  'showTimerPanel',
  'showTOC',
  'tocLocation',
  'navigateToUrl',
  'mode',
  'checkErrorsMode',
  'clearInvisibleValues',
]);

/** Whose meaning is clear enough to name in the report. */
const UNSUPPORTED_TYPES: Record<string, string> = {
  matrix: 'Matrix (grid) questions are not supported: ask each row as its own scale or single-choice question.',
  matrixdropdown: 'Matrix questions are not supported.',
  matrixdynamic: 'Dynamic matrix questions are not supported.',
  multipletext: 'Multiple-text questions are not supported: ask each item as its own text question.',
  paneldynamic: 'Dynamic panels are not supported.',
  html: 'HTML elements are not supported: write the text in a section description.',
  image: 'Images are not supported.',
  file: 'File uploads are not supported.',
  signaturepad: 'Signatures are not supported.',
  expression: 'Calculated (expression) questions are not supported.',
  imagepicker: 'Image pickers are not supported.',
  slider: 'Sliders are not supported: use a scale.',
  flowpanel: 'Flow panels are not supported.',
};

const QUESTION_PROPERTIES_REPORTED: Record<string, string> = {
  enableIf: 'enableIf is not supported: the question is always enabled.',
  defaultValue: 'Default values are not supported: the question starts empty.',
  defaultValueExpression: 'Default values are not supported: the question starts empty.',
  correctAnswer: 'Quiz answers (correctAnswer) are not supported.',
  setValueIf: 'setValueIf is not supported.',
  setValueExpression: 'setValueExpression is not supported.',
  resetValueIf: 'resetValueIf is not supported.',
  isUnique: 'isUnique is not supported.',
  valueName: 'valueName is not supported: the answer is stored under the question name.',
  choicesByUrl: 'Choices loaded from a URL (choicesByUrl) are not supported: list the choices in the form.',
  choicesFromQuestion: 'Choices copied from another question are not supported: list the choices in the form.',
  choicesVisibleIf: 'choicesVisibleIf is not supported: every choice is shown.',
  choicesEnableIf: 'choicesEnableIf is not supported: every choice can be chosen.',
  showOtherItem: 'The "Other" item with its own text box is not supported.',
  hasOther: 'The "Other" item with its own text box is not supported.',
  showNoneItem: 'The "None" item is not supported: add it as an ordinary choice.',
  hasNone: 'The "None" item is not supported: add it as an ordinary choice.',
  showSelectAllItem: 'The "Select all" item is not supported.',
  hasSelectAll: 'The "Select all" item is not supported.',
  showCommentArea: 'The comment box beside a question is not supported: add a text question.',
  hasComment: 'The comment box beside a question is not supported: add a text question.',
  choicesOrder: 'Choice order other than as listed (random, sorted) is not supported.',
  selectToRankEnabled: 'Ranking only some of the choices (selectToRankEnabled) is not supported: every choice is ranked.',
  minLength: 'A minimum text length is not supported.',
  min: 'A minimum value of a text input is not supported.',
  max: 'A maximum value of a text input is not supported.',
  step: 'step is not supported.',
  maskType: 'Input masks are not supported.',
  maskSettings: 'Input masks are not supported.',
  visible: 'A question hidden with visible: false is left out.',
  readOnly: 'Read-only questions are not supported: the question is imported as an ordinary one.',
};

const RESERVED = new Set(['response', 'participant', 'round', 'submitted']);
const NAME = new RegExp(QUESTION_NAME_PATTERN, 'u');

const SAY = {
  yes: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
  no: { fi: 'Ei', sv: 'Nej', en: 'No' },
} as const;

class Importer {
  readonly unsupported: UnsupportedPart[] = [];
  readonly renamed: Record<string, string> = {};
  private readonly sections: Section[] = [];
  /** SurveyJS name (lower case) → the name here. */
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly otherLanguages = new Set<string>();
  private readonly defaultLanguage: Language | undefined;
  private readonly sectionIds = new Set<string>();
  /** Names given to imported questions (a name SurveyJS repeats is given once). */
  private readonly used = new Set<string>();

  constructor(private readonly survey: Json) {
    const locale = typeof survey.locale === 'string' ? survey.locale.slice(0, 2).toLowerCase() : 'en';
    this.defaultLanguage = (LANGUAGES as readonly string[]).includes(locale) ? (locale as Language) : undefined;
  }

  report(path: string, name: string, type: string, reason: string): void {
    this.unsupported.push({ path, name, type, reason });
  }

  /** A localisable SurveyJS string as a LocalizedText (fi, sv, en; `default` is the survey's locale), each text at most `limit` characters (a longer one is cut, and reported). */
  text(value: unknown, path: string, name: string, type: string, limit = 300): LocalizedText | undefined {
    const text = this.localized(value, path, name, type);
    let cut = false;
    const clamp = (entry: string): string => {
      const points = [...entry];
      if (points.length <= limit) return entry;
      cut = true;
      return `${points.slice(0, limit - 1).join('')}…`;
    };
    const result = typeof text === 'object' ? Object.fromEntries(Object.entries(text).map(([language, entry]) => [language, clamp(entry)])) : text === undefined ? undefined : clamp(text);
    if (cut) this.report(path, name, type, `The text is longer than ${limit} characters and was cut.`);
    return result;
  }

  private localized(value: unknown, path: string, name: string, type: string): LocalizedText | undefined {
    if (typeof value === 'string' || typeof value === 'number') {
      const plain = String(value).trim();
      return plain === '' ? undefined : plain;
    }
    if (!isObject(value)) return undefined;
    const result: Partial<Record<Language, string>> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string' || entry.trim() === '') continue;
      const language = key.slice(0, 2).toLowerCase();
      if ((LANGUAGES as readonly string[]).includes(language) && key.length <= 5) result[language as Language] = entry.trim();
      else if (key !== 'default' && !this.otherLanguages.has(key)) {
        this.otherLanguages.add(key);
        this.report(path, name, type, `Texts in the language "${key}" are left out: only fi, sv and en are imported.`);
      }
    }
    const fallback = typeof value.default === 'string' && value.default.trim() !== '' ? value.default.trim() : undefined;
    if (fallback !== undefined) {
      if (this.defaultLanguage === undefined) {
        // The default language is none of ours: shown in every language where no translation exists.
        if (Object.keys(result).length === 0) return fallback;
        for (const language of LANGUAGES) result[language] ??= fallback;
      } else if (Object.keys(result).length === 0) {
        return fallback;
      } else {
        result[this.defaultLanguage] ??= fallback;
      }
    }
    return Object.keys(result).length > 0 ? result : undefined;
  }

  /** A section id from a page's or panel's name, unique in the form. */
  private sectionId(name: string): string {
    const base = name.replace(/[^A-Za-z0-9_-]+/gu, '-').replace(/^[^A-Za-z0-9]+/u, '').slice(0, 56) || 'section';
    let id = base;
    for (let index = 2; this.sectionIds.has(id); index += 1) id = `${base}-${index}`;
    this.sectionIds.add(id);
    return id;
  }

  /** A name as expressions and export columns take it, unique in the form. */
  private nameFor(original: string): string {
    let base = original
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[^A-Za-z0-9_-]+/gu, '_')
      .replace(/^[^A-Za-z]+/u, '')
      .slice(0, 56);
    if (base === '') base = 'q';
    if (RESERVED.has(base)) base = `${base}_q`;
    let name = base;
    for (let index = 2; this.taken.has(name.toLowerCase()); index += 1) name = `${base}-${index}`;
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** Claims every question name first, so that conditions can refer to questions further on. */
  claimNames(elements: unknown, path: string): void {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, index) => {
      if (!isObject(element)) return;
      const type = typeof element.type === 'string' ? element.type.toLowerCase() : '';
      if (type === 'panel' || type === 'flowpanel') {
        this.claimNames(element.elements ?? element.questions, `${path}[${index}].elements`);
        return;
      }
      if (!Object.hasOwn(QUESTION_TYPES_MAP, type)) return;
      // A question without a name cannot be referred to: it gets its name when it is imported.
      if (typeof element.name !== 'string' || element.name.trim() === '') return;
      const original = element.name.trim();
      if (this.names.has(original.toLowerCase())) return;
      const wanted = NAME.test(original) && !RESERVED.has(original) && !this.taken.has(original.toLowerCase()) ? original : undefined;
      const name = wanted ?? this.nameFor(original);
      if (wanted) this.taken.add(name.toLowerCase());
      if (name !== original) this.renamed[original] = name;
      this.names.set(original.toLowerCase(), name);
    });
  }

  private nameOf(original: string): string {
    return this.names.get(original.trim().toLowerCase()) ?? original;
  }

  /** `{Question 1} = 'a'` → `{Question_1} = 'a'`: every reference to a question by its new name. */
  private rewrite(source: string): string {
    return source.replace(/\{([^{}]+)\}/gu, (whole, inner: string) => (this.names.has(inner.trim().toLowerCase()) ? `{${this.nameOf(inner)}}` : whole));
  }

  condition(owner: { visibleIf?: string; requiredIf?: string }, key: 'visibleIf' | 'requiredIf', value: unknown, path: string, name: string, type: string): void {
    if (value === undefined || value === null || value === '') return;
    if (typeof value !== 'string') {
      this.report(`${path}.${key}`, name, type, `${key} is not a text and is left out.`);
      return;
    }
    const source = this.rewrite(value.trim());
    try {
      // Every question's name is claimed before any element is imported: conditions may refer ahead.
      parseExpression(source, new Set(this.names.values()));
      owner[key] = source;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const effect = key === 'requiredIf' ? 'it is never required' : 'it always shows';
      this.report(`${path}.${key}`, name, type, `The condition "${source}" was left out, so ${effect}: ${error.message} (at character ${error.position + 1}).`);
    }
  }

  choices(element: Json, path: string, name: string, type: string): Choice[] {
    const list = Array.isArray(element.choices) ? element.choices : [];
    const choices: Choice[] = [];
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const where = `${path}.choices[${index}]`;
      const raw = isObject(item) ? item.value : item;
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
        this.report(where, name, type, 'A choice without a text or number value is left out.');
        return;
      }
      const value = String(raw).trim().slice(0, 100);
      if (value === '' || value.startsWith('__') || seen.has(value)) {
        this.report(where, name, type, value === '' ? 'An empty choice is left out.' : seen.has(value) ? `The repeated choice "${value}" is left out.` : `The choice "${value}" is left out: values starting with "__" are reserved.`);
        return;
      }
      seen.add(value);
      const label = (isObject(item) ? this.text(item.text, where, name, type) : undefined) ?? value;
      choices.push({ value, label });
      if (isObject(item)) {
        for (const key of Object.keys(item)) {
          if (key !== 'value' && key !== 'text') this.report(`${where}.${key}`, name, type, `The choice property "${key}" is not supported.`);
        }
      }
    });
    return choices;
  }

  /** One question element, or undefined when it is left out (reported). */
  question(element: Json, path: string): Question | undefined {
    const type = String(element.type).toLowerCase();
    const original = typeof element.name === 'string' && element.name.trim() !== '' ? element.name.trim() : undefined;
    let name = original !== undefined ? this.nameOf(original) : this.nameFor('question');
    const label = original ?? name;
    if (this.used.has(name)) {
      name = this.nameFor(name);
      this.report(`${path}.name`, label, type, `The name "${label}" is used by an earlier question too (SurveyJS then shares one answer): this one is renamed "${name}", and conditions refer to the first.`);
    }
    this.used.add(name);
    if (element.visible === false) {
      this.report(`${path}.visible`, label, type, QUESTION_PROPERTIES_REPORTED.visible);
      return undefined;
    }
    const mapper = QUESTION_TYPES_MAP[type];
    const title = this.text(element.title, `${path}.title`, label, type, 1000) ?? original ?? name;
    const question: Question = { name, type: 'text', title };
    const description = this.text(element.description, `${path}.description`, label, type, 4000);
    if (description !== undefined) question.description = description;
    if (element.isRequired === true) question.required = true;
    if (!mapper(this, element, question, path, label)) return undefined;
    this.condition(question, 'visibleIf', element.visibleIf, path, label, type);
    this.condition(question, 'requiredIf', element.requiredIf, path, label, type);
    for (const [key, reason] of Object.entries(QUESTION_PROPERTIES_REPORTED)) {
      const value = element[key];
      if (key === 'visible' || value === undefined || value === false || value === null || value === '' || (key === 'choicesOrder' && value === 'none')) continue;
      if ((key === 'min' || key === 'max' || key === 'step') && type !== 'text') continue;
      this.report(`${path}.${key}`, label, type, reason);
    }
    for (const key of Object.keys(element)) {
      if (!PRESENTATION.has(key) && !Object.hasOwn(QUESTION_PROPERTIES_REPORTED, key)) this.report(`${path}.${key}`, label, type, `The property "${key}" is not supported.`);
    }
    return question;
  }

  validators(element: Json, path: string, name: string, type: string, take: (validator: Json) => boolean): void {
    const list = Array.isArray(element.validators) ? element.validators : [];
    list.forEach((validator, index) => {
      if (isObject(validator) && take(validator)) return;
      const kind = isObject(validator) && typeof validator.type === 'string' ? validator.type : 'unknown';
      this.report(`${path}.validators[${index}]`, name, type, `The validator "${kind}" is not supported.`);
    });
  }

  /** The elements of a page or panel into sections: a run of questions is one section; each panel its own. */
  elements(elements: unknown, path: string, base: { id: string; title?: LocalizedText; description?: LocalizedText; visibleIf?: string }): void {
    if (!Array.isArray(elements)) return;
    let current: Section | undefined;
    let first = true;
    const open = (): Section => {
      if (!current) {
        current = { id: this.sectionId(base.id), questions: [] };
        // The page's or panel's heading goes with its first section only.
        if (first && base.title !== undefined) current.title = base.title;
        if (first && base.description !== undefined) current.description = base.description;
        if (base.visibleIf !== undefined) current.visibleIf = base.visibleIf;
        first = false;
        this.sections.push(current);
      }
      return current;
    };
    elements.forEach((element, index) => {
      const where = `${path}[${index}]`;
      if (!isObject(element)) {
        this.report(where, '', 'unknown', 'An element that is not an object is left out.');
        return;
      }
      const type = typeof element.type === 'string' ? element.type.toLowerCase() : '';
      const name = typeof element.name === 'string' ? element.name : '';
      if (type === 'panel') {
        // A page that opens with a panel keeps its heading in a section of its own.
        if (first && (base.title !== undefined || base.description !== undefined)) open();
        current = undefined;
        const panel: { visibleIf?: string } = {};
        this.condition(panel, 'visibleIf', element.visibleIf, where, name, type);
        const visibleIf = joinConditions(base.visibleIf, panel.visibleIf);
        const id = name || `panel${index + 1}`;
        const title = this.text(element.title, `${where}.title`, name, type);
        const description = this.text(element.description, `${where}.description`, name, type, 4000);
        for (const key of ['enableIf', 'requiredIf', 'visible', 'readOnly', 'questionsOrder'] as const) {
          if (element[key] !== undefined && !(key === 'questionsOrder' && element[key] === 'default')) this.report(`${where}.${key}`, name, type, `The panel property "${key}" is not supported.`);
        }
        this.elements(element.elements ?? element.questions, `${where}.elements`, { id, title, description, visibleIf });
        return;
      }
      if (Object.hasOwn(QUESTION_TYPES_MAP, type)) {
        const question = this.question(element, where);
        if (question) open().questions.push(question);
        return;
      }
      this.report(where, name, type || 'unknown', Object.hasOwn(UNSUPPORTED_TYPES, type) ? UNSUPPORTED_TYPES[type] : `The element type "${type || '(none)'}" is not supported (a custom widget?).`);
    });
  }

  run(): SurveyJsImport {
    const survey = this.survey;
    const pages: Json[] = Array.isArray(survey.pages) ? survey.pages.filter(isObject) : [];
    const flat = survey.elements ?? survey.questions;
    pages.forEach((page, index) => this.claimNames(page.elements ?? page.questions, `pages[${index}].elements`));
    if (flat !== undefined) this.claimNames(flat, 'elements');
    pages.forEach((page, index) => {
      const path = `pages[${index}]`;
      const name = typeof page.name === 'string' ? page.name : '';
      const owner: { visibleIf?: string } = {};
      this.condition(owner, 'visibleIf', page.visibleIf, path, name, 'page');
      for (const key of Object.keys(page)) {
        if (!['name', 'title', 'description', 'elements', 'questions', 'visibleIf', 'navigationTitle', 'navigationDescription', 'questionsOrder', 'navigationButtonsVisibility', 'state', 'maxTimeToFinish'].includes(key)) {
          this.report(`${path}.${key}`, name, 'page', `The page property "${key}" is not supported.`);
        }
      }
      this.elements(page.elements ?? page.questions, `${path}.elements`, {
        id: name || `page${index + 1}`,
        title: this.text(page.title, `${path}.title`, name, 'page'),
        description: this.text(page.description, `${path}.description`, name, 'page', 4000),
        visibleIf: owner.visibleIf,
      });
    });
    if (flat !== undefined) this.elements(flat, Array.isArray(survey.elements) ? 'elements' : 'questions', { id: 'main' });
    for (const key of SURVEY_LOGIC) {
      if (survey[key] !== undefined && !(Array.isArray(survey[key]) && (survey[key] as unknown[]).length === 0)) {
        this.report(key, '', 'survey', `The survey property "${key}" is not supported.`);
      }
    }
    for (const key of Object.keys(survey)) {
      if (!SURVEY_PRESENTATION.has(key) && !(SURVEY_LOGIC as readonly string[]).includes(key)) this.report(key, '', 'survey', `The survey property "${key}" is not supported.`);
    }
    const form: FormDefinition = { sections: this.sections.filter((section) => section.questions.length > 0 || section.title !== undefined || section.description !== undefined) };
    if (form.sections.length === 0) form.sections = [{ id: 'main', questions: [] }];
    for (const problem of checkForm(form)) this.report(problem.path, '', 'form', `After the import: ${problem.message}`);
    const title = this.text(survey.title, 'title', '', 'survey');
    return { form, unsupported: this.unsupported, ...(title !== undefined ? { title } : {}), renamed: this.renamed };
  }
}


const joinConditions = (a: string | undefined, b: string | undefined): string | undefined => (a && b ? `(${a}) and (${b})` : (a ?? b));

type Mapper = (importer: Importer, element: Json, question: Question, path: string, name: string) => boolean;

const maxLength = (importer: Importer, element: Json, question: Question, path: string, name: string): void => {
  const limit = FORM_LIMITS.textMaxLength;
  if (typeof element.maxLength === 'number' && Number.isInteger(element.maxLength) && element.maxLength > 0) question.maxLength = Math.min(element.maxLength, limit);
  importer.validators(element, path, name, String(element.type), (validator) => {
    if (validator.type !== 'text') return false;
    if (typeof validator.maxLength === 'number' && validator.maxLength > 0) question.maxLength = Math.min(validator.maxLength, question.maxLength ?? limit, limit);
    // A minimum length has no counterpart: report it.
    return validator.minLength === undefined || validator.minLength === 0;
  });
};

const withChoices = (importer: Importer, element: Json, question: Question, path: string, name: string, least: number): boolean => {
  question.choices = importer.choices(element, path, name, String(element.type));
  if (question.choices.length < least) {
    importer.report(path, name, String(element.type), `The question is left out: it has ${question.choices.length === 0 ? 'no choices' : 'too few choices'} to import${element.choicesByUrl || element.choicesFromQuestion ? ' (its choices come from elsewhere)' : ''}.`);
    return false;
  }
  return true;
};

/** SurveyJS type → how it maps. */
const QUESTION_TYPES_MAP: Record<string, Mapper> = {
  text(importer, element, question, path, name) {
    question.type = 'text';
    if (typeof element.inputType === 'string' && element.inputType !== 'text') {
      importer.report(`${path}.inputType`, name, 'text', `The input type "${element.inputType}" is not supported: the answer is free text.`);
    }
    maxLength(importer, element, question, path, name);
    return true;
  },
  comment(importer, element, question, path, name) {
    question.type = 'longText';
    maxLength(importer, element, question, path, name);
    return true;
  },
  radiogroup(importer, element, question, path, name) {
    question.type = 'single';
    importer.validators(element, path, name, 'radiogroup', () => false);
    return withChoices(importer, element, question, path, name, 1);
  },
  dropdown(importer, element, question, path, name) {
    question.type = 'single';
    importer.validators(element, path, name, 'dropdown', () => false);
    return withChoices(importer, element, question, path, name, 1);
  },
  checkbox(importer, element, question, path, name) {
    question.type = 'multiple';
    if (!withChoices(importer, element, question, path, name, 1)) return false;
    const count = question.choices!.length;
    const bound = (value: unknown, low: number): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= low ? Math.min(value, count) : undefined);
    const min = bound(element.minSelectedChoices, 1);
    const max = bound(element.maxSelectedChoices, 1);
    if (min !== undefined) question.minSelected = min;
    if (max !== undefined) question.maxSelected = max;
    importer.validators(element, path, name, 'checkbox', (validator) => {
      if (validator.type !== 'answercount') return false;
      const least = bound(validator.minCount, 1);
      const most = bound(validator.maxCount, 1);
      if (least !== undefined) question.minSelected = least;
      if (most !== undefined) question.maxSelected = most;
      return true;
    });
    if (question.minSelected !== undefined && question.maxSelected !== undefined && question.minSelected > question.maxSelected) {
      importer.report(`${path}.minSelectedChoices`, name, 'checkbox', `minSelectedChoices (${question.minSelected}) is above maxSelectedChoices (${question.maxSelected}) and is left out.`);
      delete question.minSelected;
    }
    return true;
  },
  tagbox(importer, element, question, path, name) {
    return QUESTION_TYPES_MAP.checkbox(importer, element, question, path, name);
  },
  boolean(importer, element, question, path, name) {
    question.type = 'single';
    const value = (raw: unknown, fallback: string) => (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : fallback);
    question.choices = [
      { value: value(element.valueTrue, 'true'), label: importer.text(element.labelTrue, `${path}.labelTrue`, name, 'boolean') ?? { ...SAY.yes } },
      { value: value(element.valueFalse, 'false'), label: importer.text(element.labelFalse, `${path}.labelFalse`, name, 'boolean') ?? { ...SAY.no } },
    ];
    importer.validators(element, path, name, 'boolean', () => false);
    return true;
  },
  rating(importer, element, question, path, name) {
    const rateValues = Array.isArray(element.rateValues) ? element.rateValues : [];
    const number = (raw: unknown, fallback: number) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : fallback);
    let points: Array<{ value: number | string; text?: LocalizedText }>;
    if (rateValues.length > 0) {
      points = rateValues.map((item, index) => {
        const raw = isObject(item) ? item.value : item;
        const text = isObject(item) ? importer.text(item.text, `${path}.rateValues[${index}].text`, name, 'rating', 100) : undefined;
        return { value: typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : String(raw), ...(text !== undefined ? { text } : {}) };
      });
    } else {
      const min = number(element.rateMin, 1);
      const step = number(element.rateStep, 1);
      const count = typeof element.rateCount === 'number' && Number.isInteger(element.rateCount) && element.rateCount > 1 ? element.rateCount : undefined;
      const max = count !== undefined && element.rateMax === undefined ? min + (count - 1) * step : number(element.rateMax, 5);
      points = [];
      for (let value = min; value <= max + 1e-9 && points.length <= 101; value += step) points.push({ value });
    }
    const values = points.map((point) => point.value);
    const whole = values.every((value): value is number => typeof value === 'number' && Number.isInteger(value));
    const consecutive = whole && values.length >= 2 && values.every((value, index) => index === 0 || value === (values[index - 1] as number) + 1);
    if (!consecutive || values.length > 21 || (values[0] as number) < -100 || (values[values.length - 1] as number) > 100) {
      // Not a run of whole numbers: the points become the choices of a single-choice question.
      question.type = 'single';
      const choices = new Map<string, Choice>();
      for (const point of points) {
        const value = String(point.value);
        if (value !== '' && !value.startsWith('__') && !choices.has(value)) choices.set(value, { value, label: point.text ?? value });
      }
      question.choices = [...choices.values()];
      importer.report(path, name, 'rating', `The rating's values (${values.join(', ')}) are not consecutive whole numbers: imported as a single-choice question.`);
      return question.choices.length > 0;
    }
    const min = values[0] as number;
    const max = values[values.length - 1] as number;
    const rateType = typeof element.rateType === 'string' ? element.rateType : 'labels';
    const display = rateType === 'stars' ? 'stars' : rateType === 'smileys' ? 'smileys' : 'numbers';
    if (min === 0 && max === 10 && display === 'numbers') {
      question.type = 'nps';
    } else {
      question.type = 'scale';
      question.min = min;
      question.max = max;
      if (display !== 'numbers') question.display = display;
    }
    const texts = points.filter((point) => point.text !== undefined);
    const minLabel = importer.text(element.minRateDescription, `${path}.minRateDescription`, name, 'rating', 100) ?? points[0].text;
    const maxLabel = importer.text(element.maxRateDescription, `${path}.maxRateDescription`, name, 'rating', 100) ?? points[points.length - 1].text;
    if (minLabel !== undefined) question.minLabel = minLabel;
    if (maxLabel !== undefined) question.maxLabel = maxLabel;
    const middle = texts.filter((point) => point !== points[0] && point !== points[points.length - 1]);
    if (middle.length > 0) importer.report(`${path}.rateValues`, name, 'rating', 'Texts of the points between the ends are left out: a scale shows its end labels only.');
    importer.validators(element, path, name, 'rating', () => false);
    return true;
  },
  ranking(importer, element, question, path, name) {
    question.type = 'ranking';
    importer.validators(element, path, name, 'ranking', () => false);
    return withChoices(importer, element, question, path, name, 2);
  },
};

/**
 * A SurveyJS form definition (its JSON, as text or parsed) as a `FormDefinition`, with every part
 * that could not be imported in `unsupported`. Throws an `invalid` OsaError when the input is not
 * a SurveyJS JSON object.
 */
export function importSurveyJs(json: unknown): SurveyJsImport {
  let survey = json;
  if (typeof json === 'string') {
    try {
      survey = JSON.parse(json);
    } catch (error) {
      throw new OsaError('invalid', `The SurveyJS form is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { field: 'json', reason: { kind: 'wrongType' } });
    }
  }
  if (!isObject(survey)) throw new OsaError('invalid', 'A SurveyJS form is a JSON object.', { field: 'json', reason: { kind: 'wrongType' } });
  if (survey.pages === undefined && survey.elements === undefined && survey.questions === undefined) {
    throw new OsaError('invalid', 'A SurveyJS form has "pages" or "elements".', { field: 'json', reason: { kind: 'required' } });
  }
  return new Importer(survey).run();
}
