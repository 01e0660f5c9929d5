import { formatters } from './format.js';
import { formSv } from './form/sv.js';
import { kitSv } from './kit/sv.js';
import type { SharedTranslation, Translation } from './en.js';

const f = formatters('sv');

const svShared: SharedTranslation = {
  common: {
    loading: 'Laddar…',
    retry: 'Försök igen',
    close: 'Stäng',
    cancel: 'Avbryt',
    save: 'Spara',
    send: 'Skicka',
    empty: 'Här finns inget ännu.',
    offline: 'Ingen anslutning. Dina svar sparas på den här enheten och skickas när anslutningen är tillbaka.',
    online: 'Anslutningen är tillbaka.',
    pending: (count) =>
      f.plural(count, { one: '1 svar väntar på att skickas', other: `${f.number(count)} svar väntar på att skickas` }),
    sent: 'Skickat.',
    characters: (used, max) => `${f.number(used)} / ${f.number(max)} tecken`,
    count: (n) => f.number(n),
    list: (items) => f.list(items),
  },
  errors: {
    offline: 'Ingen anslutning. Försök igen när du är online.',
    notFound: 'Aktiviteten hittades inte. Kontrollera adressen eller fråga arrangören.',
    phaseClosed: 'Det här steget är inte öppet just nu.',
    full: 'Det här är fullt.',
    rateLimited: 'För många åtgärder på kort tid. Vänta en stund och försök igen.',
    invalid: (field, reason) => `Kontrollera ”${field}”: ${reason}`,
    forbidden: 'Endast arrangören kan göra det här.',
    keyReplaced: 'Liveuppdateringarna stoppades: arrangörsnyckeln på den här sidan gäller inte längre (den kan ha bytts ut). Öppna sidan med den nuvarande nyckeln.',
    conflict: 'Den här åtgärden skickades redan med annat innehåll. Ladda om sidan och försök igen.',
    unknown: 'Något gick fel. Försök igen.',
    invalidInput: 'Kontrollera det du skrev.',
    originRefused: (origin) =>
      `Den här webbplatsen (${origin}) får inte använda osallistu-servern. Serverns administratör kan tillåta den med inställningen OSA_ALLOWED_ORIGINS.`,
    eventDefinition: (problem) => `Evenemanget som skrivits in på sidan kan inte användas. ${problem}`,
    notJson: 'Det är inte giltig JSON: kontrollera citattecken, kommatecken och parenteser.',
  },
  validation: {
    required: 'detta är obligatoriskt',
    tooShort: (min) => `minst ${f.number(min)} tecken`,
    tooLong: (max) => `högst ${f.number(max)} tecken`,
    tooSmall: (min) => `minst ${f.number(min)}`,
    tooLarge: (max) => `högst ${f.number(max)}`,
    notAllowed: 'värdet är inte tillåtet',
    wrongType: 'värdet har fel typ',
    tooMany: (max) => `högst ${f.number(max)} objekt`,
    unknownField: 'det här fältet förväntades inte',
  },
  form: formSv,
  kit: kitSv,
};

/** Swedish: the shared texts now, each element's texts once its element is defined. */
export const sv = svShared as Translation;
