import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { OsaEventDetailMap, OsaEventName } from './events.js';
import { LocalizeController } from '../i18n/localize.js';

/**
 * The base of every osallistu element: a typed `emit()`, localisation that follows `lang`
 * and `dir` on the element, its ancestors and the document, and the shared tokens.
 */
export abstract class OsaElement extends LitElement {
  /** Language of the element's texts (`fi`, `sv` or `en`); inherited from ancestors when unset. */
  // Reflected: the elements inside find their language from the nearest `[lang]`, and frameworks set it as a property.
  @property({ reflect: true }) override lang!: string;

  /** Text direction; inherited from ancestors when unset. */
  @property({ reflect: true }) override dir!: string;

  /**
   * Translations, number and date formatting in the resolved language (read by the element's own controllers).
   * @internal
   */
  readonly i18n = new LocalizeController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Elements inside another shadow root are not seen by the document observer.
    if (changed.has('lang') || changed.has('dir')) this.i18n.refresh();
  }

  /**
   * Dispatches one of the library's events. Events bubble and cross shadow boundaries by
   * default so a page can listen on `document` or on the `osa-event` provider.
   */
  emit<K extends OsaEventName>(
    name: K,
    detail: OsaEventDetailMap[K],
    options: Omit<CustomEventInit, 'detail'> = {},
  ): CustomEvent<OsaEventDetailMap[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...options, detail });
    this.dispatchEvent(event);
    return event;
  }
}
