import { useEffect, useState } from 'preact/hooks';

/** A list that follows a search box, with the query (trimmed) it answers. */
export interface ListedFor<T> {
  query: string;
  items: T[];
}

/**
 * Enter in a search box whose list follows what is typed. While the list shown still answers an
 * earlier query (the search for what was typed is on its way), Enter waits for the answer to the
 * query typed and takes its first item, not the highlighted item of the earlier list; typing on
 * (`cancel`) or a failed search drops it.
 */
export function useEnterOnAnswer<T>(query: string, listed: ListedFor<T> | null, failed: boolean, take: (item: T | undefined) => unknown) {
  const [awaiting, setAwaiting] = useState<string | null>(null);
  useEffect(() => {
    if (awaiting === null) return;
    if (failed) setAwaiting(null);
    else if (listed?.query === awaiting) {
      setAwaiting(null);
      take(listed.items[0]);
    }
  }, [awaiting, listed, failed, take]);
  return {
    /** Takes `highlighted` when the list answers the query typed, else the answer's first item once it comes. */
    enter(highlighted: T | undefined) {
      const typed = query.trim();
      if (listed?.query === typed) take(highlighted);
      else setAwaiting(typed);
    },
    cancel: () => setAwaiting(null),
  };
}
