// The y-websocket wire protocol, as the stock WebsocketProvider speaks it:
//   [messageSync=0][step1=0 | step2=1 | update=2][varUint8Array payload]
//   [messageAwareness=1][varUint8Array awareness update]
//   [messageAuth=2] (server → client only; never accepted from a client)
//   [messageQueryAwareness=3]
// Decoding is strict and bounds-checked against the message itself, not lib0's decoder: `ws`
// hands us Buffers that may be views into a larger pooled ArrayBuffer, and lib0 would happily read
// past the end of such a view. Every payload handed on is a fresh copy.
import { CloseCode } from '@flowmap/shared/api';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

// The close codes are a wire contract with every client: spelled once, in shared.
export { CloseCode };

export type MessageKind =
  | 'sync-step1'
  | 'sync-step2'
  | 'sync-update'
  | 'awareness'
  | 'query-awareness'
  | 'invalid';

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** A JSON object, or null for "this client left". */
  state: Record<string, unknown> | null;
}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  /** `update`: the bytes `entries` were decoded from, checked whole (no trailing bytes). */
  | { type: 'awareness'; entries: AwarenessEntry[]; update: Uint8Array }
  | { type: 'query-awareness' };

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    message: string,
    readonly closeCode: number = CloseCode.invalidPayload,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// 8 bytes of 7 bits hold every safe integer; lib0 never writes more.
const MAX_VARUINT_BYTES = 8;

export class StrictReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < MAX_VARUINT_BYTES; i++) {
      if (this.pos >= this.buf.length) throw new ProtocolError('truncated varint');
      const byte = this.buf[this.pos++] as number;
      value += (byte & 0x7f) * multiplier;
      if (value > Number.MAX_SAFE_INTEGER) throw new ProtocolError('varint out of range');
      if (byte < 0x80) return value;
      multiplier *= 128;
    }
    throw new ProtocolError('varint too long');
  }

  /** `length` bytes, copied out of the message. */
  bytes(length: number): Uint8Array {
    if (length > this.remaining) throw new ProtocolError('truncated byte array');
    // Not `slice`: on a Buffer that returns a view, not a copy.
    const out = new Uint8Array(length);
    out.set(this.buf.subarray(this.pos, this.pos + length));
    this.pos += length;
    return out;
  }

  /** A length-prefixed byte array, copied out of the message. */
  varBytes(): Uint8Array {
    return this.bytes(this.varUint());
  }

  varString(): string {
    const raw = this.varBytes();
    try {
      return utf8.decode(raw);
    } catch {
      throw new ProtocolError('invalid UTF-8 string');
    }
  }

  end(): void {
    if (this.pos !== this.buf.length) throw new ProtocolError('trailing bytes after message');
  }
}

export interface DecodeOptions {
  /** Awareness updates above this size throw with close code 1009 before any JSON is parsed. */
  maxAwarenessBytes: number;
}

export function decodeMessage(data: Uint8Array, options: DecodeOptions): ClientMessage {
  const reader = new StrictReader(data);
  if (data.length === 0) throw new ProtocolError('empty message');
  const type = reader.varUint();
  switch (type) {
    case MESSAGE_SYNC: {
      const step = reader.varUint();
      const payload = reader.varBytes();
      reader.end();
      if (step === SYNC_STEP1) {
        validateStateVector(payload);
        return { type: 'sync-step1', stateVector: payload };
      }
      if (step === SYNC_STEP2) return { type: 'sync-step2', update: payload };
      if (step === SYNC_UPDATE) return { type: 'sync-update', update: payload };
      throw new ProtocolError(`unknown sync message type ${step}`);
    }
    case MESSAGE_AWARENESS: {
      const length = reader.varUint();
      if (length > options.maxAwarenessBytes) {
        throw new ProtocolError('awareness update too large', CloseCode.messageTooBig);
      }
      const payload = reader.bytes(length);
      reader.end();
      return { type: 'awareness', entries: decodeAwarenessUpdate(payload), update: payload };
    }
    case MESSAGE_QUERY_AWARENESS:
      reader.end();
      return { type: 'query-awareness' };
    case MESSAGE_AUTH:
      throw new ProtocolError('auth messages are not accepted from clients');
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/** A Yjs V1 state vector: count, then (client, clock) pairs, nothing after. */
export function validateStateVector(sv: Uint8Array): void {
  const reader = new StrictReader(sv);
  const count = reader.varUint();
  // Each pair takes at least two bytes: reject absurd counts before looping.
  if (count * 2 > reader.remaining) throw new ProtocolError('truncated state vector');
  for (let i = 0; i < count; i++) {
    reader.varUint();
    reader.varUint();
  }
  reader.end();
}

/**
 * How deeply an awareness state may nest. JSON.parse takes any depth, but what comes after
 * recurses: our re-encoding (JSON.stringify overflows the stack near 5,000 levels), y-protocols'
 * deep comparison, and every receiving browser. Flowmap's presence nests 3 deep.
 */
export const MAX_AWARENESS_DEPTH = 32;

/** True when the JSON text opens more than `max` objects or arrays inside one another. */
function nestedDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character, a quote included.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const reader = new StrictReader(update);
  const count = reader.varUint();
  // An entry takes at least three bytes: reject absurd counts before looping.
  if (count * 3 > reader.remaining) throw new ProtocolError('truncated awareness update');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = reader.varUint();
    const clock = reader.varUint();
    const json = reader.varString();
    // Before parsing: a state too deep to re-encode is malformed, not a server failure.
    if (nestedDeeperThan(json, MAX_AWARENESS_DEPTH)) {
      throw new ProtocolError('awareness state nested too deeply');
    }
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new ProtocolError('awareness state is not JSON');
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new ProtocolError('awareness state must be an object or null');
    }
    entries.push({ clientID, clock, state: state as Record<string, unknown> | null });
  }
  reader.end();
  return entries;
}

/** Re-encodes decoded entries: only our own serialisation of parsed JSON is ever relayed. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SYNC_STEP1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SYNC_STEP2, update);
export const encodeSyncUpdate = (update: Uint8Array) => encodeSync(SYNC_UPDATE, update);

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

export function encodeQueryAwareness(): Uint8Array {
  return Uint8Array.of(MESSAGE_QUERY_AWARENESS);
}
