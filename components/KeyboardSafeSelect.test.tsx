// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { KeyboardSafeSelect } from './KeyboardSafeSelect';

const root = document.createElement('div');
document.body.append(root);
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});
afterEach(() => act(() => render(null, root)));

/** The menu at `stored`, saving through `onChoose`. */
const menu = (stored: string, onChoose: (value: string) => Promise<unknown>) => (
  <KeyboardSafeSelect id="status" value={stored} onChoose={onChoose}>
    {['pending', 'sent', 'accepted'].map((value) => (
      <option key={value} value={value}>
        {value}
      </option>
    ))}
  </KeyboardSafeSelect>
);
const select = () => root.querySelector<HTMLSelectElement>('#status')!;
const choose = (value: string) =>
  act(() => {
    select().value = value;
    select().dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('KeyboardSafeSelect', () => {
  it('shows a choice being saved instead of the stored value it replaces, and the stored value once saved', async () => {
    let settle = () => undefined as unknown;
    const chosen: string[] = [];
    const onChoose = (value: string) => {
      chosen.push(value);
      return new Promise((resolve) => (settle = () => resolve(undefined)));
    };
    await act(() => render(menu('pending', onChoose), root));
    await choose('sent');
    expect(chosen).toEqual(['sent']);
    // Re-rendered before the answer, still with the old stored value: the choice stays shown.
    await act(() => render(menu('pending', onChoose), root));
    expect(select().value).toBe('sent');
    // Refused (the stored value did not change): the menu shows what is stored.
    await act(async () => {
      settle();
      await Promise.resolve();
    });
    expect(select().value).toBe('pending');
  });

  it('holds an arrow-key choice, with its hint, until Enter saves it', async () => {
    const chosen: string[] = [];
    const onChoose = (value: string) => {
      chosen.push(value);
      return Promise.resolve();
    };
    await act(() => render(menu('pending', onChoose), root));
    const press = (event: KeyboardEvent) =>
      act(() => {
        select().dispatchEvent(event);
      });
    await press(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await choose('sent');
    expect(chosen).toEqual([]);
    expect(select().getAttribute('aria-describedby')).toBe('status-hint');
    expect(root.querySelector('#status-hint')?.textContent).toBe('choice_enterToSave');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await press(enter);
    expect(chosen).toEqual(['sent']);
    expect(enter.defaultPrevented).toBe(true);
    expect(root.querySelector('#status-hint')).toBeNull();
  });
});
