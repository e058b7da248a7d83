// Map lifecycle: create (blank or template), import, export, rename, duplicate, delete, rotate
// tokens, resolve a token to an access level, list the library. Storage holds records and
// documents; the document (not the record) is the truth for the title, the record keeps a copy
// and the map's summary for the library (summary.ts), so listing never loads a document.
import { randomBytes } from 'node:crypto';
import { type Problem, type TemplateId, validateMap, validateMetaPatch } from '@flowmap/shared';
import type { Access, MapLinks, MapSummary } from '@flowmap/shared/api';
import { createMapDoc, ORIGINS, updateMeta, writeMapToDoc } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import { newSecret, secretsEqual } from '../auth/secrets.ts';
import { type DocumentJobs, IN_PROCESS_JOBS } from '../export/documentJobs.ts';
import type { ExportRequest, ExportResult } from '../export/render.ts';
import type { ListedMap, MapRecord, Storage, StoredSummary } from '../storage/types.ts';
import type { DocumentAccess } from './documents.ts';
import { type DocSummary, saveDocSummary, summariseDoc, summariseStored } from './summary.ts';

export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** Map ids: 16 base64url characters (96 bits). They are not secrets — tokens are. */
export function newMapId(): string {
  return randomBytes(12).toString('base64url');
}

export class MapService {
  /** Summaries being computed from storage for maps that had none, by map id (see list). */
  private readonly backfills = new Map<string, Promise<MapSummary>>();

  constructor(
    private readonly storage: Storage,
    private readonly documents: DocumentAccess,
    private readonly now: () => number = Date.now,
    /** Whole-document work (exports, duplicates, summaries): the server's worker thread. */
    readonly jobs: DocumentJobs = IN_PROCESS_JOBS,
  ) {}

  async create(input: { title?: unknown; template?: unknown }): Promise<MapLinks> {
    const title = input.title === undefined ? 'Untitled map' : input.title;
    const problems = validateMetaPatch({ title });
    if (problems.length > 0) throw new InputError('Invalid title', problems);
    const template = input.template ?? 'blank';
    if (template !== 'blank' && template !== 'software-delivery') {
      throw new InputError('Unknown template', [
        { path: 'template', message: 'must be blank or software-delivery' },
      ]);
    }
    const doc = createMapDoc({ title: title as string, template: template as TemplateId });
    return this.storeNewDoc(title as string, doc);
  }

  async import(raw: unknown): Promise<MapLinks> {
    const result = validateMap(raw);
    if (!result.ok) throw new InputError('Not a valid Flowmap map (schema v2)', result.problems);
    const doc = new Y.Doc();
    writeMapToDoc(doc, result.map, ORIGINS.import);
    return this.storeNewDoc(result.map.meta.title, doc);
  }

  /** The export JSON of a map (schema v2, pretty-printed) and its title, read from storage. */
  async exportJson(id: string): Promise<{ text: string; title: string }> {
    return this.jobs.run({ kind: 'json', stored: await this.storage.loadDocument(id) });
  }

  async renderExport(id: string, request: ExportRequest): Promise<ExportResult> {
    return this.jobs.run({ kind: 'render', stored: await this.storage.loadDocument(id), request });
  }

  // From storage, in the worker: it holds every acknowledged edit (a room stores each write
  // before applying it), and a map at the document cap takes seconds to decode.
  async duplicate(id: string): Promise<MapLinks | null> {
    const record = await this.storage.getMap(id);
    if (!record) return null;
    const title = `${record.title} (copy)`.slice(0, 200);
    const stored = await this.storage.loadDocument(id);
    const { update, summary } = await this.jobs.run({ kind: 'duplicate', stored, title });
    return this.storeNew(title, update, summary);
  }

