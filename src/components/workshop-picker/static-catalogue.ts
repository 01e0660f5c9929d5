import type { LocalizedText } from '../../core/activity.js';
import { OsaError } from '../../core/errors.js';
import { initialWorkshopsState, type WorkshopsConfig } from '../../core/workshops/workshops.view.js';
import type { ActivityExport, ActivitySnapshot, CreatedEvent, EventInfo, OsaAdapter, SendResult, Unsubscribe, Viewer } from '../../adapters/types.js';

/** The event id a static catalogue answers to. */
export const STATIC_EVENT = 'static-catalogue';

/**
 * A catalogue written into the page, with no server: `<osa-workshop-picker>` with a child
 * `<script type="application/json">` (the activity's config) and no event. It is read-only —
 * browse, filter, search, the time slots — since a seat claimed in one browser would be seen by
 * nobody else. It never loads the rules of any kind or the local back end.
 */
export class StaticCatalogueAdapter implements OsaAdapter {
  constructor(
    private readonly activityId: string,
    private readonly config: WorkshopsConfig,
    private readonly title: LocalizedText = '',
  ) {}

  async createEvent(): Promise<CreatedEvent> {
    throw new OsaError('forbidden', 'A static catalogue cannot create events.');
  }

  async getEvent(): Promise<EventInfo> {
    return { id: STATIC_EVENT, title: this.title, languages: ['fi', 'sv', 'en'], activities: [{ id: this.activityId, kind: 'workshops', title: this.title, phase: 'closed' }] };
  }

  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    if (activityId !== this.activityId) throw new OsaError('not_found', `There is no activity "${activityId}".`);
    return { id: activityId, kind: 'workshops', title: this.title, phase: 'closed', config: this.config, state: initialWorkshopsState(), eventId, seq: 0, viewer: { organiser: false } };
  }

  async send(): Promise<SendResult> {
    throw new OsaError('phase_closed', 'This catalogue is for reading: registration is elsewhere.');
  }

  subscribe(): Unsubscribe {
    return () => undefined;
  }

  async exportActivity(): Promise<ActivityExport> {
    throw new OsaError('forbidden', 'A static catalogue has nothing to export.');
  }

  setOrganiserKey(): void {}

  async whoami(): Promise<Viewer> {
    return { organiser: false };
  }
}

/** The config in a JSON child, with the defaults a webmaster may leave out; undefined when there is none or it is not JSON. */
export function readStaticConfig(host: Element): WorkshopsConfig | undefined {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script) return undefined;
  try {
    const parsed = JSON.parse(script.textContent ?? '') as Partial<WorkshopsConfig> & { config?: Partial<WorkshopsConfig> };
    // The whole activity (as in an event file) or only its config.
    const config = parsed.config ?? parsed;
    return { mode: 'firstCome', choicesPerSlot: 5, objective: 'sum', slots: [], workshops: [], ...config };
  } catch {
    console.warn('osa-workshop-picker: the catalogue in the <script type="application/json"> child is not valid JSON.');
    return undefined;
  }
}
