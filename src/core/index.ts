/**
 * The rules of osallistu as pure functions, shared by the in-page adapters and the reference
 * server: the activity engine, validation, idempotency, text normalisation and each kind's rules.
 */
export * from './activity.js';
export * from './errors.js';
export * from './validate.js';
export * from './idempotency.js';
export * from './event.js';
export * from './text.js';
export * from './kinds.js';
export { EventLedger, EVENT_CHANGE, EVENT_SCOPE, type LedgerActivity } from './ledger.js';
// What every back end does around the ledger: a developer's own back end or adapter uses these too.
export * from './backend.js';
export { assertStorable, checkActivityDefinition, checkEventDefinition, ledgerOf, prepareEvent, type PreparedEvent, type PrepareOptions } from './event-setup.js';
export * from './board/board.js';
export { flaggedWords } from './board/profanity.js';
export * from './ranking/index.js';
export { toCsv, type CsvCell, type CsvDelimiter } from './csv.js';
export {
  feedbackKind,
  FEEDBACK_PHASES,
  NOT_APPLICABLE,
  type AnswerValue,
  type Answers,
  type Choice as FeedbackChoice,
  type FeedbackConfig,
  type FeedbackResponse,
  type FeedbackState,
  type FormDefinition,
  type Question as FeedbackQuestion,
  type QuestionType,
  type Section as FeedbackSection,
  type Tally,
} from './feedback/feedback.js';
export { parseExpression, evaluate, checkForm, ExpressionError, type Expression, type FormProblem } from './feedback/expression.js';
export { conditionState, type ConditionState } from './feedback/conditions.js';
export { checkAnswers, type AnswerProblem } from './feedback/answers.js';
export * from './feedback/statistics.js';
export { importSurveyJs, type SurveyJsImport, type UnsupportedPart } from './feedback/surveyjs.js';
export { termsOf, displayOf, type Lemmatiser, type TermOptions, type TermHit } from './cloud/terms.js';
export { isFlagged as isFlaggedTerm } from './cloud/profanity.js';
export * from './cloud/cloud.view.js';
export { cloudKind, DEFAULT_CLOUD_CONFIG, answerLanguage, type CloudCommands, type SubmitResult as CloudSubmitResult } from './cloud/cloud.js';
export {
  layoutCloud,
  layoutCloudInSteps,
  IncrementalCloud,
  type CloudWord,
  type MeasureText,
  type LayoutOptions,
  type PlacedWord,
  type CloudLayout,
} from './cloud/layout.js';
