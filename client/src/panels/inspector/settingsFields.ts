// Map settings and the DORA inputs of a state: reading typed text into patches checked by the
// same validators the commands use. A change failure rate is typed as a percentage ("12.5") and
// stored as the fraction the schema defines (0.125).
import {
  type DoraInputs,
  type MapMeta,
  validateDoraPatch,
  validateMetaPatch,
  type WorkingTime,
} from '@flowmap/shared';
import type { DoraPatch, MetaPatch } from '@flowmap/shared/doc';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@flowmap/shared/i18n';
import { type Read, readDuration, readNumber, showDuration, showNumber } from './fieldInput.ts';
import { messageFor } from './nodeFields.ts';

/**
 * The settings this panel edits as text (the exports' language is a choice: `exportLocaleOf`; the
 * stage mapping and the measured period are written by Import measurements).
 */
export type MetaField = Exclude<keyof MapMeta, 'schemaVersion' | 'locale' | 'stageMapping'>;

/** The language the map's SVG/PNG/PDF exports are written in: its `locale`, English when unset. */
export function exportLocaleOf(meta: Readonly<MapMeta>): Locale {
  return isLocale(meta.locale) ? meta.locale : DEFAULT_LOCALE;
}
export type DoraField = Exclude<keyof DoraInputs, 'measured'>;

export type Patched<P> = { ok: true; patch: P } | { ok: false; error: string };

const META_NUMBERS: Record<Exclude<MetaField, 'title' | 'description' | 'unitOfWork'>, string> = {
  hoursPerDay: 'hours from 1 to 24',
  daysPerWeek: 'days from 1 to 7',
  lowPctCAThreshold: 'a number from 0 to 100',
  bottleneckCount: 'a whole number from 0 to 50',
  demandPerDay: 'items per working day',
};

/** Settings that may be left empty (the map then has no demand, or calls items "items"). */
const META_OPTIONAL = new Set<MetaField>(['demandPerDay', 'unitOfWork']);

export function metaFieldPatch(field: MetaField, text: string): Patched<MetaPatch> {
  let value: unknown;
  if (field === 'title') value = text.trim();
  else if (field === 'description') value = text.replace(/\s+$/, '');
  else if (field === 'unitOfWork') value = text.trim() === '' ? undefined : text.trim();
  else {
    const what = META_NUMBERS[field];
    const read = readNumber(text, what);
    if (!read.ok) return read;
    if (read.value === undefined && !META_OPTIONAL.has(field)) {
      return { ok: false, error: `Enter ${what}` };
    }
    value = read.value;
  }
  const patch = { [field]: value } as MetaPatch;
  const error = messageFor(validateMetaPatch(patch as Record<string, unknown>), field);
  return error === null ? { ok: true, patch } : { ok: false, error };
}

export function showMetaField(field: MetaField, meta: Readonly<MapMeta>): string {
  const value = meta[field];
  return typeof value === 'number' ? showNumber(value) : (value ?? '');
}

/** "12.5" (or "12.5%") → 0.125; empty → undefined. Kept to 12 significant digits: 7% is 0.07. */
export function percentToFraction(text: string): Read<number | undefined> {
  const read = readNumber(text, 'a percentage from 0 to 100');
  if (!read.ok || read.value === undefined) return read;
  if (read.value < 0 || read.value > 100) return { ok: false, error: 'must be 0–100 %' };
  return { ok: true, value: Number((read.value / 100).toPrecision(12)) };
}

/** 0.07 → "7" (not "7.000000000000001"); undefined → "". */
export function fractionToPercent(fraction: number | undefined): string {
  return typeof fraction === 'number' && Number.isFinite(fraction)
    ? String(Number((fraction * 100).toPrecision(12)))
    : '';
}

function readDora(field: DoraField, text: string, wt: WorkingTime): Read<number | undefined> {
  switch (field) {
    case 'deploymentsPerWeek':
      return readNumber(text, 'a number of deployments per week');
    case 'changeFailureRate':
      return percentToFraction(text);
    case 'timeToRestoreMinutes':
    case 'leadTimeForChangesMinutes':
      return readDuration(text, wt);
  }
}

export function doraFieldPatch(
  field: DoraField,
  text: string,
  wt: WorkingTime,
): Patched<DoraPatch> {
  const read = readDora(field, text, wt);
  if (!read.ok) return read;
  const patch: DoraPatch = { [field]: read.value };
  const error = messageFor(validateDoraPatch(patch as Record<string, unknown>), field);
  return error === null ? { ok: true, patch } : { ok: false, error };
}

export function showDoraField(
  field: DoraField,
  dora: Readonly<DoraPatch> | undefined,
  wt: WorkingTime,
): string {
  const value = dora?.[field];
  switch (field) {
    case 'deploymentsPerWeek':
      return showNumber(value);
    case 'changeFailureRate':
      return fractionToPercent(value);
    case 'timeToRestoreMinutes':
    case 'leadTimeForChangesMinutes':
      return showDuration(value, wt);
  }
}
