import type { SessionArea } from '../../lib/messaging/grants';

/** A session storage area in memory, as the browser's would answer. */
export function memoryArea(): SessionArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (values) => void Object.assign(items, structuredClone(values)),
  };
}
