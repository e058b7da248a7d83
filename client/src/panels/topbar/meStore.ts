// Who "you" are in this browser (the name and colour others see) and whether the name prompt is
// open, shared by the prompt and the presence bar, which reopens it from your own avatar.
import { create } from 'zustand';
import { savedColour, savedDisplayName } from '../../sync/presence.ts';

// presence.ts reads the colour from this key but has no setter; keep the two in step.
const COLOUR_KEY = 'flowmap.colour';

export interface Me {
  name: string | null;
  colour: string;
}

interface MeState {
  namePromptOpen: boolean;
  me: Me;
}

const hasStorage = typeof localStorage !== 'undefined';

export const useMe = create<MeState>(() => ({
  namePromptOpen: false,
  me: hasStorage
    ? { name: savedDisplayName(), colour: savedColour() }
    : { name: null, colour: '#4363d8' },
}));

export const openNamePrompt = () => useMe.setState({ namePromptOpen: true });
export const closeNamePrompt = () => useMe.setState({ namePromptOpen: false });

export function rememberMe(me: { name: string; colour: string }): void {
  if (hasStorage) localStorage.setItem(COLOUR_KEY, me.colour);
  useMe.setState({ me, namePromptOpen: false });
}
