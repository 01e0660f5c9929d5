import { defineElement } from '../../base/define.js';
import { OsaEventReport } from './event-report.component.js';
import './event-report-activity.js';

export { OsaEventReport };

defineElement('osa-event-report', OsaEventReport);

declare global {
  interface HTMLElementTagNameMap {
    'osa-event-report': OsaEventReport;
  }
}
