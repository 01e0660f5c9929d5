import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OsaError } from '../core/errors.js';
import { toOsaError } from '../core/errors.js';
import type { SendOptions } from '../adapters/types.js';
import { LocalizeController } from '../i18n/localize.js';
import type { ActivityController } from './activity-controller.js';

/** A short message about the last action: shown beside the element's content. */
export interface Feedback {
  kind: 'error' | 'success' | 'warning';
  text: string;
}

/**
 * How a command ended:
 * - `done`: the back end ran it, and the snapshot already holds its changes;
 * - `queued`: no network; it waits in the outbox and is sent once when the network returns;
 * - `offline`: no network, and it was sent with `queue: false` (its answer is needed now);
 * - `refused`: the back end said no; `feedback` says why in the user's language.
 */
export type CommandOutcome<R> = { status: 'done'; result: R } | { status: 'queued' } | { status: 'offline' } | { status: 'refused'; error: OsaError };

export interface CommandOptions {
  /**
   * The element's own words for a refusal, where they say more than the general ones (e.g. "you
   * can send at most 20 ideas"); `undefined` falls back to the general message.
   */
  refusal?: (error: OsaError, command: string) => string | undefined;
  /** The label a user sees for a field the back end names (`text` → "Your idea"). */
  fieldLabel?: (field: string) => string;
}

export interface RunOptions extends SendOptions {
  /** Shown as success feedback when the command is done. */
  success?: string;
}

/**
 * Runs an element's commands as its user: one at a time (`busy` disables the actions), with the
 * outcome as `feedback` in the user's language — why a command was refused, or that it waits to
 * be sent while offline — and nothing to write again in each element.
 */
export class CommandController implements ReactiveController {
  busy = false;
  feedback: Feedback | undefined;
  private readonly i18n: LocalizeController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly live: ActivityController,
    private readonly options: CommandOptions = {},
  ) {
    this.i18n = new LocalizeController(host);
    host.addController(this);
  }

  hostConnected(): void {}

  async run<R = unknown>(command: string, payload: unknown, options: RunOptions = {}): Promise<CommandOutcome<R>> {
    const { success, ...send } = options;
    this.busy = true;
    this.feedback = undefined;
    this.host.requestUpdate();
    try {
      const sent = await this.live.send(command, payload, send);
      if (sent.queued) {
        this.feedback = { kind: 'warning', text: this.i18n.msg.common.offline };
        return { status: 'queued' };
      }
      if (success) this.feedback = { kind: 'success', text: success };
      return { status: 'done', result: sent.result as R };
    } catch (thrown) {
      const error = toOsaError(thrown);
      // Its answer was needed now: the element shows that it waits for the network instead.
      if (error.code === 'offline' && send.queue === false) return { status: 'offline' };
      this.feedback = { kind: 'error', text: this.describe(error, command) };
      return { status: 'refused', error };
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Runs an action that is not a command (a download, a copy) with the same busy state and error feedback. */
  async act(action: () => Promise<void>, success?: string): Promise<boolean> {
    this.busy = true;
    this.feedback = undefined;
    this.host.requestUpdate();
    try {
      await action();
      if (success) this.feedback = { kind: 'success', text: success };
      return true;
    } catch (thrown) {
      this.feedback = { kind: 'error', text: this.describe(toOsaError(thrown), '') };
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a message of the element's own. */
  say(feedback: Feedback | undefined): void {
    this.feedback = feedback;
    this.host.requestUpdate();
  }

  /** The feedback as a message: an alert for errors, a polite status otherwise. */
  render(): TemplateResult | typeof nothing {
    const feedback = this.feedback;
    if (!feedback) return nothing;
    return html`<div class="message ${feedback.kind}" role=${feedback.kind === 'error' ? 'alert' : 'status'}>${feedback.text}</div>`;
  }

  private describe(error: OsaError, command: string): string {
    return this.options.refusal?.(error, command) ?? this.live.errorText(error, this.options.fieldLabel);
  }
}
