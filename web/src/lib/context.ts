// What every page needs once signed in: the session (role, partner) and the partners by id.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Partner, Session } from './types';

export interface AppState {
  session: Session;
  partners: Partner[];
  networkName: string;
  /** The unit of every value figure: the charter's, "value points" when it names none (lib/units.ts). */
  unit: string;
  /** The charter's deadline_action: "auto" (the server moves a cycle at its deadline) or "remind". */
  deadlineAction: string;
  partnerName: (id: number | null | undefined) => string;
  signOut: () => void;
  /** Re-reads the partners (after a change). */
  refresh: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the signed-in app');
  return state;
}

/** An array from a body that is the array itself or holds it under `key`. */
export function list<T>(raw: unknown, key: string): T[] {
  if (Array.isArray(raw)) return raw as T[];
  if (raw && typeof raw === 'object' && Array.isArray((raw as any)[key])) return (raw as any)[key] as T[];
  return [];
}

export const isCoordinator = (s: Session) => s.role === 'coordinator' || s.role === 'operator' || s.coordinating === true;
export const isRepresentative = (s: Session) => s.role === 'representative' && s.partner != null;
