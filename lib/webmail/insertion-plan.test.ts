import { describe, expect, it } from 'vitest';
import { planAfterInsertion } from './insertion-plan';

const message = { subject: '  Your Microsoft 365 offer ', to: 'claire@contoso.example' };

describe('planAfterInsertion', () => {
  it('fills an empty subject and an empty To, and records them as filled', () => {
    expect(planAfterInsertion({ subject: ' ', to: 'blank', recipients: [] }, message)).toEqual({
      fillSubject: 'Your Microsoft 365 offer',
      fillTo: 'claire@contoso.example',
      record: { subject: 'Your Microsoft 365 offer', recipients: [{ email: 'claire@contoso.example' }] },
    });
  });

  it('never writes over what the advisor typed, and records what the window shows', () => {
    const plan = planAfterInsertion(
      { subject: 'RE: licences', to: 'filled', recipients: [{ name: 'Claire Dubois' }, { email: 'bob@fabrikam.example' }] },
      message,
    );
    expect(plan).toEqual({ record: { subject: 'RE: licences', recipients: [{ name: 'Claire Dubois' }, { email: 'bob@fabrikam.example' }] } });
  });

  it('fills nothing a window lacks (an inline reply has no subject) and records the template subject', () => {
    expect(planAfterInsertion({ subject: null, to: 'absent', recipients: [] }, message)).toEqual({ record: { subject: 'Your Microsoft 365 offer', recipients: [] } });
  });

  it('records no subject or recipient when there is none to record', () => {
    expect(planAfterInsertion({ subject: '', to: 'blank', recipients: [] }, { subject: ' ' })).toEqual({ record: { recipients: [] } });
  });

  it('caps the recorded subject', () => {
    const plan = planAfterInsertion({ subject: 'x'.repeat(600), to: 'absent', recipients: [] }, message);
    expect(plan.record.subject).toHaveLength(500);
  });
});
