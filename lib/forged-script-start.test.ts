// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ignoreForgedScriptStarts } from './forged-script-start';

const announceStart = () =>
  document.dispatchEvent(
    new CustomEvent((ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE, { detail: { contentScriptName: 'webmail', messageId: 'forged' } }),
  );

describe("WXT's content-script-started event", () => {
  const extensionId = fakeBrowser.runtime.id;
  afterEach(() => {
    fakeBrowser.runtime.id = extensionId;
  });

  it('stops an unguarded content script: the page can forge it', () => {
    const ctx = new ContentScriptContext('webmail');
    announceStart();
    expect(ctx.isValid).toBe(false);
  });

  it('leaves a guarded script running while it is still connected to the extension', () => {
    const ctx = new ContentScriptContext('webmail');
    ignoreForgedScriptStarts(ctx);
    announceStart();
    expect(ctx.isValid).toBe(true);
    ctx.abort();
  });

  it('still stops the copy an update left behind (its runtime has no id any more)', () => {
    const ctx = new ContentScriptContext('webmail');
    ignoreForgedScriptStarts(ctx);
    fakeBrowser.runtime.id = undefined as unknown as string;
    let stopped = false;
    ctx.onInvalidated(() => (stopped = true));
    announceStart();
    expect(stopped).toBe(true);
  });
});
