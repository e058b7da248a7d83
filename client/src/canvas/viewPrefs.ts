// How this browser likes to see the canvas: presentation mode, the legend folded or open, the
// minimap shown or hidden. Local UI state (never in the document), remembered per browser so a
// facilitator's projector keeps its set-up across reloads.
import { create } from 'zustand';

export interface ViewPrefs {
  /** Big headline figures, large type, no side panel, legend or minimap: for a projector. */
  presenting: boolean;
  legendOpen: boolean;
  minimapShown: boolean;
}

const KEYS: Record<keyof ViewPrefs, string> = {
  presenting: 'flowmap.presenting',
  legendOpen: 'flowmap.legendOpen',
  minimapShown: 'flowmap.minimap',
};

// The legend covered a quarter of the canvas when open by default: it starts folded.
const DEFAULTS: ViewPrefs = { presenting: false, legendOpen: false, minimapShown: true };

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

/** A stored flag: 'open'/'shown'/'on' and 'closed'/'hidden'/'off' (older values) both read. */
export function readFlag(stored: string | null, fallback: boolean): boolean {
  if (stored === null) return fallback;
  if (stored === 'open' || stored === 'shown' || stored === 'on' || stored === 'true') return true;
  if (stored === 'closed' || stored === 'hidden' || stored === 'off' || stored === 'false')
    return false;
  return fallback;
}

function load(): ViewPrefs {
  const s = storage();
  const read = (key: keyof ViewPrefs) => readFlag(s?.getItem(KEYS[key]) ?? null, DEFAULTS[key]);
  return {
    presenting: read('presenting'),
    legendOpen: read('legendOpen'),
    minimapShown: read('minimapShown'),
  };
}

export const useViewPrefs = create<ViewPrefs>(load);

export function setViewPref<K extends keyof ViewPrefs>(key: K, value: ViewPrefs[K]): void {
  useViewPrefs.setState({ [key]: value } as Pick<ViewPrefs, K>);
  try {
    storage()?.setItem(KEYS[key], value ? 'on' : 'off');
  } catch {
    // A full or disabled storage only costs remembering it.
  }
}

export function toggleViewPref(key: keyof ViewPrefs): void {
  setViewPref(key, !useViewPrefs.getState()[key]);
}
