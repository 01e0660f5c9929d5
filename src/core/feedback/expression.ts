/**
 * Conditions in the expression syntax SurveyJS users know (`{q4} <= 2 and {role} anyof ['teacher']`),
 * parsed by hand into a small tree and evaluated over an allow-list of operators. Nothing is ever
 * run as code (no `eval`, no `new Function`, so a strict CSP holds), and names are looked up only
 * among the answers' own properties: `{constructor}` or `{toString}` never reach a prototype.
 *
 * Supported: `{name}` references; numbers (`-1.5`), 'strings' and "strings", `true`/`false`,
 * lists `['a', 'b']`; `and` `&&`, `or` `||`, `not` `!`; `=` `==` `!=` `<>` `<` `<=` `>` `>=` (and
 * the word forms `equal`, `notequal`, `less`, `greater`, `lessorequal`, `greaterorequal`);
 * `contains`, `notcontains`, `anyof`, `allof`; postfix `empty`, `notempty`; parentheses. Keywords
 * are case-insensitive, as in SurveyJS. Arithmetic, functions (`iif(…)`, `age(…)`) and the
 * ternary `?:` are refused with their position.
 */
import type { AnswerValue, FormDefinition, Question } from './feedback.view.js';
import { allQuestions, NOT_APPLICABLE, QUESTION_NAME_PATTERN, QUESTION_TYPES } from './feedback.view.js';

export type BinaryOperator = 'and' | 'or' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'notcontains' | 'anyof' | 'allof';
export type UnaryOperator = 'not' | 'empty' | 'notempty';

/** A parsed expression; `position` is the 0-based offset of the node in the source. */
export type Expression =
  | { type: 'literal'; value: number | string | boolean; position: number }
  | { type: 'name'; name: string; position: number }
  | { type: 'list'; items: Expression[]; position: number }
  | { type: 'unary'; operator: UnaryOperator; operand: Expression; position: number }
  | { type: 'binary'; operator: BinaryOperator; left: Expression; right: Expression; position: number };

/**
 * What is wrong with an expression, as a code with its data, so that a reader can put it into any
 * language (the element's texts do; `message` is the English). `found` is the token met, as written
 * in the source (`{q1}`, `'text'`, `and`), or absent at the end of the expression.
 */
export type ExpressionReason =
  | { code: 'tooLong'; max: number }
  | { code: 'unclosedName' }
  | { code: 'emptyName' }
  | { code: 'unclosedText' }
  | { code: 'unexpectedCharacter'; character: string }
  | { code: 'tooDeep' }
  | { code: 'expected'; expected: 'operator' | 'value' | 'closeParen' | 'listSeparator'; found?: string }
  | { code: 'chained' }
  | { code: 'unknownName'; name: string }
  | { code: 'unsupportedOperator'; operator: string }
  | { code: 'unsupportedFunction'; name: string }
  | { code: 'valueBefore'; word: string }
  | { code: 'unknownWord'; word: string };

/** A problem in an expression at `position` (a 0-based offset into the source). */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    message: string,
    readonly position: number,
    /** `syntax`, an `unknownName` (`{x}` that is not a question), or an `unsupported` operator or function. */
    readonly kind: 'syntax' | 'unknownName' | 'unsupported' = 'syntax',
    /** The problem as a code with its data, for a message in the reader's language. */
    readonly reason: ExpressionReason,
  ) {
    super(message);
  }
}

/** Longest expression accepted (characters): conditions are short; this bounds the work. */
export const EXPRESSION_MAX_LENGTH = 2000;
/** Deepest nesting accepted (parentheses, lists, `not`). */
const MAX_DEPTH = 40;

type Token =
  | { kind: 'name'; text: string; position: number }
  | { kind: 'number'; value: number; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'word'; text: string; position: number }
  | { kind: 'symbol'; text: string; position: number }
  | { kind: 'end'; position: number };

const WORD_OPERATORS: Record<string, BinaryOperator> = {
  and: 'and',
  or: 'or',
  equal: '=',
  notequal: '!=',
  less: '<',
  greater: '>',
  lessorequal: '<=',
  greaterorequal: '>=',
  contains: 'contains',
  notcontains: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
};

