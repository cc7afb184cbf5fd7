// The pure steps of `npm run release`: the next version number and the changelog with its
// Unreleased section turned into that version's section.

const PARTS = ['major', 'minor', 'patch'];
const UNRELEASED_HEADING = /^## \[Unreleased\][^\n]*\n/m;

/** The version after `version` (x.y.z) for a major, minor or patch release. */
export function bumpVersion(version, part) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a version of the form x.y.z.`);
  if (!PARTS.includes(part)) throw new Error(`Say which part to bump: ${PARTS.join(', ')} (got "${part}").`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (part === 'major') return `${major + 1}.0.0`;
  if (part === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The changelog with the Unreleased section's entries moved under `## [version] - date`, and an
 * empty Unreleased section left above it for the next changes. Refuses a release with nothing in it.
 */
export function releaseChangelog(changelog, version, date) {
  const heading = UNRELEASED_HEADING.exec(changelog);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section.');
  const bodyStart = heading.index + heading[0].length;
  const nextSection = changelog.slice(bodyStart).search(/^## /m);
  const bodyEnd = nextSection === -1 ? changelog.length : bodyStart + nextSection;
  const body = changelog.slice(bodyStart, bodyEnd).trim();
  if (!body) throw new Error('The Unreleased section of CHANGELOG.md is empty: nothing to release.');
  if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a section for ${version}.`);
  const rest = changelog.slice(bodyEnd);
  return `${changelog.slice(0, heading.index)}## [Unreleased]\n\n## [${version}] - ${date}\n\n${body}\n${rest ? `\n${rest}` : ''}`;
}

/** A date as the changelog writes it (YYYY-MM-DD), in UTC. */
export function changelogDate(date) {
  return date.toISOString().slice(0, 10);
}
