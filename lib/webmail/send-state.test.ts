import { describe, expect, it } from 'vitest';
import type { ComposeEvent } from '../offers/customers';
import { AFTER_DIALOG_MS, DIALOG_HOLD_MS, nextSendState, REOPEN_MS, SEND_GRACE_MS, UNDO_APPEAR_MS, UNDO_LONGEST_MS, UNDO_TAKES_MS, type SendInput, type SendState } from './send-state';

const LINK = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=1&msppid=2';
const TRIAL_LINK = 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=3&msppid=2';
const event = (at: string): ComposeEvent => ({ kind: 'send', at, provider: 'gmail', subject: 'Offer', recipients: [{ email: 'ann@contoso.example' }] });
const pressed = (now: number, at: string, heldLinks: readonly string[] = [LINK]): SendInput => ({ type: 'send-pressed', now, event: event(at), heldLinks });
const gone = (now = 0, undoOffered = false): SendInput => ({ type: 'gone', now, undoOffered });
const tick = (now: number, shown: { dialog?: boolean; undo?: boolean } = {}): SendInput => ({ type: 'tick', now, dialogShown: shown.dialog ?? false, undoShown: shown.undo ?? false });

function run(inputs: SendInput[], from: SendState = { phase: 'armed', offers: [{ token: 't1', link: LINK }] }) {
  let state = from;
  const records: unknown[] = [];
  for (const input of inputs) {
    const step = nextSendState(state, input);
    state = step.state;
    records.push(...(step.records ?? []));
  }
  return { state, records };
}

