// A check every untrusted Yjs update passes before it touches the shadow document (document.ts).
// Yjs keeps what it cannot integrate yet (structs whose dependencies it lacks, deletes of content
// it has not seen) as *pending* state, and merges that state with `mergeUpdatesV2` and re-reads
// it with the V2 decoder on every later update: untrusted bytes on Yjs' slow path, and memory
// that grows without bound. A client of this server never needs that: it only ever sends content
// of its own document, which it got from the server or made itself, after the sync step 2 that
// carries whatever the server lacks. So an update that would leave anything pending is refused.
//
// `updateProblem` reads the update with the V1 format only (lib0 readers, never a Yjs V2
// decoder, never a merge), walks its structs in the order Yjs' `integrateStructs` would and
// reports why Yjs could not integrate it completely into a document whose state is `stateOf`:
// a gap in a client's clocks, a reference to content neither the document nor the update holds,
// a delete of unknown content. It also refuses what no Yjs encoder writes but a hostile one can:
// clocks near 2^53 (where Yjs' arithmetic loses precision: a stored update then corrupts the
// document and poisons every client's state vector), zero-length structs, a client listed twice,
// trailing bytes, and subdocuments (Flowmap's document has none; each costs a whole Y.Doc).
import * as decoding from 'lib0/decoding';

/** Clocks count one client's insertions: no real client gets near 2^40, far below 2^53. */
export const MAX_CLOCK = 2 ** 40;

type Decoder = decoding.Decoder;

interface Dep {
  client: number;
  clock: number;
}

interface Struct {
  client: number;
  clock: number;
  length: number;
  /** Skip structs (what `mergeUpdates` writes for gaps) carry nothing and are never integrated. */
  skip: boolean;
  /** origin, right origin and parent ids (Item only), in the order Yjs' getMissing checks them. */
  deps: Dep[];
}

class GuardError extends Error {}

function refuse(reason: string): never {
  throw new GuardError(reason);
}

function readUint(decoder: Decoder): number {
  return decoding.readVarUint(decoder);
}

function readClient(decoder: Decoder): number {
  const client = readUint(decoder);
  if (client > Number.MAX_SAFE_INTEGER) refuse('client id out of range');
  return client;
}

function readId(decoder: Decoder): Dep {
  return { client: readClient(decoder), clock: readUint(decoder) };
}

function readInfo(decoder: Decoder): number {
  if (decoder.pos >= decoder.arr.length) throw new RangeError('unexpected end of update');
  return decoding.readUint8(decoder);
}

// Yjs' typeRefs: YArray, YMap, YText, YXmlElement (+ node name), YXmlFragment, YXmlHook (+ name),
// YXmlText.
const TYPE_REFS_WITH_KEY = new Set([3, 5]);
const TYPE_REF_COUNT = 7;

