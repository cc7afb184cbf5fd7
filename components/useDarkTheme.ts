import { useEffect, useState } from 'preact/hooks';

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/**
 * Dark when the page around the frame is dark or the system is, following the system as it
 * changes; marks the document (`data-theme="dark"`) for its style sheet.
 */
export function useDarkTheme(pageDark: boolean): boolean {
  const [systemDark, setSystemDark] = useState(() => matchMedia(SYSTEM_DARK).matches);
  useEffect(() => {
    const query = matchMedia(SYSTEM_DARK);
    const follow = () => setSystemDark(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const dark = pageDark || systemDark;
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}
