// The signed-in person's unread count, shared by the navigation's badge and the inbox page: asked when the page
// changes and every minute, and set at once when the inbox page marks notifications read. A token issued to no
// person has no inbox (GET /inbox answers 400): the count stays null and is never asked for.

import { useEffect, useState } from 'preact/hooks';
import { get } from './api';
import type { Inbox } from './types';

let unread: number | null = null;
const listeners = new Set<(n: number | null) => void>();

/** Sets the count every badge shows (the inbox page calls it with the server's figure). */
export function setUnread(n: number | null): void {
  unread = n;
  listeners.forEach((l) => l(n));
}

/** Asks the server for the count (one notification's page: the count comes with it). */
export function refreshUnread(): void {
  get<Inbox>('/inbox?limit=1').then(
    (inbox) => setUnread(inbox.unread),
    () => undefined, // a failure keeps the last count; the inbox page shows the error itself
  );
}

/** The unread count, refreshed when `path` changes and every minute; null without a person or before the answer. */
export function useUnread(path: string, hasPerson: boolean): number | null {
  const [n, setN] = useState(unread);
  useEffect(() => {
    listeners.add(setN);
    return () => void listeners.delete(setN);
  }, []);
  useEffect(() => {
    if (!hasPerson) return;
    refreshUnread();
  }, [path, hasPerson]);
  useEffect(() => {
    if (!hasPerson) return;
    const timer = setInterval(refreshUnread, 60_000);
    return () => clearInterval(timer);
  }, [hasPerson]);
  return hasPerson ? n : null;
}
