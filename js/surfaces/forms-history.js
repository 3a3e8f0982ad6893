// A guarded input's own undo history. Once the guard has rewritten the value, the browser's history no longer
// matches the field (Chromium's redo then re-inserts old text, even a hidden RRN), so the guard cancels the
// browser's historyUndo/historyRedo for that field and steps through its own short list of the field's states.

import { raw } from './forms-dom.js';

const LIMIT = 100; // states kept per field

/**
 * The history of `input`: { stale, restart(), record(type), beforeInput(event), keyDown(event) }. `stale` is set
 * once the browser's own history no longer matches the field (the guard or a script rewrote the value).
 */
export function inputHistory(input) {
  let states; // { value, caret } of each state
  let at; // the current state's index
  let lastType; // the inputType of the last recorded edit
  const state = () => ({ value: raw(input), caret: input.selectionStart });

  /** Steps back (or forward, `redo`) in place of the browser, cancelling `event`; the field then fires input. */
  function travel(event, redo) {
    event.preventDefault();
    const next = states[at + (redo ? 1 : -1)];
    if (!next) return;
    at += redo ? 1 : -1;
    lastType = null;
    raw(input, next.value);
    input.setSelectionRange(next.caret, next.caret);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: redo ? 'historyRedo' : 'historyUndo' }));
  }

  const history = {
    stale: false,
    /** Forgets every state but the current one (a reset, a script's value, a hidden RRN). */
    restart() {
      states = [state()];
      at = 0;
      lastType = null;
    },
    /** Records the state after an edit of `type` (an inputType), unless it is one of the guard's own steps. */
    record(type) {
      // The guard's own undo steps are not new states; the browser's (before the guard took over) are.
      if (history.stale && /^history/.test(type)) return;
      // Typing and deleting in a row are one step, as in the browsers' own history.
      if (type === lastType && at === states.length - 1 && /^(insertText|delete)/.test(type)) states[at] = state();
      else states.splice(++at, Infinity, state());
      if (states.length > LIMIT) {
        states.shift();
        at--;
      }
      lastType = type;
    },
    /** A beforeinput event: historyUndo / historyRedo (menus, shake to undo) once the browser's history is stale. */
    beforeInput(event) {
      const type = event.inputType;
      if (history.stale && /^history/.test(type)) travel(event, type === 'historyRedo');
    },
    /**
     * A keydown: the keyboard shortcuts too, since the browser offers no redo (and no beforeinput to cancel) once
     * its own history is exhausted, while the guard's may still have steps.
     */
    keyDown(event) {
      const { key, ctrlKey, shiftKey } = event; // key is missing on Chromium's autofill keydown events
      const undo = (ctrlKey || event.metaKey) && /^z$/i.test(key);
      const redo = ctrlKey && /^y$/i.test(key);
      if (history.stale && !event.altKey && (undo || redo)) travel(event, shiftKey || redo);
    },
  };
  history.restart();
  return history;
}
