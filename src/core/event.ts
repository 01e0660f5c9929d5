import type { LocalizedText } from './activity.js';
import type { Schema } from './validate.js';
import { LANGUAGES, type Language } from './protocol.js';

/** Event and activity ids appear in URLs and embed attributes: short, lower-case, readable. */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$';

/** The most activities an event holds, at creation and as activities are added later. */
export const MAX_ACTIVITIES = 100;

export const localizedTextSchema: Schema = {
  anyOf: [
    { type: 'string', minLength: 1, maxLength: 300 },
    {
      type: 'object',
      properties: Object.fromEntries(LANGUAGES.map((language) => [language, { type: 'string', minLength: 1, maxLength: 300 }])),
      additionalProperties: false,
    },
  ],
};

/** An event's languages, its main language first. */
export const languagesSchema: Schema = { type: 'array', items: { type: 'string', enum: [...LANGUAGES] }, minItems: 1, maxItems: LANGUAGES.length, uniqueItems: true };

export interface ActivityDefinition {
  id: string;
  kind: string;
  title?: LocalizedText;
  config?: Record<string, unknown>;
  phase?: string;
}

/** A scripted action run when an event is imported, e.g. the seeded ideas of the demo board. */
export interface SeedAction {
  activity: string;
  /** A label for the simulated participant; the same label is the same participant. */
  as: string;
  command: string;
  payload: unknown;
}

export interface EventDefinition {
  id: string;
  title: LocalizedText;
  languages?: Language[];
  activities: ActivityDefinition[];
  seed?: SeedAction[];
}

export const activityDefinitionSchema: Schema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: SLUG_PATTERN },
    kind: { type: 'string', minLength: 1, maxLength: 40 },
    title: localizedTextSchema,
    config: { type: 'object', properties: {} },
    phase: { type: 'string', minLength: 1, maxLength: 40 },
  },
  required: ['id', 'kind'],
  additionalProperties: false,
};

export const eventDefinitionSchema: Schema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: SLUG_PATTERN },
    title: localizedTextSchema,
    languages: languagesSchema,
    activities: { type: 'array', items: activityDefinitionSchema, maxItems: MAX_ACTIVITIES },
    seed: {
      type: 'array',
      maxItems: 10000,
      items: {
        type: 'object',
        properties: {
          activity: { type: 'string', pattern: SLUG_PATTERN },
          as: { type: 'string', minLength: 1, maxLength: 100 },
          command: { type: 'string', minLength: 1, maxLength: 60 },
          payload: { type: 'object', properties: {} },
        },
        required: ['activity', 'as', 'command', 'payload'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'title', 'activities'],
  additionalProperties: false,
};

/** The organiser's edit of an activity after creation: its title (its settings change with the `configure` command). */
export interface ActivityUpdate {
  title: LocalizedText;
}

export const activityUpdateSchema: Schema = {
  type: 'object',
  properties: { title: localizedTextSchema },
  required: ['title'],
  additionalProperties: false,
};

/** The organiser's edit of an event after creation: its title, its languages, or both. */
export interface EventUpdate {
  title?: LocalizedText;
  languages?: Language[];
}

export const eventUpdateSchema: Schema = {
  type: 'object',
  properties: { title: localizedTextSchema, languages: languagesSchema },
  additionalProperties: false,
};
