// Bad input is covered end to end by the hostile-input suite (reliability/hostile.test.ts: garbage,
// truncated and unknown messages, oversized frames and awareness, crafted Yjs updates, floods),
// through the real HTTP server. What only the sync core can be asked is here.
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { MemoryStorage } from '../storage/memory.ts';
import { CloseCode } from './protocol.ts';
import { RoomManager } from './rooms.ts';

describe('bad input at the sync core', () => {
  it('refuses an invalid map id handed to handleConnection with 1008 and opens no room', async () => {
    // The HTTP upgrade refuses such ids before any socket exists (400); the sync core does not
    // rely on that.
    const rooms = new RoomManager({ storage: new MemoryStorage() });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    try {
      wss.on('connection', (ws) =>
        rooms.handleConnection(ws, { mapId: '../../etc', access: 'edit' }),
      );
      await new Promise((resolve) => wss.once('listening', resolve));
      const { port } = wss.address() as { port: number };
      const ws = new WebSocket(`ws://127.0.0.1:${port}`);
      const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
      expect(code).toBe(CloseCode.policyViolation);
      expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    } finally {
      await rooms.closeAll();
      await new Promise((resolve) => wss.close(resolve));
    }
  });
});
