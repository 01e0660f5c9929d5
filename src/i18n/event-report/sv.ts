import { formatters } from '../format.js';
import type { EventReportTranslation } from './en.js';

const f = formatters('sv');

export const eventReportSv: EventReportTranslation = {
  label: 'Resultatrapport',
  heading: (title: string) => `${title}: resultat`,
  eventDate: (date: string) => `Evenemangets datum: ${date}`,
  compiled: (date: string) => `Rapporten sammanställd ${date}`,
  print: 'Skriv ut eller spara som PDF',
  includeText: 'Ta med fritextsvar',
  includeTextHelp: 'Deltagarnas egna ord kan behöva granskas innan du delar rapporten.',
  options: 'Rapportens inställningar',
  keyNeeded: 'Resultatrapporten behöver arrangörens nyckel. Öppna sidan med arrangörens länk (adressen slutar med #key=…).',
  empty: 'Evenemanget har inga aktiviteter ännu.',
  kinds: { board: 'Prioriteringstavla', workshops: 'Workshoppar', feedback: 'Responsformulär', cloud: 'Ordmoln' },
  unknownKind: (kind: string) => `En aktivitet av typen ”${kind}”: dess resultat finns i dess export.`,
  kindAndPhase: (kind: string, phase: string) => `${kind} · fas: ${phase}`,
  count: 'Antal',
  share: 'Andel',
  board: {
    summary: (ideas: number, votes: number, participants: number) =>
      `${f.plural(ideas, { one: '1 idé', other: `${f.number(ideas)} idéer` })}, ${f.plural(votes, { one: '1 röst', other: `${f.number(votes)} röster` })}, ${f.plural(participants, { one: '1 deltagare', other: `${f.number(participants)} deltagare` })}.`,
    caption: (question: string, shown: number, ranked: number) => (shown < ranked ? `${question}: de ${f.number(shown)} främsta av ${f.number(ranked)} rangordnade idéer` : `${question}: rangordnade idéer`),
    position: 'Plats',
    idea: 'Idé',
    score: 'Poäng (0–100)',
    band: 'Troligt intervall',
    appearancesDuel: 'Dueller',
    appearancesUpvote: 'Gillanden',
    scoreDuel: 'Poängen är den uppskattade chansen (0–100) att idén vinner mot en slumpvis vald annan idé.',
    scoreUpvote: 'Poängen är en försiktig uppskattning (0–100) av andelen deltagare som gillar idén.',
    unranked: (n: number) => f.plural(n, { one: '1 idé har för få röster för att rangordnas.', other: `${f.number(n)} idéer har för få röster för att rangordnas.` }),
    none: 'Ingen idé är rangordnad ännu.',
  },
  workshops: {
    summary: (held: number, capacity: number, waiting: number) =>
      `${f.number(held)} av ${f.number(capacity)} platser tagna; ${f.plural(waiting, { one: '1 person i kö', other: `${f.number(waiting)} personer i köer` })}.`,
    caption: 'Platser per workshop',
    workshop: 'Workshop',
    slot: 'Tid',
    capacity: 'Platser',
    taken: 'Tagna',
    waiting: 'Kö',
    cancelled: 'inställd',
    ranked: (n: number) => f.plural(n, { one: '1 person rangordnade workshoppar.', other: `${f.number(n)} personer rangordnade workshoppar.` }),
    published: (date: string) => `Fördelningen av platser publicerades ${date}.`,
    notPublished: 'Ingen fördelning av platser har publicerats.',
  },
  feedback: {
    responses: (n: number) => f.plural(n, { one: '1 svar', other: `${f.number(n)} svar` }),
    answered: (n: number) => f.plural(n, { zero: 'Inga svar', one: '1 svar', other: `${f.number(n)} svar` }),
    notApplicable: (n: number) => `”Vet inte / gäller inte mig”: ${f.number(n)}`,
    mean: 'Medelvärde',
    median: 'Median',
    nps: 'NPS',
    promoters: 'Ambassadörer (9–10)',
    passives: 'Passiva (7–8)',
    detractors: 'Kritiker (0–6)',
    figures: (question: string) => `${question}: nyckeltal`,
    distribution: (question: string) => `${question}: svar`,
    value: 'Svar',
    option: 'Alternativ',
    averageRank: 'Genomsnittlig plats (1 = bäst)',
    textAnswers: (question: string) => `${question}: skrivna svar`,
    textLeftOut: (n: number) =>
      f.plural(n, { zero: 'Inga skrivna svar.', one: '1 skrivet svar, utelämnat ur rapporten.', other: `${f.number(n)} skrivna svar, utelämnade ur rapporten.` }),
  },
  cloud: {
    summary: (answers: number, participants: number) =>
      `${f.plural(answers, { one: '1 svar', other: `${f.number(answers)} svar` })} från ${f.plural(participants, { one: '1 deltagare', other: `${f.number(participants)} deltagare` })}.`,
    caption: (shown: number, total: number) => (shown < total ? `De ${f.number(shown)} vanligaste av ${f.number(total)} termer` : 'Termer'),
    term: 'Term',
    none: 'Inga svar ännu.',
  },
};
