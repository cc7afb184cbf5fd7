import { t, type MessageKey } from '@/lib/i18n';
import type { ChecklistItem, ChecklistStep } from '@/lib/onboarding/checklist';

const STEP_TEXT: Record<ChecklistStep, { title: MessageKey; hint: MessageKey }> = {
  profile: { title: 'welcome_step_profile', hint: 'welcome_step_profile_hint' },
  capture: { title: 'welcome_step_capture', hint: 'welcome_step_capture_hint' },
  send: { title: 'welcome_step_send', hint: 'welcome_step_send_hint' },
};

/** The first-day checklist: each step says whether it is done, and what to do while it is not. */
export function OnboardingChecklist({ items }: { items: ChecklistItem[] }) {
  return (
    <ol class="checklist" aria-labelledby="checklist-heading">
      {items.map(({ step, done }) => (
        <li key={step} class={done ? 'done' : 'todo'} data-step={step}>
          <span class="check" aria-hidden="true">
            {done ? '✓' : ''}
          </span>
          <div>
            <strong>{t(STEP_TEXT[step].title)}</strong> <span class={`badge ${done ? 'tone-won' : ''}`}>{t(done ? 'welcome_done' : 'welcome_todo')}</span>
            {!done && <p class="hint muted">{t(STEP_TEXT[step].hint)}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
