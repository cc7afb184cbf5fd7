import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall, WELCOME_PATH } from './welcome';

describe('openWelcomeOnInstall', () => {
  it('opens the welcome page on a first install only', async () => {
    const openTab = vi.fn(() => Promise.resolve());
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) await openWelcomeOnInstall({ reason }, openTab);
    expect(openTab).not.toHaveBeenCalled();
    await openWelcomeOnInstall({ reason: 'install' }, openTab);
    expect(openTab).toHaveBeenCalledExactlyOnceWith(WELCOME_PATH);
  });
});