const SYMBOL_OPERATORS: Record<string, BinaryOperator> = {
  '&&': 'and',
  '||': 'or',
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** Symbols SurveyJS has and this does not: refused as unsupported rather than as a syntax error. */
const UNSUPPORTED_SYMBOLS = new Set(['+', '-', '*', '/', '%', '^', '?', ':']);

const describe = (token: Token): string => {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'name':
      return `{${token.text}}`;
    case 'number':
      return String(token.value);
    case 'string':
      return `'${token.value}'`;
    default:
      return `"${token.text}"`;
  }
};

/** The token as the source writes it; `undefined` at the end of the expression. */
const sourceOf = (token: Token): string | undefined => {
  switch (token.kind) {
    case 'end':
      return undefined;
    case 'name':
      return `{${token.text}}`;
    case 'number':
      return String(token.value);
    case 'string':
      return `'${token.value}'`;
    default:
      return token.text;
  }
};

const EXPECTED: Record<Extract<ExpressionReason, { code: 'expected' }>['expected'], string> = {
  operator: 'an operator such as and, or, =',
  value: 'a value',
  closeParen: '")"',
  listSeparator: '"," or "]"',
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/u.test(char)) {
      index += 1;
      continue;
    }
    const start = index;
    if (char === '{') {
      const close = source.indexOf('}', index + 1);
      if (close < 0) throw new ExpressionError('A "{" has no closing "}".', start, 'syntax', { code: 'unclosedName' });
      const text = source.slice(index + 1, close).trim();
      if (text === '') throw new ExpressionError('A name is missing between "{" and "}".', start, 'syntax', { code: 'emptyName' });
      tokens.push({ kind: 'name', text, position: start });
      index = close + 1;
      continue;
    }
    if (char === "'" || char === '"') {
      let value = '';
      index += 1;
      for (;;) {
        if (index >= source.length) throw new ExpressionError('A text has no closing quote.', start, 'syntax', { code: 'unclosedText' });
        const next = source[index];
        if (next === '\\' && index + 1 < source.length) {
          value += source[index + 1];
          index += 2;
          continue;
        }
        index += 1;
        if (next === char) break;
        value += next;
      }
      tokens.push({ kind: 'string', value, position: start });
      continue;
    }
    const number = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/u.exec(source.slice(index));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), position: start });
      index += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/u.exec(source.slice(index));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], position: start });
      index += word[0].length;
      continue;
    }
    const two = source.slice(index, index + 2);
    if (['&&', '||', '==', '!=', '<>', '<=', '>='].includes(two)) {
      tokens.push({ kind: 'symbol', text: two, position: start });
      index += 2;
      continue;
    }
    if ('()[],=<>!'.includes(char) || UNSUPPORTED_SYMBOLS.has(char)) {
      tokens.push({ kind: 'symbol', text: char, position: start });
      index += 1;
      continue;
    }
    throw new ExpressionError(`Unexpected character "${char}".`, start, 'syntax', { code: 'unexpectedCharacter', character: char });
  }
  tokens.push({ kind: 'end', position: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly known: ReadonlySet<string> | undefined,
  ) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isSymbol(text: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.text === text;
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === text;
  }

  private nest<T>(parse: () => T, position: number): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new ExpressionError('The expression is nested too deeply.', position, 'syntax', { code: 'tooDeep' });
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  parse(): Expression {
    const expression = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') this.unexpected(rest, 'operator');
    return expression;
  }

  private unexpected(token: Token, expected: Extract<ExpressionReason, { code: 'expected' }>['expected']): never {
    if (token.kind === 'symbol' && UNSUPPORTED_SYMBOLS.has(token.text)) {
      throw new ExpressionError(`The operator "${token.text}" is not supported.`, token.position, 'unsupported', { code: 'unsupportedOperator', operator: token.text });
    }
    const found = sourceOf(token);
    throw new ExpressionError(`Expected ${EXPECTED[expected]}, found ${describe(token)}.`, token.position, 'syntax', { code: 'expected', expected, ...(found === undefined ? {} : { found }) });
  }

  private binaryOperator(): BinaryOperator | undefined {
    const token = this.peek();
    if (token.kind === 'symbol' && Object.hasOwn(SYMBOL_OPERATORS, token.text)) return SYMBOL_OPERATORS[token.text];
    if (token.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (Object.hasOwn(WORD_OPERATORS, lower)) return WORD_OPERATORS[lower];
    }
    return undefined;
  }

  private or(): Expression {
    let left = this.and();
    while (this.binaryOperator() === 'or') {
      const position = this.next().position;
      left = { type: 'binary', operator: 'or', left, right: this.and(), position };
    }
    return left;
  }

  private and(): Expression {
    let left = this.not();
    while (this.binaryOperator() === 'and') {
      const position = this.next().position;
      left = { type: 'binary', operator: 'and', left, right: this.not(), position };
    }
    return left;
  }

  private not(): Expression {
    if (this.isWord('not') || this.isSymbol('!')) {
      const position = this.next().position;
      return this.nest(() => ({ type: 'unary', operator: 'not', operand: this.not(), position }), position);
    }
    return this.comparison();
  }

  private comparison(): Expression {
    const left = this.postfix();
    const operator = this.binaryOperator();
    if (operator === undefined || operator === 'and' || operator === 'or') return left;
    const position = this.next().position;
    const right = this.postfix();
    const following = this.binaryOperator();
    if (following !== undefined && following !== 'and' && following !== 'or') {
      throw new ExpressionError('Comparisons cannot be chained: join them with "and" or "or".', this.peek().position, 'syntax', { code: 'chained' });
    }
    return { type: 'binary', operator, left, right, position };
  }

  private postfix(): Expression {
    let operand = this.primary();
    while (this.isWord('empty') || this.isWord('notempty')) {
      const token = this.next() as Extract<Token, { kind: 'word' }>;
      operand = { type: 'unary', operator: token.text.toLowerCase() as UnaryOperator, operand, position: token.position };
    }
    return operand;
  }

  private primary(): Expression {
    const token = this.next();
    switch (token.kind) {
      case 'name':
        if (this.known && !this.known.has(token.text)) {
          throw new ExpressionError(`There is no question named "${token.text}".`, token.position, 'unknownName', { code: 'unknownName', name: token.text });
        }
        return { type: 'name', name: token.text, position: token.position };
      case 'number':
        return { type: 'literal', value: token.value, position: token.position };
      case 'string':
        return { type: 'literal', value: token.value, position: token.position };
      case 'word': {
        const lower = token.text.toLowerCase();
        if (lower === 'true' || lower === 'false') return { type: 'literal', value: lower === 'true', position: token.position };
        if (this.isSymbol('(')) throw new ExpressionError(`The function "${token.text}" is not supported.`, token.position, 'unsupported', { code: 'unsupportedFunction', name: token.text });
        if (Object.hasOwn(WORD_OPERATORS, lower) || lower === 'empty' || lower === 'notempty' || lower === 'not') {
          throw new ExpressionError(`Expected a value before "${token.text}".`, token.position, 'syntax', { code: 'valueBefore', word: token.text });
        }
        throw new ExpressionError(`Unknown word "${token.text}": write question names as {${token.text}} and texts in quotes.`, token.position, 'syntax', { code: 'unknownWord', word: token.text });
      }
      case 'symbol':
        if (token.text === '(') {
          return this.nest(() => {
            const inner = this.or();
            if (!this.isSymbol(')')) this.unexpected(this.peek(), 'closeParen');
            this.next();
            return inner;
          }, token.position);
        }
        if (token.text === '[') return this.nest(() => this.list(token.position), token.position);
        if (token.text === '-' && this.peek().kind === 'number') {
          const number = this.next() as Extract<Token, { kind: 'number' }>;
          return { type: 'literal', value: -number.value, position: token.position };
        }
        return this.unexpected(token, 'value');
      case 'end':
        return this.unexpected(token, 'value');
    }
  }

  private list(position: number): Expression {
    const items: Expression[] = [];
    if (this.isSymbol(']')) {
      this.next();
      return { type: 'list', items, position };
    }
    for (;;) {
      items.push(this.or());
      if (this.isSymbol(',')) {
        this.next();
        continue;
      }
      if (this.isSymbol(']')) {
        this.next();
        return { type: 'list', items, position };
      }
      this.unexpected(this.peek(), 'listSeparator');
    }
  }
}

