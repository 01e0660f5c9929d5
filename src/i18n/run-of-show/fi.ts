import { formatters } from '../format.js';
import type { RunOfShowTranslation } from './en.js';

const f = formatters('fi');

export const runOfShowFi: RunOfShowTranslation = {
  label: 'Ohjelman kulku',
  intro: 'Siirrä tästä jokainen osio seuraavaan vaiheeseen. Osallistujat näkevät muutoksen heti.',
  keysHelp: 'Nuolinäppäimet liikkuvat vaiheiden välillä; Enter tai välilyönti siirtää osion valittuun vaiheeseen.',
  keyNeeded: 'Ohjelman kulku tarvitsee järjestäjän avaimen. Avaa sivu järjestäjän linkillä (sen osoite päättyy #key=…).',
  empty: 'Tapahtumassa ei ole vielä osioita.',
  phase: 'Vaihe',
  kinds: { board: 'Priorisointitaulu', workshops: 'Työpajat', feedback: 'Palautelomake', cloud: 'Sanapilvi' },
  unknownKind: (kind: string) => `Osio, jonka tyyppi on ”${kind}”; tämä sivu ei osaa näyttää sitä.`,
  seesNow: 'Osallistujat näkevät nyt',
  moved: (title: string, phase: string) => `”${title}” on nyt vaiheessa ”${phase}”.`,
  notMovedOffline: 'Ei yhteyttä: vaihetta ei vaihdettu. Yritä uudelleen, kun yhteys palaa.',
  counts: {
    ideas: (n: number) => f.plural(n, { one: '1 idea', other: `${f.number(n)} ideaa` }),
    votes: (n: number) => f.plural(n, { one: '1 ääni', other: `${f.number(n)} ääntä` }),
    participants: (n: number) => f.plural(n, { one: '1 osallistuja', other: `${f.number(n)} osallistujaa` }),
    seats: (held: number, capacity: number) => `${f.number(held)} / ${f.number(capacity)} paikkaa varattu`,
    waiting: (n: number) => f.plural(n, { one: '1 jonossa', other: `${f.number(n)} jonossa` }),
    ranked: (n: number) => f.plural(n, { one: '1 henkilö on järjestänyt toiveensa', other: `${f.number(n)} henkilöä on järjestänyt toiveensa` }),
    responses: (n: number) => f.plural(n, { one: '1 vastaus', other: `${f.number(n)} vastausta` }),
    answers: (n: number) => f.plural(n, { one: '1 vastaus', other: `${f.number(n)} vastausta` }),
  },
  sees: {
    board: {
      collect: (showIdeas: boolean) =>
        showIdeas ? 'Osallistujat lisäävät ideoita ja lukevat toistensa ideoita; kukaan ei vielä äänestä.' : 'Osallistujat lisäävät ideoita ja näkevät vain omansa; kukaan ei vielä äänestä.',
      voteDuel: 'Osallistujat valitsevat kahdesta ideasta tärkeämmän pari kerrallaan.',
      voteUpvote: 'Osallistujat tykkäävät tärkeimpinä pitämistään ideoista.',
      results: (visible: boolean) => (visible ? 'Äänestys on päättynyt; osallistujat näkevät järjestyksen.' : 'Äänestys on päättynyt; osallistujat eivät näe järjestystä.'),
      closed: (visible: boolean) => (visible ? 'Taulu on suljettu; osallistujat näkevät lopullisen järjestyksen.' : 'Taulu on suljettu; osallistujat eivät näe järjestystä.'),
    },
    workshops: {
      preparing: 'Osallistujat näkevät ohjelman; ilmoittautuminen ei ole vielä auki.',
      openFirstCome: 'Osallistujat varaavat paikkoja; täyteen pajaan pääsee jonoon.',
      openRanked: 'Osallistujat järjestävät toivomansa pajat; paikat jaetaan myöhemmin.',
      closed: (published: boolean) =>
        published ? 'Ilmoittautuminen on päättynyt; osallistujat näkevät heille jaetut paikat.' : 'Ilmoittautuminen on päättynyt; osallistujat näkevät paikkansa ja jonosijansa.',
    },
    feedback: {
      preparing: 'Lomake ei ole vielä auki; osallistujat näkevät, että se avautuu pian.',
      open: (publicResults: boolean) => (publicResults ? 'Osallistujat vastaavat lomakkeeseen ja näkevät tähänastiset tulokset.' : 'Osallistujat vastaavat lomakkeeseen; tuloksia ei näytetä heille.'),
      closed: (publicResults: boolean) => (publicResults ? 'Lomake on suljettu; osallistujat näkevät tulokset.' : 'Lomake on suljettu; osallistujat näkevät kiitosviestin.'),
    },
    cloud: {
      preparing: 'Vastaaminen ei ole vielä auki; osallistujat näkevät, että se alkaa pian.',
      open: (showCloud: boolean) => (showCloud ? 'Osallistujat lisäävät sanoja ja näkevät pilven kasvavan.' : 'Osallistujat lisäävät sanoja ja näkevät vain omat vastauksensa.'),
      closed: (showCloud: boolean) => (showCloud ? 'Vastaaminen on päättynyt; osallistujat näkevät lopullisen pilven.' : 'Vastaaminen on päättynyt; osallistujat näkevät vain omat vastauksensa.'),
    },
  },
};
