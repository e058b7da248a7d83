// Notices a dead connection sooner than y-websocket does. A socket can die silently (laptop
// sleep, a Wi-Fi switch, a proxy that black-holes it): the browser keeps it "open" and edits go
// nowhere. y-websocket 3.1.0 closes a socket only after 30 s without any message (a module
// constant), and never times out a handshake that hangs. The server sends a keepalive message to
// every connection each heartbeat (docs/server.md), so silence much longer than that means the
// socket is dead, and y-websocket reconnects (with its backoff), merging what was edited meanwhile.
// A silent open socket is handed to y-websocket's own watchdog by backdating its last-message
// time: that watchdog drops the socket at once and reconnects, where `ws.close()` would wait for a
// closing handshake the dead network never completes. A hanging handshake is closed directly
// (closing a connecting socket fails it immediately, and y-websocket reconnects on its close).

/** The parts of a WebsocketProvider this uses. */
export interface WatchedProvider {
  ws: { readyState: number; close(): void } | null;
  wsconnected: boolean;
  /** Unix ms of the last message received (y-websocket sets it on open and on every message). */
  wsLastMessageReceived: number;
}

export interface LivenessOptions {
  /** Close an open socket that received nothing for this long. */
  silentMs: number;
  /** Close a socket still connecting after this long. */
  connectTimeoutMs: number;
  /** How often to check. */
  checkMs: number;
  now?: () => number;
}

// Three missed keepalives of the server's 5 s heartbeat.
export const DEFAULT_LIVENESS: LivenessOptions = {
  silentMs: 15_000,
  connectTimeoutMs: 10_000,
  checkMs: 1_000,
};

const CONNECTING = 0;

/** Starts watching; returns a function that stops. */
export function watchLiveness(
  provider: WatchedProvider,
  options: LivenessOptions = DEFAULT_LIVENESS,
): () => void {
  const now = options.now ?? Date.now;
  let connecting: { ws: WatchedProvider['ws']; since: number } | null = null;
  const timer = setInterval(() => {
    const ws = provider.ws;
    if (!ws) {
      connecting = null;
      return;
    }
    if (provider.wsconnected) {
      connecting = null;
      if (now() - provider.wsLastMessageReceived > options.silentMs) {
        provider.wsLastMessageReceived = 0;
      }
      return;
    }
    if (ws.readyState !== CONNECTING) return;
    if (connecting?.ws !== ws) connecting = { ws, since: now() };
    else if (now() - connecting.since > options.connectTimeoutMs) ws.close();
  }, options.checkMs);
  return () => clearInterval(timer);
}