/**
 * Parses an expression. With `knownNames`, a `{name}` that is not among them is an error at its
 * position. Throws an `ExpressionError` with the 0-based `position` and a message.
 */
export function parseExpression(source: string, knownNames?: Iterable<string>): Expression {
  if (source.length > EXPRESSION_MAX_LENGTH) throw new ExpressionError(`The expression is longer than ${EXPRESSION_MAX_LENGTH} characters.`, EXPRESSION_MAX_LENGTH, 'syntax', { code: 'tooLong', max: EXPRESSION_MAX_LENGTH });
  const known = knownNames === undefined ? undefined : new Set(knownNames);
  return new Parser(tokenize(source), known).parse();
}

/** The `{names}` an expression refers to, in order of appearance (each once). */
export function referencedNames(expression: Expression): string[] {
  const names = new Set<string>();
  const visit = (node: Expression): void => {
    switch (node.type) {
      case 'name':
        names.add(node.name);
        break;
      case 'list':
        node.items.forEach(visit);
        break;
      case 'unary':
        visit(node.operand);
        break;
      case 'binary':
        visit(node.left);
        visit(node.right);
        break;
    }
  };
  visit(expression);
  return [...names];
}

type Value = number | string | boolean | Value[] | undefined;

/** Answers (or any values) an expression reads: only own properties are ever looked at. */
export type Values = Readonly<Record<string, AnswerValue | boolean | undefined>>;

