// Named snapshots for the quarterly review: a full state of the map's document (the Yjs update as
// the room holds it, so every acknowledged edit is in it), stored by the storage layer, never
// changed afterwards. A snapshot is read-only; restoring one creates a new map and leaves the
// original alone.
import { randomBytes } from 'node:crypto';
import { type FlowMap, LIMITS, type MapHeadline } from '@flowmap/shared';
import type { MapLinks, SnapshotSummary } from '@flowmap/shared/api';
import { MapNotFoundError, type NamedSnapshotInfo, type Storage } from '../storage/types.ts';
import type { DocumentAccess } from './documents.ts';
import { InputError, type MapService } from './service.ts';

export const SNAPSHOT_LIMITS = {
  nameLength: LIMITS.nameLength,
  /** Forty years of quarterly reviews, with room for extra ones; each holds a whole document. */
  perMap: 200,
  /** A document this large is not a value stream map any more; refuse rather than store it. */
  bytes: 32 * 1024 * 1024,
} as const;

/** Snapshot ids: 16 base64url characters (96 bits), like map ids. */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidSnapshotId(id: string): boolean {
  return SNAPSHOT_ID_PATTERN.test(id);
}

/** A refusal the HTTP layer answers with its status (the app's error handler reads statusCode). */
export class SnapshotLimitError extends Error {
  constructor(
    readonly statusCode: 409 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Tabs, line breaks and other control characters: a name is one line of text. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The trimmed name, or an InputError naming what is wrong with it. */
export function checkSnapshotName(raw: unknown): string {
  const fail = (message: string) =>
    new InputError('Invalid snapshot name', [{ path: 'name', message }]);
  if (typeof raw !== 'string') throw fail('must be text');
  const name = raw.trim();
  if (name === '') throw fail('must not be empty');
  if (name.length > SNAPSHOT_LIMITS.nameLength) {
    throw fail(`must be at most ${SNAPSHOT_LIMITS.nameLength} characters`);
  }
  if (hasControl(name)) throw fail('must be one line of text');
  return name;
}

// Headlines of stored snapshots are computed once: a snapshot never changes, and listing a map's
// snapshots must not decode every document on every request.
const HEADLINE_CACHE_SIZE = 2_000;

export class SnapshotService {
  private readonly headlines = new Map<string, MapHeadline>();
  /** Takes of one map run one at a time, so the per-map bound and the order hold. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: Storage,
    readonly _documents: DocumentAccess,
    private readonly maps: MapService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Null when the map does not exist. */
  async take(mapId: string, rawName: unknown): Promise<SnapshotSummary | null> {
    const name = checkSnapshotName(rawName);
    if (!(await this.storage.getMap(mapId))) return null;
    return this.serially(mapId, async () => {
      const existing = await this.storage.listNamedSnapshots(mapId);
      if (existing.length >= SNAPSHOT_LIMITS.perMap) {
        throw new SnapshotLimitError(
          409,
          `this map already has ${SNAPSHOT_LIMITS.perMap} snapshots; delete one first`,
        );
      }
      // From storage, in the document worker: storage holds every acknowledged edit, and a map
      // at the document cap takes seconds to decode.
      const stored = await this.storage.loadDocument(mapId);
      const { update, headline } = await this.maps.jobs.run({ kind: 'snapshot', stored });
      if (update.byteLength > SNAPSHOT_LIMITS.bytes) {
        throw new SnapshotLimitError(413, 'the map is too large to snapshot');
      }
      // Strictly after the previous snapshot: the list is ordered by time, and two reviews taken
      // within a millisecond must still come back in the order they were taken.
      const createdAt = Math.max(this.now(), (existing.at(-1)?.createdAt ?? 0) + 1);
      const id = randomBytes(12).toString('base64url');
      try {
        await this.storage.saveNamedSnapshot({ id, mapId, name, createdAt, update });
      } catch (error) {
        if (error instanceof MapNotFoundError) return null;
        throw error;
      }
      this.remember(mapId, id, headline);
      return { id, name, createdAt, headline };
    });
  }

  /** Oldest first; null when the map does not exist. */
  async list(mapId: string): Promise<SnapshotSummary[] | null> {
    if (!(await this.storage.getMap(mapId))) return null;
    const infos = await this.storage.listNamedSnapshots(mapId);
    const out: SnapshotSummary[] = [];
    // One at a time: a cold cache decodes each document once, never all of them at once.
    for (const info of infos) {
      const headline = await this.headlineOf(info);
      if (headline) out.push({ id: info.id, name: info.name, createdAt: info.createdAt, headline });
    }
    return out;
  }

  /** The snapshot as schema-v2 JSON, or null when there is no such snapshot. */
  async get(mapId: string, snapshotId: string): Promise<FlowMap | null> {
    const snapshot = await this.storage.getNamedSnapshot(mapId, snapshotId);
    return snapshot ? (await this.read(snapshot.update)).map : null;
  }

  /** A new map (new id, new tokens) holding the snapshot; null when there is no such snapshot. */
  async restore(mapId: string, snapshotId: string): Promise<(MapLinks & { title: string }) | null> {
    const snapshot = await this.storage.getNamedSnapshot(mapId, snapshotId);
    if (!snapshot) return null;
    const { map } = await this.read(snapshot.update);
    map.meta.title = restoredTitle(map.meta.title, snapshot.name);
    // Through the import path: the snapshot as read is validated like any imported file.
    const created = await this.maps.import(map);
    return { ...created, title: map.meta.title };
  }

  async delete(mapId: string, snapshotId: string): Promise<boolean> {
    const deleted = await this.storage.deleteNamedSnapshot(mapId, snapshotId);
    this.headlines.delete(cacheKey(mapId, snapshotId));
    return deleted;
  }

  private async headlineOf(info: NamedSnapshotInfo): Promise<MapHeadline | null> {
    const key = cacheKey(info.mapId, info.id);
    const hit = this.headlines.get(key);
    if (hit) return hit;
    const snapshot = await this.storage.getNamedSnapshot(info.mapId, info.id);
    // Deleted between the list and this read.
    if (!snapshot) return null;
    const { headline } = await this.read(snapshot.update);
    this.remember(info.mapId, info.id, headline);
    return headline;
  }

  private read(update: Uint8Array): Promise<{ map: FlowMap; headline: MapHeadline }> {
    return this.maps.jobs.run({ kind: 'snapshot-map', update });
  }

  private remember(mapId: string, snapshotId: string, headline: MapHeadline): void {
    this.headlines.set(cacheKey(mapId, snapshotId), headline);
    if (this.headlines.size > HEADLINE_CACHE_SIZE) {
      // Oldest entry first: a Map iterates in insertion order.
      const oldest = this.headlines.keys().next().value;
      if (oldest !== undefined) this.headlines.delete(oldest);
    }
  }

  private serially<T>(mapId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(mapId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.queues.set(mapId, settled);
    void settled.then(() => {
      if (this.queues.get(mapId) === settled) this.queues.delete(mapId);
    });
    return run;
  }
}

/** "Payments (2026-Q3 review)": the snapshot's name tells the copy apart, so the title gives way. */
export function restoredTitle(title: string, snapshotName: string): string {
  const base = title.trim() || 'Untitled map';
  const suffix = ` (${snapshotName})`;
  const room = LIMITS.nameLength - suffix.length;
  if (base.length <= room) return `${base}${suffix}`;
  if (room < 2) return snapshotName.slice(0, LIMITS.nameLength);
  return `${base.slice(0, room - 1)}…${suffix}`;
}

const cacheKey = (mapId: string, snapshotId: string) => `${mapId}/${snapshotId}`;
