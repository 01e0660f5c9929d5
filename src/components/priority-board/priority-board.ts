import { defineElement } from '../../base/define.js';
import { OsaPriorityBoard } from './priority-board.component.js';

export { OsaPriorityBoard };
export type { BoardView } from './priority-board.component.js';

defineElement('osa-priority-board', OsaPriorityBoard);

declare global {
  interface HTMLElementTagNameMap {
    'osa-priority-board': OsaPriorityBoard;
  }
}
