// The columns of the two logs (PRODUCT.md, "Measured reality and forecasts") and how one cell of
// each becomes a value. Messages name the column and quote what the file holds, so a person can
// find the cell and fix it in the tool that exported it.
import { parseIsoTimestamp } from './dates.ts';
import type { TableSpec } from './table.ts';
import type { DeploymentRow, EventRow, RowProblem } from './types.ts';

const MAX_TEXT = 500;

function quote(value: unknown): string {
  const text = String(value);
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

function text(value: unknown, column: string, row: number, problems: RowProblem[]): string {
  if (value === undefined) {
    problems.push({ row, message: `${column} is empty` });
    return '';
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    problems.push({ row, message: `${column} must be text` });
    return '';
  }
  const s = String(value).trim();
  if (s.length > MAX_TEXT)
    problems.push({ row, message: `${column} is over ${MAX_TEXT} characters` });
  return s;
}

function time(
  value: unknown,
  column: string,
  row: number,
  problems: RowProblem[],
  required: boolean,
): number | undefined {
  if (value === undefined) {
    if (required) problems.push({ row, message: `${column} is empty` });
    return undefined;
  }
  const ms = typeof value === 'string' ? parseIsoTimestamp(value) : null;
  if (ms === null) {
    problems.push({
      row,
      message: `${column} ${quote(value)} is not an ISO 8601 date-time (e.g. 2026-03-02T09:30:00Z)`,
    });
    return undefined;
  }
  return ms;
}

export const EVENT_COLUMNS = {
  required: ['item', 'stage', 'entered', 'exited'],
  optional: ['active_minutes'],
} as const;

export const eventSpec: TableSpec<EventRow> = {
  what: 'event log',
  ...EVENT_COLUMNS,
  convert(cell, row, problems) {
    const item = text(cell('item'), 'item', row, problems);
    const stage = text(cell('stage'), 'stage', row, problems);
    const entered = time(cell('entered'), 'entered', row, problems, true);
    const exited = time(cell('exited'), 'exited', row, problems, true);
    if (entered !== undefined && exited !== undefined && exited < entered) {
      problems.push({
        row,
        message: `exited ${quote(cell('exited'))} is before entered ${quote(cell('entered'))}`,
      });
    }
    const rawActive = cell('active_minutes');
    let activeMinutes: number | undefined;
    if (rawActive !== undefined) {
      const n = typeof rawActive === 'number' ? rawActive : Number(String(rawActive).trim());
      if (typeof rawActive === 'boolean' || !Number.isFinite(n) || n < 0) {
        problems.push({
          row,
          message: `active_minutes ${quote(rawActive)} must be a number of minutes, 0 or more`,
        });
      } else if (entered !== undefined && exited !== undefined && n > (exited - entered) / 60_000) {
        problems.push({
          row,
          message: `active_minutes ${quote(rawActive)} is more than the ${Math.round((exited - entered) / 60_000)} minutes between entered and exited`,
        });
      } else activeMinutes = n;
    }
    if (problems.length > 0 || entered === undefined || exited === undefined) return null;
    const event: EventRow = { item, stage, entered, exited, row };
    if (activeMinutes !== undefined) event.activeMinutes = activeMinutes;
    return event;
  },
};

export const DEPLOYMENT_COLUMNS = {
  required: ['deployed_at', 'failed'],
  optional: ['restored_at', 'committed_at'],
} as const;

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export const deploymentSpec: TableSpec<DeploymentRow> = {
  what: 'deployment log',
  ...DEPLOYMENT_COLUMNS,
  convert(cell, row, problems) {
    const deployedAt = time(cell('deployed_at'), 'deployed_at', row, problems, true);
    const rawFailed = cell('failed');
    let failed = false;
    if (typeof rawFailed === 'boolean') failed = rawFailed;
    else if (rawFailed === undefined) problems.push({ row, message: 'failed is empty' });
    else {
      const word = String(rawFailed).trim().toLowerCase();
      if (TRUE.has(word)) failed = true;
      else if (!FALSE.has(word))
        problems.push({ row, message: `failed ${quote(rawFailed)} must be true or false` });
    }
    const restoredAt = time(cell('restored_at'), 'restored_at', row, problems, false);
    const committedAt = time(cell('committed_at'), 'committed_at', row, problems, false);
    if (deployedAt !== undefined && restoredAt !== undefined && restoredAt < deployedAt) {
      problems.push({ row, message: 'restored_at is before deployed_at' });
    }
    if (deployedAt !== undefined && committedAt !== undefined && committedAt > deployedAt) {
      problems.push({ row, message: 'committed_at is after deployed_at' });
    }
    if (problems.length > 0 || deployedAt === undefined) return null;
    const deployment: DeploymentRow = { deployedAt, failed, row };
    if (restoredAt !== undefined) deployment.restoredAt = restoredAt;
    if (committedAt !== undefined) deployment.committedAt = committedAt;
    return deployment;
  },
};
