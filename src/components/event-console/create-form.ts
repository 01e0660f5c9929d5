import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { localizedText } from '../../core/activity.js';
import type { EventDefinition } from '../../core/event.js';
import { LANGUAGES, type Language } from '../../core/protocol.js';
import type { ConsoleTranslation } from '../../i18n/event-console/en.js';
import { isSlug, suggestSlug } from './links.js';
import { EVENT_TEMPLATES, type EventTemplate } from './templates.js';

/** A problem with what was typed, by the field it belongs to. */
export type DraftProblem = { field: 'title' | 'languages' | 'id' | 'token'; text: string };

export interface CreateFormHost extends ReactiveControllerHost {
  readonly language: Language;
  readonly t: ConsoleTranslation;
}

/**
 * The "create an event" form's draft: a template, the title in each language, the event's
 * languages, its id (suggested from the title until the organiser types one) and, without an
 * invitation, the admin token. It checks what it can before anything is sent.
 */
export class CreateForm implements ReactiveController {
  template: EventTemplate = EVENT_TEMPLATES[0];
  titles: Record<Language, string> = { fi: '', sv: '', en: '' };
  languages = new Set<Language>(LANGUAGES);
  id = '';
  private idTyped = false;
  token = '';
  problems: DraftProblem[] = [];

  constructor(private readonly host: CreateFormHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  reset(): void {
    this.template = EVENT_TEMPLATES[0];
    this.titles = { fi: '', sv: '', en: '' };
    this.languages = new Set(LANGUAGES);
    this.id = '';
    this.idTyped = false;
    this.token = '';
    this.problems = [];
  }

  private setTitle(language: Language, value: string): void {
    this.titles = { ...this.titles, [language]: value };
    if (!this.idTyped) {
      const first = [this.host.language, ...LANGUAGES].map((code) => this.titles[code].trim()).find(Boolean) ?? '';
      this.id = suggestSlug(first);
    }
    this.host.requestUpdate();
  }

  private setId(value: string): void {
    this.id = value.trim();
    this.idTyped = value !== '';
    this.host.requestUpdate();
  }

  private toggleLanguage(language: Language, on: boolean): void {
    const next = new Set(this.languages);
    if (on) next.add(language);
    else next.delete(language);
    this.languages = next;
    this.host.requestUpdate();
  }

  /** Checks the draft; the problems are shown beside their fields. */
  check(needsToken: boolean): boolean {
    const t = this.host.t.errors;
    const problems: DraftProblem[] = [];
    if (!LANGUAGES.some((language) => this.titles[language].trim())) problems.push({ field: 'title', text: t.titleRequired });
    if (this.languages.size === 0) problems.push({ field: 'languages', text: t.languagesRequired });
    if (!isSlug(this.id)) problems.push({ field: 'id', text: t.idInvalid });
    if (needsToken && !this.token.trim()) problems.push({ field: 'token', text: t.tokenRequired });
    this.problems = problems;
    this.host.requestUpdate();
    return problems.length === 0;
  }

  /** A problem the server reported for one of the form's fields. */
  report(problem: DraftProblem): void {
    this.problems = [problem];
    this.host.requestUpdate();
  }

  definition(): EventDefinition {
    const title = Object.fromEntries(LANGUAGES.filter((language) => this.titles[language].trim()).map((language) => [language, this.titles[language].trim()]));
    return {
      id: this.id,
      title,
      languages: LANGUAGES.filter((language) => this.languages.has(language)),
      activities: structuredClone(this.template.activities),
    };
  }

  private problem(field: DraftProblem['field']): DraftProblem | undefined {
    return this.problems.find((entry) => entry.field === field);
  }

  private describedBy(field: DraftProblem['field'], hint?: string): string {
    return [hint, this.problem(field) ? `${field}-problem` : ''].filter(Boolean).join(' ');
  }

  private renderProblem(field: DraftProblem['field']): TemplateResult | typeof nothing {
    const found = this.problem(field);
    return found ? html`<p class="field-error" id="${field}-problem">${found.text}</p>` : nothing;
  }

  /** The form's fields; the console adds the credentials and the buttons. */
  render(credentials: TemplateResult | typeof nothing): TemplateResult {
    const t = this.host.t;
    const language = this.host.language;
    return html`
      <fieldset class="templates">
        <legend>${t.create.template}</legend>
        <div class="template-grid">
          ${EVENT_TEMPLATES.map(
            (template) => html`<label class="template-card">
              <input
                type="radio"
                name="template"
                value=${template.id}
                .checked=${this.template.id === template.id}
                aria-describedby="template-${template.id}-about"
                @change=${() => {
                  this.template = template;
                  this.host.requestUpdate();
                }}
              />
              <span class="template-name">${template.name[language]}</span>
              <span class="template-about" id="template-${template.id}-about">
                ${template.description[language]}
                <span class="template-includes">${t.create.includes(template.activities.map((activity) => localizedText(activity.title, language)))}</span>
              </span>
            </label>`,
          )}
        </div>
      </fieldset>
      <fieldset aria-describedby=${this.describedBy('title', 'title-hint')}>
        <legend>${t.create.title}</legend>
        <p class="hint" id="title-hint">${t.create.titleHint}</p>
        <div class="title-grid">
          ${[language, ...LANGUAGES.filter((code) => code !== language)].map(
            (code) => html`<div class="field">
              <label for="title-${code}">${t.create.titleIn(t.languageNames[code])}</label>
              <input id="title-${code}" lang=${code} maxlength="300" .value=${this.titles[code]} aria-invalid=${this.problem('title') ? 'true' : 'false'} @input=${(event: Event) => this.setTitle(code, (event.target as HTMLInputElement).value)} />
            </div>`,
          )}
        </div>
        ${this.renderProblem('title')}
      </fieldset>
      <fieldset aria-describedby=${this.describedBy('languages')}>
        <legend>${t.create.languages}</legend>
        <div class="checks">
          ${LANGUAGES.map(
            (code) => html`<label class="check"
              ><input type="checkbox" .checked=${this.languages.has(code)} @change=${(event: Event) => this.toggleLanguage(code, (event.target as HTMLInputElement).checked)} />
              ${t.languageNames[code]}</label
            >`,
          )}
        </div>
        ${this.renderProblem('languages')}
      </fieldset>
      <div class="field">
        <label for="event-id">${t.create.id}</label>
        <input
          id="event-id"
          autocomplete="off"
          spellcheck="false"
          maxlength="64"
          .value=${this.id}
          aria-invalid=${this.problem('id') ? 'true' : 'false'}
          aria-describedby=${this.describedBy('id', 'id-hint')}
          @input=${(event: Event) => this.setId((event.target as HTMLInputElement).value)}
        />
        <p class="hint" id="id-hint">${t.create.idHint}</p>
        ${this.renderProblem('id')}
      </div>
      ${credentials}
    `;
  }

  renderToken(): TemplateResult {
    const t = this.host.t;
    return html`<div class="field">
      <label for="admin-token">${t.create.adminToken}</label>
      <input
        id="admin-token"
        type="password"
        autocomplete="off"
        .value=${this.token}
        aria-invalid=${this.problem('token') ? 'true' : 'false'}
        aria-describedby=${this.describedBy('token', 'token-hint')}
        @input=${(event: Event) => {
          this.token = (event.target as HTMLInputElement).value;
        }}
      />
      <p class="hint" id="token-hint">${t.create.adminTokenHint}</p>
      ${this.renderProblem('token')}
    </div>`;
  }
}
