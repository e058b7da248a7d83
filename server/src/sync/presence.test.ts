import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Connection } from './connection.ts';
import { resolveLimits } from './limits.ts';
import { SILENT_LOGGER } from './logger.ts';
import { Presence } from './presence.ts';
import { NOOP_TELEMETRY } from './telemetry.ts';

const fakeConnection = (id: number) =>
  ({ id, mapId: 'm', awarenessClients: new Set<number>() }) as unknown as Connection;

describe('Presence', () => {
  it('forgets the clocks of clients that left long ago, not of those present or just gone', () => {
    const doc = new Y.Doc();
    const presence = new Presence(
      doc,
      { limits: resolveLimits(), telemetry: NOOP_TELEMETRY, logger: SILENT_LOGGER },
      () => {},
    );
    const meta = (presence as unknown as { awareness: { meta: Map<number, unknown> } }).awareness
      .meta;
    const stays = fakeConnection(1);
    presence.apply(stays, [{ clientID: 100, clock: 1, state: { name: 'Ada' } }]);
    for (let i = 0; i < 50; i++) {
      const tab = fakeConnection(10 + i);
      presence.apply(tab, [{ clientID: 1000 + i, clock: 1, state: { name: `tab ${i}` } }]);
      presence.removeConnection(tab);
    }
    // Ada, the 50 tabs, and the server's own (null) local state.
    expect(meta.size).toBe(52);
    const now = performance.now();
    presence.forget(60_000, now);
    expect(meta.size).toBe(52); // just gone: kept
    presence.forget(60_000, now + 61_000);
    // Only the client still present (and the server's own id, which never left).
    expect([...meta.keys()].sort()).toEqual([100, doc.clientID].sort());
    presence.destroy();
    doc.destroy();
  });
});
