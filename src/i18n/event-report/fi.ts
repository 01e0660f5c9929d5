import { formatters } from '../format.js';
import type { EventReportTranslation } from './en.js';

const f = formatters('fi');

export const eventReportFi: EventReportTranslation = {
  label: 'Tulosraportti',
  heading: (title: string) => `${title}: tulokset`,
  eventDate: (date: string) => `Tapahtuman päivä: ${date}`,
  compiled: (date: string) => `Raportti koottu ${date}`,
  print: 'Tulosta tai tallenna PDF:ksi',
  includeText: 'Ota mukaan avoimet vastaukset',
  includeTextHelp: 'Osallistujien omat sanat kannattaa ehkä tarkistaa ennen kuin jaat raportin.',
  options: 'Raportin asetukset',
  keyNeeded: 'Tulosraportti tarvitsee järjestäjän avaimen. Avaa sivu järjestäjän linkillä (sen osoite päättyy #key=…).',
  empty: 'Tapahtumassa ei ole vielä osioita.',
  kinds: { board: 'Priorisointitaulu', workshops: 'Työpajat', feedback: 'Palautelomake', cloud: 'Sanapilvi' },
  unknownKind: (kind: string) => `Osio, jonka tyyppi on ”${kind}”; sen tulokset ovat sen viennissä.`,
  kindAndPhase: (kind: string, phase: string) => `${kind} · vaihe: ${phase}`,
  count: 'Määrä',
  share: 'Osuus',
  board: {
    summary: (ideas: number, votes: number, participants: number) =>
      `${f.plural(ideas, { one: '1 idea', other: `${f.number(ideas)} ideaa` })}, ${f.plural(votes, { one: '1 ääni', other: `${f.number(votes)} ääntä` })}, ${f.plural(participants, { one: '1 osallistuja', other: `${f.number(participants)} osallistujaa` })}.`,
    caption: (question: string, shown: number, ranked: number) => (shown < ranked ? `${question}: ${f.number(shown)} parasta ${f.number(ranked)} järjestetystä ideasta` : `${question}: järjestetyt ideat`),
    position: 'Sija',
    idea: 'Idea',
    score: 'Pisteet (0–100)',
    band: 'Todennäköinen vaihteluväli',
    appearancesDuel: 'Kaksintaisteluja',
    appearancesUpvote: 'Tykkäyksiä',
    scoreDuel: 'Pisteet ovat arvioitu todennäköisyys (0–100), että idea voittaa satunnaisesti valitun toisen idean.',
    scoreUpvote: 'Pisteet ovat varovainen arvio (0–100) siitä, kuinka suuri osa osallistujista tykkää ideasta.',
    unranked: (n: number) => f.plural(n, { one: '1 idealla on liian vähän ääniä järjestettäväksi.', other: `${f.number(n)} idealla on liian vähän ääniä järjestettäväksi.` }),
    none: 'Yhtään ideaa ei ole vielä järjestetty.',
  },
  workshops: {
    summary: (held: number, capacity: number, waiting: number) =>
      `${f.number(held)} / ${f.number(capacity)} paikkaa varattu; ${f.plural(waiting, { one: '1 henkilö jonossa', other: `${f.number(waiting)} henkilöä jonoissa` })}.`,
    caption: 'Paikat työpajoittain',
    workshop: 'Työpaja',
    slot: 'Aika',
    capacity: 'Paikkoja',
    taken: 'Varattu',
    waiting: 'Jonossa',
    cancelled: 'peruttu',
    ranked: (n: number) => f.plural(n, { one: '1 henkilö järjesti työpajoja.', other: `${f.number(n)} henkilöä järjesti työpajoja.` }),
    published: (date: string) => `Paikkojen jako julkaistiin ${date}.`,
    notPublished: 'Paikkojen jakoa ei ole julkaistu.',
  },
  feedback: {
    responses: (n: number) => f.plural(n, { one: '1 vastaus', other: `${f.number(n)} vastausta` }),
    answered: (n: number) => f.plural(n, { zero: 'Ei vastauksia', one: '1 vastaus', other: `${f.number(n)} vastausta` }),
    notApplicable: (n: number) => `”En osaa sanoa / ei koske minua”: ${f.number(n)}`,
    mean: 'Keskiarvo',
    median: 'Mediaani',
    nps: 'NPS',
    promoters: 'Suosittelijat (9–10)',
    passives: 'Passiiviset (7–8)',
    detractors: 'Arvostelijat (0–6)',
    figures: (question: string) => `${question}: tunnusluvut`,
    distribution: (question: string) => `${question}: vastaukset`,
    value: 'Vastaus',
    option: 'Vaihtoehto',
    averageRank: 'Keskimääräinen sija (1 = paras)',
    textAnswers: (question: string) => `${question}: kirjoitetut vastaukset`,
    textLeftOut: (n: number) =>
      f.plural(n, { zero: 'Ei kirjoitettuja vastauksia.', one: '1 kirjoitettu vastaus, jätetty pois tästä raportista.', other: `${f.number(n)} kirjoitettua vastausta, jätetty pois tästä raportista.` }),
  },
  cloud: {
    summary: (answers: number, participants: number) =>
      `${f.plural(answers, { one: '1 vastaus', other: `${f.number(answers)} vastausta` })}, ${f.plural(participants, { one: '1 osallistuja', other: `${f.number(participants)} osallistujaa` })}.`,
    caption: (shown: number, total: number) => (shown < total ? `${f.number(shown)} yleisintä ${f.number(total)} sanasta` : 'Sanat'),
    term: 'Sana',
    none: 'Ei vielä vastauksia.',
  },
};
