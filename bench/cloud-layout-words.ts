/**
 * Seeded word lists for the cloud layout's benchmark and browser test: Finnish, Swedish and
 * English answers such as a municipality's participants give (single words, compounds, a few
 * short phrases), with Zipf-like counts (the r-th most frequent term about 1/r^1.1 of the first).
 */
import type { CloudWord } from '../src/core/cloud/layout.js';
import { createRandom } from '../src/core/ranking/random.js';

const FI = (
  'koulu lapset turvallisuus liikunta luonto kirjasto puisto ruoka terveys yhteisö vesi metsä ranta nuoret vanhukset kulttuuri ' +
  'musiikki taide harrastus pyöräily kävely joukkoliikenne bussi juna tie katu valaistus lumityöt siisteys roskat kierrätys ' +
  'ympäristö ilmasto energia asuminen vuokra koti naapurusto kylä keskusta tori kauppa palvelut neuvola päiväkoti opettaja ' +
  'oppiminen koulutus työ työpaikat yrittäjyys matkailu tapahtumat festivaali uimahalli jäähalli kuntosali leikkipuisto ' +
  'koirapuisto lenkkipolku hiihtolatu veneranta sauna kahvila ravintola nuorisotila kerho vapaaehtoistyö osallisuus ' +
  'demokratia avoimuus luottamus tasa-arvo yhdenvertaisuus saavutettavuus esteettömyys digitaalisuus tietoliikenne ' +
  'rauha hiljaisuus yhteishenki ystävyys perhe mummola kesä talvi syksy kevät aurinko järvi saaristo pelto maaseutu'
).split(' ');

const SV = (
  'skola barn trygghet idrott natur bibliotek park mat hälsa gemenskap vatten skog strand unga äldre kultur musik konst ' +
  'cykling promenad kollektivtrafik buss tåg väg gata belysning snöröjning renhållning återvinning miljö klimat energi ' +
  'boende hyra hem grannskap by centrum torg butik service rådgivning daghem lärare lärande utbildning arbete företagande ' +
  'turism evenemang simhall ishall gym lekpark hundpark motionsspår skidspår båthamn bastu kafé restaurang ungdomsgård ' +
  'förening frivilligarbete delaktighet demokrati öppenhet förtroende jämlikhet tillgänglighet digitalisering lugn ' +
  'vänskap familj sommar vinter höst vår sol sjö skärgård åker landsbygd'
).split(' ');

const EN = (
  'school children safety sports nature library park food health community water forest beach youth elderly culture ' +
  'music art hobbies cycling walking public transport bus train roads streets lighting snow clearing cleanliness ' +
  'recycling environment climate energy housing rent home neighbourhood village centre market shops services ' +
  'daycare teachers learning education jobs entrepreneurship tourism events festival swimming pool ice rink gym ' +
  'playground dog park jogging trail ski track harbour sauna café restaurant youth club volunteering participation ' +
  'democracy openness trust equality accessibility digital services peace quiet friendship family summer winter'
).split(' ');

/** `count` distinct terms (fi, sv and en mixed, compounds and two-word phrases past the basic words), seeded, heaviest first. */
export function cloudWords(count: number, seed = 1): CloudWord[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[random.int(list.length)]!;
  const texts = new Set<string>();
  const pools = [FI, SV, EN];
  for (const pool of pools) for (const word of pool) if (texts.size < count) texts.add(word);
  while (texts.size < count) {
    const pool = pick(pools);
    const a = pick(pool);
    const b = pick(pool);
    if (a === b) continue;
    // Finnish and Swedish join a compound; English makes a two-word phrase.
    texts.add(pool === EN ? `${a} ${b}` : `${a}${b}`.replace(/-/g, ''));
  }
  const shuffled = [...texts];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.map((text, rank) => ({ key: `t${rank}`, text, weight: Math.max(1, Math.round(120 / (rank + 1) ** 1.1)) }));
}
