import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedText } from '../../core/activity.js';
import { OsaError } from '../../core/errors.js';
import type { Language } from '../../core/protocol.js';
import { heldSeats, type Slot, type Workshop, type WorkshopsConfig, type WorkshopsData } from '../../core/workshops/workshops.view.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

const LANGUAGE_ORDER: readonly Language[] = ['fi', 'sv', 'en'];
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Where the editor's feedback is shown (the picker's `feedbackAt`). */
const AT = 'editor';

type Editing = { what: 'workshop' | 'slot'; id: string | undefined } | undefined;

/** The languages the catalogue is written in: those of its titles; none when every title is one text for all. */
export function catalogueLanguages(config: WorkshopsConfig): Language[] {
  const seen = new Set<string>();
  for (const entry of [...config.workshops, ...config.slots]) if (typeof entry.title === 'object') for (const key of Object.keys(entry.title)) seen.add(key);
  return LANGUAGE_ORDER.filter((language) => seen.has(language));
}

/** `2026-06-10T09:00` in this browser's time zone, for a `datetime-local` input. */
function localInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The organiser's catalogue editor: time slots and workshops listed with "edit" and "remove", one
 * inline form at a time (Enter saves, Escape cancels, focus returns to the row), and the claim
 * window. Every change sends the whole catalogue with `configure`; the rules refuse what would hurt
 * people already in it (a workshop with seats removed, fewer seats than are held), and the reason
 * is shown in the user's language beside the form, which stays open.
 */
export class CatalogueEditor {
  private editing: Editing;
  private confirmingRemove: { what: 'workshop' | 'slot'; id: string } | undefined;
  /** Fields the participant left empty that must have a value, with the kit's message. */
  private invalid = new Map<string, string>();
  /** The title of the workshop or slot whose change is being sent, for a refusal's words. */
  private sending: { title: string; what: 'workshop' | 'slot' } | undefined;

  constructor(private readonly host: OsaWorkshopPicker) {}

  private get t() {
    return this.host.t.organiser.editor;
  }

