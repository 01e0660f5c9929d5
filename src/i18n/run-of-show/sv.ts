import { formatters } from '../format.js';
import type { RunOfShowTranslation } from './en.js';

const f = formatters('sv');

export const runOfShowSv: RunOfShowTranslation = {
  label: 'Programmets gång',
  intro: 'Flytta här varje aktivitet till nästa fas. Deltagarna ser ändringen genast.',
  keysHelp: 'Piltangenterna flyttar mellan faserna; Enter eller mellanslag flyttar aktiviteten till den valda fasen.',
  keyNeeded: 'Programmets gång behöver arrangörens nyckel. Öppna sidan med arrangörens länk (adressen slutar med #key=…).',
  empty: 'Evenemanget har inga aktiviteter ännu.',
  phase: 'Fas',
  kinds: { board: 'Prioriteringstavla', workshops: 'Workshoppar', feedback: 'Responsformulär', cloud: 'Ordmoln' },
  unknownKind: (kind: string) => `En aktivitet av typen ”${kind}”, som den här sidan inte kan visa.`,
  seesNow: 'Deltagarna ser nu',
  moved: (title: string, phase: string) => `”${title}” är nu i fasen ”${phase}”.`,
  notMovedOffline: 'Ingen anslutning: fasen ändrades inte. Försök igen när du är online.',
  counts: {
    ideas: (n: number) => f.plural(n, { one: '1 idé', other: `${f.number(n)} idéer` }),
    votes: (n: number) => f.plural(n, { one: '1 röst', other: `${f.number(n)} röster` }),
    participants: (n: number) => f.plural(n, { one: '1 deltagare', other: `${f.number(n)} deltagare` }),
    seats: (held: number, capacity: number) => `${f.number(held)} / ${f.number(capacity)} platser tagna`,
    waiting: (n: number) => f.plural(n, { one: '1 i kö', other: `${f.number(n)} i kö` }),
    ranked: (n: number) => f.plural(n, { one: '1 person har rangordnat', other: `${f.number(n)} personer har rangordnat` }),
    responses: (n: number) => f.plural(n, { one: '1 svar', other: `${f.number(n)} svar` }),
    answers: (n: number) => f.plural(n, { one: '1 svar', other: `${f.number(n)} svar` }),
  },
  sees: {
    board: {
      collect: (showIdeas: boolean) =>
        showIdeas ? 'Deltagarna lägger till idéer och läser varandras; ingen röstar ännu.' : 'Deltagarna lägger till idéer och ser bara sina egna; ingen röstar ännu.',
      voteDuel: 'Deltagarna väljer den viktigare av två idéer, par efter par.',
      voteUpvote: 'Deltagarna gillar de idéer de tycker är viktigast.',
      results: (visible: boolean) => (visible ? 'Röstningen är slut; deltagarna ser rangordningen.' : 'Röstningen är slut; deltagarna ser inte rangordningen.'),
      closed: (visible: boolean) => (visible ? 'Tavlan är stängd; deltagarna ser den slutliga rangordningen.' : 'Tavlan är stängd; deltagarna ser inte rangordningen.'),
    },
    workshops: {
      preparing: 'Deltagarna ser programmet; anmälan är inte öppen ännu.',
      openFirstCome: 'Deltagarna tar platser; när en workshop är full ställer de sig i kö.',
      openRanked: 'Deltagarna rangordnar de workshoppar de vill gå på; platserna fördelas senare.',
      closed: (published: boolean) =>
        published ? 'Anmälan är stängd; deltagarna ser de platser de tilldelats.' : 'Anmälan är stängd; deltagarna ser sina platser och köplatser.',
    },
    feedback: {
      preparing: 'Formuläret är inte öppet ännu; deltagarna ser att det öppnar snart.',
      open: (publicResults: boolean) => (publicResults ? 'Deltagarna svarar på formuläret och ser resultaten hittills.' : 'Deltagarna svarar på formuläret; resultaten visas inte för dem.'),
      closed: (publicResults: boolean) => (publicResults ? 'Formuläret är stängt; deltagarna ser resultaten.' : 'Formuläret är stängt; deltagarna ser ett tack.'),
    },
    cloud: {
      preparing: 'Svaren är inte öppna ännu; deltagarna ser att de öppnar snart.',
      open: (showCloud: boolean) => (showCloud ? 'Deltagarna lägger till ord och ser molnet växa.' : 'Deltagarna lägger till ord och ser bara sina egna svar.'),
      closed: (showCloud: boolean) => (showCloud ? 'Svaren är stängda; deltagarna ser det slutliga molnet.' : 'Svaren är stängda; deltagarna ser bara sina egna svar.'),
    },
  },
};