  async rename(id: string, title: unknown): Promise<boolean> {
    const problems = validateMetaPatch({ title });
    if (problems.length > 0) throw new InputError('Invalid title', problems);
    if (!(await this.storage.getMap(id))) return false;
    await this.documents.write(id, (doc) =>
      updateMeta(doc, { title: title as string }, ORIGINS.server),
    );
    return this.storage.updateMap(id, { title: title as string, updatedAt: this.now() });
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.storage.getMap(id))) return false;
    await this.documents.evict(id, 4404, 'map deleted');
    return this.storage.deleteMap(id);
  }

  /** New edit and/or view token; connections holding a rotated token are closed. */
  async rotateTokens(id: string, which: unknown): Promise<MapLinks | null> {
    if (which !== 'edit' && which !== 'view' && which !== 'both') {
      throw new InputError('Invalid token kind', [
        { path: 'which', message: 'must be edit, view or both' },
      ]);
    }
    const record = await this.storage.getMap(id);
    if (!record) return null;
    const patch = {
      ...(which !== 'view' ? { editToken: newSecret() } : {}),
      ...(which !== 'edit' ? { viewToken: newSecret() } : {}),
      updatedAt: this.now(),
    };
    await this.storage.updateMap(id, patch);
    // Only the sockets holding a rotated link: an editor keeps editing when the view link changes.
    const rotated = which === 'both' ? (['edit', 'view'] as const) : ([which] as const);
    await this.documents.evict(id, 4401, 'access link rotated', rotated);
    return {
      id,
      editToken: patch.editToken ?? record.editToken,
      viewToken: patch.viewToken ?? record.viewToken,
    };
  }

  /**
   * The library, newest change first, from the stored rows only: no document is loaded. A map
   * without a stored summary (written before summaries existed) is summarised from storage once,
   * one map at a time, so the first listing after an upgrade is slower but never holds more than
   * one document in memory.
   */
  async list(): Promise<MapSummary[]> {
    const summaries: MapSummary[] = [];
    for (const listed of await this.storage.listMaps()) {
      const stored = listed.summary;
      summaries.push(stored ? toSummary(listed, stored) : await this.backfill(listed));
    }
    return summaries.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<MapRecord | null> {
    return this.storage.getMap(id);
  }

  /** Which access a token grants to a map; null for an unknown token. */
  accessFor(record: MapRecord, token: string | undefined | null): Access | null {
    if (secretsEqual(token, record.editToken)) return 'edit';
    if (secretsEqual(token, record.viewToken)) return 'view';
    return null;
  }

  private backfill(listed: ListedMap): Promise<MapSummary> {
    const running = this.backfills.get(listed.id);
    if (running) return running;
    const done = summariseStored(this.storage, listed.id, this.jobs).then(
      (summary) => toSummary(listed, summary, summary.title || listed.title),
      // Listed anyway; the next compaction or unload of its room stores a summary.
      () => toSummary(listed, { stageCount: 0, leadTimeMinutes: null }),
    );
    this.backfills.set(listed.id, done);
    void done.finally(() => this.backfills.delete(listed.id));
    return done;
  }

  private storeNewDoc(title: string, doc: Y.Doc): Promise<MapLinks> {
    return this.storeNew(title, Y.encodeStateAsUpdate(doc), summariseDoc(doc));
  }

  private async storeNew(
    title: string,
    update: Uint8Array,
    summary: DocSummary,
  ): Promise<MapLinks> {
    const now = this.now();
    const record: MapRecord = {
      id: newMapId(),
      title,
      editToken: newSecret(),
      viewToken: newSecret(),
      createdAt: now,
      updatedAt: now,
    };
    await this.storage.createMap(record);
    const seq = await this.storage.appendUpdate(record.id, update);
    await saveDocSummary(this.storage, record.id, summary, seq);
    return { id: record.id, editToken: record.editToken, viewToken: record.viewToken };
  }
}

function toSummary(
  record: MapRecord,
  figures: Pick<StoredSummary, 'stageCount' | 'leadTimeMinutes'>,
  title = record.title,
): MapSummary {
  return {
    id: record.id,
    title,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    stageCount: figures.stageCount,
    leadTimeMinutes: figures.leadTimeMinutes,
  };
}
