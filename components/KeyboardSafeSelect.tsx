import { useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import { IDLE_CHOICE, nextChoice, type ChoiceEvent } from '@/lib/ui/keyboard-choice';

/**
 * A menu whose every choice is saved (and written to history): the arrow keys browse it without
 * saving, Enter or leaving it saves the option shown, the pointer saves at once (`keyboard-choice`).
 * While a keyboard choice waits, a hint beside it says how to save it; while a choice is being
 * saved, the menu shows it rather than the stored value it replaces.
 */
export function KeyboardSafeSelect<V extends string>({
  id,
  value,
  onChoose,
  children,
}: {
  id: string;
  /** The stored value. */
  value: V;
  /** Saves a choice; the menu shows it until this settles, then the stored value again. */
  onChoose: (value: V) => Promise<unknown>;
  /** The `<option>`s. */
  children: ComponentChildren;
}) {
  // Read and written within one event's handlers (keydown then change), before any render.
  const choiceRef = useRef(IDLE_CHOICE);
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const save = (chosen: string) => {
    setSaving(chosen);
    void onChoose(chosen as V).finally(() => setSaving((current) => (current === chosen ? null : current)));
  };
  /** Answers whether the event was used up. */
  const dispatch = (event: ChoiceEvent) => {
    const next = nextChoice(choiceRef.current, event, value);
    choiceRef.current = next.state;
    setDraft(next.state.draft);
    if (next.save !== null) save(next.save);
    return next.consumed === true;
  };
  const hintId = `${id}-hint`;
  return (
    <>
      <select
        id={id}
        value={draft ?? saving ?? value}
        aria-describedby={draft === null ? undefined : hintId}
        onKeyDown={(event) => dispatch({ type: 'key', key: event.key, alt: event.altKey }) && event.preventDefault()}
        onPointerDown={() => dispatch({ type: 'pointer' })}
        onChange={(event) => dispatch({ type: 'change', value: event.currentTarget.value })}
        onBlur={() => dispatch({ type: 'blur' })}
      >
        {children}
      </select>
      {draft !== null && (
        <span id={hintId} class="muted">
          {t('choice_enterToSave')}
        </span>
      )}
    </>
  );
}