const isEmpty = (value: Value): boolean => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A scalar as a number when it reads as one ('2' and 2 compare equal, as in SurveyJS). */
function asNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function scalarEquals(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return false;
  if (a === undefined || b === undefined) return isEmpty(a) && isEmpty(b);
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x === y;
  // true equals 'true': a yes/no question's values are the texts 'true' and 'false'.
  return String(a).toLowerCase() === String(b).toLowerCase();
}

function equals(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // As in SurveyJS, lists are equal when they hold the same items, in any order.
    return a.length === b.length && a.every((item) => b.some((other) => scalarEquals(item, other))) && b.every((item) => a.some((other) => scalarEquals(item, other)));
  }
  if (Array.isArray(a) && a.length === 1) return scalarEquals(a[0], b);
  if (Array.isArray(b) && b.length === 1) return scalarEquals(a, b[0]);
  return scalarEquals(a, b);
}

function compare(a: Value, b: Value, operator: '<' | '<=' | '>' | '>='): boolean {
  if (isEmpty(a) || isEmpty(b) || Array.isArray(a) || Array.isArray(b)) return false;
  const x = asNumber(a);
  const y = asNumber(b);
  const [left, right]: [number | string, number | string] = x !== undefined && y !== undefined ? [x, y] : [String(a), String(b)];
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

const listOf = (value: Value): Value[] => (Array.isArray(value) ? value : isEmpty(value) ? [] : [value]);

function contains(container: Value, item: Value): boolean {
  if (isEmpty(container)) return false;
  if (Array.isArray(container)) {
    const wanted = listOf(item);
    return wanted.length > 0 && wanted.every((entry) => container.some((held) => scalarEquals(held, entry)));
  }
  if (Array.isArray(item) || item === undefined) return false;
  return String(container).toLowerCase().includes(String(item).toLowerCase());
}

const truthy = (value: Value): boolean => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false && value !== '' && value !== 0);

function valueOf(node: Expression, values: Values): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name': {
      const value = Object.hasOwn(values, node.name) ? values[node.name] : undefined;
      // "Don't know" counts as no answer in conditions.
      if (value === NOT_APPLICABLE) return undefined;
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
      if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
      return undefined;
    }
    case 'list':
      return node.items.map((item) => valueOf(item, values));
    case 'unary': {
      const operand = valueOf(node.operand, values);
      switch (node.operator) {
        case 'not':
          return !truthy(operand);
        case 'empty':
          return isEmpty(operand);
        case 'notempty':
          return !isEmpty(operand);
      }
      return undefined;
    }
    case 'binary': {
      if (node.operator === 'and') return truthy(valueOf(node.left, values)) && truthy(valueOf(node.right, values));
      if (node.operator === 'or') return truthy(valueOf(node.left, values)) || truthy(valueOf(node.right, values));
      const left = valueOf(node.left, values);
      const right = valueOf(node.right, values);
      switch (node.operator) {
        case '=':
          return equals(left, right);
        case '!=':
          return !equals(left, right);
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compare(left, right, node.operator);
        case 'contains':
          return contains(left, right);
        case 'notcontains':
          return !contains(left, right);
        case 'anyof': {
          const wanted = listOf(right);
          return listOf(left).some((item) => wanted.some((entry) => scalarEquals(item, entry)));
        }
        case 'allof': {
          const held = listOf(left);
          const wanted = listOf(right);
          return wanted.length > 0 && wanted.every((entry) => held.some((item) => scalarEquals(item, entry)));
        }
      }
    }
  }
  return undefined;
}

