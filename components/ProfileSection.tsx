import { useLayoutEffect, useState } from 'preact/hooks';
import type { AdvisorProfile } from '@/lib/message/profile';
import { LOGO_MAX_BYTES } from '@/lib/message/safe-url';
import { saveProfile } from '@/lib/settings/client';
import { t, type MessageKey } from '@/lib/i18n';
import { formatBytes } from '@/lib/ui/format';
import { checkProfile, LOGO_TYPES, logoFileProblem, type ProfileField } from '@/lib/ui/profile-form';
import { Field } from './Field';
import { FormActions, type FormStatus } from './FormActions';

const TEXT_FIELDS: { field: Exclude<ProfileField, 'logo'>; label: MessageKey; type: string; autocomplete: string }[] = [
  { field: 'name', label: 'options_profileName', type: 'text', autocomplete: 'name' },
  { field: 'company', label: 'options_profileCompany', type: 'text', autocomplete: 'organization' },
  { field: 'email', label: 'options_profileEmail', type: 'email', autocomplete: 'email' },
  { field: 'phone', label: 'options_profilePhone', type: 'tel', autocomplete: 'tel' },
  { field: 'website', label: 'options_profileWebsite', type: 'url', autocomplete: 'url' },
  { field: 'gdapLink', label: 'options_profileGdapLink', type: 'url', autocomplete: 'off' },
];

/** The fields as the form shows them: the text fields, then the logo. */
const FORM_ORDER: readonly ProfileField[] = [...TEXT_FIELDS.map(({ field }) => field), 'logo'];

/** The control holding each field: the logo's address is checked, an uploaded file is checked when chosen. */
const controlOf = (field: ProfileField) => (field === 'logo' ? 'profile-logo-url' : `profile-${field}`);

/** The advisor's name, company, contact details and logo, used by every message. */
export function ProfileSection({ profile, onSaved }: { profile: AdvisorProfile; onSaved: (profile: AdvisorProfile) => void }) {
  const [values, setValues] = useState<Partial<Record<ProfileField, string>>>(profile);
  const [contactBlock, setContactBlock] = useState(profile.contactBlock === true);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  // A file refused when chosen is said at the file picker; a bad address, at the address.
  const [logoFileError, setLogoFileError] = useState<MessageKey | null>(null);
  const [status, setStatus] = useState<FormStatus>(null);
  // After a refused Save, the keyboard goes to the first field to fix, its error now rendered beside it.
  const [firstInvalid, setFirstInvalid] = useState<ProfileField | null>(null);
  useLayoutEffect(() => {
    if (!firstInvalid) return;
    document.getElementById(controlOf(firstInvalid))?.focus();
    setFirstInvalid(null);
  }, [firstInvalid]);
  const logo = values.logo ?? '';
  const logoIsUpload = logo.startsWith('data:');

  const set = (field: ProfileField, value: string) => {
    // A logo given another way (an address, Remove) replaces a refused file: its error goes.
    if (field === 'logo') setLogoFileError(null);
    setValues((v) => ({ ...v, [field]: value }));
  };

  const upload = (file: File) => {
    const problem = logoFileProblem(file);
    setLogoFileError(problem);
    if (problem) return;
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') set('logo', reader.result);
      setErrors(({ logo: _gone, ...rest }) => rest);
    };
    reader.readAsDataURL(file);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkProfile(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ ok: false, text: t('options_fixErrors') });
      setFirstInvalid(FORM_ORDER.find((field) => checked.errors[field]) ?? null);
      return;
    }
    setErrors({});
    setLogoFileError(null);
    try {
      // Off is the default, so it is left out: an unchanged profile stays as it was saved.
      const { contactBlock: _previous, ...fields } = checked.profile;
      const saved = await saveProfile(contactBlock ? { ...fields, contactBlock } : fields);
      onSaved(saved);
      setValues(saved);
      setStatus({ ok: true, text: t('options_profileSaved') });
    } catch {
      setStatus({ ok: false, text: t('options_saveFailed') });
    }
  };

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('options_profileHeading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate class="stack">
        <div class="grid-2">
          {TEXT_FIELDS.map(({ field, label, type, autocomplete }) => (
            <Field key={field} id={`profile-${field}`} label={t(label)} error={errors[field] && t(errors[field] as MessageKey)}>
              {(props) => (
                <input {...props} type={type} autoComplete={autocomplete} value={values[field] ?? ''} onInput={(e) => set(field, e.currentTarget.value)} />
              )}
            </Field>
          ))}
        </div>
        <fieldset>
          <legend>{t('options_logo')}</legend>
          <div class="logo-row">
            {logo && !errors.logo && !logoFileError ? (
              <img class="logo-preview" src={logo} alt={t('options_logoPreview')} />
            ) : (
              <div class="logo-preview empty muted">{t('options_noLogo')}</div>
            )}
            <div class="stack">
              <Field
                id="profile-logo-file"
                label={t('options_logoUpload')}
                hint={t('options_logoHint', formatBytes(LOGO_MAX_BYTES))}
                error={logoFileError ? t(logoFileError) : undefined}
              >
                {(props) => (
                  <input
                    {...props}
                    type="file"
                    accept={LOGO_TYPES.join(',')}
                    onChange={(e) => {
                      const file = e.currentTarget.files?.[0];
                      e.currentTarget.value = '';
                      if (file) upload(file);
                    }}
                  />
                )}
              </Field>
              <Field id="profile-logo-url" label={t('options_logoUrl')} error={errors.logo && t(errors.logo as MessageKey)}>
                {(props) => <input {...props} type="url" placeholder="https://" value={logoIsUpload ? '' : logo} onInput={(e) => set('logo', e.currentTarget.value)} />}
              </Field>
              {logo && (
                <button type="button" onClick={() => set('logo', '')}>
                  {t('options_removeLogo')}
                </button>
              )}
            </div>
          </div>
        </fieldset>
        <div class="inline-field">
          <input
            id="profile-contactBlock"
            type="checkbox"
            checked={contactBlock}
            aria-describedby="profile-contactBlock-hint"
            onChange={(e) => setContactBlock(e.currentTarget.checked)}
          />
          <label for="profile-contactBlock">{t('options_profileContactBlock')}</label>
        </div>
        <p id="profile-contactBlock-hint" class="muted">
          {t('options_profileContactBlockHint')}
        </p>
        <FormActions label={t('options_saveProfile')} status={status} />
      </form>
    </section>
  );
}
