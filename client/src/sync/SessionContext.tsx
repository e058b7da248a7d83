// The open map's session for the components below EditorPage: they run commands on its document
// and set presence through it, and never create a second one.
import { createContext, useContext } from 'react';
import type { MapSession } from './session.ts';

export const SessionContext = createContext<MapSession | null>(null);

/** The open map's session; only rendered inside EditorPage, which provides it. */
export function useSession(): MapSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of an open map');
  return session;
}
