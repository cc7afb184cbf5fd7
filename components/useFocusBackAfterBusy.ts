import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A ref to an area whose controls are disabled while `busy`. Chromium moves the focus of a
 * control that gets disabled to the page's body; once `busy` ends, the control of the area that
 * had the keyboard gets it back, unless the advisor moved it meanwhile.
 */
export function useFocusBackAfterBusy<T extends HTMLElement>(busy: boolean) {
  const area = useRef<T>(null);
  const focusedRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (busy) {
      const active = document.activeElement;
      focusedRef.current = active instanceof HTMLElement && area.current?.contains(active) ? active : null;
      return;
    }
    const control = focusedRef.current;
    focusedRef.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (control?.isConnected && lost) control.focus();
  }, [busy]);
  return area;
}
