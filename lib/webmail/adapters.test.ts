import { describe, expect, it } from 'vitest';
import { adapterForOrigin } from './adapters';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';

describe('adapterForOrigin', () => {
  it('finds the adapter from a frame origin, as about:blank frames inherit it', () => {
    expect(adapterForOrigin('https://outlook.cloud.microsoft')).toBe(outlookAdapter);
    expect(adapterForOrigin('https://mail.google.com:8443')).toBe(gmailAdapter);
  });

  it('has none for opaque, plain-http or other origins', () => {
    expect(adapterForOrigin('null')).toBeUndefined();
    expect(adapterForOrigin('http://outlook.cloud.microsoft')).toBeUndefined();
    expect(adapterForOrigin('https://outlook.cloud.microsoft.evil.example')).toBeUndefined();
  });
});
