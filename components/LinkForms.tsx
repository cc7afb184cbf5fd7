import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { SubmitOrCancel } from './FormActions';
import { OfferSearchPicker } from './OfferSearchPicker';

/** Focuses the form's first control when it opens, so the keyboard starts where the form does. */
function useFocusFirst() {
  const form = useRef<HTMLFormElement>(null);
  // As soon as the form is in the DOM, so a key pressed right after opening it reaches the form.
  useLayoutEffect(() => form.current?.querySelector<HTMLElement>('input, select, button')?.focus(), []);
  return form;
}

/** The offer picked in a link form, and why the form cannot be sent yet (nothing picked). */
function useChosenOffer() {
  const [chosen, setChosen] = useState<Offer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return {
    chosen,
    problem,
    choose: (picked: Offer) => {
      setChosen(picked);
      setProblem(null);
    },
    askToChoose: () => setProblem(t('offerPicker_chooseFirst')),
  };
}

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" class="error">
      {text}
    </p>
  ) : null;
}

/**
 * Replaces the offer by a new one: the next offer captured or added, or one picked from the list;
 * by default the old offer's customers are withdrawn (they carry over to the new offer as pending).
 */
export function ReplaceForm({
  offer,
  onReplace,
  onArm,
  onCancel,
}: {
  offer: Offer;
  onReplace: (by: Offer, withdraw: boolean) => Promise<boolean>;
  onArm: (withdraw: boolean) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [how, setHow] = useState<'pick' | 'next'>('pick');
  const [withdraw, setWithdraw] = useState(true);
  const { chosen, problem, choose, askToChoose } = useChosenOffer();
  const [busy, setBusy] = useState(false);
  const form = useFocusFirst();
  const submit = async () => {
    if (how === 'pick' && !chosen) {
      askToChoose();
      return;
    }
    setBusy(true);
    const done = chosen && how === 'pick' ? await onReplace(chosen, withdraw) : await onArm(withdraw);
    setBusy(false);
    if (done) onCancel();
  };
  return (
    <form
      ref={form}
      class="link-form"
      aria-labelledby="replace-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 id="replace-title">{t('history_replaceTitle')}</h4>
      <fieldset class="plain-fieldset">
        <legend>{t('history_replaceHow')}</legend>
        {(['pick', 'next'] as const).map((value) => (
          <label key={value} class="check">
            <input type="radio" name="replace-how" value={value} checked={how === value} onChange={() => setHow(value)} />{' '}
            {t(value === 'pick' ? 'history_replaceByPick' : 'history_replaceByNext')}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={withdraw} onChange={(event) => setWithdraw(event.currentTarget.checked)} /> {t('history_replaceWithdraw')}
      </label>
      {how === 'pick' && (
        <OfferSearchPicker
          idPrefix="replace"
          current={offer}
          purpose="replacement"
          chosen={chosen}
          onChoose={choose}
        />
      )}
      <Problem text={problem} />
      <SubmitOrCancel label={t(how === 'pick' ? 'history_replaceSubmit' : 'history_replaceWait')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/**
 * Links a trial and the purchase offer that follows it up, after the fact: on a purchase offer,
 * the trial is picked; on a trial, the purchase offer.
 */
export function FollowUpLinkForm({
  offer,
  onLink,
  onCancel,
}: {
  offer: Offer;
  onLink: (other: Offer) => Promise<boolean>;
  onCancel: () => void;
}) {
  const purpose = offer.kind === 'trial' ? 'follow-up' : 'trial';
  const { chosen, problem, choose, askToChoose } = useChosenOffer();
  const [busy, setBusy] = useState(false);
  const form = useFocusFirst();
  return (
    <form
      ref={form}
      class="link-form"
      aria-labelledby="follow-up-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) {
          askToChoose();
          return;
        }
        setBusy(true);
        void onLink(chosen).then((done) => {
          setBusy(false);
          if (done) onCancel();
        });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 id="follow-up-title">{t(purpose === 'trial' ? 'history_linkTrialTitle' : 'history_linkPurchaseTitle')}</h4>
      <OfferSearchPicker
        idPrefix="follow-up"
        current={offer}
        purpose={purpose}
        chosen={chosen}
        onChoose={choose}
      />
      <Problem text={problem} />
      <SubmitOrCancel label={t('history_linkSubmit')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
