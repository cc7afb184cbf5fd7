import { describe, expect, it } from 'vitest';
import type { ComposeEvent } from '../offers/customers';
import { nextSendState, SEND_GRACE_MS, type SendInput, type SendState } from './send-state';

const LINK = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=1&msppid=2';
const TRIAL_LINK = 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=3&msppid=2';
const event = (at: string): ComposeEvent => ({ kind: 'send', at, provider: 'gmail', subject: 'Offer', recipients: [{ email: 'ann@contoso.example' }] });
const pressed = (now: number, at: string, heldLinks: readonly string[] = [LINK]): SendInput => ({ type: 'send-pressed', now, event: event(at), heldLinks });

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
    const { state, records } = run([pressed(0, '2026-01-01T10:00:00.000Z'), { type: 'tick', now: 100 }, { type: 'gone' }, { type: 'gone' }]);
    expect(records).toEqual([{ token: 't1', event: event('2026-01-01T10:00:00.000Z') }]);
    expect(state).toEqual({ phase: 'over' });
  });

  it('records nothing when the window closes without Send, or Send found the link gone', () => {
    expect(run([{ type: 'gone' }]).records).toEqual([]);
    expect(run([pressed(0, '2026-01-01T10:00:00.000Z', []), { type: 'gone' }]).records).toEqual([]);
  });

  it('takes a refusal (error dialog or a window still there after the grace period) as no send', () => {
    const send = pressed(0, '2026-01-01T10:00:00.000Z');
    expect(run([send, { type: 'refused' }, { type: 'gone' }]).records).toEqual([]);
    expect(run([send, { type: 'tick', now: SEND_GRACE_MS }, { type: 'gone' }]).records).toHaveLength(1);
    expect(run([send, { type: 'tick', now: SEND_GRACE_MS + 1 }, { type: 'gone' }]).records).toEqual([]);
  });

  it('a later Send after a refusal is read afresh, and the latest insertion’s token records it', () => {
    const { records } = run([
      pressed(0, '2026-01-01T10:00:00.000Z'),
      { type: 'refused' },
      { type: 'inserted', token: 't2', link: LINK },
      pressed(9000, '2026-01-01T10:00:09.000Z'),
      { type: 'gone' },
    ]);
    expect(records).toEqual([{ token: 't2', event: event('2026-01-01T10:00:09.000Z') }]);
  });

  it('records each offer of the window whose link is still in it at Send', () => {
    const at = '2026-01-01T10:00:00.000Z';
    const both = run([{ type: 'inserted', token: 't2', link: TRIAL_LINK }, pressed(0, at, [LINK, TRIAL_LINK]), { type: 'gone' }]);
    expect(both.records).toEqual([
      { token: 't1', event: event(at) },
      { token: 't2', event: event(at) },
    ]);
    // The trial's text deleted before Send: only the purchase offer was sent.
    const one = run([{ type: 'inserted', token: 't2', link: TRIAL_LINK }, pressed(0, at, [LINK]), { type: 'gone' }]);
    expect(one.records).toEqual([{ token: 't1', event: event(at) }]);
  });

  it('watches nothing before an offer went in', () => {
    const send = pressed(0, '2026-01-01T10:00:00.000Z');
    expect(run([send, { type: 'gone' }], { phase: 'idle' })).toEqual({ state: { phase: 'over' }, records: [] });
    expect(run([send, { type: 'inserted', token: 't1', link: LINK }], { phase: 'idle' }).state).toEqual({ phase: 'armed', offers: [{ token: 't1', link: LINK }] });
  });

  it('does nothing more once over', () => {
    expect(run([{ type: 'inserted', token: 't2', link: LINK }, pressed(0, 'x'), { type: 'gone' }], { phase: 'over' }).records).toEqual([]);
  });
});
