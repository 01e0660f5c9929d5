/** One dispatched Server-Sent Event. */
export interface ServerSentEvent {
  /** The `event:` field, `message` when absent. */
  type: string;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** The last event id after this event (the `id:` field persists across events, as in EventSource). */
  lastEventId: string;
}

export interface SseHandlers {
  onEvent(event: ServerSentEvent): void;
  /** A `retry:` field: the reconnection time the server asks for, in ms. */
  onRetry?(ms: number): void;
}

/**
 * An incremental parser of the `text/event-stream` format (HTML Living Standard, 9.2.6): feed it
 * decoded text chunks as they arrive, split anywhere. Handles CRLF, CR and LF line ends, multi-line
 * `data`, comments, `retry`, and `id` (ignored when it contains NUL, as the standard says).
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private type = '';
  private lastEventId = '';
  /** A chunk ended in CR: a LF starting the next chunk belongs to the same line end. */
  private pendingCr = false;

  constructor(
    private readonly handlers: SseHandlers,
    initialLastEventId = '',
  ) {
    this.lastEventId = initialLastEventId;
  }

  feed(chunk: string): void {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (let index = 0; index < this.buffer.length; index += 1) {
      const char = this.buffer[index];
      if (char !== '\n' && char !== '\r') continue;
      this.line(this.buffer.slice(start, index));
      if (char === '\r') {
        if (index + 1 === this.buffer.length) this.pendingCr = true;
        else if (this.buffer[index + 1] === '\n') index += 1;
      }
      start = index + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.handlers.onRetry?.(Number(value));
        break;
    }
  }

  private dispatch(): void {
    const data = this.data;
    const type = this.type || 'message';
    this.data = [];
    this.type = '';
    if (data.length === 0) return;
    this.handlers.onEvent({ type, data: data.join('\n'), lastEventId: this.lastEventId });
  }
}
