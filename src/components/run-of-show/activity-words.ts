/**
 * What the run of show and the results report say about any activity: the views that fold each
 * kind's changes, and the names of its phases in the words its own element uses (one source: the
 * organiser reads "Prioritising" here and in the board alike).
 */
import type { AnyKindView } from '../../core/activity.js';
import { boardView } from '../../core/board/board.view.js';
import { cloudView } from '../../core/cloud/cloud.view.js';
import { feedbackView } from '../../core/feedback/feedback.view.js';
import { registerKindView } from '../../core/kind-views.js';
import { workshopsView } from '../../core/workshops/workshops.view.js';
import type { Language } from '../../core/protocol.js';
import { boardTexts } from '../../i18n/board/index.js';
import { cloudTexts } from '../../i18n/cloud/index.js';
import { feedbackTexts } from '../../i18n/feedback/index.js';
import { workshopsTexts } from '../../i18n/workshops/index.js';

/** The kinds these elements show, by name. */
export const KIND_VIEWS: Readonly<Record<string, AnyKindView>> = { board: boardView, workshops: workshopsView, feedback: feedbackView, cloud: cloudView };
for (const view of Object.values(KIND_VIEWS)) registerKindView(view);

const PHASE_NAMES: Readonly<Record<string, Readonly<Record<Language, Readonly<Record<string, string>>>>>> = {
  board: { fi: boardTexts.texts.fi.phase, sv: boardTexts.texts.sv.phase, en: boardTexts.texts.en.phase },
  workshops: { fi: workshopsTexts.texts.fi.phase, sv: workshopsTexts.texts.sv.phase, en: workshopsTexts.texts.en.phase },
  feedback: { fi: feedbackTexts.texts.fi.phase, sv: feedbackTexts.texts.sv.phase, en: feedbackTexts.texts.en.phase },
  cloud: { fi: cloudTexts.texts.fi.phase, sv: cloudTexts.texts.sv.phase, en: cloudTexts.texts.en.phase },
};

/** The phases of a kind, in order (none for a kind this page does not know). */
export const phasesOf = (kind: string): readonly string[] => (Object.hasOwn(KIND_VIEWS, kind) ? KIND_VIEWS[kind].phases : []);

/** A phase's name in `language`, as the kind's element calls it; the phase id for one it has no name for. */
export function phaseName(kind: string, phase: string, language: Language): string {
  const names = Object.hasOwn(PHASE_NAMES, kind) ? PHASE_NAMES[kind][language] : undefined;
  return names && Object.hasOwn(names, phase) ? names[phase] : phase;
}
