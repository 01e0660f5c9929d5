import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type RovingOrientation = 'horizontal' | 'vertical' | 'both';

export interface RovingTabindexOptions {
  /** The focusable items, in order; called on every key press and update, so it may change. */
  items: () => HTMLElement[];
  orientation?: RovingOrientation;
  /** Whether moving past the last item continues at the first. */
  wrap?: boolean;
  /** Whether the host reads right-to-left (arrow keys swap); defaults to the computed direction. */
  isRtl?: () => boolean;
}

/**
 * A roving tabindex focus group (WAI-ARIA APG): one Tab stop for the whole group, arrow keys,
 * Home and End move between items. The item that had focus keeps the Tab stop when the items
 * change (live data re-renders), matched by element identity.
 */
export class RovingTabindexController implements ReactiveController {
  private active: HTMLElement | undefined;
  private readonly onKeyDown = (event: KeyboardEvent): void => this.handleKey(event);
  private readonly onFocusIn = (event: FocusEvent): void => {
    const item = this.itemFromEvent(event);
    if (item) this.setActive(item);
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RovingTabindexOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('focusin', this.onFocusIn);
  }

  hostUpdated(): void {
    this.sync();
  }

  /** The item that holds the Tab stop. */
  get activeItem(): HTMLElement | undefined {
    return this.active;
  }

  /** Gives the Tab stop to `item` (and focus, when `focus` is set). */
  setActive(item: HTMLElement, focus = false): void {
    this.active = item;
    this.sync();
    if (focus) item.focus();
  }

  /** Re-applies tabindex after the items changed. */
  sync(): void {
    const items = this.enabledItems();
    if (!this.active || !items.includes(this.active)) this.active = items[0];
    for (const item of this.options.items()) item.tabIndex = item === this.active ? 0 : -1;
  }

  private enabledItems(): HTMLElement[] {
    return this.options.items().filter((item) => !item.hasAttribute('disabled') && item.getAttribute('aria-disabled') !== 'true');
  }

  private itemFromEvent(event: Event): HTMLElement | undefined {
    const items = this.options.items();
    return event.composedPath().find((node): node is HTMLElement => items.includes(node as HTMLElement));
  }

  private handleKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = this.itemFromEvent(event);
    if (!current) return;
    const items = this.enabledItems();
    const index = items.indexOf(current);
    if (index < 0) return;
    const step = this.stepFor(event.key);
    let next: number | undefined;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (step !== 0) {
      next = index + step;
      if (this.options.wrap ?? true) next = (next + items.length) % items.length;
      else next = Math.min(items.length - 1, Math.max(0, next));
    }
    if (next === undefined) return;
    event.preventDefault();
    this.setActive(items[next], true);
  }

  private stepFor(key: string): number {
    const orientation = this.options.orientation ?? 'both';
    const rtl = this.options.isRtl ? this.options.isRtl() : getComputedStyle(this.host).direction === 'rtl';
    const horizontal = orientation !== 'vertical';
    const vertical = orientation !== 'horizontal';
    if (horizontal && key === 'ArrowRight') return rtl ? -1 : 1;
    if (horizontal && key === 'ArrowLeft') return rtl ? 1 : -1;
    if (vertical && key === 'ArrowDown') return 1;
    if (vertical && key === 'ArrowUp') return -1;
    return 0;
  }
}
