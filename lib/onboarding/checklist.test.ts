import { describe, expect, it } from 'vitest';
import { checklist, isProfileFilled } from './checklist';

const NOTHING = { offers: 0, sent: false };
const doneSteps = (items: ReturnType<typeof checklist>) => items.filter((item) => item.done).map((item) => item.step);

describe('checklist', () => {
  it('lists the three steps in order, none done for a new advisor', () => {
    expect(checklist({}, NOTHING)).toEqual([
      { step: 'profile', done: false },
      { step: 'capture', done: false },
      { step: 'send', done: false },
    ]);
  });

  it('ticks the profile only once both the name and the company are filled', () => {
    expect(doneSteps(checklist({ name: 'Ada Lopez' }, NOTHING))).toEqual([]);
    expect(doneSteps(checklist({ company: 'Contoso' }, NOTHING))).toEqual([]);
    expect(doneSteps(checklist({ name: 'Ada Lopez', company: 'Contoso' }, NOTHING))).toEqual(['profile']);
  });

  it('ticks the capture with the first offer and the send with the first send, each on its own', () => {
    expect(doneSteps(checklist({}, { offers: 1, sent: false }))).toEqual(['capture']);
    expect(doneSteps(checklist({}, { offers: 0, sent: true }))).toEqual(['send']);
    expect(doneSteps(checklist({ name: 'Ada', company: 'Contoso' }, { offers: 3, sent: true }))).toEqual(['profile', 'capture', 'send']);
  });
});

describe('isProfileFilled', () => {
  it('counts blank fields as missing', () => {
    expect(isProfileFilled({ name: ' ', company: 'Contoso' })).toBe(false);
    expect(isProfileFilled({ name: '', company: '' })).toBe(false);
    expect(isProfileFilled({ name: 'Ada', company: 'Contoso', email: 'ada@contoso.com' })).toBe(true);
  });
});
