import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OsaEvent } from 'osallistu/event.js';
import { BOARD, describeVote, feedbackForm, firstWords, LANGUAGES, texts, type Connection, type Language, type Vote } from './scenario.ts';

export function App({ connection }: { connection: Connection }) {
  const [lang, setLang] = useState<Language>('fi');
  const [vote, setVote] = useState<Vote>();
  const [entries, setEntries] = useState<Array<[string, string]>>();
  const [words, setWords] = useState(firstWords);
  const [draft, setDraft] = useState('');
  const eventElement = useRef<OsaEvent>(null);
  const t = texts[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title('React');
  }, [lang, t]);

  async function onVote(event: HTMLElementEventMap['osa-vote']) {
    // The event's adapter (the in-page one, or the server's) also answers the app's own questions.
    const adapter = eventElement.current?.resolvedAdapter;
    if (adapter) setVote(await describeVote(adapter, connection.event, event.detail));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The feedback form is a form control: its answers are in the form's own FormData.
    setEntries([...new FormData(event.currentTarget)].map(([name, value]) => [name, String(value)]));
  }

  function addWord(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const word = draft.trim();
    if (word) setWords([...words, word]);
    setDraft('');
  }

  return (
    <main>
      <h1>{t.title('React')}</h1>
      <fieldset className="languages">
        <legend>{t.language}</legend>
        {LANGUAGES.map(({ code, name }) => (
          <button key={code} type="button" lang={code} aria-pressed={code === lang} onClick={() => setLang(code)}>
            {name}
          </button>
        ))}
      </fieldset>
      {connection.api && <p>{t.server(connection.api, connection.event)}</p>}

      <osa-event ref={eventElement} lang={lang} api={connection.api} adapter={connection.adapter} event={connection.event}>
        <section aria-labelledby="board-title">
          <h2 id="board-title">{t.board}</h2>
          <osa-priority-board activity={BOARD} onosa-vote={onVote} />
          <p id="last-vote" role="status">
            {vote ? t.voted(vote) : t.noVote}
          </p>
        </section>

        <section aria-labelledby="feedback-title">
          <h2 id="feedback-title">{t.feedback}</h2>
          <form id="feedback" onSubmit={onSubmit} onReset={() => setEntries(undefined)}>
            <label>
              {t.role}{' '}
              <select name="role">
                {Object.entries(t.roles).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <osa-feedback-form name="feedback" definition={feedbackForm} />
            <div className="buttons">
              <button type="submit">{t.send}</button>
              <button type="reset">{t.clear}</button>
            </div>
          </form>
          <div role="status">
            {entries && (
              <>
                <p>{t.received}</p>
                <dl id="entries">
                  {entries.map(([name, value], index) => (
                    <div key={index}>
                      <dt>{name}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </div>
        </section>

        <section>
          <osa-tag-cloud words={words} label={t.cloud} />
          <form id="add-word" onSubmit={addWord}>
            <label>
              {t.word} <input value={draft} onChange={(event) => setDraft(event.target.value)} />
            </label>{' '}
            <button type="submit">{t.add}</button>
          </form>
        </section>
      </osa-event>
    </main>
  );
}
