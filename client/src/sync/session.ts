// One open map: the Y.Doc, its offline copy in IndexedDB, the websocket provider, presence and the
// undo manager. It refreshes the store's plain snapshot from the document (once per animation
// frame at most) and mirrors connection status and peers into the store.
import { createUndoManager, migrateDoc, ORIGINS, readMap } from '@flowmap/shared/doc';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Access } from '../api/http.ts';
import { resolveActiveStateId, setEditor, useEditor } from '../store/editorStore.ts';
import { watchLiveness } from './liveness.ts';
import { type Peer, type Presence, savedColour, savedDisplayName, toPeer } from './presence.ts';
import { Backoff, decideOnClose } from './reconnectPolicy.ts';

export interface SessionOptions {
  mapId: string;
  token: string;
  access: Access;
  /** Base websocket URL, e.g. ws://host:port/sync; defaults to this page's origin. */
  syncUrl?: string;
  /** Keep an offline copy in IndexedDB (off in tests that want a clean slate). */
  offline?: boolean;
}

const PRESENCE_INTERVAL_MS = 33; // ~30 Hz, like tldraw and Excalidraw

export class MapSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undo: Y.UndoManager;
  private readonly persistence: IndexeddbPersistence | null;
  private frame = 0;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingPresence: Partial<Presence> = {};
  private lastPresenceSent = 0;
  private readonly stopLiveness: () => void;
  private readonly backoff = new Backoff();
  /** When the current socket opened (performance.now()), 0 while none is open. */
  private openedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly options: SessionOptions) {
    const { mapId, token, access } = options;
    this.persistence =
      options.offline === false ? null : new IndexeddbPersistence(`flowmap-${mapId}`, this.doc);
    const syncUrl =
      options.syncUrl ??
      `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/sync`;
    this.provider = new WebsocketProvider(syncUrl, mapId, this.doc, {
      params: { token },
      // Tabs must not sync behind the server's back: the server decides (view links!).
      disableBc: true,
      maxBackoffTime: 5_000,
      // y-websocket asks only about closes the server made (not our own or the watchdog's).
      shouldReconnect: (event) => this.onServerClose(event.code, event.reason),
    });
    this.stopLiveness = watchLiveness(this.provider);
    // Every edit is one committed command (a field on Enter, a drag on drop), so each is its own
    // undo step: merging commands that happen to fall within 500 ms would undo two at once.
    this.undo = createUndoManager(this.doc, { captureTimeout: 0 });
    setEditor({
      mapId,
      access,
      status: 'connecting',
      loaded: false,
      unsynced: false,
      syncProblem: null,
    });

    this.doc.on('update', this.onUpdate);
    this.provider.on('status', ({ status }: { status: string }) => {
      const wasConnected = useEditor.getState().status === 'connected';
      if (status === 'connected') {
        this.openedAt = performance.now();
        setEditor({ status: 'connected', syncProblem: null });
      } else if (useEditor.getState().status === 'stopped') {
        // Stays stopped: the banner says why and what to do.
      } else
        setEditor({
          status: wasConnected || useEditor.getState().loaded ? 'reconnecting' : 'connecting',
        });
    });
    this.provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      setEditor({ loaded: true, unsynced: false });
      // A v1 map opened by an editor says v2 from now on (the read path migrates anyway; the
      // version tells older tabs and scripts what the document may hold). Viewers cannot write.
      if (access === 'edit') migrateDoc(this.doc);
    });
    this.provider.on('connection-close', () => {
      if (!navigator.onLine && useEditor.getState().status !== 'stopped') {
        setEditor({ status: 'offline' });
      }
    });
    this.persistence?.once('synced', () => this.scheduleRead());
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);

    const awareness = this.provider.awareness;
    awareness.setLocalState({
      user: { name: savedDisplayName() ?? 'Guest', colour: savedColour() },
      stateId: null,
      cursor: null,
      selection: [],
      viewport: null,
      dragging: null,
    } satisfies Presence);
    awareness.on('change', this.onAwareness);
    this.scheduleRead();
  }

  /** Shares part of this participant's presence, throttled to ~30 Hz (the last value always wins). */
  setPresence(patch: Partial<Presence>): void {
    Object.assign(this.pendingPresence, patch);
    if (this.presenceTimer) return;
    const wait = Math.max(0, this.lastPresenceSent + PRESENCE_INTERVAL_MS - performance.now());
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.lastPresenceSent = performance.now();
      const current = (this.provider.awareness.getLocalState() ?? {}) as Partial<Presence>;
      this.provider.awareness.setLocalState({ ...current, ...this.pendingPresence });
      this.pendingPresence = {};
    }, wait);
  }

  setUser(name: string, colour: string): void {
    this.setPresence({ user: { name, colour } });
  }

  /** Connects again now, skipping the rest of a backoff wait ("Retry now"). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    setEditor({ syncProblem: null, status: 'reconnecting' });
    this.provider.connect();
  }

  /**
   * Forgets this browser's copy of the map, unsent edits included, so that the next load starts
   * from the server's document. For edits the server refuses for good (too large, invalid).
   */
  async discardLocalCopy(): Promise<void> {
    await this.persistence?.clearData();
  }

  /** This browser's copy of the map as schema-v2 JSON, refused edits included. */
  localCopyJson(): string {
    return `${JSON.stringify(readMap(this.doc).map, null, 2)}\n`;
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopLiveness();
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.onUpdate);
    this.provider.awareness.off('change', this.onAwareness);
    this.undo.destroy();
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    // A local edit made while the socket is down waits in the document (and IndexedDB) and is
    // merged when the provider reconnects; the status bar says so.
    if (origin === ORIGINS.local && !this.provider.wsconnected) setEditor({ unsynced: true });
    this.scheduleRead();
  };

  private scheduleRead(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const { map, problems } = readMap(this.doc);
      const hasContent = Object.keys(map.states).length > 0;
      const state = useEditor.getState();
      setEditor({
        map: hasContent ? map : null,
        // An empty document (the map is still on its way) breaks no rule worth a banner.
        problems: hasContent ? problems : [],
        activeStateId: resolveActiveStateId(hasContent ? map : null, state.activeStateId),
        loaded: state.loaded || (hasContent && this.persistence !== null),
      });
    });
  }

  private readonly onAwareness = (change?: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    const self = this.doc.clientID;
    // Our own presence changes ~30 times a second while we drag or move the pointer; the peer
    // list does not depend on it, and rebuilding it would re-render everything that shows peers.
    if (
      change &&
      [...change.added, ...change.updated, ...change.removed].every((id) => id === self)
    ) {
      return;
    }
    const peers: Peer[] = [];
    this.provider.awareness.getStates().forEach((raw, clientId) => {
      if (clientId === self) return;
      const peer = toPeer(clientId, raw);
      if (peer) peers.push(peer);
    });
    peers.sort((a, b) => a.clientId - b.clientId);
    setEditor({ peers });
  };

  // Returns whether y-websocket should reconnect by itself (see reconnectPolicy.ts).
  private onServerClose(code: number, reason: string): boolean {
    const upMs = this.openedAt ? performance.now() - this.openedAt : 0;
    this.openedAt = 0;
    const decision = decideOnClose(code);
    if (decision.action === 'reconnect') return true;
    if (decision.action === 'stop') {
      // The edits stay in the document and in IndexedDB; the banner offers a copy of them.
      setEditor({ status: 'stopped', syncProblem: { kind: decision.reason, detail: reason } });
      return false;
    }
    const wait = this.backoff.next(upMs);
    setEditor({ syncProblem: { kind: 'retrying', retryAt: Date.now() + wait, code } });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.provider.connect();
    }, wait);
    return false;
  }

  private readonly onOffline = () => {
    if (useEditor.getState().status !== 'stopped') setEditor({ status: 'offline' });
  };
  private readonly onOnline = () => {
    if (useEditor.getState().status === 'stopped' || this.retryTimer) return;
    // The socket may have survived a short network blip: then no new "connected" event comes.
    setEditor({ status: this.provider.wsconnected ? 'connected' : 'reconnecting' });
    if (!this.provider.wsconnected) this.provider.connect();
  };
}
