/** What went wrong, as text: an Error's message, or anything else thrown turned into a string. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
