import { render, type ComponentChild } from 'preact';
import { uiLocale } from '@/lib/i18n';

/** Renders an extension page's app into its #app element, in the page's language. */
export function mountPage(app: ComponentChild): void {
  // Screen readers and spell checkers need the language the page is written in.
  document.documentElement.lang = uiLocale();
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element to render into.');
  render(app, root);
}
