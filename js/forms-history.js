// A guarded input's own undo history. Once the guard has rewritten the value, the browser's history no longer
// matches the field (Chromium's redo then re-inserts old text, even a hidden RRN), so the guard cancels the
// browser's historyUndo/historyRedo for that field and steps through its own short list of the field's states.

import { raw } from './forms-dom.js';

const LIMIT = 100; // states kept per field

export class InputHistory {
  constructor(input) {
    this.input = input;
    /** Whether the browser's own history has gone stale (the guard or a script rewrote the value). */
    this.stale = false;
    this.restart();
  }

  /** The field as it is now: { value, caret }. */
  state() {
    return { value: raw(this.input), caret: this.input.selectionStart };
  }

  /** Forgets every state but the current one (a reset, a script's value, a hidden RRN). */
  restart() {
    this.states = [this.state()];
    this.at = 0;
    this.lastType = null;
  }

  /** Records the state after an edit of `type` (an InputEvent's inputType). */
  record(type) {
    const { states } = this;
    // Typing and deleting in a row are one step, as in the browsers' own history.
    if (type === this.lastType && this.at === states.length - 1 && /^(insertText|delete)/.test(type)) states[this.at] = this.state();
    else states.splice(++this.at, Infinity, this.state());
    if (states.length > LIMIT) {
      states.shift();
      this.at--;
    }
    this.lastType = type;
  }

  /** Whether an input event of `type` is a new state (the guard's own undo steps are not; the browser's are). */
  isNew(type) {
    return !this.stale || !/^history/.test(type);
  }

  /** Steps back (or forward, `redo`) in place of the browser, cancelling `event`; the field then fires input. */
  travel(event, redo) {
    event.preventDefault();
    const next = this.states[this.at + (redo ? 1 : -1)];
    if (!next) return;
    this.at += redo ? 1 : -1;
    this.lastType = null;
    const { input } = this;
    raw(input, next.value);
    input.setSelectionRange(next.caret, next.caret);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: redo ? 'historyRedo' : 'historyUndo' }));
  }

  /** A beforeinput event: historyUndo / historyRedo (menus, shake to undo) once the browser's history is stale. */
  beforeInput(event) {
    const type = event.inputType;
    if (this.stale && /^history/.test(type)) this.travel(event, type === 'historyRedo');
  }

  /**
   * A keydown: the keyboard shortcuts too, since the browser offers no redo (and no beforeinput to cancel) once
   * its own history is exhausted, while the guard's may still have steps.
   */
  keyDown(event) {
    const { key, ctrlKey, shiftKey } = event; // key is missing on Chromium's autofill keydown events
    const undo = (ctrlKey || event.metaKey) && /^z$/i.test(key);
    const redo = ctrlKey && /^y$/i.test(key);
    if (this.stale && !event.altKey && (undo || redo)) this.travel(event, shiftKey || redo);
  }
}
