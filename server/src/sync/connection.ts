// One client socket. Decodes and polices its frames (binary only, strict decoding, view access,
// awareness rate), holds them back while the room loads, and guards the send side against slow
// consumers. Nothing a client sends can throw out of here: any failure closes this socket only.
import type { Socket } from 'node:net';
import type { RawData, WebSocket } from 'ws';
import type { SyncLimits } from './limits.ts';
import { frameLimit, TokenBucket } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import {
  type ClientMessage,
  CloseCode,
  decodeMessage,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  MESSAGE_SYNC,
  type MessageKind,
  ProtocolError,
  SYNC_STEP2,
} from './protocol.ts';
import type { Access, SyncTelemetry } from './telemetry.ts';

export interface MessageSink {
  handleMessage(conn: Connection, message: ClientMessage): void;
}

export interface ConnectionOptions {
  id: number;
  mapId: string;
  access: Access;
  limits: SyncLimits;
  telemetry: SyncTelemetry;
  logger: SyncLogger;
  /** Called exactly once, when the socket is closed by either side. */
  onClose: (conn: Connection, code: number) => void;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** An awareness update with no entries: every y-protocols client accepts it and changes nothing. */
const KEEPALIVE = encodeAwarenessMessage(encodeAwarenessUpdate([]));

// Close reasons are limited to 123 bytes of UTF-8 by RFC 6455 (`ws` throws above it); a refusal's
// reason names a field and may hold non-ASCII text (“0–100”), so cut by bytes, on a character.
function reasonText(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -1);
  return text;
}

export class Connection {
  readonly id: number;
  readonly mapId: string;
  readonly access: Access;
  /** Awareness client ids this connection introduced; only it may update or remove them. */
  readonly awarenessClients = new Set<number>();
  /** Set when the client sent something invalid; its queued messages are discarded. */
  failed = false;
  /** Updates building on missing content this connection may still send (see SyncLimits). */
  missingContentLeft: number;
  /** A resync was asked for and its sync step 2 has not been processed yet. */
  awaitingResync = false;
  /**
   * Sync step 1s sent to this client not yet answered. Each answer (a sync step 2) carries the
   * client's offline work and may be as large as the document cap; any other message is limited
   * to maxPayloadBytes.
   */
  private step2Expected = 0;
  private alive = true;
  private closed = false;
  private finished = false;
  private sink: MessageSink | null = null;
  private pending: ClientMessage[] = [];
  private readonly bucket: TokenBucket;
  private readonly messageBucket: TokenBucket;
  private readonly awarenessBytes: TokenBucket;
  private readonly limits: SyncLimits;
  private readonly telemetry: SyncTelemetry;
  private readonly logger: SyncLogger;
  private readonly onClose: ConnectionOptions['onClose'];

