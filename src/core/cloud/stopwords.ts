/**
 * Stop words of a word cloud, in Finnish, Swedish and English: words that carry no idea of their
 * own (pronouns, conjunctions, particles, auxiliaries, question words, adpositions, articles,
 * numerals). Curated by hand from `stopwords-iso` (fi 847, sv 418, en 1,298 words), which also
 * lists content words a cloud must keep (fi "hyvä", "uusi", "kiitos", "yhdessä", "aika", "apu";
 * sv "bra", "viktigt", "tillsammans", "tack"; en "good", "free", "fire", "computer", "help",
 * "together", "great"), so those stay out of these lists. Folded (lower case) and NFKC.
 */
import type { Language } from '../protocol.js';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

export const STOP_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  fi: words(`
    ja sekä eli tai vai mutta vaan kun jos että ettei jotta koska kuin kuten vaikka sillä joten mikäli ellei
    ei en et emme ette eivät eikä älä älköön
    olla on ovat oli olivat olen olet olemme olette olin olit olimme olitte ole oleva olevan olevat olisi olisivat
    olisin olisit olisimme olisitte ollut olleet ollaan oltiin onko onkin oliko olisiko
    minä sinä hän me te he mä sä se ne tämä tuo nämä nuo
    minun sinun hänen meidän teidän heidän sen niiden tämän tuon näiden noiden
    minua sinua häntä meitä teitä heitä sitä niitä tätä tuota näitä noita
    minut sinut hänet meidät teidät heidät
    minulla sinulla hänellä meillä teillä heillä sillä niillä tällä tuolla näillä noilla
    minulle sinulle hänelle meille teille heille sille niille tälle tuolle näille noille
    minulta sinulta häneltä meiltä teiltä heiltä siltä niiltä tältä tuolta
    minussa sinussa hänessä meissä teissä heissä siinä niissä tässä tuossa näissä noissa
    minusta sinusta hänestä meistä teistä heistä siitä niistä tästä tuosta näistä noista
    minuun sinuun häneen meihin teihin heihin siihen niihin tähän tuohon näihin noihin
    itse itsensä itseään oma omat oman omaa
    joka jotka jonka joiden jota joita jossa joissa josta joista johon joihin jolla joilla jolle joille jolta joilta
    kuka ketkä kenen kenet mikä mitkä minkä mitä missä mistä mihin millä mille miltä miksi miten kuinka milloin
    mikään mitään kukaan ketään kumpi jokin jotain joku jokainen kaikki kaikkea kaikkien kaikkia muu muut muuta
    muiden jompikumpi kumpikin molemmat
    jo vielä nyt niin näin noin siis sitten myös myöskin myöskään vain ihan aivan kyllä juuri jopa edes ehkä
    kai toki tosin taas aina usein joskus koskaan enää tässä täällä siellä sinne tänne missä mm esim jne yms
    eikö onhan
    voi voida voidaan voin voit voimme voitte voivat voisi
    pitää pitäisi täytyy täytyvät tulee tulla
    kanssa ilman kautta mukaan myötä varten vuoksi takia jälkeen ennen aikana asti saakka lähtien
    yli ali alla päällä luona kohti vastaan sijaan lisäksi välillä keskellä
    yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen
  `),
  sv: words(`
    och eller men utan att om som än så då när eftersom medan fast fastän ty samt
    inte ej icke ingen inget inga
    är var vara varit blir blev bli blivit har hade haft ha
    kan kunde kunna ska skall skulle vill ville måste får fick bör
    jag du han hon den det vi ni de man dom
    mig dig honom henne oss er dem sig mej dej
    min mitt mina din ditt dina hans hennes dess vår vårt våra er ert era deras sin sitt sina
    denna detta dessa den det de sådan sådant sådana
    vem vad vilken vilket vilka var vart varför hur när
    en ett
    i på av för till från med mot om under över efter före vid hos genom utan bland mellan inom
    åt ur ut upp ner in
    här där hit dit nu då sen sedan redan ännu också även bara just ju väl nog ju dock
    mycket lite mer mest något någon några något någonting allt alla alltid aldrig ofta
    ja nej jo
    ett två tre fyra fem sex sju åtta nio tio
  `),
  en: words(`
    a an the and or but nor so yet if then than because while although though as that which who whom whose
    what when where why how
    i me my mine myself you your yours yourself we us our ours ourselves he him his himself she her hers herself
    it its itself they them their theirs themselves this these those
    am is are was were be been being have has had having do does did doing done
    will would shall should can could may might must
    not no don't doesn't didn't isn't aren't wasn't weren't won't can't cannot i'm it's that's there's
    of in on at by for with about against between into through during before after above below to from up down
    out off over under again further once here there all any both each few more most other some such only own
    same too very just also still even ever there's
    one two three four five six seven eight nine ten
    etc eg ie
  `),
};

/** Whether `word` (folded) is a stop word of `language`. */
export function isStopWord(word: string, language: Language): boolean {
  return STOP_WORDS[language].has(word.replace(/[\u2019\u02BC]/gu, "'"));
}
