import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { LocalizedText } from '../../core/activity.js';
import { seatsLeft, type Slot, type Workshop, type WorkshopsConfig, type WorkshopsState } from '../../core/workshops/workshops.view.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

/**
 * A search key: compatibility forms folded (NFKD), accents and other combining marks dropped, lower
 * case, single spaces. "Tyoelama" finds "Työelämä", "hallbar" finds "Hållbar", "cafe" finds "Café".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** One key for a text in every language: equal themes written the same way share a filter option. */
export function textKey(value: LocalizedText | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify([value.fi ?? '', value.sv ?? '', value.en ?? '']);
}

/** Every language of a text, for search: people type in the language they think in. */
const allLanguages = (value: LocalizedText | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : Object.values(value));

export interface Filters {
  query: string;
  theme: string;
  level: string;
  slot: string;
  freeOnly: boolean;
}

const NO_FILTERS: Filters = { query: '', theme: '', level: '', slot: '', freeOnly: false };

export interface SlotGroup {
  slot: Slot;
  workshops: Workshop[];
}

/**
 * The catalogue's filters (theme, level, time slot, free seats) and search, and the workshops they
 * leave, grouped by time slot. The filters are the screen's own state; what they filter comes from
 * the snapshot.
 */
export class CatalogueController implements ReactiveController {
  filters: Filters = NO_FILTERS;
  private haystacks = new WeakMap<Workshop, string>();

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
  }

  hostConnected(): void {}

  get active(): boolean {
    const { query, theme, level, slot, freeOnly } = this.filters;
    return query.trim() !== '' || theme !== '' || level !== '' || slot !== '' || freeOnly;
  }

  set(changes: Partial<Filters>): void {
    this.filters = { ...this.filters, ...changes };
    this.host.requestUpdate();
  }

  clear(): void {
    this.filters = NO_FILTERS;
    this.host.requestUpdate();
  }

  private haystack(workshop: Workshop): string {
    let found = this.haystacks.get(workshop);
    if (found === undefined) {
      const texts = [workshop.title, workshop.description, workshop.theme, workshop.level].flatMap(allLanguages);
      found = searchKey([...texts, workshop.facilitator ?? '', workshop.place ?? ''].join(' \u0000 '));
      this.haystacks.set(workshop, found);
    }
    return found;
  }

  matches(workshop: Workshop, config: WorkshopsConfig, state: WorkshopsState): boolean {
    const { query, theme, level, slot, freeOnly } = this.filters;
    if (theme && textKey(workshop.theme) !== theme) return false;
    if (level && textKey(workshop.level) !== level) return false;
    if (slot && workshop.slot !== slot) return false;
    if (freeOnly && seatsLeft(state, config, workshop.id) === 0) return false;
    const words = searchKey(query).split(' ').filter(Boolean);
    const haystack = words.length > 0 ? this.haystack(workshop) : '';
    return words.every((word) => haystack.includes(word));
  }

  /** The workshops the filters leave, by time slot in the catalogue's order; slots left empty are left out. */
  groups(config: WorkshopsConfig, state: WorkshopsState): { groups: SlotGroup[]; shown: number } {
    let shown = 0;
    const groups = config.slots
      .map((slot) => {
        const workshops = config.workshops.filter((workshop) => workshop.slot === slot.id && this.matches(workshop, config, state));
        shown += workshops.length;
        return { slot, workshops };
      })
      .filter((group) => group.workshops.length > 0);
    return { groups, shown };
  }

  /** The filter bar; `withFree` adds "only with free seats" (where seats are claimed). */
  render(config: WorkshopsConfig, shown: number, withFree: boolean): TemplateResult {
    const t = this.host.t.catalogue;
    const options = (values: Array<LocalizedText | undefined>) => {
      const seen = new Map<string, string>();
      for (const value of values) if (value !== undefined && !seen.has(textKey(value))) seen.set(textKey(value), this.host.text(value));
      return [...seen].sort(([, a], [, b]) => a.localeCompare(b, this.host.i18n.language));
    };
    const themes = options(config.workshops.map((workshop) => workshop.theme));
    const levels = options(config.workshops.map((workshop) => workshop.level));
    const select = (id: keyof Filters, label: string, all: string, choices: Array<[string, string]>) => html`<div class="field">
      <label for="filter-${id}">${label}</label>
      <select id="filter-${id}" @change=${(event: Event) => this.set({ [id]: (event.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${this.filters[id] === ''}>${all}</option>
        ${choices.map(([value, text]) => html`<option value=${value} ?selected=${this.filters[id] === value}>${text}</option>`)}
      </select>
    </div>`;
    return html`<div class="filters" part="filters" role="search">
      <div class="field search">
        <label for="filter-query">${t.search}</label>
        <input
          id="filter-query"
          type="search"
          autocomplete="off"
          placeholder=${t.searchPlaceholder}
          .value=${this.filters.query}
          @input=${(event: InputEvent) => this.set({ query: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${themes.length > 1 ? select('theme', t.theme, t.allThemes, themes) : nothing}
      ${levels.length > 1 ? select('level', t.level, t.allLevels, levels) : nothing}
      ${config.slots.length > 1 ? select('slot', t.slot, t.allSlots, config.slots.map((slot) => [slot.id, this.host.text(slot.title)])) : nothing}
      <div class="filter-foot">
        ${withFree
          ? html`<label class="check"
              ><input type="checkbox" .checked=${this.filters.freeOnly} @change=${(event: Event) => this.set({ freeOnly: (event.target as HTMLInputElement).checked })} />
              ${t.freeOnly}</label
            >`
          : nothing}
        <span class="count" role="status">${t.showing(shown, config.workshops.length)}</span>
        ${this.active ? html`<button type="button" class="quiet" @click=${() => this.clear()}>${t.clear}</button>` : nothing}
      </div>
    </div>`;
  }
}