describe('send state', () => {
  it('records the send read at Send once the window goes away', () => {
    const { state, records } = run([pressed(0, '2026-01-01T10:00:00.000Z'), tick(100), gone(), gone()]);
    expect(records).toEqual([{ token: 't1', event: event('2026-01-01T10:00:00.000Z') }]);
    expect(state).toEqual({ phase: 'over' });
  });

  it('records nothing when the window closes without Send, or Send found the link gone', () => {
    expect(run([gone()]).records).toEqual([]);
    expect(run([pressed(0, '2026-01-01T10:00:00.000Z', []), gone()]).records).toEqual([]);
  });

  it('takes a window still there after the grace period as a refused send', () => {
    const send = pressed(0, '2026-01-01T10:00:00.000Z');
    expect(run([send, tick(SEND_GRACE_MS), gone()]).records).toHaveLength(1);
    expect(run([send, tick(SEND_GRACE_MS + 1), gone()]).records).toEqual([]);
  });

  it('a later Send after a refusal is read afresh, and the latest insertion’s token records it', () => {
    const { records } = run([
      pressed(0, '2026-01-01T10:00:00.000Z'),
      tick(SEND_GRACE_MS + 1),
      { type: 'inserted', token: 't2', link: LINK },
      pressed(9000, '2026-01-01T10:00:09.000Z'),
      gone(),
    ]);
    expect(records).toEqual([{ token: 't2', event: event('2026-01-01T10:00:09.000Z') }]);
  });

  it('records each offer of the window whose link is still in it at Send', () => {
    const at = '2026-01-01T10:00:00.000Z';
    const both = run([{ type: 'inserted', token: 't2', link: TRIAL_LINK }, pressed(0, at, [LINK, TRIAL_LINK]), gone()]);
    expect(both.records).toEqual([
      { token: 't1', event: event(at) },
      { token: 't2', event: event(at) },
    ]);
    // The trial's text deleted before Send: only the purchase offer was sent.
    const one = run([{ type: 'inserted', token: 't2', link: TRIAL_LINK }, pressed(0, at, [LINK]), gone()]);
    expect(one.records).toEqual([{ token: 't1', event: event(at) }]);
  });

  describe('a dialog the page shows after Send', () => {
    const at = '2026-01-01T10:00:00.000Z';
    const dialogFor = (ms: number) => [pressed(0, at), tick(100, { dialog: true }), tick(100 + ms, { dialog: true })];

    it('holds the send while shown: a window going away once it closed (confirmed) is sent', () => {
      const { state, records } = run([...dialogFor(SEND_GRACE_MS * 3), tick(SEND_GRACE_MS * 3 + 200), gone(SEND_GRACE_MS * 3 + 300)]);
      expect(records).toEqual([{ token: 't1', event: event(at) }]);
      expect(state).toEqual({ phase: 'over' });
    });

    it('a window still there a moment after it closed (an error’s OK, “Don’t send”) was not sent, even if closed within the grace period', () => {
      const closedAt = SEND_GRACE_MS * 3 + 200;
      const stays = run([...dialogFor(SEND_GRACE_MS * 3), tick(closedAt), tick(closedAt + AFTER_DIALOG_MS + 1), gone(closedAt + AFTER_DIALOG_MS + 2)]);
      expect(stays.records).toEqual([]);
      // Soon after Send: the grace period left from Send does not stand either.
      const soon = run([...dialogFor(200), tick(400), tick(401 + AFTER_DIALOG_MS), gone(500 + AFTER_DIALOG_MS)]);
      expect(soon.records).toEqual([]);
      expect(run([...dialogFor(SEND_GRACE_MS * 3), tick(closedAt), tick(closedAt + AFTER_DIALOG_MS), gone()]).records).toHaveLength(1);
    });

    it('holds the send at most DIALOG_HOLD_MS: a dialog left open does not keep it pending for ever', () => {
      expect(run([...dialogFor(DIALOG_HOLD_MS), gone(DIALOG_HOLD_MS + 100)]).records).toHaveLength(1);
      const held = run([...dialogFor(DIALOG_HOLD_MS + 1)]);
      expect(held.state).toEqual({ phase: 'armed', offers: [{ token: 't1', link: LINK }] });
    });

    it('the advisor working in the window again drops the send: a window discarded next is not sent', () => {
      expect(run([...dialogFor(500), tick(700), { type: 'resumed' }, gone(800)]).records).toEqual([]);
      expect(run([pressed(0, at), { type: 'resumed' }, gone(100)]).records).toEqual([]);
      expect(run([...dialogFor(500), { type: 'resumed' }]).state).toEqual({ phase: 'armed', offers: [{ token: 't1', link: LINK }] });
    });

    it('a window that goes away while it is shown is sent', () => {
      expect(run([...dialogFor(SEND_GRACE_MS * 2), gone(SEND_GRACE_MS * 2 + 200)]).records).toHaveLength(1);
    });
  });

  describe('a page that offers to undo a send once its window is gone (Gmail)', () => {
    const at = '2026-01-01T10:00:00.000Z';
    const goneWithUndo = [pressed(0, at), gone(300, true), tick(400, { undo: true })];

    it('records the send once the undo offer is gone, however long it stayed', () => {
      const shown = run([...goneWithUndo, tick(300 + UNDO_LONGEST_MS, { undo: true })]);
      expect(shown.records).toEqual([]);
      expect(shown.state.phase).toBe('undoable');
      const { state, records } = run([...goneWithUndo, tick(30_000, { undo: true }), tick(30_100), tick(30_200)]);
      expect(records).toEqual([{ token: 't1', event: event(at) }]);
      expect(state).toEqual({ phase: 'over' });
    });

    it('stops waiting UNDO_LONGEST_MS after the window went: an undo offer shown longer is another’s, and the send is recorded', () => {
      expect(run([...goneWithUndo, tick(301 + UNDO_LONGEST_MS, { undo: true })]).records).toEqual([{ token: 't1', event: event(at) }]);
    });

    it('records the send when no undo offer came in time, and at once when the page goes away', () => {
      expect(run([pressed(0, at), gone(300, true), tick(300 + UNDO_APPEAR_MS)]).records).toEqual([]);
      expect(run([pressed(0, at), gone(300, true), tick(301 + UNDO_APPEAR_MS)]).records).toHaveLength(1);
      expect(run([...goneWithUndo, gone(500)]).records).toHaveLength(1);
    });

    it('an undone send is not recorded; the window reopened with its links is armed with the same tokens, and its send recorded once', () => {
      const undone = run([{ type: 'inserted', token: 't2', link: TRIAL_LINK }, pressed(0, at, [LINK]), gone(300, true), tick(400, { undo: true }), { type: 'undo-pressed', now: 450 }, tick(500), tick(600)]);
      expect(undone.records).toEqual([]);
      // Only the offers the undone send held come back.
      expect(undone.state).toMatchObject({ phase: 'undone', offers: [{ token: 't1', link: LINK }] });
      // A window without those links (another draft) is not the reopened one.
      expect(nextSendState(undone.state, { type: 'reopened', heldLinks: [TRIAL_LINK] }).state).toBe(undone.state);
      const reopened = nextSendState(undone.state, { type: 'reopened', heldLinks: [LINK] });
      expect(reopened.state).toEqual({ phase: 'armed', offers: [{ token: 't1', link: LINK }] });
      const later = '2026-01-01T10:01:00.000Z';
      expect(run([pressed(60_000, later), gone(60_100, true), tick(60_200, { undo: true }), tick(60_300)], reopened.state).records).toEqual([{ token: 't1', event: event(later) }]);
    });

    it('waits for an undo offer the page shows a few seconds late (Gmail’s “Sending…” first)', () => {
      const late = run([pressed(0, at), gone(300, true), tick(4300), tick(4400, { undo: true })]);
      expect(late.records).toEqual([]);
      expect(late.state.phase).toBe('undoable');
    });

    it('an undone send whose window does not come back in time, or whose page goes away before it does, stands (the undo was another toast’s)', () => {
      const undone = [...goneWithUndo, { type: 'undo-pressed', now: 450 } as const, tick(500)];
      expect(run([...undone, gone(600)])).toEqual({ state: { phase: 'over' }, records: [{ token: 't1', event: event(at) }] });
      expect(run([...undone, tick(501 + REOPEN_MS)])).toEqual({ state: { phase: 'over' }, records: [{ token: 't1', event: event(at) }] });
    });

    it('an undo press the page did not act on (its offer still shown a second later: the shortcut is off) leaves the send to record', () => {
      const ignored = run([...goneWithUndo, { type: 'undo-pressed', now: 450 }, tick(500, { undo: true }), tick(451 + UNDO_TAKES_MS, { undo: true })]);
      expect(ignored.state).toMatchObject({ phase: 'undoable', undoPressedAt: null });
      expect(run([tick(5000)], ignored.state).records).toEqual([{ token: 't1', event: event(at) }]);
    });

    it('an undo press whose offer still shows a moment (Gmail’s “Undoing…”) before it goes is an undo', () => {
      const { state, records } = run([...goneWithUndo, { type: 'undo-pressed', now: 450 }, tick(500, { undo: true }), tick(750, { undo: true }), tick(850)]);
      expect(records).toEqual([]);
      expect(state).toMatchObject({ phase: 'undone' });
    });

    it('an undo press is read only while the send is undoable', () => {
      expect(run([{ type: 'undo-pressed', now: 0 }, pressed(0, at), { type: 'undo-pressed', now: 50 }, gone(100)]).records).toHaveLength(1);
    });
  });

  it('watches nothing before an offer went in', () => {
    const send = pressed(0, '2026-01-01T10:00:00.000Z');
    expect(run([send, gone()], { phase: 'idle' })).toEqual({ state: { phase: 'over' }, records: [] });
    expect(run([send, { type: 'inserted', token: 't1', link: LINK }], { phase: 'idle' }).state).toEqual({ phase: 'armed', offers: [{ token: 't1', link: LINK }] });
  });

  it('does nothing more once over', () => {
    expect(run([{ type: 'inserted', token: 't2', link: LINK }, pressed(0, 'x'), gone()], { phase: 'over' }).records).toEqual([]);
  });
});
