import { describe, expect, it } from 'vitest';
import { AdvisorProfile } from './profile';
import { LOGO_MAX_BYTES } from './safe-url';

function issues(input: unknown): string[] {
  const result = AdvisorProfile.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('AdvisorProfile', () => {
  it('trims fields and accepts an empty profile or cleared fields', () => {
    expect(AdvisorProfile.parse({})).toEqual({});
    expect(AdvisorProfile.parse({ name: '  Alex  ', email: ' ', logo: '', gdapLink: '' })).toEqual({ name: 'Alex', email: '', logo: '', gdapLink: '' });
  });

  it('keeps the contact block setting, absent (off) in a profile saved before it existed', () => {
    const older = { name: 'Alex', email: 'alex@contoso.com' };
    expect(AdvisorProfile.parse(older)).toEqual(older);
    expect(AdvisorProfile.parse({ ...older, contactBlock: true }).contactBlock).toBe(true);
    expect(issues({ contactBlock: 'yes' })).toHaveLength(1);
  });

  it('bounds text', () => {
    expect(issues({ company: 'x'.repeat(201) })).toHaveLength(1);
    expect(issues({ company: 'x'.repeat(200) })).toEqual([]);
  });

  it('checks the email address', () => {
    expect(issues({ email: 'alex@contoso.com' })).toEqual([]);
    expect(issues({ email: 'alex at contoso' })).toEqual(['email: template_profile_invalid_email']);
  });

  it('adds https to a website typed without a scheme and refuses other schemes', () => {
    expect(AdvisorProfile.parse({ website: 'www.contoso.com' }).website).toBe('https://www.contoso.com');
    expect(AdvisorProfile.parse({ website: 'http://contoso.com' }).website).toBe('http://contoso.com');
    expect(issues({ website: 'javascript:alert(1)' })).toEqual(['website: template_profile_invalid_website']);
    expect(issues({ website: 'mailto:alex@contoso.com' })).toEqual(['website: template_profile_invalid_website']);
  });

  it('takes a logo from https or an uploaded raster image under the size limit', () => {
    const dataUrl = (type: string, bytes: number) => `data:${type};base64,${'A'.repeat(Math.ceil(bytes / 3) * 4)}`;
    expect(issues({ logo: 'https://contoso.com/logo.png' })).toEqual([]);
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) expect(issues({ logo: dataUrl(type, LOGO_MAX_BYTES) })).toEqual([]);
    for (const logo of [
      'http://contoso.com/logo.png',
      'javascript:alert(1)',
      dataUrl('image/svg+xml', 100),
      'data:image/png,rawbytes',
      `${dataUrl('image/png', 100)}"onerror="x`,
    ])
      expect(issues({ logo })).toEqual(['logo: template_profile_invalid_logo']);
    expect(issues({ logo: dataUrl('image/png', LOGO_MAX_BYTES + 3) })).not.toEqual([]);
  });

  it('accepts a GDAP link on the Microsoft 365 admin center only', () => {
    expect(issues({ gdapLink: 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/x' })).toEqual([]);
    expect(issues({ gdapLink: 'https://admin.cloud.microsoft/?#/partners/invitation/granularAdminRelationships/x' })).toEqual([]);
    for (const gdapLink of [
      'https://admin.cloud.microsoft.evil.example/x',
      'https://evil.cloud.microsoft/x',
      'https://admin.cloud.microsoft:8443/x',
      'http://admin.microsoft.com/x',
      'https://admin.microsoft.com.evil.example/x',
      'https://evil.example/admin.microsoft.com',
      'https://user:pass@admin.microsoft.com/x',
      'javascript:alert(1)',
    ])
      expect(issues({ gdapLink })).toEqual(['gdapLink: template_profile_invalid_gdap_link']);
  });
});
