import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BOARD_PHASES, visibleIdeas, type BoardData, type Idea } from '../../core/board/board.view.js';
import { RovingTabindexController } from '../../controllers/roving-tabindex.js';
import { downloadExport } from '../../kit/download.js';
import type { OsaPriorityBoard } from './priority-board.component.js';

/**
 * The organiser's view of a board: phases, settings, the moderation queue, every idea with its
 * actions (edit, hide, restore, merge), the ranking, the moderation log and the exports. It owns
 * its own state (the idea being edited, the chosen merge targets); the board renders it only for
 * a viewer who holds the organiser key.
 */
export class BoardOrganiser implements ReactiveController {
  editing: { ideaId: string; text: string } | undefined;
  mergeTarget: Record<string, string> = {};

  constructor(private readonly host: OsaPriorityBoard) {
    host.addController(this);
    // Arrow keys move between the phase buttons.
    new RovingTabindexController(host, {
      items: () => [...(host.renderRoot?.querySelectorAll<HTMLElement>('[data-phase]') ?? [])],
      orientation: 'horizontal',
    });
  }

  hostConnected(): void {}

  get t() {
    return this.host.t;
  }

  get common() {
    return this.host.i18n.msg.common;
  }

  get format() {
    return this.host.i18n.format;
  }

  setEditing(editing: { ideaId: string; text: string } | undefined): void {
    this.editing = editing;
    this.host.requestUpdate();
  }

  setMergeTarget(ideaId: string, target: string): void {
    this.mergeTarget = { ...this.mergeTarget, [ideaId]: target };
    this.host.requestUpdate();
  }

  async act(command: string, payload: unknown): Promise<void> {
    await this.host.commands.run(command, payload, { success: this.t.organiser.saved });
  }

  download(format: 'json' | 'csv', table = 'results'): Promise<boolean> {
    return this.host.commands.act(async () => downloadExport(await this.host.live.exportActivity(), format, table, this.host.i18n.language));
  }

  results(board: BoardData): TemplateResult {
    return this.host.ranking.render(board.config);
  }

  render(board: BoardData): TemplateResult {
    return renderOrganiser(this, board);
  }
}

type OrganiserHost = BoardOrganiser;

function renderOrganiser(host: OrganiserHost, board: BoardData): TemplateResult {
  const t = host.t.organiser;
  const { state, config, phase } = board;
  const pending = state.order.map((id) => state.ideas[id]).filter((item) => item.status === 'pending');
  const all = state.order.map((id) => state.ideas[id]).filter((item) => item.status !== 'pending');
  const visible = visibleIdeas(state);
  const setting = <K extends 'mode' | 'moderation' | 'resultsVisibility'>(key: K, options: Record<string, string>, label: string) => html`<label
    class="stack"
    >${label}
    <select
      @change=${(event: Event) => host.act('configure', { config: { ...config, [key]: (event.target as HTMLSelectElement).value } })}
    >
      ${Object.entries(options).map(([value, text]) => html`<option value=${value} ?selected=${config[key] === value}>${text}</option>`)}
    </select></label
  >`;
  return html`<div class="stack">
    <fieldset>
      <legend id="phase-legend">${t.phase}</legend>
      <div class="row" role="radiogroup" aria-labelledby="phase-legend">
        ${BOARD_PHASES.map(
          (value) => html`<button
            role="radio"
            data-phase=${value}
            aria-checked=${phase === value ? 'true' : 'false'}
            @click=${() => phase !== value && host.act('setPhase', { phase: value })}
          >
            ${host.t.phase[value]}
          </button>`,
        )}
      </div>
    </fieldset>
    <fieldset>
      <legend>${t.settings}</legend>
      <div class="row">
        ${setting('mode', t.modes, t.mode)} ${setting('moderation', t.moderations, t.moderation)}
        ${setting('resultsVisibility', t.visibilities, t.visibility)}
      </div>
      <div class="row">
        ${(['showIdeas', 'likesWhileCollecting'] as const).map(
          (key) => html`<label class="row"
            ><input
              type="checkbox"
              .checked=${config[key]}
              @change=${(event: Event) => host.act('configure', { config: { ...config, [key]: (event.target as HTMLInputElement).checked } })}
            />${t[key]}</label
          >`,
        )}
      </div>
    </fieldset>
    <section class="stack" aria-labelledby="queue-title">
      <h3 id="queue-title">${t.queue} (${pending.length})</h3>
      ${pending.length === 0
        ? html`<p class="muted">${t.queueEmpty}</p>`
        : html`<ul class="plain">
            ${pending.map(
              (item) => html`<li class="idea" part="idea">
                <div>${item.text}</div>
                ${item.flagged?.length ? html`<div class="flag">${t.flagged(item.flagged.join(', '))}</div>` : nothing}
                <div class="row">
                  <button class="primary" @click=${() => host.act('moderate', { ideaId: item.id, action: 'approve' })}>${t.approve}</button>
                  <button @click=${() => host.act('moderate', { ideaId: item.id, action: 'hide' })}>${t.hide}</button>
                </div>
              </li>`,
            )}
          </ul>`}
    </section>
    <section class="stack" aria-labelledby="ideas-title">
      <h3 id="ideas-title">${t.ideas} (${all.length})</h3>
      <p class="muted">${t.mergeHelp}</p>
      <ul class="plain">
        ${repeat(all, (item) => item.id, (item) => renderOrganiserIdea(host, item, visible))}
      </ul>
    </section>
    ${host.results(board)}
    <details>
      <summary>${t.log} (${state.moderation.length})</summary>
      ${state.moderation.length === 0
        ? html`<p class="muted">${t.logEmpty}</p>`
        : html`<table>
            <tbody>
              ${state.moderation
                .slice()
                .reverse()
                .map(
                  (entry) => html`<tr>
                    <td>${host.format.time(entry.at)}</td>
                    <td>${t.actions[entry.action]}</td>
                    <td>${entry.detail}</td>
                  </tr>`,
                )}
            </tbody>
          </table>`}
    </details>
    <fieldset>
      <legend>${t.export}</legend>
      <div class="row">
        ${(Object.keys(t.tables) as Array<keyof typeof t.tables>).map(
          (table) => html`<button @click=${() => host.download('csv', table)}>${t.exportCsv(t.tables[table])}</button>`,
        )}
        <button @click=${() => host.download('json')}>${t.exportJson}</button>
      </div>
    </fieldset>
  </div>`;
}

