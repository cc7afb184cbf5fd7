/**
 * A native menu whose choice writes history (a customer's status) must not save every option the
 * arrow keys pass through: Chromium and Firefox fire `change` at each one while the menu is closed.
 * A choice made with the keyboard waits for Enter or for the menu to lose focus; one made with the
 * pointer (or set by a script, which fires no key first) is saved at once. Escape puts back the
 * stored value.
 */
export type ChoiceEvent = { type: 'key'; key: string; alt?: boolean } | { type: 'pointer' } | { type: 'change'; value: string } | { type: 'blur' };

export interface ChoiceState {
  /** The option shown but not saved yet; null when the menu shows the stored value. */
  draft: string | null;
  /** Whether the next `change` comes from the keyboard. */
  byKeyboard: boolean;
}

export const IDLE_CHOICE: ChoiceState = { draft: null, byKeyboard: false };

/** Keys that never move the choice: focus moves (blur decides), or a modifier alone. */
const NEUTRAL_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta']);

/**
 * Keys that open the list, where the browser itself waits for Enter or a click before `change`:
 * the choice made there is saved at once, and an arrow-key choice still waiting gives way to it
 * (the list opens on the stored value), so that Enter closing the list is the browser's alone.
 */
const opensList = (key: string, alt = false) => key === ' ' || key === 'F4' || (alt && (key === 'ArrowDown' || key === 'ArrowUp'));

/**
 * The state after `event`, the value to save now (null for none), and whether the key was used up:
 * the browser must not also act on it (Chromium on Linux opens the list on Enter). `stored` is
 * the value saved.
 */
export function nextChoice(state: ChoiceState, event: ChoiceEvent, stored: string): { state: ChoiceState; save: string | null; consumed?: true } {
  const saving = (value: string | null) => ({ state: IDLE_CHOICE, save: value !== null && value !== stored ? value : null });
  switch (event.type) {
    case 'pointer':
      return { state: { ...state, byKeyboard: false }, save: null };
    case 'blur':
      return saving(state.draft);
    case 'change':
      if (!state.byKeyboard) return saving(event.value);
      return { state: { draft: event.value === stored ? null : event.value, byKeyboard: true }, save: null };
    case 'key':
      // Enter saves what is shown; a `change` right after it (Firefox's open list) is saved at once.
      if (event.key === 'Enter') return state.draft === null ? saving(null) : { ...saving(state.draft), consumed: true };
      if (event.key === 'Escape') return { state: IDLE_CHOICE, save: null };
      if (opensList(event.key, event.alt)) return { state: IDLE_CHOICE, save: null };
      if (NEUTRAL_KEYS.has(event.key)) return { state, save: null };
      return { state: { ...state, byKeyboard: true }, save: null };
  }
}
