import { describe, expect, it } from 'vitest';
import { readTabMessage } from './tab-messages';

describe('readTabMessage', () => {
  const message = { html: '<p>x</p>', text: 'x', subject: 'S', link: 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=1&msppid=2' };

  it('accepts the four tab messages', () => {
    expect(readTabMessage({ type: 'webmail.open' })).toEqual({ type: 'webmail.open' });
    expect(readTabMessage({ type: 'webmail.composeOpen', extra: 1 })).toEqual({ type: 'webmail.composeOpen' });
    expect(readTabMessage({ type: 'webmail.close', token: 't' })).toEqual({ type: 'webmail.close', token: 't' });
    expect(readTabMessage({ type: 'webmail.insert', token: 't', message: { ...message, to: 'a@b.c', extra: 1 } })).toEqual({
      type: 'webmail.insert',
      token: 't',
      message: { ...message, to: 'a@b.c' },
    });
  });

  it('rejects anything else', () => {
    for (const value of [null, 'webmail.open', { type: 'offers.get' }, { type: 'webmail.close' }, { type: 'webmail.insert', token: 't', message: { html: 1 } }, { type: 'webmail.insert', token: 't', message: { ...message, to: 5 } }, { type: 'webmail.insert', token: 't', message: { ...message, link: undefined } }, { type: 'webmail.insert', message }]) {
      expect(readTabMessage(value)).toBeNull();
    }
  });
});
