import { OsaError, type ValidationReason } from './errors.js';

/**
 * The subset of JSON Schema the library uses to describe every input. The same schema objects
 * are checked here (memory adapter, server, element forms) and can be published as JSON Schema.
 */
export type Schema =
  | { type: 'string'; minLength?: number; maxLength?: number; pattern?: string; enum?: readonly string[]; description?: string }
  | { type: 'integer' | 'number'; minimum?: number; maximum?: number; description?: string }
  | { type: 'boolean'; description?: string }
  | { type: 'null'; description?: string }
  | {
      type: 'object';
      properties: Readonly<Record<string, Schema>>;
      required?: readonly string[];
      additionalProperties?: false;
      description?: string;
    }
  | { type: 'array'; items: Schema; minItems?: number; maxItems?: number; uniqueItems?: boolean; description?: string }
  | { anyOf: readonly Schema[]; description?: string };

export interface ValidationIssue {
  /** Dotted path of the offending value, e.g. `text` or `options.2.label`; empty for the root. */
  field: string;
  reason: ValidationReason;
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** How many characters of a key from the input an error repeats; a longer key is cut with "…". */
export const FIELD_KEY_LIMIT = 40;

/**
 * A key from the input as errors name it (in `field` and in the message): at most
 * `FIELD_KEY_LIMIT` characters and "…", so that an error never repeats a huge unknown key back.
 */
export function fieldKey(key: string | number): string {
  if (typeof key === 'number' || key.length <= FIELD_KEY_LIMIT) return String(key);
  const head = [...key.slice(0, 2 * FIELD_KEY_LIMIT)];
  if (head.length <= FIELD_KEY_LIMIT && key.length <= 2 * FIELD_KEY_LIMIT) return key;
  return `${head.slice(0, FIELD_KEY_LIMIT).join('')}…`;
}

/** The path of `key` inside `path`, as errors name fields (`options.2.label`). */
export function joinField(path: string, key: string | number): string {
  return path ? `${path}.${fieldKey(key)}` : fieldKey(key);
}

/** Returns the first problem with `value`, or undefined when it conforms to `schema`. */
export function findIssue(schema: Schema, value: unknown, path = ''): ValidationIssue | undefined {
  if ('anyOf' in schema) {
    const issues = schema.anyOf.map((option) => findIssue(option, value, path));
    return issues.includes(undefined) ? undefined : issues[0];
  }
  const actual = typeOf(value);
  const typeMatches = actual === schema.type || (schema.type === 'number' && actual === 'integer');
  if (value === undefined) return { field: path, reason: { kind: 'required' } };
  if (!typeMatches || (typeof value === 'number' && !Number.isFinite(value))) return { field: path, reason: { kind: 'wrongType' } };
  switch (schema.type) {
    case 'string': {
      const text = value as string;
      // Length in code points, as a person counts characters (an emoji is one).
      const length = [...text].length;
      if (schema.minLength !== undefined && length < schema.minLength)
        return { field: path, reason: schema.minLength === 1 ? { kind: 'required' } : { kind: 'tooShort', limit: schema.minLength } };
      if (schema.maxLength !== undefined && length > schema.maxLength) return { field: path, reason: { kind: 'tooLong', limit: schema.maxLength } };
      if (schema.enum && !schema.enum.includes(text)) return { field: path, reason: { kind: 'notAllowed' } };
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text)) return { field: path, reason: { kind: 'notAllowed' } };
      return undefined;
    }
    case 'integer':
    case 'number': {
      const number = value as number;
      if (schema.minimum !== undefined && number < schema.minimum) return { field: path, reason: { kind: 'tooSmall', limit: schema.minimum } };
      if (schema.maximum !== undefined && number > schema.maximum) return { field: path, reason: { kind: 'tooLarge', limit: schema.maximum } };
      return undefined;
    }
    case 'array': {
      const items = value as unknown[];
      if (schema.minItems !== undefined && items.length < schema.minItems) return { field: path, reason: { kind: 'required' } };
      if (schema.maxItems !== undefined && items.length > schema.maxItems) return { field: path, reason: { kind: 'tooMany', limit: schema.maxItems } };
      if (schema.uniqueItems) {
        const seen = new Set(items.map((item) => JSON.stringify(item)));
        if (seen.size !== items.length) return { field: path, reason: { kind: 'notAllowed' } };
      }
      for (let index = 0; index < items.length; index += 1) {
        const issue = findIssue(schema.items, items[index], joinField(path, index));
        if (issue) return issue;
      }
      return undefined;
    }
    case 'object': {
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) {
        if (record[key] === undefined) return { field: joinField(path, key), reason: { kind: 'required' } };
      }
      for (const [key, entry] of Object.entries(record)) {
        const property = Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
        if (!property) {
          if (schema.additionalProperties === false) return { field: joinField(path, key), reason: { kind: 'unknownField' } };
          continue;
        }
        if (entry === undefined) continue;
        const issue = findIssue(property, entry, joinField(path, key));
        if (issue) return issue;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A plain-English description of an issue, for logs, the server's messages and developers. */
export function describeIssue(issue: ValidationIssue): string {
  const where = issue.field ? `"${issue.field}"` : 'the input';
  const reason = issue.reason;
  switch (reason.kind) {
    case 'required':
      return `${where} is required`;
    case 'tooShort':
      return `${where} must have at least ${reason.limit} characters`;
    case 'tooLong':
      return `${where} must have at most ${reason.limit} characters`;
    case 'tooSmall':
      return `${where} must be at least ${reason.limit}`;
    case 'tooLarge':
      return `${where} must be at most ${reason.limit}`;
    case 'tooMany':
      return `${where} must have at most ${reason.limit} items`;
    case 'notAllowed':
      return `${where} has a value that is not allowed`;
    case 'wrongType':
      return `${where} has the wrong type`;
    case 'unknownField':
      return `${where} is not an expected field`;
  }
}

/** Throws an `invalid` OsaError naming the field when `value` does not conform; returns it typed otherwise. */
export function assertValid<T>(schema: Schema, value: unknown, fieldPrefix = ''): T {
  const issue = findIssue(schema, value, fieldPrefix);
  if (issue) throw new OsaError('invalid', describeIssue(issue), { field: issue.field, reason: issue.reason });
  return value as T;
}
