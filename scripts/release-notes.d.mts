export function bumpVersion(version: string, part: string): string;
export function releaseChangelog(changelog: string, version: string, date: string): string;
export function changelogDate(date: Date): string;
