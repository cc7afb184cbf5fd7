import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../messaging/protocol';
import { ALLOWED_SENDERS } from '../messaging/senders';
import { withProgressSignal } from './progress-signal';

const handlers = (fail = false) =>
  Object.fromEntries(
    Object.keys(ALLOWED_SENDERS).map((type) => [type, () => (fail ? Promise.reject(new Error(`${type} failed`)) : Promise.resolve({ answered: type }))]),
  ) as unknown as Handlers;

describe('withProgressSignal', () => {
  it('signals after a capture, a send or a saved profile, with the answer unchanged', async () => {
    const signal = vi.fn();
    const wrapped = withProgressSignal(handlers(), signal);
    expect(await wrapped['capture.save']({ type: 'capture.save', draft: { url: 'https://x.example', source: 'auto' } })).toEqual({ answered: 'capture.save' });
    await wrapped['webmail.recordCompose']({ type: 'webmail.recordCompose', token: 't', event: { kind: 'send', at: '2026-01-01T00:00:00.000Z', provider: 'gmail', recipients: [] } });
    await wrapped['settings.saveProfile']({ type: 'settings.saveProfile', profile: {} });
    expect(signal).toHaveBeenCalledTimes(3);
  });

  it('stays silent after a read (the checklist reading would signal itself) and after a failure', async () => {
    const signal = vi.fn();
    await withProgressSignal(handlers(), signal)['offers.progress']({ type: 'offers.progress' });
    await withProgressSignal(handlers(), signal)['settings.get']({ type: 'settings.get' });
    await expect(withProgressSignal(handlers(true), signal)['offers.delete']({ type: 'offers.delete', id: 'a' })).rejects.toThrow('offers.delete failed');
    expect(signal).not.toHaveBeenCalled();
  });
});
