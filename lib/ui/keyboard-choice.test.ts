import { describe, expect, it } from 'vitest';
import { IDLE_CHOICE, nextChoice, type ChoiceEvent, type ChoiceState } from './keyboard-choice';

/** Runs `events` from idle against the stored value `stored`; answers the saves made and the last state. */
function run(events: ChoiceEvent[], stored = 'pending') {
  let state: ChoiceState = IDLE_CHOICE;
  const saves: string[] = [];
  for (const event of events) {
    const next = nextChoice(state, event, stored);
    state = next.state;
    if (next.save !== null) saves.push(next.save);
  }
  return { saves, state };
}

const key = (name: string): ChoiceEvent => ({ type: 'key', key: name });
const change = (value: string): ChoiceEvent => ({ type: 'change', value });

describe('nextChoice', () => {
  it('saves nothing while the arrow keys pass options, then the option shown on Enter', () => {
    const passing = run([key('ArrowDown'), change('drafted'), key('ArrowDown'), change('sent'), key('ArrowDown'), change('accepted')]);
    expect(passing.saves).toEqual([]);
    expect(passing.state.draft).toBe('accepted');
    expect(run([key('ArrowDown'), change('drafted'), key('ArrowDown'), change('sent'), key('Enter')]).saves).toEqual(['sent']);
  });

  it('saves a keyboard choice when the menu loses focus, and Escape puts the stored value back', () => {
    expect(run([key('ArrowDown'), change('sent'), key('Tab'), { type: 'blur' }]).saves).toEqual(['sent']);
    const escaped = run([key('ArrowDown'), change('sent'), key('Escape'), { type: 'blur' }]);
    expect(escaped.saves).toEqual([]);
    expect(escaped.state).toEqual(IDLE_CHOICE);
  });

  it('saves nothing when the keyboard comes back to the stored value', () => {
    expect(run([key('ArrowDown'), change('drafted'), key('ArrowUp'), change('pending'), key('Enter'), { type: 'blur' }]).saves).toEqual([]);
  });

  it('saves a pointer choice, or one set by a script, at once', () => {
    expect(run([{ type: 'pointer' }, change('declined')]).saves).toEqual(['declined']);
    expect(run([change('accepted')]).saves).toEqual(['accepted']);
    expect(run([key('ArrowDown'), change('drafted'), { type: 'pointer' }, change('sent')]).saves).toEqual(['sent']);
  });

  it('saves at once a change that follows Enter (a list opened from the keyboard, closed by Enter)', () => {
    expect(run([key(' '), key('Enter'), change('sent')]).saves).toEqual(['sent']);
  });

  it('drops a waiting arrow-key choice when the list opens, and saves the one chosen there, once', () => {
    for (const opening of [key(' '), key('F4'), { type: 'key', key: 'ArrowDown', alt: true } as const]) {
      const opened = run([key('ArrowDown'), change('drafted'), opening]);
      expect(opened.state).toEqual(IDLE_CHOICE);
      expect(run([key('ArrowDown'), change('drafted'), opening, change('accepted'), key('Enter'), { type: 'blur' }]).saves).toEqual(['accepted']);
      // Closed with nothing chosen (the browser's Escape): nothing saved.
      expect(run([key('ArrowDown'), change('drafted'), opening, { type: 'blur' }]).saves).toEqual([]);
    }
    // An arrow key without Alt still only moves the choice.
    expect(run([{ type: 'key', key: 'ArrowDown', alt: false }, change('drafted')]).saves).toEqual([]);
  });

  it('uses up an Enter that saves, and leaves the browser one with nothing to save (it opens the list)', () => {
    expect(nextChoice({ draft: 'sent', byKeyboard: true }, key('Enter'), 'pending')).toEqual({ state: IDLE_CHOICE, save: 'sent', consumed: true });
    expect(nextChoice(IDLE_CHOICE, key('Enter'), 'pending')).toEqual({ state: IDLE_CHOICE, save: null });
  });

  it('saves once: a blur after Enter, or a second Enter, saves nothing more', () => {
    expect(run([key('ArrowDown'), change('sent'), key('Enter'), key('Enter'), { type: 'blur' }]).saves).toEqual(['sent']);
  });

  it('takes a typed letter as a keyboard choice, and a modifier alone as none', () => {
    expect(run([key('a'), change('accepted')]).saves).toEqual([]);
    expect(run([key('Shift'), change('accepted')]).saves).toEqual(['accepted']);
  });
});