  private focus(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The field a refusal names (`config.workshops.3.capacity`), in the user's words. */
  fieldLabel(field: string): string | undefined {
    const name = /^config\.(?:workshops|slots)\.\d+\.(\w+)/.exec(field)?.[1] ?? /^config\.(\w+)$/.exec(field)?.[1];
    return name && Object.hasOwn(this.t.fields, name) ? this.t.fields[name as keyof typeof this.t.fields] : undefined;
  }

  /** The editor's own words for a refusal of `configure`, where they say more than the kit's. */
  refusal(error: OsaError): string | undefined {
    if (error.code !== 'invalid' || !error.field) return undefined;
    const title = this.sending?.title ?? '';
    if (error.field === 'config.workshops') return this.t.removeHeld(title);
    if (/^config\.workshops\.\d+\.slot$/.test(error.field) && this.sending?.what === 'slot') return this.t.slotInUse(title);
    if (/^config\.workshops\.\d+\.slot$/.test(error.field) && error.reason?.kind === 'notAllowed' && this.editing?.id !== undefined) return this.t.moveHeld;
    if (/^config\.(workshops|slots)\.\d+\.id$/.test(error.field)) return this.t.duplicateId;
    if (/^config\.workshops\.\d+\.capacity$/.test(error.field) && error.reason?.kind === 'tooSmall' && error.reason.limit > 0) return this.t.capacityBelowHeld(error.reason.limit);
    return undefined;
  }

  private open(editing: Editing, focus: string): void {
    this.editing = editing;
    this.confirmingRemove = undefined;
    this.invalid = new Map();
    if (this.host.feedbackAt === AT) this.host.commands.say(undefined);
    this.host.requestUpdate();
    this.focus(focus);
  }

  private close(focus: string): void {
    this.editing = undefined;
    this.invalid = new Map();
    this.host.requestUpdate();
    this.focus(focus);
  }

  /** Sends the new catalogue; resolves true when it was saved. */
  private async send(config: WorkshopsConfig, title: string, what: 'workshop' | 'slot'): Promise<boolean> {
    this.host.feedbackAt = AT;
    this.sending = { title, what };
    try {
      const outcome = await this.host.commands.run('configure', { config });
      return outcome.status === 'done' || outcome.status === 'queued';
    } finally {
      this.sending = undefined;
    }
  }

  // ------------------------------------------------------------ reading the form

  private read(form: HTMLFormElement, languages: readonly Language[], name: string): LocalizedText | undefined {
    const data = new FormData(form);
    if (languages.length === 0) {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? undefined : value;
    }
    const entries = languages.map((language) => [language, String(data.get(`${name}-${language}`) ?? '').trim()] as const).filter(([, value]) => value !== '');
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }

  private required(field: string, label: string): void {
    this.invalid.set(field, this.host.live.errorText(new OsaError('invalid', 'required', { field, reason: { kind: 'required' } }), () => label));
  }

  private async saveWorkshop(event: SubmitEvent, data: WorkshopsData, languages: readonly Language[], before: Workshop | undefined): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const t = this.t;
    const text = (name: string) => String(values.get(name) ?? '').trim();
    this.invalid = new Map();
    const id = before?.id ?? text('id');
    if (!before && id === '') this.required('id', t.fields.id);
    else if (!before && !ID_PATTERN.test(id)) this.invalid.set('id', t.badId);
    const title = this.read(form, languages, 'title');
    if (!title) this.required(`title${languages.length > 0 ? `-${languages[0]}` : ''}`, t.fields.title);
    const capacity = text('capacity');
    if (capacity === '') this.required('capacity', t.fields.capacity);
    if (this.invalid.size > 0) {
      this.host.requestUpdate();
      const [first] = this.invalid.keys();
      return this.focus(`#ed-${first}`);
    }
    const optional = <T>(value: T | undefined | '') => (value === undefined || value === '' ? undefined : value);
    const minimum = text('minimum');
    const workshop: Workshop = Object.fromEntries(
      Object.entries({
        id,
        title: title!,
        description: this.read(form, languages, 'description'),
        theme: this.read(form, languages, 'theme'),
        level: this.read(form, languages, 'level'),
        slot: text('slot'),
        place: optional(text('place')),
        link: optional(text('link')),
        facilitator: optional(text('facilitator')),
        capacity: Number(capacity),
        minimum: minimum === '' ? undefined : Number(minimum),
      }).filter(([, value]) => value !== undefined),
    ) as unknown as Workshop;
    const workshops = before ? data.config.workshops.map((entry) => (entry.id === before.id ? workshop : entry)) : [...data.config.workshops, workshop];
    const name = this.host.text(workshop.title);
    if (await this.send({ ...data.config, workshops }, name, 'workshop')) {
      this.host.commands.say({ kind: 'success', text: t.saved(name) });
      this.close(`[data-edit-workshop="${workshop.id}"]`);
    } else {
      this.focus('#editor-form [aria-invalid="true"], #editor-form h4');
    }
  }

