/**
 * What every element shows around its content, written once: the loading state, why an activity
 * cannot be shown (not found, offline, another error) with "try again", and the connection banner
 * (offline, answers waiting to be sent). Styles come from the theme's `controls`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ActivityController } from '../controllers/activity-controller.js';
import type { Translation } from '../i18n/en.js';

/**
 * Before the element has a snapshot: "Loading…" as a busy status, or, when loading failed, the
 * reason in the user's language (an alert) and a button to try again.
 */
export function renderUnloaded(live: ActivityController, msg: Translation): TemplateResult {
  if (live.status === 'error' || live.status === 'offline') {
    return html`<div class="message error" role="alert">
      <p>${live.error ? live.errorText(live.error) : msg.errors.unknown}</p>
      <button type="button" @click=${() => live.reload()}>${msg.common.retry}</button>
    </div>`;
  }
  return html`<p role="status" aria-busy="true">${msg.common.loading}</p>`;
}

/** While offline or with writes waiting in the outbox: says so (a polite status). */
export function renderConnection(live: ActivityController, msg: Translation): TemplateResult | typeof nothing {
  // A refused stream (the organiser key was replaced, say) is not a lost connection: say why, as an alert.
  if (live.refused) {
    const text = live.refused.code === 'forbidden' ? msg.errors.keyReplaced : live.errorText(live.refused);
    return html`<div class="message error" role="alert"><p>${text}</p></div>`;
  }
  const pending = live.pending;
  const offline = live.connection === 'offline' || live.status === 'offline';
  if (!offline && pending === 0) return nothing;
  return html`<div class="message warning" role="status">
    ${offline ? html`<p>${msg.common.offline}</p>` : nothing} ${pending > 0 ? html`<p>${msg.common.pending(pending)}</p>` : nothing}
  </div>`;
}
