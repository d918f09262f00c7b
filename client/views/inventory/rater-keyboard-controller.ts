// Keyboard rating in bs-inventory-rater: digits choose the level, Shift+digit toggles a criterion, Enter
// (Ctrl+Enter anywhere, also in the reason) saves and moves on, ↑/↓ or j/k move in the list, Escape in a
// field returns to the list. Keys pressed in a text field, a select or with modifiers are left alone.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs from the rater. */
export interface KeyboardRater {
  saveAndNext(): void;
  focusList(): void;
  chooseLevel(index: number): void;
  toggleCriterion(index: number): void;
  /** Moves the selection `step` children down (up when negative) in the shown list. */
  move(step: number): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export class RaterKeyboardController implements ReactiveController {
  #host: Host;
  #rater: KeyboardRater;

  constructor(host: Host, rater: KeyboardRater) {
    this.#host = host;
    this.#rater = rater;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKey);
  }

  readonly #onKey = (e: KeyboardEvent): void => {
    const rater = this.#rater;
    const target = (e.composedPath()[0] ?? e.target) as HTMLElement;
    const tag = target.tagName;
    const typing = tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && !['radio', 'checkbox'].includes((target as HTMLInputElement).type));
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      rater.saveAndNext();
      return;
    }
    if (typing) {
      if (e.key === 'Escape') {
        e.preventDefault();
        rater.focusList();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      if (tag === 'BUTTON' || tag === 'A') return;
      e.preventDefault();
      rater.saveAndNext();
      return;
    }
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
    if (digit) {
      e.preventDefault();
      const index = Number(digit[1]) - 1;
      if (e.shiftKey) rater.toggleCriterion(index);
      else rater.chooseLevel(index);
      return;
    }
    // Arrows on a radio button keep their own meaning (they change the level).
    const onRadio = tag === 'INPUT' && (target as HTMLInputElement).type === 'radio';
    if (e.key === 'j' || (e.key === 'ArrowDown' && !onRadio)) {
      e.preventDefault();
      rater.move(1);
    } else if (e.key === 'k' || (e.key === 'ArrowUp' && !onRadio)) {
      e.preventDefault();
      rater.move(-1);
    }
  };
}
