import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A ref to an area whose controls are disabled while `busy`. Chromium moves the focus of a
 * control that gets disabled to the page's body; once `busy` ends, the control of the area that
 * had the keyboard gets it back, unless the advisor moved it meanwhile.
 */
export function useFocusBackAfterBusy<T extends HTMLElement>(busy: boolean) {
  const area = useRef<T>(null);
  const focusedRef = useRef<HTMLElement | null>(null);
  /** The area's control that had the keyboard last, unless it went to another element since. */
  const lastFocusedRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      lastFocusedRef.current = event.target instanceof HTMLElement && area.current?.contains(event.target) ? event.target : null;
    };
    // Focus going nowhere (a control disabled, the window left) keeps the control; going elsewhere, onFocusIn drops it.
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  useLayoutEffect(() => {
    if (busy) {
      const active = document.activeElement;
      const inArea = active instanceof HTMLElement && area.current?.contains(active);
      // Some Chromium versions (150) have already moved the focus to the body when this runs.
      const lost = active === null || active === document.body;
      focusedRef.current = inArea ? active : lost ? lastFocusedRef.current : null;
      return;
    }
    const control = focusedRef.current;
    focusedRef.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (control?.isConnected && lost) control.focus();
  }, [busy]);
  return area;
}