/** Evaluates a parsed expression over `values` (answers by question name) to true or false. */
export function evaluate(expression: Expression, values: Values): boolean {
  return truthy(valueOf(expression, values));
}

/**
 * What is wrong with a form definition, as a code with its data, so that the element can say it
 * in the webmaster's language (`FormProblem.message` is the English, for the API's errors).
 * `field` names the question's property (`min`, `maxSelected`, …); `type` the question's type.
 */
export type FormReason =
  | { code: 'noSections' }
  | { code: 'tooManySections'; max: number }
  | { code: 'noQuestions' }
  | { code: 'tooManyQuestions'; max: number }
  | { code: 'pollOneQuestion' }
  | { code: 'noSectionId' }
  | { code: 'duplicateSectionId'; id: string }
  | { code: 'badName'; name: string }
  | { code: 'duplicateName'; name: string }
  | { code: 'reservedName'; name: string }
  | { code: 'unknownType'; type: string }
  | { code: 'noTitle' }
  | { code: 'tooFewChoices'; min: number }
  | { code: 'tooManyChoices'; max: number }
  | { code: 'noChoiceValue' }
  | { code: 'reservedChoiceValue'; value: string }
  | { code: 'duplicateChoiceValue'; value: string }
  | { code: 'noChoiceLabel' }
  | { code: 'notWhole'; field: string }
  | { code: 'scaleOrder'; min: number; max: number }
  | { code: 'tooManyPoints'; max: number }
  | { code: 'npsRange' }
  | { code: 'notTaken'; field: string; type: string }
  | { code: 'selectionLimit'; field: string; min: number; max: number }
  | { code: 'selectionOrder'; min: number; max: number }
  | { code: 'lengthLimit'; max: number }
  | { code: 'emptyCondition' }
  | { code: 'expression'; expression: ExpressionReason };

/** One problem of a form definition: where (`form.sections[0].questions[2].visibleIf`), what, and for an expression the offset in it. */
export interface FormProblem {
  path: string;
  /** In English, for the API's error messages. */
  message: string;
  /** The problem as a code with its data (with the name or value it concerns), for the reader's language. */
  reason: FormReason;
  /** The 0-based offset in the expression at `path` (expressions only). */
  position?: number;
}

/** Limits of a form definition, shared by the config schema and `checkForm`. */
export const FORM_LIMITS = {
  sections: 50,
  questions: 300,
  choices: 100,
  /** Points on a scale (max − min + 1). */
  scalePoints: 21,
  textMaxLength: 10000,
} as const;

const NAME = new RegExp(QUESTION_NAME_PATTERN, 'u');
const CHOICE_TYPES = new Set(['single', 'multiple', 'ranking']);