/** Reads an Item's content as Yjs' readItemContent would (V1), and returns its length. */
function readContentLength(decoder: Decoder, ref: number): number {
  switch (ref) {
    case 1: // ContentDeleted
      return readUint(decoder);
    case 2: {
      // ContentJSON
      const count = readUint(decoder);
      for (let i = 0; i < count; i++) {
        const json = decoding.readVarString(decoder);
        if (json !== 'undefined') JSON.parse(json);
      }
      return count;
    }
    case 3: // ContentBinary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: // ContentString: Yjs counts UTF-16 code units of the decoded string
      return decoding.readVarString(decoder).length;
    case 5: // ContentEmbed
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 6: // ContentFormat
      decoding.readVarString(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 7: {
      // ContentType
      const typeRef = readUint(decoder);
      if (typeRef >= TYPE_REF_COUNT) refuse('unknown type');
      if (TYPE_REFS_WITH_KEY.has(typeRef)) decoding.readVarString(decoder);
      return 1;
    }
    case 8: {
      // ContentAny
      const count = readUint(decoder);
      for (let i = 0; i < count; i++) decoding.readAny(decoder);
      return count;
    }
    case 9:
      return refuse('subdocuments are not accepted');
    default:
      return refuse('unknown content type');
  }
}

/** The struct blocks of a V1 update, per client in the order they appear. */
function readStructs(decoder: Decoder): Map<number, Struct[]> {
  const clients = new Map<number, Struct[]>();
  const blocks = readUint(decoder);
  for (let b = 0; b < blocks; b++) {
    const count = readUint(decoder);
    const client = readClient(decoder);
    let clock = readUint(decoder);
    if (clients.has(client)) refuse('a client appears twice');
    const structs: Struct[] = [];
    clients.set(client, structs);
    for (let i = 0; i < count; i++) {
      const info = readInfo(decoder);
      const ref = info & 0b11111;
      const deps: Dep[] = [];
      let length: number;
      if (ref === 0) {
        length = readUint(decoder); // GC
      } else if (ref === 10) {
        length = readUint(decoder); // Skip
      } else {
        if (info & 0x80) deps.push(readId(decoder)); // origin
        if (info & 0x40) deps.push(readId(decoder)); // right origin
        if ((info & 0xc0) === 0) {
          // No origin: the parent is named (a root type) or an item id; then maybe a map key.
          if (readUint(decoder) === 1) decoding.readVarString(decoder);
          else deps.push(readId(decoder));
          if (info & 0x20) decoding.readVarString(decoder);
        }
        length = readContentLength(decoder, ref);
      }
      if (length === 0) refuse('zero-length struct');
      if (clock + length > MAX_CLOCK) refuse('clock out of range');
      structs.push({ client, clock, length, skip: ref === 10, deps });
      clock += length;
    }
  }
  return clients;
}

/**
 * Yjs' integrateStructs (yjs 13.6 src/utils/encoding.js) on ids alone: the same order, the same
 * stack, the same dependency checks (Item.getMissing: dependencies on other clients only). Where
 * Yjs would set structs aside as pending, this refuses. Returns the state after integration.
 */
function integrate(
  clientRefs: Map<number, Struct[]>,
  stateOf: (client: number) => number,
): Map<number, number> {
  const state = new Map<number, number>();
  const stateFor = (client: number) => {
    let clock = state.get(client);
    if (clock === undefined) {
      clock = stateOf(client);
      state.set(client, clock);
    }
    return clock;
  };
  const readers = new Map<number, { refs: Struct[]; i: number }>();
  for (const [client, refs] of clientRefs) readers.set(client, { refs, i: 0 });
  const ids = [...readers.keys()].sort((a, b) => a - b);
  const nextTarget = () => {
    while (ids.length > 0) {
      const target = readers.get(ids[ids.length - 1] as number);
      if (target && target.i < target.refs.length) return target;
      ids.pop();
    }
    return null;
  };
  let target = nextTarget();
  if (target === null) return state;
  const stack: Struct[] = [];
  let head = target.refs[target.i++] as Struct;
  for (;;) {
    if (!head.skip) {
      const offset = stateFor(head.client) - head.clock;
      if (offset < 0) refuse('gap in a client’s clocks');
      const missing = head.deps.find(
        (dep) => dep.client !== head.client && dep.clock >= stateFor(dep.client),
      );
      if (missing) {
        stack.push(head);
        const reader = readers.get(missing.client);
        if (!reader || reader.i === reader.refs.length) refuse('missing dependency');
        head = reader.refs[reader.i++] as Struct;
        continue;
      }
      if (offset < head.length) state.set(head.client, head.clock + head.length);
    }
    const popped = stack.pop();
    if (popped) {
      head = popped;
    } else if (target !== null && target.i < target.refs.length) {
      head = target.refs[target.i++] as Struct;
    } else {
      target = nextTarget();
      if (target === null) break;
      head = target.refs[target.i++] as Struct;
    }
  }
  return state;
}

/** Yjs' readAndApplyDeleteSet keeps a range it cannot apply yet as pending: refuse those. */
function checkDeletes(
  decoder: Decoder,
  state: Map<number, number>,
  stateOf: (client: number) => number,
): void {
  const clients = readUint(decoder);
  for (let c = 0; c < clients; c++) {
    const client = readClient(decoder);
    const ranges = readUint(decoder);
    const known = state.get(client) ?? stateOf(client);
    for (let r = 0; r < ranges; r++) {
      const clock = readUint(decoder);
      const end = clock + readUint(decoder);
      if (clock >= known || end > known) refuse('delete of unknown content');
    }
  }
}

/**
 * Problems that mean the update builds on content this document does not have yet, as opposed to
 * an update that is malformed or hostile in itself. A legitimate client sends one when its edit
 * overtakes its own sync step 2 after reconnecting with offline edits, or when it moved to another
 * instance that has not caught up yet: the room then asks it to resync instead of closing it.
 */
const MISSING_CONTENT = new Set([
  'missing dependency',
  'gap in a client’s clocks',
  'delete of unknown content',
]);

export const isMissingContent = (problem: string): boolean => MISSING_CONTENT.has(problem);

/**
 * Why Yjs could not integrate `update` (V1) completely into a document whose integrated state
 * is `stateOf(client)` (`Y.getState(doc.store, client)`), or null when it could. Pure: reads the
 * update only, with V1 readers.
 */
export function updateProblem(
  update: Uint8Array,
  stateOf: (client: number) => number,
): string | null {
  // lib0 reads byte arrays as views of the underlying buffer without checking the view's end.
  const bytes =
    update.byteOffset === 0 && update.byteLength === update.buffer.byteLength
      ? update
      : new Uint8Array(update);
  const decoder = decoding.createDecoder(bytes);
  try {
    const state = integrate(readStructs(decoder), stateOf);
    checkDeletes(decoder, state, stateOf);
    if (decoder.pos !== bytes.length) return 'trailing bytes after the update';
    return null;
  } catch (error) {
    if (error instanceof GuardError) return error.message;
    return 'malformed update';
  }
}
