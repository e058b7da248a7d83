// Which other instances are alive, from what this one hears of them (any message counts, the
// heartbeats make sure there is one every `heartbeatMs`). A peer silent for `timeoutMs` is given
// up: its clients' presence must go. A peer heard again after that is back: its clients' presence
// must be asked for anew. Pure bookkeeping with an injectable clock; the fan-out acts on it.

interface Peer {
  lastHeard: number;
  expired: boolean;
}

export class PeerTracker {
  private readonly peers = new Map<string, Peer>();

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a message from `id`; true when it had been given up and is back. */
  heard(id: string): boolean {
    const peer = this.peers.get(id);
    if (!peer) {
      this.peers.set(id, { lastHeard: this.now(), expired: false });
      return false;
    }
    peer.lastHeard = this.now();
    if (!peer.expired) return false;
    peer.expired = false;
    return true;
  }

  /** The peer said goodbye. */
  left(id: string): void {
    this.peers.delete(id);
  }

  /** Peers silent for longer than the timeout, now given up (each reported once). */
  sweep(): string[] {
    const now = this.now();
    const silent: string[] = [];
    for (const [id, peer] of this.peers) {
      if (!peer.expired && now - peer.lastHeard > this.timeoutMs) {
        peer.expired = true;
        silent.push(id);
      } else if (peer.expired && now - peer.lastHeard > 100 * this.timeoutMs) {
        // Remember a silent peer for a while (to notice its return), not forever.
        this.peers.delete(id);
      }
    }
    return silent;
  }

  /** Peers heard from within the timeout. */
  alive(): string[] {
    return [...this.peers].filter(([, peer]) => !peer.expired).map(([id]) => id);
  }
}
