import type { AdvisorProfile } from '../message/profile';
import type { ProgressFacts } from '../offers/stats';

/**
 * The welcome page's checklist, derived from what is stored rather than ticked by hand: it
 * stays right whether the advisor did a step from the welcome page, the options page or a webmail.
 */


export const CHECKLIST_STEPS = ['profile', 'capture', 'send'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export interface ChecklistItem {
  step: ChecklistStep;
  done: boolean;
}

/**
 * The default messages name the advisor's company and are signed with the advisor's name; without
 * either they speak for an anonymous partner and carry no signature.
 */
export const PROFILE_ESSENTIALS = ['name', 'company'] as const satisfies readonly (keyof AdvisorProfile)[];

export const isProfileFilled = (profile: AdvisorProfile): boolean => PROFILE_ESSENTIALS.every((field) => Boolean(profile[field]?.trim()));

export function checklist(profile: AdvisorProfile, facts: ProgressFacts): ChecklistItem[] {
  const done: Record<ChecklistStep, boolean> = {
    profile: isProfileFilled(profile),
    capture: facts.offers > 0,
    send: facts.sent,
  };
  return CHECKLIST_STEPS.map((step) => ({ step, done: done[step] }));
}
