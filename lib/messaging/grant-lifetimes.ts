/** How long a capture's Undo is granted: a few minutes after the capture (lib/messaging/grants). */
export const UNDO_CAPTURE_LIFETIME_MS = 10 * 60_000;
