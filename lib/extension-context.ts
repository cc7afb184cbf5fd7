import { browser } from 'wxt/browser';

/**
 * Whether this script is cut off from its extension. After an update or a reload, a content
 * script already in a page keeps running, but its runtime loses its id (Chromium) or disappears,
 * and every extension call (messages, strings) throws: only a reloaded page runs a working copy.
 */
export const extensionContextLost = (): boolean => !(browser.runtime as { id?: string } | undefined)?.id;
