// ISO 8601 timestamps from log files, read the same way in every browser and in Node. Date.parse
// alone accepts far more than ISO 8601 ("March 3", "3/4/2026") and reads a time without an offset
// in the machine's time zone, so the same log would give different figures in Seoul and Berlin:
// here only ISO 8601 is accepted, and a time without an offset is read as UTC.

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Epoch milliseconds, or null when `text` is not an ISO 8601 date or date-time that exists. */
export function parseIsoTimestamp(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Date.UTC rolls 2026-02-30 over into March; a date that does not exist is a typo, not March.
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 24 || minute > 59 || second > 59) return null;
  if (hour === 24 && (minute > 0 || second > 0 || frac.replace(/0/g, '') !== '')) return null;
  const ms = Number(`0.${frac || '0'}`) * 1000;
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return null;
    offset = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