  private async saveSlot(event: SubmitEvent, data: WorkshopsData, languages: readonly Language[], before: Slot | undefined): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const t = this.t;
    this.invalid = new Map();
    const id = before?.id ?? String(values.get('id') ?? '').trim();
    if (!before && id === '') this.required('id', t.fields.id);
    else if (!before && !ID_PATTERN.test(id)) this.invalid.set('id', t.badId);
    const title = this.read(form, languages, 'title');
    if (!title) this.required(`title${languages.length > 0 ? `-${languages[0]}` : ''}`, t.fields.title);
    if (this.invalid.size > 0) {
      this.host.requestUpdate();
      const [first] = this.invalid.keys();
      return this.focus(`#ed-${first}`);
    }
    // A time left as it was keeps its original text (and offset).
    const time = (name: 'start' | 'end') => {
      const value = String(values.get(name) ?? '');
      if (value === '') return undefined;
      return value === localInput(before?.[name]) ? before?.[name] : new Date(value).toISOString();
    };
    const start = time('start');
    const end = time('end');
    const slot: Slot = { id, title: title!, ...(start ? { start } : {}), ...(end ? { end } : {}) };
    const slots = before ? data.config.slots.map((entry) => (entry.id === before.id ? slot : entry)) : [...data.config.slots, slot];
    const name = this.host.text(slot.title);
    if (await this.send({ ...data.config, slots }, name, 'slot')) {
      this.host.commands.say({ kind: 'success', text: t.saved(name) });
      this.close(`[data-edit-slot="${slot.id}"]`);
    }
  }

  private async remove(data: WorkshopsData, what: 'workshop' | 'slot', id: string, title: string): Promise<void> {
    const config = data.config;
    this.confirmingRemove = undefined;
    const next = what === 'workshop' ? { ...config, workshops: config.workshops.filter((entry) => entry.id !== id) } : { ...config, slots: config.slots.filter((entry) => entry.id !== id) };
    if (await this.send(next, title, what)) {
      this.host.commands.say({ kind: 'success', text: this.t.removed(title) });
      this.focus(what === 'workshop' ? '[data-add-workshop]' : '[data-add-slot]');
    } else {
      this.focus(`[data-remove-${what}="${id}"]`);
    }
  }

  private async saveSettings(event: SubmitEvent, data: WorkshopsData): Promise<void> {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('claimWindowMinutes') ?? '').trim();
    this.host.feedbackAt = AT;
    const outcome = await this.host.commands.run('configure', { config: { ...data.config, claimWindowMinutes: value === '' ? 0 : Number(value) } }, { success: this.host.t.organiser.saved });
    if (outcome.status === 'refused') this.focus('#ed-claim-window');
  }

  // ------------------------------------------------------------ rendering

  render(data: WorkshopsData): TemplateResult {
    const t = this.t;
    const { config } = data;
    const languages = catalogueLanguages(config);
    const editing = this.editing;
    return html`<section class="editor stack" aria-labelledby="editor-title" part="editor">
      <h3 id="editor-title">${t.title}</h3>
      <p class="muted">${t.help}</p>
      ${this.host.feedbackAt === AT && !editing ? this.host.commands.render() : nothing}
      <form class="row settings" @submit=${(event: SubmitEvent) => this.saveSettings(event, data)}>
        <div class="field">
          <label for="ed-claim-window">${t.claimWindow}</label>
          <input id="ed-claim-window" name="claimWindowMinutes" type="number" min="0" max="10080" step="1" inputmode="numeric" .value=${String(config.claimWindowMinutes ?? 0)} aria-describedby="ed-claim-window-help" />
          <span class="muted small" id="ed-claim-window-help">${t.claimWindowHelp}</span>
        </div>
        <button type="submit" data-save-settings>${t.saveSettings}</button>
      </form>
      <h4 id="editor-slots">${t.slots}</h4>
      <ul class="editor-list" aria-labelledby="editor-slots">
        ${config.slots.map((slot) =>
          editing?.what === 'slot' && editing.id === slot.id
            ? html`<li>${this.renderSlotForm(data, languages, slot)}</li>`
            : this.renderRow('slot', slot.id, this.host.text(slot.title) || slot.id, this.host.slotTime(slot), data),
        )}
        ${editing?.what === 'slot' && editing.id === undefined ? html`<li>${this.renderSlotForm(data, languages, undefined)}</li>` : nothing}
      </ul>
      <div class="row"><button type="button" data-add-slot @click=${() => this.open({ what: 'slot', id: undefined }, '#ed-id')}>${t.addSlot}</button></div>
      <h4 id="editor-workshops">${t.workshops}</h4>
      <ul class="editor-list" aria-labelledby="editor-workshops">
        ${config.workshops.map((workshop) => {
          const slot = config.slots.find((entry) => entry.id === workshop.slot);
          const detail = `${this.host.text(slot?.title) || workshop.slot} · ${this.host.t.card.capacity(workshop.capacity)}`;
          return editing?.what === 'workshop' && editing.id === workshop.id
            ? html`<li>${this.renderWorkshopForm(data, languages, workshop)}</li>`
            : this.renderRow('workshop', workshop.id, this.host.text(workshop.title) || workshop.id, detail, data);
        })}
        ${editing?.what === 'workshop' && editing.id === undefined ? html`<li>${this.renderWorkshopForm(data, languages, undefined)}</li>` : nothing}
      </ul>
      <div class="row">
        <button type="button" class="primary" data-add-workshop ?disabled=${config.slots.length === 0} @click=${() => this.open({ what: 'workshop', id: undefined }, '#ed-id')}>
          ${t.addWorkshop}
        </button>
      </div>
    </section>`;
  }

  private renderRow(what: 'workshop' | 'slot', id: string, title: string, detail: string, data: WorkshopsData): TemplateResult {
    const t = this.t;
    const confirming = this.confirmingRemove?.what === what && this.confirmingRemove.id === id;
    if (confirming) {
      return html`<li data-row=${id}>
        <div class="confirm" role="group" aria-labelledby="confirm-remove-${id}" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.cancelRemove(what, id)}>
          <p id="confirm-remove-${id}">${t.confirmRemove(title)}</p>
          <div class="row">
            <button type="button" class="danger" data-confirm-remove @click=${() => this.remove(data, what, id, title)}>${t.yesRemove}</button>
            <button type="button" data-keep-row @click=${() => this.cancelRemove(what, id)}>${t.keep}</button>
          </div>
        </div>
      </li>`;
    }
    const held = what === 'workshop' ? heldSeats(data.state, id) : 0;
    return html`<li class="row editor-row" data-row=${id}>
      <span class="grow"><strong>${title}</strong> <span class="muted small">${detail}${held > 0 ? ` · ${this.host.t.organiser.of(held, data.config.workshops.find((entry) => entry.id === id)?.capacity ?? 0)}` : ''}</span></span>
      <button type="button" data-edit-workshop=${what === 'workshop' ? id : nothing} data-edit-slot=${what === 'slot' ? id : nothing} @click=${() => this.open({ what, id }, '#editor-form input:not([disabled]), #editor-form textarea')}>
        ${t.edit}<span class="visually-hidden">: ${title}</span>
      </button>
      <button type="button" data-remove-workshop=${what === 'workshop' ? id : nothing} data-remove-slot=${what === 'slot' ? id : nothing} @click=${() => this.askRemove(what, id)}>${t.remove}<span class="visually-hidden">: ${title}</span></button>
    </li>`;
  }

  private askRemove(what: 'workshop' | 'slot', id: string): void {
    this.confirmingRemove = { what, id };
    this.editing = undefined;
    this.host.requestUpdate();
    this.focus('[data-keep-row]');
  }

  private cancelRemove(what: 'workshop' | 'slot', id: string): void {
    this.confirmingRemove = undefined;
    this.host.requestUpdate();
    this.focus(`[data-remove-${what}="${id}"]`);
  }

  /** One text input, or one per language of the catalogue. */
  private localized(name: string, label: string, value: LocalizedText | undefined, languages: readonly Language[], options: { multiline?: boolean; maxLength: number }): TemplateResult {
    const input = (id: string, fieldName: string, text: string, fieldLabel: string) => {
      const error = this.invalid.get(id);
      const attributes = { id: `ed-${id}`, describedBy: error ? `ed-${id}-error` : undefined };
      return html`<div class="field">
        <label for=${attributes.id}>${fieldLabel}</label>
        ${options.multiline
          ? html`<textarea id=${attributes.id} name=${fieldName} rows="3" maxlength=${options.maxLength} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${attributes.describedBy ?? nothing} .value=${text}></textarea>`
          : html`<input id=${attributes.id} name=${fieldName} maxlength=${options.maxLength} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${attributes.describedBy ?? nothing} .value=${text} />`}
        ${error ? html`<span class="field-error" id="ed-${id}-error">${error}</span>` : nothing}
      </div>`;
    };
    if (languages.length === 0) return input(name, name, typeof value === 'string' ? value : this.host.text(value), label);
    return html`${languages.map((language) =>
      input(`${name}-${language}`, `${name}-${language}`, typeof value === 'string' ? value : (value?.[language] ?? ''), this.t.inLanguage(label, this.t.languages[language])),
    )}`;
  }

  private plain(name: string, label: string, value: string | number | undefined, attributes: { type?: string; min?: number; max?: number; maxLength?: number; required?: boolean } = {}): TemplateResult {
    const error = this.invalid.get(name);
    return html`<div class="field">
      <label for="ed-${name}">${label}</label>
      <input
        id="ed-${name}"
        name=${name}
        type=${attributes.type ?? 'text'}
        min=${attributes.min ?? nothing}
        max=${attributes.max ?? nothing}
        maxlength=${attributes.maxLength ?? nothing}
        inputmode=${attributes.type === 'number' ? 'numeric' : nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `ed-${name}-error` : nothing}
        .value=${value === undefined ? '' : String(value)}
      />
      ${error ? html`<span class="field-error" id="ed-${name}-error">${error}</span>` : nothing}
    </div>`;
  }

  private renderIdField(id: string | undefined): TemplateResult {
    const t = this.t;
    if (id !== undefined) return html`<p class="muted small">${t.fields.id}: <code>${id}</code></p>`;
    const error = this.invalid.get('id');
    return html`<div class="field">
      <label for="ed-id">${t.fields.id}</label>
      <input id="ed-id" name="id" maxlength="64" autocomplete="off" spellcheck="false" aria-invalid=${error ? 'true' : 'false'} aria-describedby="ed-id-help${error ? ' ed-id-error' : ''}" />
      <span class="muted small" id="ed-id-help">${t.fields.idHelp}</span>
      ${error ? html`<span class="field-error" id="ed-id-error">${error}</span>` : nothing}
    </div>`;
  }

  private renderFormEnd(focusBack: string): TemplateResult {
    const t = this.t;
    return html`${this.host.feedbackAt === AT ? this.host.commands.render() : nothing}
      <div class="row">
        <button type="submit" class="primary" data-save>${t.save}</button>
        <button type="button" data-cancel-edit @click=${() => this.close(focusBack)}>${t.cancel}</button>
      </div>`;
  }

  private renderWorkshopForm(data: WorkshopsData, languages: readonly Language[], workshop: Workshop | undefined): TemplateResult {
    const t = this.t;
    const f = t.fields;
    const title = workshop ? t.editing(this.host.text(workshop.title)) : t.newWorkshop;
    const focusBack = workshop ? `[data-edit-workshop="${workshop.id}"]` : '[data-add-workshop]';
    return html`<form
      id="editor-form"
      class="editor-form stack"
      aria-labelledby="editor-form-title"
      novalidate
      @submit=${(event: SubmitEvent) => this.saveWorkshop(event, data, languages, workshop)}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.close(focusBack)}
    >
      <h4 id="editor-form-title" tabindex="-1">${title}</h4>
      ${this.renderIdField(workshop?.id)} ${this.localized('title', f.title, workshop?.title, languages, { maxLength: 300 })}
      ${this.localized('description', f.description, workshop?.description, languages, { multiline: true, maxLength: 2000 })}
      <div class="editor-grid">
        <div class="field">
          <label for="ed-slot">${f.slot}</label>
          <select id="ed-slot" name="slot">
            ${data.config.slots.map((slot) => html`<option value=${slot.id} ?selected=${slot.id === workshop?.slot}>${this.host.text(slot.title) || slot.id}</option>`)}
          </select>
        </div>
        ${this.plain('capacity', f.capacity, workshop?.capacity, { type: 'number', min: 0, max: 100000 })}
        ${this.plain('minimum', f.minimum, workshop?.minimum, { type: 'number', min: 0, max: 100000 })}
      </div>
      ${this.localized('theme', f.theme, workshop?.theme, languages, { maxLength: 80 })} ${this.localized('level', f.level, workshop?.level, languages, { maxLength: 80 })}
      <div class="editor-grid">
        ${this.plain('place', f.place, workshop?.place, { maxLength: 200 })} ${this.plain('link', f.link, workshop?.link, { type: 'url', maxLength: 500 })}
        ${this.plain('facilitator', f.facilitator, workshop?.facilitator, { maxLength: 200 })}
      </div>
      ${this.renderFormEnd(focusBack)}
    </form>`;
  }

  private renderSlotForm(data: WorkshopsData, languages: readonly Language[], slot: Slot | undefined): TemplateResult {
    const t = this.t;
    const focusBack = slot ? `[data-edit-slot="${slot.id}"]` : '[data-add-slot]';
    return html`<form
      id="editor-form"
      class="editor-form stack"
      aria-labelledby="editor-form-title"
      novalidate
      @submit=${(event: SubmitEvent) => this.saveSlot(event, data, languages, slot)}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.close(focusBack)}
    >
      <h4 id="editor-form-title" tabindex="-1">${slot ? t.editing(this.host.text(slot.title)) : t.newSlot}</h4>
      ${this.renderIdField(slot?.id)} ${this.localized('title', t.fields.title, slot?.title, languages, { maxLength: 300 })}
      <div class="editor-grid">${this.plain('start', t.fields.start, localInput(slot?.start), { type: 'datetime-local' })} ${this.plain('end', t.fields.end, localInput(slot?.end), { type: 'datetime-local' })}</div>
      ${this.renderFormEnd(focusBack)}
    </form>`;
  }
}
