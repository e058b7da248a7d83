// Map lifecycle: create (blank or template), import, export, rename, duplicate, delete, rotate
// tokens, resolve a token to an access level. Storage holds records and documents; the document
// (not the record) is the truth for the title, the record keeps a copy for the map library.
import { randomBytes } from 'node:crypto';
import {
  computeStateMetrics,
  type FlowMap,
  type Problem,
  type TemplateId,
  validateMap,
  validateMetaPatch,
} from '@flowmap/shared';
import { createMapDoc, ORIGINS, readMap, updateMeta, writeMapToDoc } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import { newSecret, secretsEqual } from '../auth/secrets.ts';
import type { MapRecord, Storage } from '../storage/types.ts';
import type { DocumentAccess } from './documents.ts';

export type Access = 'edit' | 'view';

export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export interface CreatedMap {
  id: string;
  editToken: string;
  viewToken: string;
}

export interface MapSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  stageCount: number;
  /** Total lead time of the first current state, minutes; null when it cannot be computed. */
  leadTimeMinutes: number | null;
}

/** Map ids: 16 base64url characters (96 bits). They are not secrets — tokens are. */
export function newMapId(): string {
  return randomBytes(12).toString('base64url');
}

export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class MapService {
  constructor(
    private readonly storage: Storage,
    private readonly documents: DocumentAccess,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: { title?: unknown; template?: unknown }): Promise<CreatedMap> {
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
    return this.storeNew(title as string, doc);
  }

  async import(raw: unknown): Promise<CreatedMap> {
    const result = validateMap(raw);
    if (!result.ok) throw new InputError('Not a valid Flowmap schema-v1 map', result.problems);
    const doc = new Y.Doc();
    writeMapToDoc(doc, result.map, ORIGINS.import);
    return this.storeNew(result.map.meta.title, doc);
  }

  async exportJson(id: string): Promise<FlowMap> {
    return this.documents.read(id, (doc) => readMap(doc).map);
  }

  async duplicate(id: string): Promise<CreatedMap | null> {
    const record = await this.storage.getMap(id);
    if (!record) return null;
    const update = await this.documents.read(id, (doc) => Y.encodeStateAsUpdate(doc));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, update);
    const title = `${record.title} (copy)`.slice(0, 200);
    updateMeta(copy, { title }, ORIGINS.server);
    return this.storeNew(title, copy);
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
  async rotateTokens(id: string, which: unknown): Promise<CreatedMap | null> {
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
    await this.documents.evict(id, 4401, 'access link rotated');
    return {
      id,
      editToken: patch.editToken ?? record.editToken,
      viewToken: patch.viewToken ?? record.viewToken,
    };
  }

  async list(): Promise<MapSummary[]> {
    const records = await this.storage.listMaps();
    const summaries = await Promise.all(records.map((r) => this.summarise(r)));
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

  private async summarise(record: MapRecord): Promise<MapSummary> {
    const base = { id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt };
    try {
      return await this.documents.read(record.id, (doc) => {
        const { map } = readMap(doc);
        const current =
          Object.values(map.states)
            .filter((s) => s.kind === 'current')
            .sort((a, b) => a.order - b.order)[0] ?? Object.values(map.states)[0];
        const stageCount = current
          ? Object.values(current.nodes).filter((n) => n.type === 'stage').length
          : 0;
        const metrics = current ? computeStateMetrics(current, map.meta) : null;
        return {
          ...base,
          title: map.meta.title || record.title,
          stageCount,
          leadTimeMinutes:
            metrics && metrics.errors.length === 0 ? metrics.totalLeadTimeMinutes : null,
        };
      });
    } catch {
      return { ...base, title: record.title, stageCount: 0, leadTimeMinutes: null };
    }
  }

  private async storeNew(title: string, doc: Y.Doc): Promise<CreatedMap> {
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
    await this.storage.appendUpdate(record.id, Y.encodeStateAsUpdate(doc));
    return { id: record.id, editToken: record.editToken, viewToken: record.viewToken };
  }
}
