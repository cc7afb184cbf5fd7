/** The welcome page, opened once when the extension is installed (not on an update or a browser update). */
export const WELCOME_PATH = '/welcome.html';

export async function openWelcomeOnInstall(details: { reason: string }, openTab: (path: typeof WELCOME_PATH) => Promise<unknown>): Promise<void> {
  if (details.reason === 'install') await openTab(WELCOME_PATH);
}
