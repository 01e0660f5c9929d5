// The page the console's participant and presenter links lead to:
// take-part.html?event=<id>&activity=<id>&lang=<fi|sv|en>[&view=presenter][#key=<organiser key>]
// It shows that one activity's element, full screen for the presenter. An organiser key arrives only
// in the fragment; it is kept for this tab (sessionStorage) and removed from the address at once, so
// that it is not shown on a projected screen nor kept in the history.
const KINDS = { board: 'osa-priority-board', workshops: 'osa-workshop-picker', feedback: 'osa-feedback-form', cloud: 'osa-tag-cloud' };
const TEXTS = {
  fi: { missing: 'Linkistä puuttuu tapahtuma tai toiminto.', notFound: 'Toimintoa ei löytynyt. Tarkista linkki tai kysy järjestäjältä.', offline: 'Palvelimeen ei saada yhteyttä. Yritä hetken kuluttua uudelleen.' },
  sv: { missing: 'Länken saknar evenemang eller aktivitet.', notFound: 'Aktiviteten hittades inte. Kontrollera länken eller fråga arrangören.', offline: 'Servern kan inte nås. Försök igen om en stund.' },
  en: { missing: 'The link has no event or activity.', notFound: 'The activity could not be found. Check the link or ask the organiser.', offline: 'The server cannot be reached. Try again in a moment.' },
};

const params = new URLSearchParams(location.search);
const eventId = params.get('event') ?? '';
const activityId = params.get('activity') ?? '';
const presenter = params.get('view') === 'presenter';
const lang = ['fi', 'sv', 'en'].includes(params.get('lang')) ? params.get('lang') : 'fi';
document.documentElement.lang = lang;
document.body.classList.add(presenter ? 'presenter' : 'participant');
const main = document.getElementById('main');

const storedKey = `osallistu-key:${eventId}`;
const fragmentKey = new URLSearchParams(location.hash.slice(1)).get('key');
if (fragmentKey) {
  sessionStorage.setItem(storedKey, fragmentKey);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
const organiserKey = presenter ? (sessionStorage.getItem(storedKey) ?? undefined) : undefined;

function problem(text) {
  const message = document.createElement('p');
  message.className = 'problem';
  message.setAttribute('role', 'alert');
  message.textContent = text;
  main.replaceChildren(message);
}

function title(value) {
  if (typeof value === 'string') return value;
  return value?.[lang] ?? value?.fi ?? value?.en ?? value?.sv ?? '';
}

async function show() {
  if (!eventId || !activityId) return problem(TEXTS[lang].missing);
  let info;
  try {
    const response = await fetch(`/api/v1/events/${encodeURIComponent(eventId)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return problem(TEXTS[lang].notFound);
    info = await response.json();
  } catch {
    return problem(TEXTS[lang].offline);
  }
  const activity = info.activities.find((entry) => entry.id === activityId);
  const tag = activity && KINDS[activity.kind];
  if (!tag) return problem(TEXTS[lang].notFound);
  document.title = `${title(activity.title)} – ${title(info.title)}`;
  const heading = document.createElement('h1');
  heading.textContent = title(info.title);
  const event = document.createElement('osa-event');
  event.setAttribute('api', '/');
  event.setAttribute('event', eventId);
  event.setAttribute('lang', lang);
  const element = document.createElement(tag);
  element.setAttribute('activity', activityId);
  if (presenter) {
    element.setAttribute('view', 'presenter');
    const join = new URL(location.href);
    join.searchParams.delete('view');
    join.hash = '';
    element.setAttribute('join-url', join.href);
  }
  event.append(element);
  main.replaceChildren(heading, event);
  if (organiserKey) {
    await customElements.whenDefined('osa-event');
    event.organiserKey = organiserKey;
  }
}

show();
