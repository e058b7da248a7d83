// What instances say to each other over Redis pub/sub, in a compact binary form (lib0 varints and
// length-prefixed bytes, as the y-websocket protocol uses). Every message names its sender, so an
// instance skips its own messages and knows whose presence a state is. Decoding is strict
// (sync/protocol.ts' StrictReader): a malformed message is dropped, never half-applied.
import type { Access } from '@flowmap/shared/api';
import * as encoding from 'lib0/encoding';
import { StrictReader } from '../sync/protocol.ts';

/** On a map's channel. */
export type MapMessage =
  | { type: 'updates'; from: string; firstSeq: number; updates: Uint8Array[] }
  /** `complete`: everything the sender's clients have (an answer to `query`, or a resync). */
  | { type: 'awareness'; from: string; update: Uint8Array; complete: boolean }
  /**
   * "Send me your clients' presence on this map": a room was loaded, or (`renew`) the sender may
   * have dropped it meanwhile, so the clients must re-announce themselves with newer clocks.
   */
  | { type: 'query'; from: string; renew: boolean }
  | { type: 'compacted'; from: string; uptoSeq: number }
  /**
   * Close the map's connections: all of them when `access` is null (the map was deleted), else
   * only those holding one of these access levels (their links were rotated).
   */
  | { type: 'evict'; from: string; code: number; reason: string; access: Access[] | null };

/** On the instances channel. */
export type PeerMessage = { type: 'heartbeat'; from: string } | { type: 'bye'; from: string };

export type ClusterMessage = MapMessage | PeerMessage;

const TYPES = [
  'heartbeat',
  'bye',
  'updates',
  'awareness',
  'query',
  'compacted',
  'evict',
] as const satisfies readonly ClusterMessage['type'][];

// The first byte: a format version in the high nibble, so a future format can be told apart.
const VERSION = 1;

// An evict message's access filter as one byte; 0 (or no byte at all, from instances older than
// the filter) means every connection.
const EDIT = 1;
const VIEW = 2;
const accessBits = (access: readonly Access[] | null) =>
  access ? (access.includes('edit') ? EDIT : 0) | (access.includes('view') ? VIEW : 0) : 0;
function accessOf(bits: number): Access[] | null {
  if (bits > (EDIT | VIEW)) throw new Error(`bad evict access ${bits}`);
  if (bits === 0) return null;
  return [...(bits & EDIT ? ['edit' as const] : []), ...(bits & VIEW ? ['view' as const] : [])];
}

export function encodeMessage(message: ClusterMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, (VERSION << 4) | TYPES.indexOf(message.type));
  encoding.writeVarString(encoder, message.from);
  switch (message.type) {
    case 'updates':
      encoding.writeVarUint(encoder, message.firstSeq);
      encoding.writeVarUint(encoder, message.updates.length);
      for (const update of message.updates) encoding.writeVarUint8Array(encoder, update);
      break;
    case 'awareness':
      encoding.writeUint8(encoder, message.complete ? 1 : 0);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'query':
      encoding.writeUint8(encoder, message.renew ? 1 : 0);
      break;
    case 'compacted':
      encoding.writeVarUint(encoder, message.uptoSeq);
      break;
    case 'evict':
      encoding.writeVarUint(encoder, message.code);
      encoding.writeVarString(encoder, message.reason);
      encoding.writeUint8(encoder, accessBits(message.access));
      break;
    case 'heartbeat':
    case 'bye':
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Throws (ProtocolError) on anything that is not exactly one well-formed message. */
export function decodeMessage(data: Uint8Array): ClusterMessage {
  const reader = new StrictReader(data);
  const head = reader.bytes(1)[0] as number;
  if (head >> 4 !== VERSION) throw new Error(`unknown cluster message version ${head >> 4}`);
  const type = TYPES[head & 0x0f];
  if (!type) throw new Error(`unknown cluster message type ${head & 0x0f}`);
  const from = reader.varString();
  let message: ClusterMessage;
  switch (type) {
    case 'updates': {
      const firstSeq = reader.varUint();
      const count = reader.varUint();
      // Each update takes at least one byte: reject absurd counts before looping.
      if (firstSeq < 1 || count > reader.remaining) throw new Error('bad updates message');
      const updates: Uint8Array[] = [];
      for (let i = 0; i < count; i++) updates.push(reader.varBytes());
      message = { type, from, firstSeq, updates };
      break;
    }
    case 'awareness': {
      const flag = reader.bytes(1)[0];
      message = { type, from, complete: flag === 1, update: reader.varBytes() };
      break;
    }
    case 'query':
      message = { type, from, renew: reader.bytes(1)[0] === 1 };
      break;
    case 'compacted':
      message = { type, from, uptoSeq: reader.varUint() };
      break;
    case 'evict': {
      const code = reader.varUint();
      const reason = reader.varString();
      const access = reader.remaining === 0 ? null : accessOf(reader.bytes(1)[0] as number);
      message = { type, from, code, reason, access };
      break;
    }
    case 'heartbeat':
    case 'bye':
      message = { type, from };
      break;
  }
  reader.end();
  return message;
}