const hasText = (text: unknown): boolean =>
  (typeof text === 'string' && text.trim() !== '') || (typeof text === 'object' && text !== null && Object.values(text).some((value) => typeof value === 'string' && value.trim() !== ''));

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function checkQuestion(question: Question, path: string, names: ReadonlySet<string>, problems: FormProblem[]): void {
  const problem = (field: string, message: string, reason: FormReason) => problems.push({ path: `${path}.${field}`, message, reason });
  const notTaken = (field: string, message: string) => problem(field, message, { code: 'notTaken', field, type: String(question.type) });
  if (!(QUESTION_TYPES as readonly string[]).includes(question.type)) problem('type', `Unknown question type "${String(question.type)}": use ${QUESTION_TYPES.join(', ')}.`, { code: 'unknownType', type: String(question.type) });
  if (!hasText(question.title)) problem('title', 'The question needs a title.', { code: 'noTitle' });
  const choices = question.choices ?? [];
  if (CHOICE_TYPES.has(question.type)) {
    const least = question.type === 'ranking' ? 2 : 1;
    if (choices.length < least) problem('choices', `A ${question.type} question needs at least ${least} choice${least > 1 ? 's' : ''}.`, { code: 'tooFewChoices', min: least });
    if (choices.length > FORM_LIMITS.choices) problem('choices', `A question may have at most ${FORM_LIMITS.choices} choices.`, { code: 'tooManyChoices', max: FORM_LIMITS.choices });
    const values = new Set<string>();
    choices.forEach((choice, index) => {
      const value = choice.value;
      if (typeof value !== 'string' || value.trim() === '') problem(`choices[${index}].value`, 'A choice needs a value.', { code: 'noChoiceValue' });
      else if (value.startsWith('__')) problem(`choices[${index}].value`, `The choice value "${value}" may not start with "__" (reserved).`, { code: 'reservedChoiceValue', value });
      else if (values.has(value)) problem(`choices[${index}].value`, `Two choices have the value "${value}".`, { code: 'duplicateChoiceValue', value });
      else values.add(value);
      if (!hasText(choice.label)) problem(`choices[${index}].label`, 'A choice needs a label.', { code: 'noChoiceLabel' });
    });
  } else if (question.choices !== undefined) {
    notTaken('choices', `A ${question.type} question has no choices.`);
  }
  if (question.type === 'scale') {
    const min = question.min ?? 1;
    const max = question.max ?? 5;
    if (!isWhole(min)) problem('min', 'The scale’s minimum must be a whole number.', { code: 'notWhole', field: 'min' });
    if (!isWhole(max)) problem('max', 'The scale’s maximum must be a whole number.', { code: 'notWhole', field: 'max' });
    if (isWhole(min) && isWhole(max)) {
      if (max <= min) problem('max', `The scale’s maximum (${max}) must be above its minimum (${min}).`, { code: 'scaleOrder', min, max });
      else if (max - min + 1 > FORM_LIMITS.scalePoints) problem('max', `A scale may have at most ${FORM_LIMITS.scalePoints} points.`, { code: 'tooManyPoints', max: FORM_LIMITS.scalePoints });
    }
  } else {
    if (question.type === 'nps' && (question.min !== undefined || question.max !== undefined)) problem(question.min !== undefined ? 'min' : 'max', 'An nps question is always 0 to 10: leave out min and max.', { code: 'npsRange' });
    else if (question.min !== undefined) notTaken('min', `A ${question.type} question has no minimum.`);
    else if (question.max !== undefined) notTaken('max', `A ${question.type} question has no maximum.`);
    if (question.display !== undefined) notTaken('display', 'Only a scale question has a display.');
  }
  if (question.type !== 'scale' && question.type !== 'nps') {
    if (question.minLabel !== undefined) notTaken('minLabel', 'Only scale and nps questions have end labels.');
    if (question.maxLabel !== undefined) notTaken('maxLabel', 'Only scale and nps questions have end labels.');
  }
  if (question.type === 'multiple') {
    const { minSelected, maxSelected } = question;
    if (minSelected !== undefined && (!isWhole(minSelected) || minSelected < 0 || minSelected > choices.length)) {
      problem('minSelected', `minSelected must be a whole number from 0 to the number of choices (${choices.length}).`, { code: 'selectionLimit', field: 'minSelected', min: 0, max: choices.length });
    }
    if (maxSelected !== undefined && (!isWhole(maxSelected) || maxSelected < 1 || maxSelected > choices.length)) {
      problem('maxSelected', `maxSelected must be a whole number from 1 to the number of choices (${choices.length}).`, { code: 'selectionLimit', field: 'maxSelected', min: 1, max: choices.length });
    }
    if (isWhole(minSelected) && isWhole(maxSelected) && minSelected > maxSelected) problem('maxSelected', `maxSelected (${maxSelected}) is below minSelected (${minSelected}).`, { code: 'selectionOrder', min: minSelected, max: maxSelected });
  } else {
    if (question.minSelected !== undefined) notTaken('minSelected', 'Only a multiple-choice question has minSelected.');
    if (question.maxSelected !== undefined) notTaken('maxSelected', 'Only a multiple-choice question has maxSelected.');
  }
  if (question.type === 'text' || question.type === 'longText') {
    if (question.maxLength !== undefined && (!isWhole(question.maxLength) || question.maxLength < 1 || question.maxLength > FORM_LIMITS.textMaxLength)) {
      problem('maxLength', `maxLength must be a whole number from 1 to ${FORM_LIMITS.textMaxLength}.`, { code: 'lengthLimit', max: FORM_LIMITS.textMaxLength });
    }
  } else if (question.maxLength !== undefined) {
    notTaken('maxLength', 'Only text and longText questions have a maxLength.');
  }
  if (question.type === 'ranking' && question.notApplicable) notTaken('notApplicable', 'A ranking question cannot offer "not applicable".');
  for (const key of ['visibleIf', 'requiredIf'] as const) {
    const source = question[key];
    if (source !== undefined) checkExpression(source, `${path}.${key}`, names, problems);
  }
}

