/**
 * The addresses and the embed snippet the console hands out, and what it reads from its own address.
 * Secrets (the organiser key, an invitation) travel only in the fragment (`#…`), which browsers
 * never send to a server and servers never log; the query string carries only public ids.
 */
import { SLUG_PATTERN } from '../../core/event.js';
import { apiRoot } from '../../adapters/http/http-adapter.js';
import type { Language } from '../../core/protocol.js';
import { KIND_ELEMENTS, type ActivityKindName } from './templates.js';

const slug = new RegExp(SLUG_PATTERN);

/** Whether `id` can be an event or activity id. */
export function isSlug(id: string): boolean {
  return slug.test(id);
}

/**
 * An id suggested from a title: lower case, letters without their accents (ä → a, å → a, ö → o),
 * words joined with hyphens, at most 64 characters; empty when nothing of the title is left.
 */
export function suggestSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > 64) break;
    id = next;
  }
  return id || (words[0] ?? '').slice(0, 64);
}

/**
 * The address of the server an `api` attribute points at, without a trailing slash (`/` is the
 * page's own server): where the bundle, the console and the participation page are.
 */
export function serverBase(api: string, page: string = globalThis.location?.href ?? 'http://localhost/'): string {
  return apiRoot(new URL(api, page).href).replace(/\/api\/v1$/, '');
}

export interface ActivityAddress {
  base: string;
  eventId: string;
  activityId: string;
  lang: Language;
}

function takePart({ base, eventId, activityId, lang }: ActivityAddress): URL {
  const url = new URL(`${base}/console/take-part.html`);
  url.searchParams.set('event', eventId);
  url.searchParams.set('activity', activityId);
  url.searchParams.set('lang', lang);
  return url;
}

/** The page where participants take part in one activity. */
export function participantLink(address: ActivityAddress): string {
  return takePart(address).href;
}

/** The full-screen presenter view of one activity; it carries the organiser key in its fragment (results a participant may not see yet). */
export function presenterLink(address: ActivityAddress, organiserKey: string): string {
  const url = takePart(address);
  url.searchParams.set('view', 'presenter');
  url.hash = new URLSearchParams({ key: organiserKey }).toString();
  return url.href;
}

/** The console opened on an event with its key: the organiser's own link. */
export function consoleLink(base: string, eventId: string, organiserKey: string): string {
  return `${base}/console/#${new URLSearchParams({ event: eventId, key: organiserKey }).toString()}`;
}

/** The console link the operator hands out to let someone create one event. */
export function invitationLink(base: string, invitation: string): string {
  return `${base}/console/#${new URLSearchParams({ invite: invitation }).toString()}`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML a webmaster pastes into a CMS page to show one activity. */
export function embedSnippet({ base, eventId, activityId, lang }: ActivityAddress, kind: string): string {
  const tag = Object.hasOwn(KIND_ELEMENTS, kind) ? KIND_ELEMENTS[kind as ActivityKindName] : 'osa-event';
  return [
    `<script type="module" src="${escapeAttribute(`${base}/osallistu/osallistu.js`)}"></script>`,
    `<osa-event api="${escapeAttribute(`${base}/api`)}" event="${escapeAttribute(eventId)}" lang="${lang}">`,
    `  <${tag} activity="${escapeAttribute(activityId)}"></${tag}>`,
    `</osa-event>`,
  ].join('\n');
}

/** What the console's address fragment asks for: create with an invitation, or open an event with its key. */
export type ConsoleFragment = { invitation: string } | { eventId: string; organiserKey: string } | undefined;

export function readFragment(hash: string): ConsoleFragment {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const invitation = params.get('invite');
  if (invitation) return { invitation };
  const eventId = params.get('event');
  const organiserKey = params.get('key');
  if (eventId && organiserKey) return { eventId, organiserKey };
  return undefined;
}
