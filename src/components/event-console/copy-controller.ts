import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a copy button says "copied". */
const COPIED_MS = 4000;

/**
 * Copies text to the clipboard for the console's copy buttons and remembers, per button, that it
 * did (the button then says "copied", announced by its live region). A browser that refuses the
 * clipboard gets the text selected in its field instead, for the user to copy.
 */
export class CopyController implements ReactiveController {
  /** The id of the button that copied last, while it says so. */
  copied: string | undefined;
  /** The id of the button whose copy failed. */
  failed: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  async copy(id: string, text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<void> {
    clearTimeout(this.timer);
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      // No clipboard permission (an embedded frame, an old browser): the selection below is the fallback.
      if (field) {
        field.focus();
        field.select();
        done = document.execCommand('copy');
      }
    }
    this.copied = done ? id : undefined;
    this.failed = done ? undefined : id;
    this.host.requestUpdate();
    if (done) {
      this.timer = setTimeout(() => {
        this.copied = undefined;
        this.host.requestUpdate();
      }, COPIED_MS);
    }
  }
}
