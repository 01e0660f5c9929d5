import { defineElement } from '../../base/define.js';
import { OsaFeedbackForm } from './feedback-form.component.js';

export { OsaFeedbackForm };
export type { FeedbackFormMode, FeedbackFormView } from './feedback-form.component.js';

defineElement('osa-feedback-form', OsaFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'osa-feedback-form': OsaFeedbackForm;
  }
}
