import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A ref to an element that takes the keyboard once the next render is in the DOM, and the
 * function that asks for it: a form that closes would otherwise leave the focus nowhere. When that
 * render has no such element (the action took it away), `otherwise` runs instead.
 */
export function useFocusAfterRender<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [pending, setPending] = useState<{ otherwise?: (() => void) | undefined } | null>(null);
  useLayoutEffect(() => {
    if (!pending) return;
    if (ref.current) ref.current.focus();
    else pending.otherwise?.();
    setPending(null);
  }, [pending]);
  return [ref, (otherwise?: () => void) => setPending({ otherwise })] as const;
}
