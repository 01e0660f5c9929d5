import { expect } from '@open-wc/testing';
import { SseParser, type ServerSentEvent } from './sse-parser.js';

function parse(chunks: string[], initialId = ''): { events: ServerSentEvent[]; retries: number[] } {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) }, initialId);
  for (const chunk of chunks) parser.feed(chunk);
  return { events, retries };
}

describe('SseParser', () => {
  it('parses typed events, multi-line data, ids, retry and comments', () => {
    const { events, retries } = parse(['retry: 2000\n\nevent: ready\ndata: {"seq":41}\n\n: heartbeat\n\nid: 44\nevent: changes\ndata: [1,\ndata: 2]\n\n']);
    expect(retries).to.deep.equal([2000]);
    expect(events).to.deep.equal([
      { type: 'ready', data: '{"seq":41}', lastEventId: '' },
      { type: 'changes', data: '[1,\n2]', lastEventId: '44' },
    ]);
  });

  it('gives the same events however the text is split, with LF, CRLF or CR line ends', () => {
    const text = 'id: 7\nevent: changes\ndata: a\ndata: b\n\ndata: c\n\n';
    const whole = parse([text]).events;
    expect(whole.map((event) => [event.type, event.data, event.lastEventId])).to.deep.equal([
      ['changes', 'a\nb', '7'],
      ['message', 'c', '7'],
    ]);
    for (const ending of ['\n', '\r\n', '\r']) {
      const variant = text.replace(/\n/g, ending);
      for (let cut = 0; cut <= variant.length; cut += 1) {
        expect(parse([variant.slice(0, cut), variant.slice(cut)]).events, `${JSON.stringify(ending)} cut at ${cut}`).to.deep.equal(whole);
      }
      expect(parse([...variant]).events, `${JSON.stringify(ending)} one character at a time`).to.deep.equal(whole);
    }
  });

  it('keeps the last id across events, ignores ids with NUL, and dispatches nothing without data', () => {
    const { events } = parse(['id: 3\n\nevent: changes\n\ndata: x\n\nid: 4\u0000\ndata: y\n\nid\ndata: z\n\n'], '1');
    expect(events.map((event) => [event.type, event.data, event.lastEventId])).to.deep.equal([
      ['message', 'x', '3'],
      ['message', 'y', '3'],
      ['message', 'z', ''],
    ]);
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const events: ServerSentEvent[] = [];
    const parser = new SseParser({ onEvent: (event) => events.push(event) });
    parser.feed('data: half');
    expect(events).to.have.length(0);
    parser.feed('\n');
    expect(events).to.have.length(0);
    parser.feed('\n');
    expect(events.map((event) => event.data)).to.deep.equal(['half']);
  });
});
