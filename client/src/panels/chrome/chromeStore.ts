// UI state shared by the session chrome: who "you" are (name and colour as kept in this browser)
// and whether the name prompt is open, so the presence bar can reopen it.
import { create } from 'zustand';
import { savedColour, savedDisplayName } from '../../sync/presence.ts';

// presence.ts reads the colour from this key but has no setter; keep the two in step.
const COLOUR_KEY = 'flowmap.colour';

export interface Me {
  name: string | null;
  colour: string;
}

interface ChromeState {
  namePromptOpen: boolean;
  me: Me;
}

const hasStorage = typeof localStorage !== 'undefined';

export const useChrome = create<ChromeState>(() => ({
  namePromptOpen: false,
  me: hasStorage
    ? { name: savedDisplayName(), colour: savedColour() }
    : { name: null, colour: '#4363d8' },
}));

export const openNamePrompt = () => useChrome.setState({ namePromptOpen: true });
export const closeNamePrompt = () => useChrome.setState({ namePromptOpen: false });

export function rememberMe(me: { name: string; colour: string }): void {
  if (hasStorage) localStorage.setItem(COLOUR_KEY, me.colour);
  useChrome.setState({ me, namePromptOpen: false });
}
