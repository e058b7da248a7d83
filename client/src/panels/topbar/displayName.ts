// Display names as participants type them, validated once at the name prompt (the avatar shows
// them as initials: ui/avatarText.ts). No DOM, so the rules are tested without a browser; the
// refusals are worded by the 'topbar' catalog in the current language.
import { displayT } from '@flowmap/shared/i18n';

export const NAME_MAX_LENGTH = 60;

export type NameCheck = { ok: true; name: string } | { ok: false; error: string };

/** Trims, collapses inner whitespace and checks the 1–60 character rule. */
export function validateDisplayName(raw: string): NameCheck {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, error: displayT('topbar')('namePrompt.empty') };
  // Count characters as people see them, so an emoji or an accented letter counts once.
  const length = Array.from(name).length;
  if (length > NAME_MAX_LENGTH) {
    return {
      ok: false,
      error: displayT('topbar')('namePrompt.tooLong', { max: NAME_MAX_LENGTH, length }),
    };
  }
  return { ok: true, name };
}
