// How many items of the signed-in person's activity feed are new since the last visit, shared by the navigation's
// badge and the activity page: asked when the page changes and every minute, and set to 0 when the activity page
// marks the feed seen. A token issued to no person has no feed: the count stays null and is never asked for.

import { useEffect, useState } from 'preact/hooks';
import { get } from './api';
import type { ActivityPage } from './types';

let unseen: number | null = null;
const listeners = new Set<(n: number | null) => void>();

/** Sets the count every badge shows. */
export function setUnseen(n: number | null): void {
  unseen = n;
  listeners.forEach((l) => l(n));
}

function refresh(): void {
  get<ActivityPage>('/activity?limit=1').then(
    (page) => setUnseen(page.unseen),
    () => undefined,
  );
}

/** The count of new items, refreshed when `path` changes and every minute; null without a person. */
export function useUnseen(path: string, hasPerson: boolean): number | null {
  const [n, setN] = useState(unseen);
  useEffect(() => {
    listeners.add(setN);
    return () => void listeners.delete(setN);
  }, []);
  useEffect(() => {
    if (hasPerson && !path.startsWith('/activity')) refresh();
  }, [path, hasPerson]);
  useEffect(() => {
    if (!hasPerson) return;
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, [hasPerson]);
  return hasPerson ? n : null;
}
