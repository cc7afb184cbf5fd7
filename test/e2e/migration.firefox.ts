import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaV3Database } from '../fixtures/db/schema-v3';
import { launchFirefoxExtension, type FirefoxExtension } from './firefox-harness';
import { databaseVersion, expectUpgradedFromV3, offersOnDisk, schemaV3Contents, schemaV3Offers } from './upgrade-from-v3';

let firefox: FirefoxExtension;
beforeAll(async () => {
  firefox = await launchFirefoxExtension();
});
afterAll(async () => {
  await firefox?.close();
});

// Firefox's IndexedDB is another engine than Chromium's: the upgrades run in it too.
describe('the upgrade from schema version 3, in Firefox', () => {
  it('rewrites every offer on to today’s records, searches them newest first through today’s word index, and finds their keys there', async () => {
    const offers = schemaV3Offers();
    // An extension page that sends no message, so the background has not opened the database.
    const quiet = await firefox.openExtensionPage('icon/128.png');
    await quiet.evaluate(buildSchemaV3Database, schemaV3Contents(offers));
    expect(await quiet.evaluate(databaseVersion)).toBe(3);
    await expectUpgradedFromV3(
      offers,
      async (request) => {
        const answer = await firefox.send(request);
        if (!answer.ok) throw new Error(JSON.stringify(answer));
        return answer.data as never;
      },
      () => quiet.evaluate(offersOnDisk),
    );
  });
});
