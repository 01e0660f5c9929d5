import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isFlagged } from './profanity.js';
import { termsOf } from './terms.js';

describe('isFlagged', () => {
  test('flags swearing and slurs in each language, inflected and in compounds, by key or surface', () => {
    for (const word of ['vittu', 'Vitun', 'paskaa', 'lehmänpaska', 'PERKELE', 'saatanan']) assert.ok(isFlagged(word, 'fi'), word);
    for (const word of ['jävla', 'fan', 'skitstövel', 'Helvete']) assert.ok(isFlagged(word, 'sv'), word);
    for (const word of ['fuck', 'Fucking', 'bullshit', 'shit']) assert.ok(isFlagged(word, 'en'), word);
    const [hit] = termsOf('Vitun hyvä', { language: 'fi', keepPhrases: true });
    assert.ok(isFlagged(hit!.key, 'fi') && isFlagged(hit!.surface, 'fi'), 'a phrase holding a flagged word');
  });

  test('English swearing is flagged in Finnish and Swedish answers too', () => {
    assert.ok(isFlagged('fuck', 'fi'));
    assert.ok(isFlagged('bullshit', 'sv'));
  });

  test('innocent look-alikes are not flagged (the Scunthorpe problem)', () => {
    for (const word of ['kukka', 'kukkia', 'analyysi', 'pasta', 'kuusi', 'homoseksuaali', 'sika', 'lehmä', 'koulu']) assert.ok(!isFlagged(word, 'fi'), word);
    for (const word of ['fantastisk', 'slutet', 'slutsats', 'prick', 'skola', 'slut']) assert.ok(!isFlagged(word, 'sv'), word);
    for (const word of ['fan', 'fans', 'Scunthorpe', 'cockpit', 'assessment', 'shitake', 'classic', 'tits']) assert.ok(!isFlagged(word, 'en'), word);
  });

  test('Swedish "fan" (devil) is flagged in Swedish only', () => {
    assert.ok(isFlagged('fan', 'sv'));
    assert.ok(!isFlagged('fan', 'en'));
    assert.ok(!isFlagged('fani', 'fi'));
  });

  test('the term keys of ordinary answers are not flagged either', () => {
    const ordinary = {
      fi: 'koulu liikunta kirjasto hyvinvointi kukka kukkia kuusi analyysi pasta kulttuuri uimahalli kanteleen luistelu kalastus metsästys',
      sv: 'skola idrott bibliotek trygghet slutet slutsats fantastisk analys kultur promenad fiske',
      en: 'school library classic assessment cockpit fans hello scunthorpe',
    } as const;
    for (const [language, text] of Object.entries(ordinary) as ['fi' | 'sv' | 'en', string][]) {
      for (const hit of termsOf(text, { language, keepPhrases: false })) assert.ok(!isFlagged(hit.key, language) && !isFlagged(hit.surface, language), `${language} ${hit.surface} (${hit.key})`);
    }
  });
});