function checkExpression(source: string, path: string, names: ReadonlySet<string>, problems: FormProblem[]): void {
  if (typeof source !== 'string' || source.trim() === '') {
    problems.push({ path, message: 'The condition is empty.', reason: { code: 'emptyCondition' } });
    return;
  }
  try {
    parseExpression(source, names);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    problems.push({ path, message: error.message, reason: { code: 'expression', expression: error.reason }, position: error.position });
  }
}

/**
 * Every problem of a form definition, by path, in order: unique names and section ids, the fields
 * each type takes, choices, ranges and every condition (syntax, unknown names and unsupported
 * operators, with their position). Empty when the form is sound. The kind's `checkConfig` refuses
 * a form with problems; the element shows them to the page's editor.
 */
export function checkForm(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const sections = Array.isArray(form?.sections) ? form.sections : [];
  if (sections.length === 0) return [{ path: 'form.sections', message: 'The form has no sections.', reason: { code: 'noSections' } }];
  if (sections.length > FORM_LIMITS.sections) problems.push({ path: 'form.sections', message: `A form may have at most ${FORM_LIMITS.sections} sections.`, reason: { code: 'tooManySections', max: FORM_LIMITS.sections } });
  const questions = allQuestions({ sections: sections.map((section) => ({ ...section, questions: Array.isArray(section.questions) ? section.questions : [] })) });
  if (questions.length === 0) problems.push({ path: 'form.sections', message: 'The form has no questions.', reason: { code: 'noQuestions' } });
  if (questions.length > FORM_LIMITS.questions) problems.push({ path: 'form.sections', message: `A form may have at most ${FORM_LIMITS.questions} questions.`, reason: { code: 'tooManyQuestions', max: FORM_LIMITS.questions } });
  const names = new Set(questions.map((question) => question.name).filter((name) => typeof name === 'string' && NAME.test(name)));
  const seenNames = new Set<string>();
  const seenSections = new Set<string>();
  sections.forEach((section, sectionIndex) => {
    const sectionPath = `form.sections[${sectionIndex}]`;
    if (typeof section.id !== 'string' || section.id === '') problems.push({ path: `${sectionPath}.id`, message: 'The section needs an id.', reason: { code: 'noSectionId' } });
    else if (seenSections.has(section.id)) problems.push({ path: `${sectionPath}.id`, message: `Two sections have the id "${section.id}".`, reason: { code: 'duplicateSectionId', id: section.id } });
    else seenSections.add(section.id);
    if (section.visibleIf !== undefined) checkExpression(section.visibleIf, `${sectionPath}.visibleIf`, names, problems);
    (Array.isArray(section.questions) ? section.questions : []).forEach((question, questionIndex) => {
      const path = `${sectionPath}.questions[${questionIndex}]`;
      if (typeof question.name !== 'string' || !NAME.test(question.name)) {
        problems.push({ path: `${path}.name`, message: `The name "${String(question.name)}" must start with a letter and hold only letters, digits, - and _ (at most 64).`, reason: { code: 'badName', name: String(question.name ?? '') } });
      } else if (seenNames.has(question.name)) {
        problems.push({ path: `${path}.name`, message: `Two questions have the name "${question.name}".`, reason: { code: 'duplicateName', name: question.name } });
      } else {
        seenNames.add(question.name);
      }
      checkQuestion(question, path, names, problems);
    });
  });
  return problems;
}

/** `form.sections[0].questions[2].visibleIf` → `form.sections.0.questions.2.visibleIf`, as error fields name paths. */
export const problemField = (path: string): string => path.replace(/\[(\d+)\]/gu, '.$1');
