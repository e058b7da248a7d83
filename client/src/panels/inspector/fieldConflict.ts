// A collaborator committed the field you are typing in. Your draft stays yours (nobody loses what
// they type), but the field says so ("Sam changed this to 7d") and Enter no longer writes over
// their value until you choose: keep mine (write the draft) or take theirs (drop the draft).
// Pure, so the rule is tested without a browser.

export interface DraftState {
  /** Typing not committed yet. */
  dirty: boolean;
  draft: string;
  /** The stored value when the typing started. */
  base: string;
  /** The stored value now. */
  value: string;
}

/**
 * Their value, when the stored value moved away from what the draft was typed over, and it is
 * not what the draft says anyway (two people typing the same thing do not conflict).
 */
export function conflictOf({ dirty, draft, base, value }: DraftState): string | null {
  if (!dirty || value === base || value === draft) return null;
  return value;
}
