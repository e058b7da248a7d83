// How a round's values read and are typed: durations for LT/PT through shared's formatDuration and
// parseDuration (so "2d 4h" means the map's working days, and "2일 4시간" too), %C/A through
// formatPctCA; a refusal in the display language.
import { formatDuration, formatPctCA, parseDuration, type WorkingTime } from '@flowmap/shared';
import { displayT } from '@flowmap/shared/i18n';
import type { EstimateField } from '@flowmap/shared/workshop';

export function formatValue(field: EstimateField, value: number, wt: WorkingTime): string {
  return field === 'pctCA' ? formatPctCA(value) : formatDuration(value, wt);
}

export function parseValue(
  field: EstimateField,
  text: string,
  wt: WorkingTime,
): { ok: true; value: number } | { ok: false; error: string } {
  if (field !== 'pctCA') {
    const parsed = parseDuration(text, wt);
    return parsed.ok ? { ok: true, value: parsed.minutes } : { ok: false, error: parsed.error };
  }
  const value = Number(text.trim().replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    return { ok: false, error: displayT('workshop')('estimation.shareError') };
  }
  return { ok: true, value };
}
