import type { Offer } from '@/lib/offers/schema';
import { formatNumber } from '@/lib/ui/format';

/** An offer's subscriptions with their license counts, or a dash when it has none. */
export function SubscriptionList({ subscriptions }: { subscriptions: Offer['subscriptions'] }) {
  if (subscriptions.length === 0) return <>—</>;
  return (
    <ul class="plain">
      {subscriptions.map((s, i) => (
        <li key={i}>
          {s.name}
          {s.licenses !== null && <span class="muted"> × {formatNumber(s.licenses)}</span>}
        </li>
      ))}
    </ul>
  );
}
