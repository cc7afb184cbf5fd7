import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../message/safe-url';
import { checkProfile, logoFileProblem } from './profile-form';

describe('profile form', () => {
  it('accepts a profile and adds https to a bare website', () => {
    expect(checkProfile({ name: ' Ana ', website: 'www.contoso.com', email: '' })).toEqual({
      ok: true,
      profile: { name: 'Ana', website: 'https://www.contoso.com', email: '' },
    });
  });

  it('names the fields in error with the schema messages', () => {
    expect(checkProfile({ email: 'nope', logo: 'http://insecure.example/logo.png', gdapLink: 'https://evil.example/' })).toEqual({
      ok: false,
      errors: {
        email: 'template_profile_invalid_email',
        logo: 'template_profile_invalid_logo',
        gdapLink: 'template_profile_invalid_gdap_link',
      },
    });
  });

  it('refuses logo files that are too big or not a safe image type', () => {
    expect(logoFileProblem({ type: 'image/png', size: LOGO_MAX_BYTES })).toBeNull();
    expect(logoFileProblem({ type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toBe('options_logoTooBig');
    expect(logoFileProblem({ type: 'image/svg+xml', size: 10 })).toBe('options_logoWrongType');
  });
});
