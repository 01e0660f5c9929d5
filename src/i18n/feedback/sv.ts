import { formatters } from '../format.js';
import type { ExpressionReason, FormReason } from '../../core/feedback/expression.js';
import type { FeedbackTranslation } from './en.js';

const f = formatters('sv');

export const feedbackSv: FeedbackTranslation = {
  label: 'Respons',
  pollLabel: 'Snabbfråga',
  phase: { preparing: 'Inte öppen än', open: 'Öppen', closed: 'Stängd' },
  help: {
    preparing: 'Formuläret öppnas snart.',
    closed: 'Formuläret är stängt. Tack för att du deltog!',
    requiredNote: 'Frågor märkta med * är obligatoriska.',
  },
  required: 'obligatorisk',
  requiredMark: '*',
  notApplicable: 'Vet inte / gäller inte mig',
  scaleRange: (min: number, max: number) => `på en skala ${f.number(min)}–${f.number(max)}`,
  stars: (value: number, max: number) => `${f.number(value)} av ${f.number(max)} stjärnor`,
  smileys: ['Mycket missnöjd', 'Missnöjd', 'Neutral', 'Nöjd', 'Mycket nöjd'],
  npsMin: 'Inte alls sannolikt',
  npsMax: 'Mycket sannolikt',
  chooseRange: (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined
      ? min === max
        ? `Välj ${f.number(min)}.`
        : `Välj ${f.number(min)}–${f.number(max)}.`
      : min !== undefined
        ? `Välj minst ${f.number(min)}.`
        : max !== undefined
          ? `Välj högst ${f.number(max)}.`
          : '',
  ranking: {
    keys: 'Flytta ett alternativ med dess pilknappar eller med Alt + ↑ / ↓.',
    moveUp: 'Flytta upp',
    moveDown: 'Flytta ned',
    moved: (label: string, position: number, total: number) => `${label}: nu ${f.number(position)} av ${f.number(total)}.`,
    keep: 'Behåll den här ordningen',
    kept: 'Ordningen är sparad som ditt svar.',
    untouched: 'Inte besvarad än: flytta alternativ eller behåll ordningen som den är.',
  },
  characters: (used: number, max: number) => `${f.number(used)} / ${f.number(max)} tecken`,
  progress: (answered: number, total: number) => `${f.number(answered)} av ${f.number(total)} frågor besvarade`,
  submit: 'Skicka svaren',
  update: 'Spara ändringarna',
  sending: 'Skickar…',
  problems: (count: number) => f.plural(count, { one: 'Kontrollera 1 svar innan du skickar:', other: `Kontrollera ${f.number(count)} svar innan du skickar:` }),
  errors: {
    required: 'Ett svar behövs.',
    range: (min: number, max: number) => `Välj ett värde mellan ${f.number(min)} och ${f.number(max)}.`,
    tooFew: (min: number) => `Välj minst ${f.number(min)}.`,
    tooMany: (max: number) => `Välj högst ${f.number(max)}.`,
    tooLong: (max: number) => `Skriv högst ${f.number(max)} tecken.`,
    choice: 'Välj ett av alternativen.',
    invalid: 'Kontrollera det här svaret.',
    form: 'Svaren kunde inte kontrolleras. Försök igen.',
  },
  thanks: 'Tack! Dina svar skickades.',
  thanksQueued: 'Dina svar är sparade på den här enheten och skickas när förbindelsen återkommer.',
  editAnswer: 'Ändra mina svar',
  answerAgain: 'Svara igen',
  alreadyAnswered: 'Du har redan svarat. Tack!',
  draftRestored: 'Dina osända svar återställdes.',
  draftSaved: 'Sparat på den här enheten',
  standaloneNote: 'Svaren skickas med formuläret runt omkring.',
  declaredErrors: {
    title: 'Responsformuläret kan inte visas: dess definition innehåller fel',
    intro: 'Till sidans redaktör: rätta dessa i sidans HTML-kod.',
    at: (position: number, name: string) => (name ? `Fråga ${f.number(position)} (”${name}”)` : `Fråga ${f.number(position)}`),
    section: (position: number) => `Avsnitt ${f.number(position)}`,
    noQuestions: 'Formuläret har inga frågor. Lägg till <osa-question>-element i det.',
    unknownType: (type: string) => `okänd typ ”${type}”. Använd scale, nps, single, multiple, ranking, text eller longText.`,
    noName: 'attributet name saknas.',
    noChoices: 'lägg till alternativen som <osa-choice value="…">-element.',
    number: (attribute: string, value: string) => `attributet ${attribute}="${value}" är inte ett heltal.`,
    expression: (attribute: string, message: string, position: number) => `${attribute}: ${message} (vid tecken ${f.number(position + 1)}).`,
    form: (reason: FormReason, expression: (reason: ExpressionReason) => string): string => {
      switch (reason.code) {
        case 'noSections':
        case 'noQuestions':
          return 'formuläret har inga frågor. Lägg till <osa-question>-element i det.';
        case 'tooManySections':
          return `ett formulär får ha högst ${f.number(reason.max)} avsnitt.`;
        case 'tooManyQuestions':
          return `ett formulär får ha högst ${f.number(reason.max)} frågor.`;
        case 'pollOneQuestion':
          return 'en omröstning har exakt en fråga.';
        case 'noSectionId':
          return 'avsnittet saknar id.';
        case 'duplicateSectionId':
          return `två avsnitt har samma id ”${reason.id}”.`;
        case 'badName':
          return `namnet ”${reason.name}” får bara innehålla bokstäver, siffror, - och _ (högst 64 tecken) och måste börja med en bokstav.`;
        case 'duplicateName':
          return `namnet ”${reason.name}” används två gånger.`;
        case 'reservedName':
          return `namnet ”${reason.name}” är reserverat för en kolumn i exporten: välj ett annat.`;
        case 'unknownType':
          return `okänd typ ”${reason.type}”. Använd scale, nps, single, multiple, ranking, text eller longText.`;
        case 'noTitle':
          return 'frågan saknar text: skriv den inuti elementet.';
        case 'tooFewChoices':
          return f.plural(reason.min, { one: 'lägg till minst 1 alternativ som ett <osa-choice value="…">-element.', other: `lägg till minst ${f.number(reason.min)} alternativ som <osa-choice value="…">-element.` });
        case 'tooManyChoices':
          return `en fråga får ha högst ${f.number(reason.max)} alternativ.`;
        case 'noChoiceValue':
          return 'ett alternativ saknar värde.';
        case 'reservedChoiceValue':
          return `alternativets värde ”${reason.value}” får inte börja med ”__”.`;
        case 'duplicateChoiceValue':
          return `två alternativ har samma värde ”${reason.value}”.`;
        case 'noChoiceLabel':
          return 'ett alternativ saknar text.';
        case 'notWhole':
          return `${reason.field} måste vara ett heltal.`;
        case 'scaleOrder':
          return `max (${f.number(reason.max)}) måste vara större än min (${f.number(reason.min)}).`;
        case 'tooManyPoints':
          return `en skala får ha högst ${f.number(reason.max)} steg.`;
        case 'npsRange':
          return 'en nps-fråga är alltid 0–10: utelämna min och max.';
        case 'notTaken':
          return `en fråga av typen ${reason.type} har inget ${reason.field}.`;
        case 'selectionLimit':
          return `${reason.field} måste vara ett heltal från ${f.number(reason.min)} till ${f.number(reason.max)} (antalet alternativ).`;
        case 'selectionOrder':
          return `max-selected (${f.number(reason.max)}) är mindre än min-selected (${f.number(reason.min)}).`;
        case 'lengthLimit':
          return `max-length måste vara ett heltal från 1 till ${f.number(reason.max)}.`;
        case 'emptyCondition':
          return 'villkoret är tomt.';
        case 'expression':
          return expression(reason.expression);
      }
    },
    expressionReason: (reason: ExpressionReason): string => {
      switch (reason.code) {
        case 'tooLong':
          return `villkoret är längre än ${f.number(reason.max)} tecken`;
        case 'unclosedName':
          return 'ett ”{” saknar avslutande ”}”';
        case 'emptyName':
          return 'frågans namn saknas mellan ”{” och ”}”';
        case 'unclosedText':
          return 'en text saknar avslutande citattecken';
        case 'unexpectedCharacter':
          return `tecknet ”${reason.character}” hör inte hit`;
        case 'tooDeep':
          return 'villkoret har för många nivåer inuti varandra';
        case 'expected': {
          const expected = { operator: 'en operator som and, or eller =', value: 'ett värde', closeParen: '”)”', listSeparator: '”,” eller ”]”' }[reason.expected];
          return `väntade ${expected}, men ${reason.found === undefined ? 'villkoret tog slut' : `hittade ”${reason.found}”`}`;
        }
        case 'chained':
          return 'jämförelser kan inte kedjas: förena dem med and eller or';
        case 'unknownName':
          return `det finns ingen fråga med namnet ”${reason.name}”`;
        case 'unsupportedOperator':
          return `operatorn ”${reason.operator}” stöds inte`;
        case 'unsupportedFunction':
          return `funktionen ”${reason.name}” stöds inte`;
        case 'valueBefore':
          return `ett värde saknas före ”${reason.word}”`;
        case 'unknownWord':
          return `okänt ord ”${reason.word}”: skriv frågornas namn som {${reason.word}} och texter inom citattecken`;
      }
    },
  },
  poll: {
    yourAnswer: 'Ditt svar',
    send: 'Svara',
    answers: (count: number) => f.plural(count, { zero: 'Inga svar än', one: '1 svar', other: `${f.number(count)} svar` }),
    waiting: 'Resultaten syns här när arrangören visar dem.',
    closed: 'Snabbfrågan är stängd.',
    preparing: 'Nästa fråga kommer snart.',
    organiser: 'Styr snabbfrågan',
    open: 'Öppna snabbfrågan',
    close: 'Stäng snabbfrågan',
    reset: 'Nästa fråga: töm svaren',
    resetConfirm: 'Töm de direktvisade svaren för en ny omgång? Tidigare svar finns kvar i exporten.',
    resetDone: 'En ny omgång har börjat.',
    round: (round: number) => `Omgång ${f.number(round)}`,
  },
  results: {
    title: 'Resultat',
    hidden: 'Resultaten är inte offentliga.',
    keyNeeded: 'Resultaten kräver arrangörens nyckel, eller att arrangören gör dem offentliga.',
    responses: (count: number) => f.plural(count, { zero: 'Inga svar än', one: '1 svar', other: `${f.number(count)} svar` }),
    answered: (count: number) => f.plural(count, { zero: 'inga svar', one: '1 svar', other: `${f.number(count)} svar` }),
    mean: 'Medelvärde',
    median: 'Median',
    nps: 'NPS',
    promoters: 'Ambassadörer (9–10)',
    passives: 'Passiva (7–8)',
    detractors: 'Kritiker (0–6)',
    averageRank: 'Genomsnittlig placering',
    option: 'Alternativ',
    count: 'Svar',
    share: 'Andel',
    notApplicable: 'Vet inte / gäller inte mig',
    table: (title: string) => `${title}: siffrorna`,
    chart: (title: string) => `${title}: fördelning`,
    textAnswers: 'Skrivna svar',
    textHidden: 'Skrivna svar visas bara för arrangören.',
    search: 'Sök bland svaren',
    matches: (count: number) => f.plural(count, { zero: 'Inga svar matchar.', one: '1 svar matchar.', other: `${f.number(count)} svar matchar.` }),
    noText: 'Inga skrivna svar än.',
    export: 'Exportera',
    exportCsv: 'Svar (CSV)',
    exportJson: 'Allt (JSON)',
    rankPosition: (position: number) => `${f.number(position)}.`,
  },
  presenter: {
    join: 'Svara med din telefon',
    count: () => 'svar',
  },
  export: {
    yes: 'ja',
    no: 'nej',
    columns: { response: 'Svar', participant: 'Deltagare', round: 'Omgång', submitted: 'Skickat' },
    values: {},
    anyColumn: { __na__: 'vet inte / gäller inte mig' },
  },
};
