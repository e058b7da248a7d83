// How Flowmap writes a percentage, in one place, so every share, ratio, %C/A and change reads the
// same in the panels, the comparisons, the exports and the CLI. The callers only choose how many
// decimals a figure of 1 % or more keeps (whole shares, one decimal below 10 % for ratios, up to two
// for an entered %C/A); below 1 % every one of them keeps two significant digits, because there a
// fixed number of decimals says nothing: 0.08 % of the waiting reads "0.08%", not "0.1%" or "0%".
// The digits are chosen here, in plain decimal text; Intl then writes them the display locale's way
// (ko-KR happens to write "8.8%" exactly as en-US does), with no thousands grouping.

import { numberFormat } from '../i18n/intl.ts';
import { displayLocale } from '../i18n/locale.ts';

/** The smallest percentage written out; anything between 0 and it reads "<0.000001%". */
const SMALLEST = 1e-6;

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A non-negative percentage as digits, without the sign: two significant digits below 1 (0.083 →
 * "0.083", 0.4 → "0.4"), `decimals` decimals from 1 up (trailing zeros dropped).
 */
export function percentDigits(magnitude: number, decimals: number): string {
  return writeDigits(plainDigits(magnitude, decimals), 'decimal', 1);
}

/** The same digits as plain decimal text ("0.083", "<0.000001"), before Intl writes them. */
function plainDigits(magnitude: number, decimals: number): string {
  if (!(magnitude > 0)) return '0';
  if (magnitude < SMALLEST) return `<${SMALLEST.toFixed(6)}`;
  if (magnitude < 1) {
    // toPrecision can write 1e-7 as an exponent; toFixed with the decimals two significant
    // digits need never does.
    const places = 1 - Math.floor(Math.log10(magnitude));
    const text = trimZeros(magnitude.toFixed(places));
    if (Number(text) < 1) return text;
  }
  const f = 10 ** decimals;
  return trimZeros(String(Math.round(magnitude * f) / f));
}

/**
 * Writes plain digits ("8.8", "<0.000001") through Intl with exactly as many decimals as they
 * have, so Intl changes only how they are written, never which digits are kept.
 */
function writeDigits(digits: string, style: 'decimal' | 'percent', divisor: number): string {
  const below = digits.startsWith('<');
  const text = below ? digits.slice(1) : digits;
  const places = text.split('.')[1]?.length ?? 0;
  const written = formatter(style, places).format(Number(text) / divisor);
  return below ? `<${written}` : written;
}

// Percentages are written thousands of times per render of a large map (reasons, badges, ladder):
// a flat key beats numberFormat's general one (JSON of the options) by an order of magnitude.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(style: 'decimal' | 'percent', places: number): Intl.NumberFormat {
  const locale = displayLocale();
  const key = `${locale}${style}${places}`;
  let format = formatters.get(key);
  if (!format) {
    format = numberFormat(
      { style, useGrouping: false, minimumFractionDigits: places, maximumFractionDigits: places },
      locale,
    );
    formatters.set(key, format);
  }
  return format;
}

/** Plain digits as a percentage in the display locale: "8.8" → "8.8%". */
const asPercent = (digits: string) => writeDigits(digits, 'percent', 100);

/**
 * A non-negative percentage with percentDigits' digits and the percent sign, not clamped: a change
 * of +99.6 % reads "100%" (formatPercentage would say ">99%", which is for shares of a whole).
 */
export function percentOf(magnitude: number, decimals: number): string {
  return asPercent(plainDigits(magnitude, decimals));
}

/**
 * A percentage (0–100) for people: "85%", "8.8%", "0.08%", "—" when it is not a number. A value
 * that is neither none nor all never reads "0%" or "100%": just below 100 it reads ">99%"
 * (">99.9%", ">99.99%" with more decimals).
 */
export function formatPercentage(percent: number, decimals: number): string {
  if (!Number.isFinite(percent)) return '—';
  if (percent < 0) return `\u2212${asPercent(plainDigits(-percent, decimals))}`;
  const digits = plainDigits(percent, decimals);
  if (digits === '100' && percent < 100)
    return `>${asPercent(trimZeros((100 - 10 ** -decimals).toFixed(decimals)))}`;
  return asPercent(digits);
}
