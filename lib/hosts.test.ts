import { describe, expect, it } from 'vitest';
import { isHttpsUrlOn, matchPatterns, WEBMAIL_HOSTS } from './hosts';
import { adapterForHost } from './webmail/adapters';

describe('hosts', () => {
  it('has a compose adapter for every webmail host', () => {
    for (const host of WEBMAIL_HOSTS) expect(adapterForHost(host), host).toBeDefined();
  });

  it('accepts only https pages on the listed hosts', () => {
    expect(isHttpsUrlOn('https://outlook.live.com/mail/0/', WEBMAIL_HOSTS)).toBe(true);
    expect(isHttpsUrlOn('https://outlook.cloud.microsoft/mail/', WEBMAIL_HOSTS)).toBe(true);
    expect(isHttpsUrlOn('https://outlook.cloud.microsoft.evil.example/mail/', WEBMAIL_HOSTS)).toBe(false);
    expect(isHttpsUrlOn('http://outlook.live.com/mail/0/', WEBMAIL_HOSTS)).toBe(false);
    expect(isHttpsUrlOn('https://outlook.live.com.evil.example/', WEBMAIL_HOSTS)).toBe(false);
    expect(isHttpsUrlOn('not a url', WEBMAIL_HOSTS)).toBe(false);
    expect(isHttpsUrlOn(undefined, WEBMAIL_HOSTS)).toBe(false);
  });

  it('writes one https match pattern per host', () => {
    expect(matchPatterns(['partner.microsoft.com'])).toEqual(['https://partner.microsoft.com/*']);
  });
});