  constructor(
    private readonly ws: WebSocket,
    options: ConnectionOptions,
  ) {
    this.id = options.id;
    this.mapId = options.mapId;
    this.access = options.access;
    this.limits = options.limits;
    this.telemetry = options.telemetry;
    this.logger = options.logger;
    this.onClose = options.onClose;
    this.missingContentLeft = options.limits.maxMissingContentUpdates;
    this.bucket = new TokenBucket(
      options.limits.awarenessRatePerSecond,
      options.limits.awarenessBurst,
    );
    this.messageBucket = new TokenBucket(
      options.limits.messageRatePerSecond,
      options.limits.messageBurst,
    );
    this.awarenessBytes = new TokenBucket(
      options.limits.awarenessBytesPerSecond,
      options.limits.awarenessBytesBurst,
    );
    // The edit sockets' server accepts frames up to the document cap; keep each socket at
    // maxPayloadBytes except while it owes us a sync step 2 (see sendSyncStep1).
    if (this.access === 'edit') this.setFrameLimit(options.limits.maxPayloadBytes);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', (code) => {
      this.closed = true;
      this.finish(code);
    });
    ws.on('error', (error) => {
      this.logger.debug({ connId: this.id, mapId: this.mapId, err: error.message }, 'socket error');
    });
    if (ws.readyState !== ws.OPEN) {
      this.closed = true;
      this.finish(1006);
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Starts delivering messages to the room, the ones received while it loaded first. */
  attach(sink: MessageSink): void {
    this.sink = sink;
    const pending = this.pending;
    this.pending = [];
    for (const message of pending) {
      if (this.closed) return;
      sink.handleMessage(this, message);
    }
  }

  /** Sends one message; a consumer too slow to drain its socket is terminated instead. */
  send(message: Uint8Array, kind: MessageKind): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    // Only what is already queued counts against the cap: one message larger than the cap (the
    // first sync reply of a big map) must still reach a client that reads. Bound: cap + one message.
    const buffered = this.ws.bufferedAmount;
    if (buffered > 0 && buffered + message.length > this.limits.maxBufferedBytes) {
      this.logger.warn(
        { connId: this.id, mapId: this.mapId, buffered: this.ws.bufferedAmount },
        'dropping slow consumer',
      );
      this.terminate(CloseCode.tryAgainLater);
      return false;
    }
    this.corkUntilIdle();
    this.ws.send(message);
    this.telemetry.messageSent(kind, message.length);
    return true;
  }

  // Under load one socket gets several frames per turn of the event loop (updates and presence
  // of several peers, read in the same poll phase). Corking its TCP socket until the loop's
  // check phase sends them in one writev instead of one syscall each; when idle this costs
  // nothing but the microseconds until setImmediate. ws exposes no accessor for its socket.
  private corked = false;
  private corkUntilIdle(): void {
    if (this.corked) return;
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    if (!socket || typeof socket.cork !== 'function') return;
    this.corked = true;
    socket.cork();
    setImmediate(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  /** Asks the client for what it has beyond `stateVector`; its answer may be large. */
  sendSyncStep1(stateVector: Uint8Array): void {
    if (!this.send(encodeSyncStep1(stateVector), 'sync-step1')) return;
    this.step2Expected++;
    this.setFrameLimit(frameLimit(this.limits, this.access));
  }

  // `ws` refuses a frame above its limit from the frame header, before buffering it. Its limit is
  // per server; narrowing it per socket (ws 8's Receiver keeps it in `_maxPayload`, read at each
  // frame header) means an edit link can make the server buffer a document-sized message only
  // when one is due, not on every frame. Without that field the server-wide limit stands, and
  // the size check in onMessage still refuses what was not due.
  private setFrameLimit(bytes: number): void {
    const receiver = (this.ws as unknown as { _receiver?: { _maxPayload?: unknown } })._receiver;
    if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reasonText(reason));
    } catch {
      this.ws.terminate();
    }
    this.finish(code);
  }

  /** Closes because the client misbehaved: logged, and its queued messages are discarded. */
  fail(code: number, reason: string): void {
    if (this.closed) return;
    this.failed = true;
    this.logger.warn({ connId: this.id, mapId: this.mapId, code, reason }, 'closing connection');
    this.close(code, reason);
  }

  /** Drops the socket without a closing handshake (dead peer, slow consumer). */
  terminate(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.terminate();
    this.finish(code);
  }

  /** One heartbeat tick: terminate if the last ping went unanswered, else ping again. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.logger.info({ connId: this.id, mapId: this.mapId }, 'heartbeat timeout');
      this.terminate(1006);
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.terminate(1006);
      return;
    }
    // Browsers never see pings. y-websocket drops a socket that received no message for 30 s,
    // and this server echoes nothing back to its sender, so without this a lone, idle editor
    // would reconnect every 30 s; the client's own watchdog (client/src/sync/liveness.ts) relies
    // on it to notice a dead socket sooner.
    this.send(KEEPALIVE, 'awareness');
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    this.alive = true;
    try {
      if (!isBinary) {
        this.telemetry.messageReceived('invalid', 0);
        this.fail(CloseCode.unsupportedData, 'binary frames only');
        return;
      }
      const bytes = toBytes(data);
      // Before any decoding: a flood costs one token check per message, then the connection.
      if (!this.messageBucket.take()) {
        this.telemetry.messageReceived('invalid', bytes.length);
        this.fail(CloseCode.policyViolation, 'too many messages');
        return;
      }
      if (bytes.length > this.limits.maxPayloadBytes && !this.mayBeLarge(bytes)) {
        this.telemetry.messageReceived('invalid', bytes.length);
        this.fail(CloseCode.messageTooBig, 'message too big');
        return;
      }
      let message: ClientMessage;
      try {
        message = decodeMessage(bytes, { maxAwarenessBytes: this.limits.maxAwarenessBytes });
      } catch (error) {
        this.telemetry.messageReceived('invalid', bytes.length);
        if (error instanceof ProtocolError) this.fail(error.closeCode, error.message);
        else this.fail(CloseCode.invalidPayload, 'invalid message');
        return;
      }
      this.telemetry.messageReceived(message.type, bytes.length);
      if (message.type === 'sync-step2' && this.step2Expected > 0) {
        this.step2Expected--;
        if (this.step2Expected === 0) this.setFrameLimit(this.limits.maxPayloadBytes);
      }
      if (message.type === 'awareness' || message.type === 'query-awareness') {
        // Presence is best effort: excess messages are dropped, the connection stays.
        if (!this.bucket.take() || !this.awarenessBytes.take(bytes.length)) {
          this.telemetry.awarenessDropped();
          return;
        }
      } else if (
        this.access === 'view' &&
        (message.type === 'sync-step2' || message.type === 'sync-update')
      ) {
        this.telemetry.writeDropped();
        return;
      }
      if (this.sink) {
        this.sink.handleMessage(this, message);
      } else if (this.pending.length >= this.limits.maxPendingMessages) {
        this.fail(CloseCode.tryAgainLater, 'too many messages while loading');
      } else {
        this.pending.push(message);
      }
    } catch (error) {
      this.logger.error(
        { connId: this.id, mapId: this.mapId, err: String(error) },
        'message handler failed',
      );
      this.fail(CloseCode.internalError, 'internal error');
    }
  }

  // Only an edit link's answer to a sync step 1 of ours: view links' frames are capped lower by
  // `ws` already (see frameLimit), and a client cannot make itself a large allowance.
  private mayBeLarge(bytes: Uint8Array): boolean {
    return (
      this.access === 'edit' &&
      this.step2Expected > 0 &&
      bytes[0] === MESSAGE_SYNC &&
      bytes[1] === SYNC_STEP2
    );
  }

  private finish(code: number): void {
    if (this.finished) return;
    this.finished = true;
    this.pending = [];
    this.onClose(this, code);
  }
}
