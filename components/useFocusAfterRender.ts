import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A ref to an element that takes the keyboard once the next render is in the DOM, and the
 * function that asks for it: a form that closes would otherwise leave the focus nowhere.
 */
export function useFocusAfterRender<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [pending, setPending] = useState(false);
  useLayoutEffect(() => {
    if (!pending) return;
    ref.current?.focus();
    setPending(false);
  }, [pending]);
  return [ref, () => setPending(true)] as const;
}
