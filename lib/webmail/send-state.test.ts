import { describe, expect, it } from 'vitest';
import type { ComposeEvent } from '../offers/customers';
import { nextSendState, SEND_GRACE_MS, type SendInput, type SendState } from './send-state';

const LINK = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=1&msppid=2';
const event = (at: string): ComposeEvent => ({ kind: 'send', at, provider: 'gmail', subject: 'Offer', recipients: [{ email: 'ann@contoso.example' }] });

function run(inputs: SendInput[], from: SendState = { phase: 'armed', token: 't1', link: LINK }) {
  let state = from;
  const records: unknown[] = [];
  for (const input of inputs) {
    const step = nextSendState(state, input);
    state = step.state;
    if (step.record) records.push(step.record);
  }
  return { state, records };
}

describe('send state', () => {
  it('records the send read at Send once the window goes away', () => {
    const { state, records } = run([{ type: 'send-pressed', now: 0, event: event('2026-01-01T10:00:00.000Z') }, { type: 'tick', now: 100 }, { type: 'gone' }, { type: 'gone' }]);
    expect(records).toEqual([{ token: 't1', event: event('2026-01-01T10:00:00.000Z') }]);
    expect(state).toEqual({ phase: 'over' });
  });

  it('records nothing when the window closes without Send, or Send found the link gone', () => {
    expect(run([{ type: 'gone' }]).records).toEqual([]);
    expect(run([{ type: 'send-pressed', now: 0, event: null }, { type: 'gone' }]).records).toEqual([]);
  });

  it('takes a refusal (error dialog or a window still there after the grace period) as no send', () => {
    const pressed: SendInput = { type: 'send-pressed', now: 0, event: event('2026-01-01T10:00:00.000Z') };
    expect(run([pressed, { type: 'refused' }, { type: 'gone' }]).records).toEqual([]);
    expect(run([pressed, { type: 'tick', now: SEND_GRACE_MS }, { type: 'gone' }]).records).toHaveLength(1);
    expect(run([pressed, { type: 'tick', now: SEND_GRACE_MS + 1 }, { type: 'gone' }]).records).toEqual([]);
  });

  it('a later Send after a refusal is read afresh, and the latest insertion’s token records it', () => {
    const { records } = run([
      { type: 'send-pressed', now: 0, event: event('2026-01-01T10:00:00.000Z') },
      { type: 'refused' },
      { type: 'inserted', token: 't2', link: LINK },
      { type: 'send-pressed', now: 9000, event: event('2026-01-01T10:00:09.000Z') },
      { type: 'gone' },
    ]);
    expect(records).toEqual([{ token: 't2', event: event('2026-01-01T10:00:09.000Z') }]);
  });

  it('watches nothing before an offer went in', () => {
    const pressed: SendInput = { type: 'send-pressed', now: 0, event: event('2026-01-01T10:00:00.000Z') };
    expect(run([pressed, { type: 'gone' }], { phase: 'idle' })).toEqual({ state: { phase: 'over' }, records: [] });
    expect(run([pressed, { type: 'inserted', token: 't1', link: LINK }], { phase: 'idle' }).state).toEqual({ phase: 'armed', token: 't1', link: LINK });
  });

  it('does nothing more once over', () => {
    expect(run([{ type: 'inserted', token: 't2', link: LINK }, { type: 'send-pressed', now: 0, event: event('x') }, { type: 'gone' }], { phase: 'over' }).records).toEqual([]);
  });
});
