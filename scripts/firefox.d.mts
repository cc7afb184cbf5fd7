export function findFirefox(): string | null;
export function ensureFirefox(options?: { log?: (message: string) => void }): string;
