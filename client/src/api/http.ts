// The server's JSON API as the web app uses it. The owner key arrives once in the URL fragment
// (`/#key=…`, never sent to the server in a request line) and is kept in localStorage.
import type { FlowMap, Problem, TemplateId } from '@flowmap/shared';
import type { Access, MapLinks, MapSummary, SnapshotSummary } from '@flowmap/shared/api';
import { displayT } from '@flowmap/shared/i18n';
import type { ViewerAction } from '@flowmap/shared/workshop/doc';

// The wire types live in shared/api, with the server that answers with them; the app's files take
// them from here with the calls that return them.
export type { Access, MapLinks, MapSummary, SnapshotSummary };

const OWNER_KEY_STORAGE = 'flowmap.ownerKey';

export function captureOwnerKeyFromUrl(): void {
  const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  localStorage.setItem(OWNER_KEY_STORAGE, decodeURIComponent(match[1]));
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

export const ownerKey = (): string | null => localStorage.getItem(OWNER_KEY_STORAGE);
export const forgetOwnerKey = () => localStorage.removeItem(OWNER_KEY_STORAGE);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
    readonly messages: string[] = [],
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  const key = ownerKey();
  if (key && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(path, {
    ...rest,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      typeof body.error === 'string'
        ? body.error
        : displayT('common')('requestFailed', { status: res.status }),
      Array.isArray(body.problems) ? (body.problems as Problem[]) : [],
      Array.isArray(body.messages) ? (body.messages as string[]) : [],
    );
  }
  return body as T;
}

const withToken = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;

export const api = {
  listMaps: () => request<{ maps: MapSummary[] }>('/api/maps').then((r) => r.maps),
  createMap: (title: string, template: TemplateId) =>
    request<MapLinks>('/api/maps', { method: 'POST', json: { title, template } }),
  getMap: (id: string) => request<MapLinks & { title: string }>(`/api/maps/${id}`),
  renameMap: (id: string, title: string) =>
    request<{ id: string }>(`/api/maps/${id}`, { method: 'PATCH', json: { title } }),
  duplicateMap: (id: string) => request<MapLinks>(`/api/maps/${id}/duplicate`, { method: 'POST' }),
  deleteMap: (id: string) => request<void>(`/api/maps/${id}`, { method: 'DELETE' }),
  importMap: (map: unknown) => request<MapLinks>('/api/maps/import', { method: 'POST', json: map }),
  access: (id: string, token: string) =>
    request<{ id: string; title: string; access: Access }>(
      `/api/maps/${id}/access?token=${encodeURIComponent(token)}`,
    ),
  exportJson: (id: string, token: string) =>
    request<FlowMap>(`/api/maps/${id}/export.json?token=${encodeURIComponent(token)}`),
  listSnapshots: (id: string, token: string) =>
    request<{ snapshots: SnapshotSummary[] }>(withToken(`/api/maps/${id}/snapshots`, token)).then(
      (r) => r.snapshots,
    ),
  takeSnapshot: (id: string, token: string, name: string) =>
    request<SnapshotSummary>(withToken(`/api/maps/${id}/snapshots`, token), {
      method: 'POST',
      json: { name },
    }),
  /** The snapshot as schema-v2 JSON. */
  getSnapshot: (id: string, token: string, snapshotId: string) =>
    request<FlowMap>(withToken(`/api/maps/${id}/snapshots/${snapshotId}`, token)),
  /** Owner only: a new map from the snapshot; the original is left as it is. */
  restoreSnapshot: (id: string, snapshotId: string) =>
    request<MapLinks & { title: string }>(`/api/maps/${id}/snapshots/${snapshotId}/restore`, {
      method: 'POST',
    }),
  /** A view link's part in a workshop (join, answer, dot), applied by the server when allowed. */
  workshopAction: (id: string, token: string, action: ViewerAction) =>
    request<void>(withToken(`/api/maps/${id}/workshop/actions`, token), {
      method: 'POST',
      json: action,
    }),
  deleteSnapshot: (id: string, snapshotId: string) =>
    request<void>(`/api/maps/${id}/snapshots/${snapshotId}`, { method: 'DELETE' }),
};

export function mapLink(id: string, token: string): string {
  return `${window.location.origin}/m/${id}?token=${encodeURIComponent(token)}`;
}
