import { formatters } from '../format.js';
import type { ExpressionReason, FormReason } from '../../core/feedback/expression.js';
import type { FeedbackTranslation } from './en.js';

const f = formatters('fi');

export const feedbackFi: FeedbackTranslation = {
  label: 'Palaute',
  pollLabel: 'Kysely',
  phase: { preparing: 'Ei vielä auki', open: 'Auki', closed: 'Suljettu' },
  help: {
    preparing: 'Lomake avautuu pian.',
    closed: 'Lomake on suljettu. Kiitos osallistumisesta!',
    requiredNote: 'Tähdellä * merkityt kysymykset ovat pakollisia.',
  },
  required: 'pakollinen',
  requiredMark: '*',
  notApplicable: 'En osaa sanoa / ei koske minua',
  scaleRange: (min: number, max: number) => `asteikolla ${f.number(min)}–${f.number(max)}`,
  stars: (value: number, max: number) => `${f.number(value)}/${f.number(max)} tähteä`,
  smileys: ['Erittäin tyytymätön', 'Tyytymätön', 'Neutraali', 'Tyytyväinen', 'Erittäin tyytyväinen'],
  npsMin: 'En lainkaan todennäköisesti',
  npsMax: 'Erittäin todennäköisesti',
  chooseRange: (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined
      ? min === max
        ? `Valitse ${f.number(min)}.`
        : `Valitse ${f.number(min)}–${f.number(max)}.`
      : min !== undefined
        ? `Valitse vähintään ${f.number(min)}.`
        : max !== undefined
          ? `Valitse enintään ${f.number(max)}.`
          : '',
  ranking: {
    keys: 'Siirrä vaihtoehtoa sen nuolipainikkeilla tai näppäimillä Alt + ↑ / ↓.',
    moveUp: 'Siirrä ylöspäin',
    moveDown: 'Siirrä alaspäin',
    moved: (label: string, position: number, total: number) => `${label}: nyt ${f.number(position)}. / ${f.number(total)}.`,
    keep: 'Pidä tämä järjestys',
    kept: 'Järjestys on tallennettu vastaukseksesi.',
    untouched: 'Ei vielä vastattu: siirrä vaihtoehtoja tai pidä järjestys ennallaan.',
  },
  characters: (used: number, max: number) => `${f.number(used)} / ${f.number(max)} merkkiä`,
  progress: (answered: number, total: number) => `Vastattu ${f.number(answered)}/${f.number(total)} kysymykseen`,
  submit: 'Lähetä vastaukset',
  update: 'Tallenna muutokset',
  sending: 'Lähetetään…',
  problems: (count: number) => f.plural(count, { one: 'Tarkista 1 vastaus ennen lähettämistä:', other: `Tarkista ${f.number(count)} vastausta ennen lähettämistä:` }),
  errors: {
    required: 'Vastaus tarvitaan.',
    range: (min: number, max: number) => `Valitse arvo väliltä ${f.number(min)}–${f.number(max)}.`,
    tooFew: (min: number) => `Valitse vähintään ${f.number(min)}.`,
    tooMany: (max: number) => `Valitse enintään ${f.number(max)}.`,
    tooLong: (max: number) => `Kirjoita enintään ${f.number(max)} merkkiä.`,
    choice: 'Valitse jokin vaihtoehdoista.',
    invalid: 'Tarkista tämä vastaus.',
    form: 'Vastauksia ei voitu tarkistaa. Yritä uudelleen.',
  },
  thanks: 'Kiitos! Vastauksesi lähetettiin.',
  thanksQueued: 'Vastauksesi on tallennettu tälle laitteelle, ja ne lähetetään, kun yhteys palaa.',
  editAnswer: 'Muokkaa vastauksiani',
  answerAgain: 'Vastaa uudelleen',
  alreadyAnswered: 'Olet jo vastannut. Kiitos!',
  draftRestored: 'Lähettämättömät vastauksesi palautettiin.',
  draftSaved: 'Tallennettu tälle laitteelle',
  standaloneNote: 'Vastaukset lähetetään ympäröivän lomakkeen mukana.',
  declaredErrors: {
    title: 'Palautelomaketta ei voi näyttää: sen määrittelyssä on virheitä',
    intro: 'Sivun ylläpitäjälle: korjaa nämä sivun HTML-koodiin.',
    at: (position: number, name: string) => (name ? `Kysymys ${f.number(position)} (”${name}”)` : `Kysymys ${f.number(position)}`),
    section: (position: number) => `Osio ${f.number(position)}`,
    noQuestions: 'Lomakkeessa ei ole kysymyksiä. Lisää sen sisään <osa-question>-elementtejä.',
    unknownType: (type: string) => `tuntematon tyyppi ”${type}”. Käytä tyyppiä scale, nps, single, multiple, ranking, text tai longText.`,
    noName: 'name-attribuutti puuttuu.',
    noChoices: 'lisää vaihtoehdot <osa-choice value="…">-elementteinä.',
    number: (attribute: string, value: string) => `attribuutin ${attribute}="${value}" arvo ei ole kokonaisluku.`,
    expression: (attribute: string, message: string, position: number) => `${attribute}: ${message} (merkin ${f.number(position + 1)} kohdalla).`,
    form: (reason: FormReason, expression: (reason: ExpressionReason) => string): string => {
      switch (reason.code) {
        case 'noSections':
        case 'noQuestions':
          return 'lomakkeessa ei ole kysymyksiä. Lisää sen sisään <osa-question>-elementtejä.';
        case 'tooManySections':
          return `lomakkeessa voi olla enintään ${f.number(reason.max)} osiota.`;
        case 'tooManyQuestions':
          return `lomakkeessa voi olla enintään ${f.number(reason.max)} kysymystä.`;
        case 'pollOneQuestion':
          return 'kyselyssä on täsmälleen yksi kysymys.';
        case 'noSectionId':
          return 'osiolta puuttuu id.';
        case 'duplicateSectionId':
          return `kahdella osiolla on sama id ”${reason.id}”.`;
        case 'badName':
          return `nimessä ”${reason.name}” saa olla vain kirjaimia, numeroita, - ja _ (enintään 64 merkkiä), ja sen pitää alkaa kirjaimella.`;
        case 'duplicateName':
          return `nimi ”${reason.name}” on käytössä kahdesti.`;
        case 'reservedName':
          return `nimi ”${reason.name}” on varattu viennin sarakkeelle: valitse toinen.`;
        case 'unknownType':
          return `tuntematon tyyppi ”${reason.type}”. Käytä tyyppiä scale, nps, single, multiple, ranking, text tai longText.`;
        case 'noTitle':
          return 'kysymykseltä puuttuu teksti: kirjoita se elementin sisään.';
        case 'tooFewChoices':
          return f.plural(reason.min, { one: 'lisää vähintään 1 vaihtoehto <osa-choice value="…">-elementtinä.', other: `lisää vähintään ${f.number(reason.min)} vaihtoehtoa <osa-choice value="…">-elementteinä.` });
        case 'tooManyChoices':
          return `kysymyksessä voi olla enintään ${f.number(reason.max)} vaihtoehtoa.`;
        case 'noChoiceValue':
          return 'vaihtoehdolta puuttuu arvo.';
        case 'reservedChoiceValue':
          return `vaihtoehdon arvo ”${reason.value}” ei saa alkaa merkeillä ”__”.`;
        case 'duplicateChoiceValue':
          return `kahdella vaihtoehdolla on sama arvo ”${reason.value}”.`;
        case 'noChoiceLabel':
          return 'vaihtoehdolta puuttuu teksti.';
        case 'notWhole':
          return `${reason.field}-arvon pitää olla kokonaisluku.`;
        case 'scaleOrder':
          return `max-arvon (${f.number(reason.max)}) pitää olla suurempi kuin min-arvon (${f.number(reason.min)}).`;
        case 'tooManyPoints':
          return `asteikossa voi olla enintään ${f.number(reason.max)} kohtaa.`;
        case 'npsRange':
          return 'nps-kysymys on aina 0–10: jätä min ja max pois.';
        case 'notTaken':
          return `${reason.type}-tyyppinen kysymys ei käytä attribuuttia ${reason.field}.`;
        case 'selectionLimit':
          return `${reason.field}-arvon pitää olla kokonaisluku väliltä ${f.number(reason.min)}–${f.number(reason.max)} (vaihtoehtojen määrä).`;
        case 'selectionOrder':
          return `max-selected (${f.number(reason.max)}) on pienempi kuin min-selected (${f.number(reason.min)}).`;
        case 'lengthLimit':
          return `max-length-arvon pitää olla kokonaisluku väliltä 1–${f.number(reason.max)}.`;
        case 'emptyCondition':
          return 'ehto on tyhjä.';
        case 'expression':
          return expression(reason.expression);
      }
    },
    expressionReason: (reason: ExpressionReason): string => {
      switch (reason.code) {
        case 'tooLong':
          return `ehto on yli ${f.number(reason.max)} merkkiä pitkä`;
        case 'unclosedName':
          return 'merkiltä ”{” puuttuu sulkeva ”}”';
        case 'emptyName':
          return 'merkkien ”{” ja ”}” välistä puuttuu kysymyksen nimi';
        case 'unclosedText':
          return 'tekstiltä puuttuu sulkeva lainausmerkki';
        case 'unexpectedCharacter':
          return `merkki ”${reason.character}” ei kuulu tähän`;
        case 'tooDeep':
          return 'ehdossa on liian monta sisäkkäistä tasoa';
        case 'expected': {
          const expected = { operator: 'operaattori, kuten and, or tai =', value: 'arvo', closeParen: '”)”', listSeparator: '”,” tai ”]”' }[reason.expected];
          return `odotettiin: ${expected}, mutta ${reason.found === undefined ? 'ehto päättyi' : `löytyi ”${reason.found}”`}`;
        }
        case 'chained':
          return 'vertailuja ei voi ketjuttaa: yhdistä ne sanalla and tai or';
        case 'unknownName':
          return `kysymystä nimeltä ”${reason.name}” ei ole`;
        case 'unsupportedOperator':
          return `operaattoria ”${reason.operator}” ei tueta`;
        case 'unsupportedFunction':
          return `funktiota ”${reason.name}” ei tueta`;
        case 'valueBefore':
          return `sanan ”${reason.word}” edeltä puuttuu arvo`;
        case 'unknownWord':
          return `tuntematon sana ”${reason.word}”: kirjoita kysymysten nimet muodossa {${reason.word}} ja tekstit lainausmerkkeihin`;
      }
    },
  },
  poll: {
    yourAnswer: 'Vastauksesi',
    send: 'Vastaa',
    answers: (count: number) => f.plural(count, { zero: 'Ei vielä vastauksia', one: '1 vastaus', other: `${f.number(count)} vastausta` }),
    waiting: 'Tulokset näkyvät tässä, kun järjestäjä näyttää ne.',
    closed: 'Kysely on suljettu.',
    preparing: 'Seuraava kysymys tulee pian.',
    organiser: 'Kyselyn ohjaus',
    open: 'Avaa kysely',
    close: 'Sulje kysely',
    reset: 'Seuraava kysymys: tyhjennä vastaukset',
    resetConfirm: 'Tyhjennetäänkö reaaliaikaiset vastaukset uutta kierrosta varten? Aiemmat vastaukset jäävät vientitiedostoon.',
    resetDone: 'Uusi kierros alkoi.',
    round: (round: number) => `Kierros ${f.number(round)}`,
  },
  results: {
    title: 'Tulokset',
    hidden: 'Tulokset eivät ole julkisia.',
    keyNeeded: 'Tulosten näyttämiseen tarvitaan järjestäjän avain, tai järjestäjän pitää julkaista tulokset.',
    responses: (count: number) => f.plural(count, { zero: 'Ei vielä vastauksia', one: '1 vastaus', other: `${f.number(count)} vastausta` }),
    answered: (count: number) => f.plural(count, { zero: 'ei vastauksia', one: '1 vastaus', other: `${f.number(count)} vastausta` }),
    mean: 'Keskiarvo',
    median: 'Mediaani',
    nps: 'NPS',
    promoters: 'Suosittelijat (9–10)',
    passives: 'Passiiviset (7–8)',
    detractors: 'Arvostelijat (0–6)',
    averageRank: 'Keskimääräinen sija',
    option: 'Vaihtoehto',
    count: 'Vastauksia',
    share: 'Osuus',
    notApplicable: 'En osaa sanoa / ei koske minua',
    table: (title: string) => `${title}: luvut`,
    chart: (title: string) => `${title}: jakauma`,
    textAnswers: 'Kirjoitetut vastaukset',
    textHidden: 'Kirjoitetut vastaukset näkyvät vain järjestäjälle.',
    search: 'Hae vastauksista',
    matches: (count: number) => f.plural(count, { zero: 'Yksikään vastaus ei vastaa hakua.', one: '1 vastaus vastaa hakua.', other: `${f.number(count)} vastausta vastaa hakua.` }),
    noText: 'Ei vielä kirjoitettuja vastauksia.',
    export: 'Vie tiedostoon',
    exportCsv: 'Vastaukset (CSV)',
    exportJson: 'Kaikki (JSON)',
    rankPosition: (position: number) => `${f.number(position)}.`,
  },
  presenter: {
    join: 'Vastaa puhelimellasi',
    count: (count: number) => f.plural(count, { one: 'vastaus', other: 'vastausta' }),
  },
  export: {
    yes: 'kyllä',
    no: 'ei',
    columns: { response: 'Vastaus', participant: 'Osallistuja', round: 'Kierros', submitted: 'Lähetetty' },
    values: {},
    anyColumn: { __na__: 'en osaa sanoa / ei koske minua' },
  },
};
