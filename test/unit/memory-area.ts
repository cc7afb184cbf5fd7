import type { SessionArea } from '../../lib/messaging/grants';
import type { KeyValueArea } from '../../lib/offers/armed-next';

/** A storage area in memory, answering as the browser's does (one key or a list of keys). */
export function memoryArea(): SessionArea & KeyValueArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  const keys = (key: string | string[]) => (Array.isArray(key) ? key : [key]);
  return {
    items,
    get: async (key: string | string[]) =>
      Object.fromEntries(keys(key).flatMap((one) => (one in items ? [[one, structuredClone(items[one])]] : []))),
    set: async (values) => void Object.assign(items, structuredClone(values)),
    remove: async (key) => {
      for (const one of keys(key)) Reflect.deleteProperty(items, one);
    },
  };
}
