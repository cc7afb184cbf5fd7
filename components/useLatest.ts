import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref holding the value of the latest render, for what runs later (a timer, an answer, a
 * handler kept by a child) and must see the page as it is then, not as it was when it was made.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
