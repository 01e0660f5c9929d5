import type { ReactiveController } from 'lit';
import type { Workshop, WorkshopsConfig } from '../../core/workshops/workshops.view.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

/**
 * "My schedule" of a static catalogue (no server): the workshops the participant means to attend,
 * one per time slot, kept in this browser's localStorage under the page and the activity, so that
 * it is still there on the next visit. It reserves nothing; it is for the participant's calendar.
 */
export class StaticPlanController implements ReactiveController {
  /** Slot id → workshop id. */
  private chosen: Record<string, string> = {};
  private loadedFrom: string | undefined;

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
  }

  hostConnected(): void {
    this.load();
  }

  /** Where the plan is kept: one per page and activity. */
  private get key(): string {
    return `osa-workshop-plan:${location.pathname}:${this.host.activity}`;
  }

  private load(): void {
    if (!this.host.staticCatalogue || this.loadedFrom === this.key) return;
    this.loadedFrom = this.key;
    try {
      const stored = JSON.parse(localStorage.getItem(this.key) ?? '{}') as unknown;
      const valid = typeof stored === 'object' && stored !== null && !Array.isArray(stored) && Object.values(stored).every((id) => typeof id === 'string');
      this.chosen = valid ? { ...(stored as Record<string, string>) } : {};
    } catch {
      // Storage blocked, or not a plan this element wrote: start empty.
      this.chosen = {};
    }
  }

  private save(): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(this.chosen));
    } catch {
      // Storage blocked (private mode): the plan lasts for this visit.
    }
  }

  /** The planned workshop of `slot`, if it is still in the catalogue there. */
  in(slot: string, config: WorkshopsConfig | undefined = this.host.config): string | undefined {
    this.load();
    const id = this.chosen[slot];
    return id !== undefined && config?.workshops.some((workshop) => workshop.id === id && workshop.slot === slot) ? id : undefined;
  }

  /**
   * Adds `workshop` to the plan, or removes it when it is there. Refused (false) when another
   * workshop of its time slot is planned: the participant removes that one first.
   */
  toggle(workshop: Workshop): 'added' | 'removed' | 'clash' {
    const current = this.in(workshop.slot);
    if (current === workshop.id) {
      delete this.chosen[workshop.slot];
      this.save();
      this.host.requestUpdate();
      return 'removed';
    }
    if (current !== undefined) return 'clash';
    this.chosen = { ...this.chosen, [workshop.slot]: workshop.id };
    this.save();
    this.host.requestUpdate();
    return 'added';
  }
}
