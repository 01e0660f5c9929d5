import { formatters } from './format.js';
import { formFi } from './form/fi.js';
import { kitFi } from './kit/fi.js';
import type { SharedTranslation, Translation } from './en.js';

const f = formatters('fi');

const fiShared: SharedTranslation = {
  common: {
    loading: 'Ladataan…',
    retry: 'Yritä uudelleen',
    close: 'Sulje',
    cancel: 'Peruuta',
    save: 'Tallenna',
    send: 'Lähetä',
    empty: 'Täällä ei ole vielä mitään.',
    offline: 'Ei verkkoyhteyttä. Vastauksesi tallentuvat tälle laitteelle ja lähtevät, kun yhteys palaa.',
    online: 'Yhteys palasi.',
    pending: (count) =>
      f.plural(count, { one: '1 vastaus odottaa lähetystä', other: `${f.number(count)} vastausta odottaa lähetystä` }),
    sent: 'Lähetetty.',
    characters: (used, max) => `${f.number(used)} / ${f.number(max)} merkkiä`,
    count: (n) => f.number(n),
    list: (items) => f.list(items),
  },
  errors: {
    offline: 'Ei verkkoyhteyttä. Yritä uudelleen, kun yhteys palaa.',
    notFound: 'Toimintoa ei löytynyt. Tarkista osoite tai kysy järjestäjältä.',
    phaseClosed: 'Tämä vaihe ei ole nyt auki.',
    full: 'Tämä on täynnä.',
    rateLimited: 'Liian monta toimintoa lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    invalid: (field, reason) => `Tarkista ”${field}”: ${reason}`,
    forbidden: 'Vain järjestäjä voi tehdä tämän.',
    keyReplaced: 'Reaaliaikaiset päivitykset pysähtyivät: tämän sivun järjestäjän avain ei ole enää voimassa (se on ehkä vaihdettu). Avaa sivu nykyisellä avaimella.',
    conflict: 'Tämä toiminto lähetettiin jo eri sisällöllä. Lataa sivu uudelleen ja yritä uudelleen.',
    unknown: 'Jokin meni vikaan. Yritä uudelleen.',
    invalidInput: 'Tarkista syöttämäsi tiedot.',
    originRefused: (origin) =>
      `Tämä sivusto (${origin}) ei saa käyttää osallistu-palvelinta. Palvelimen ylläpitäjä voi sallia sen asetuksella OSA_ALLOWED_ORIGINS.`,
    eventDefinition: (problem) => `Sivulle kirjoitettua tapahtumaa ei voi käyttää. ${problem}`,
    notJson: 'Se ei ole kelvollista JSONia: tarkista lainausmerkit, pilkut ja sulkeet.',
  },
  validation: {
    required: 'tämä on pakollinen',
    tooShort: (min) => `vähintään ${f.number(min)} merkkiä`,
    tooLong: (max) => `enintään ${f.number(max)} merkkiä`,
    tooSmall: (min) => `vähintään ${f.number(min)}`,
    tooLarge: (max) => `enintään ${f.number(max)}`,
    notAllowed: 'tämä arvo ei ole sallittu',
    wrongType: 'arvo on väärää tyyppiä',
    tooMany: (max) => `enintään ${f.number(max)} kohdetta`,
    unknownField: 'tätä kenttää ei odotettu',
  },
  form: formFi,
  kit: kitFi,
};

/** Finnish: the shared texts now, each element's texts once its element is defined. */
export const fi = fiShared as Translation;
