import { describe, expect, it } from 'vitest';
import { bumpVersion, changelogDate, releaseChangelog } from '../../scripts/release-notes.mjs';

describe('bumpVersion', () => {
  it('bumps each part and resets the smaller ones', () => {
    expect(bumpVersion('0.1.9', 'patch')).toBe('0.1.10');
    expect(bumpVersion('0.1.9', 'minor')).toBe('0.2.0');
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
  });

  it('refuses an unknown part or a version it cannot read', () => {
    expect(() => bumpVersion('0.1.0', 'huge')).toThrow(/major, minor, patch/);
    expect(() => bumpVersion('0.1', 'patch')).toThrow(/x\.y\.z/);
    expect(() => bumpVersion('1.0.0-beta.1', 'patch')).toThrow(/x\.y\.z/);
  });
});

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- Reminders.

## [0.1.0] - 2026-01-05

### Added

- Capture.
`;

describe('releaseChangelog', () => {
  it('moves the Unreleased entries under the new version and leaves Unreleased empty above it', () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-11-29')).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-11-29

### Added

- Reminders.

## [0.1.0] - 2026-01-05

### Added

- Capture.
`);
  });

  it('works when Unreleased is the only section', () => {
    const first = '# Changelog\n\n## [Unreleased]\n\n- First.\n';
    expect(releaseChangelog(first, '1.0.0', '2026-11-29')).toBe('# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-29\n\n- First.\n');
  });

  it('refuses an empty Unreleased section, a missing one and a version already released', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-11-29');
    expect(() => releaseChangelog(released, '0.3.0', '2026-11-30')).toThrow(/empty/);
    expect(() => releaseChangelog('# Changelog\n', '0.3.0', '2026-11-30')).toThrow(/no "## \[Unreleased\]"/);
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-11-30')).toThrow(/already has a section/);
  });

  it('dates a release in UTC', () => {
    expect(changelogDate(new Date('2026-11-29T23:30:00-05:00'))).toBe('2026-11-30');
  });
});