function renderOrganiserIdea(host: OrganiserHost, item: Idea, visible: Idea[]): TemplateResult {
  const t = host.t.organiser;
  const editing = host.editing?.ideaId === item.id ? host.editing : undefined;
  const targets = visible.filter((other) => other.id !== item.id);
  const selectId = `merge-${item.id}`;
  return html`<li class="idea" part="idea">
    ${editing
      ? html`<label class="stack"
          >${t.edit}
          <textarea
            .value=${editing.text}
            @input=${(event: InputEvent) => host.setEditing({ ideaId: item.id, text: (event.target as HTMLTextAreaElement).value })}
          ></textarea
        ></label>`
      : html`<div>${item.text}</div>`}
    <div class="meta">
      ${host.t.collect.status[item.status]} · ${host.t.upvote.likes(item.likes)}
      ${item.flagged?.length ? html`<span class="flag"> · ${t.flagged(item.flagged.join(', '))}</span>` : nothing}
    </div>
    ${item.status === 'merged'
      ? nothing
      : html`<div class="row">
          ${editing
            ? html`<button
                  class="primary"
                  @click=${async () => {
                    await host.act('moderate', { ideaId: item.id, action: 'edit', text: editing.text });
                    host.setEditing(undefined);
                  }}
                >
                  ${t.saveEdit}
                </button>
                <button @click=${() => host.setEditing(undefined)}>${host.common.cancel}</button>`
            : html`<button @click=${() => host.setEditing({ ideaId: item.id, text: item.text })}>${t.edit}</button>`}
          ${item.status === 'visible'
            ? html`<button @click=${() => host.act('moderate', { ideaId: item.id, action: 'hide' })}>${t.hide}</button>`
            : html`<button @click=${() => host.act('moderate', { ideaId: item.id, action: 'restore' })}>${t.restore}</button>`}
          ${targets.length > 0
            ? html`<label class="visually-hidden" for=${selectId}>${t.mergeInto}</label>
                <select
                  id=${selectId}
                  @change=${(event: Event) => host.setMergeTarget(item.id, (event.target as HTMLSelectElement).value)}
                >
                  <option value="">${t.mergeInto}</option>
                  ${targets.map((other) => html`<option value=${other.id}>${other.text.slice(0, 80)}</option>`)}
                </select>
                <button
                  ?disabled=${!host.mergeTarget[item.id]}
                  @click=${() => host.act('merge', { from: item.id, into: host.mergeTarget[item.id] })}
                >
                  ${t.merge}
                </button>`
            : nothing}
        </div>`}
  </li>`;
}
