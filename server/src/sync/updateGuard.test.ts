import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mulberry32 } from './clients.testkit.ts';
import {
  absurd,
  any,
  deleted,
  gc,
  item,
  rawContent as raw,
  skip,
  str,
  subdoc,
  craftUpdate as update,
} from './craftedUpdates.testkit.ts';
import { MAX_CLOCK, updateProblem } from './updateGuard.ts';

const stateOfDoc = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);
const EMPTY = () => 0;
const leavesPending = (doc: Y.Doc) =>
  doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** A copy of `doc` (its integrated state; these docs never hold pending structs). */
function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A document with every kind of content y-websocket clients can produce. */
function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Payments – ümlaut 🙂');
  doc.getMap('meta').set('n', 42);
  const text = doc.getText('notes');
  text.insert(0, 'hello 🙂 world');
  text.format(0, 5, { bold: true });
  text.insertEmbed(3, { image: 'x.png' });
  text.delete(7, 2);
  const arr = doc.getArray<unknown>('list');
  arr.insert(0, [1, 'two', { three: [3] }, null, new Uint8Array([1, 2])]);
  arr.delete(1, 1);
  const nested = new Y.Map<unknown>();
  doc.getMap('states').set('current', nested);
  nested.set('nodes', new Y.Array());
  const xml = doc.getXmlFragment('xml');
  const el = new Y.XmlElement('p');
  xml.insert(0, [el, new Y.XmlText('t')]);
  el.setAttribute('class', 'c');
  return doc;
}

describe('updateProblem', () => {
  it('accepts what Yjs encoders write: full states, diffs, incremental updates with deletes', () => {
    const doc = richDoc();
    const full = Y.encodeStateAsUpdate(doc);
    expect(updateProblem(full, EMPTY)).toBeNull();
    const server = clone(doc);
    const incremental: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => incremental.push(u));
    const sv = Y.encodeStateVector(server);
    doc.getText('notes').insert(2, 'more');
    doc.getText('notes').delete(0, 3);
    doc.getArray('list').delete(0, 2);
    doc.getMap('meta').delete('n');
    const diff = Y.encodeStateAsUpdate(doc, sv);
    expect(updateProblem(diff, stateOfDoc(server))).toBeNull();
    for (const u of incremental) {
      expect(updateProblem(u, stateOfDoc(server))).toBeNull();
      Y.applyUpdate(server, u);
      expect(leavesPending(server)).toBe(false);
    }
    // Content the document already has (a duplicate) is fine too.
    expect(updateProblem(full, stateOfDoc(server))).toBeNull();
    expect(updateProblem(Y.encodeStateAsUpdate(new Y.Doc()), EMPTY)).toBeNull();
  });

  it('accepts a Buffer view into a larger buffer and reads only the view', () => {
    const u = Y.encodeStateAsUpdate(richDoc());
    const pool = Buffer.alloc(u.length + 64, 0xff);
    pool.set(u, 16);
    expect(updateProblem(pool.subarray(16, 16 + u.length), EMPTY)).toBeNull();
    expect(updateProblem(pool.subarray(16, 16 + u.length - 1), EMPTY)).toBe('malformed update');
  });

  const base = new Y.Doc();
  base.clientID = 1;
  base.getMap('m').set('a', 1); // client 1, clock 0
  const baseState = stateOfDoc(base);

  // [case, update, the guard's reason, what Yjs itself does with it on `base`]
  type YjsOutcome = 'pending' | 'throws' | 'applies';
  const refused: [string, () => Uint8Array, string, YjsOutcome][] = [
    [
      'an origin on a client the document lacks',
      () => update([{ client: 5, clock: 0, structs: [item(str('x'), { origin: [99, 3] })] }]),
      'missing dependency',
      'pending',
    ],
    [
      'an origin beyond what the document holds of a known client',
      () => update([{ client: 5, clock: 0, structs: [item(str('x'), { origin: [1, 7] })] }]),
      'missing dependency',
      'pending',
    ],
    [
      'a parent item the document lacks',
      () => update([{ client: 5, clock: 0, structs: [item(any(1), { parent: [42, 0] })] }]),
      'missing dependency',
      'pending',
    ],
    [
      'a gap in the sender’s own clocks',
      () => update([{ client: 5, clock: 10, structs: [item(any(1))] }]),
      'gap in a client’s clocks',
      'pending',
    ],
    [
      'a skip over content the document lacks',
      () => update([{ client: 5, clock: 0, structs: [skip(3), item(any(1))] }]),
      'gap in a client’s clocks',
      'pending',
    ],
    [
      'structs of two clients depending on each other',
      () =>
        update([
          { client: 5, clock: 0, structs: [item(str('a'), { origin: [6, 0] })] },
          { client: 6, clock: 0, structs: [item(str('b'), { origin: [5, 0] })] },
        ]),
      'missing dependency',
      'pending',
    ],
    [
      'a delete of content nobody has seen',
      () => update([], [{ client: 77, ranges: [[0, 5]] }]),
      'delete of unknown content',
      'pending',
    ],
    [
      'a delete running past the known clock',
      () => update([], [{ client: 1, ranges: [[0, 2]] }]),
      'delete of unknown content',
      'pending',
    ],
    [
      'an empty delete at an unknown clock',
      () => update([], [{ client: 1, ranges: [[9, 0]] }]),
      'delete of unknown content',
      'throws',
    ],
    [
      'a clock near 2^53',
      () => update([{ client: 5, clock: 0, structs: [gc(2 ** 52), gc(2 ** 52), item(any(1))] }]),
      'clock out of range',
      'applies',
    ],
    [
      'a start clock above the bound',
      () => update([{ client: 5, clock: MAX_CLOCK, structs: [item(any(1))] }]),
      'clock out of range',
      'pending',
    ],
    [
      'a client id above 2^53',
      () => update([{ client: 2 ** 55, clock: 0, structs: [item(any(1))] }]),
      'client id out of range',
      'applies',
    ],
    [
      'a zero-length struct',
      () => update([{ client: 5, clock: 0, structs: [item(deleted(0)), item(any(1))] }]),
      'zero-length struct',
      'applies',
    ],
    [
      'a client listed twice',
      () =>
        update([
          { client: 5, clock: 0, structs: [item(any(1))] },
          { client: 5, clock: 1, structs: [item(any(2))] },
        ]),
      'a client appears twice',
      'pending',
    ],
    [
      'a subdocument',
      () => update([{ client: 5, clock: 0, structs: [item(subdoc)] }]),
      'subdocuments are not accepted',
      'applies',
    ],
    [
      'an unknown content type',
      () => update([{ client: 5, clock: 0, structs: [item(raw(11, [0]))] }]),
      'unknown content type',
      'throws',
    ],
    [
      'an unknown shared type',
      () => update([{ client: 5, clock: 0, structs: [item(raw(7, [9]))] }]),
      'unknown type',
      'throws',
    ],
    [
      'invalid JSON content',
      () => update([{ client: 5, clock: 0, structs: [item(raw(5, [2, 123, 123]))] }]),
      'malformed update',
      'throws',
    ],
    [
      'trailing bytes',
      () => Uint8Array.from([...update([{ client: 5, clock: 0, structs: [item(any(1))] }]), 0]),
      'trailing bytes after the update',
      'applies',
    ],
    ['an empty buffer', () => new Uint8Array(0), 'malformed update', 'throws'],
    ['a truncated varint', () => Uint8Array.of(0x80), 'malformed update', 'throws'],
    ['an absurd block count', absurd.blockCount, 'malformed update', 'throws'],
    ['an absurd struct count', absurd.structCount, 'malformed update', 'throws'],
    ['an absurd string length', absurd.stringLength, 'malformed update', 'throws'],
    ['deeply nested content', () => absurd.nesting(200_000), 'malformed update', 'throws'],
    [
      'a V2 update where V1 is expected',
      () => Y.encodeStateAsUpdateV2(richDoc()),
      // Whatever the V1 reader makes of it, it is refused (Yjs reads structs out of it).
      '*',
      'pending',
    ],
  ];

  it.each(refused)('refuses %s', (_name, make, reason) => {
    const u = make();
    const problem = updateProblem(u, baseState);
    if (reason === '*') expect(problem).not.toBeNull();
    else expect(problem).toBe(reason);
  });

  it.each(refused)('%s: Yjs on its own would do what the table says', (_name, make, _r, yjs) => {
    const doc = clone(base);
    let threw = false;
    try {
      Y.applyUpdate(doc, make());
    } catch {
      threw = true;
    }
    const outcome: YjsOutcome = threw ? 'throws' : leavesPending(doc) ? 'pending' : 'applies';
    expect(outcome).toBe(yjs);
  });

  it('costs little on a huge update and never expands run-length-encoded V2 fields', () => {
    // 100 000 separate structs (alternating inserts do not merge) in one V1 update.
    const doc = new Y.Doc();
    const arr = doc.getArray<number>('a');
    doc.transact(() => {
      for (let i = 0; i < 100_000; i++) arr.insert(i % 2 === 0 ? 0 : arr.length, [i]);
    });
    const v1 = Y.encodeStateAsUpdate(doc);
    let started = performance.now();
    expect(updateProblem(v1, EMPTY)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
    const v2 = Y.encodeStateAsUpdateV2(doc);
    expect(v2.length).toBeLessThan(v1.length);
    started = performance.now();
    expect(updateProblem(v2, EMPTY)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });

  // Seeded random clients edit, sync partially among themselves and offline; a server document
  // receives their updates and diffs in random order. For every candidate the guard's verdict
  // must be exactly "Yjs would integrate all of it" (nothing pending), so a legitimate update is
  // never refused and nothing Yjs would keep pending gets through.
  it.each([1, 2, 3, 4])('matches Yjs on random partial syncs (seed %i)', (seed) => {
    const rand = mulberry32(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
    const clients = [0, 1, 2].map(() => new Y.Doc());
    const server = new Y.Doc({ gc: true });
    const candidates: Uint8Array[] = [];
    for (const c of clients) c.on('update', (u: Uint8Array) => candidates.push(u));
    let accepted = 0;
    let refusedCount = 0;
    for (let step = 0; step < 300; step++) {
      const c = pick(clients);
      const r = rand();
      if (r < 0.3) {
        const text = c.getText('t');
        text.insert(Math.floor(rand() * (text.length + 1)), pick(['a', 'bc', '🙂', 'xyz']));
      } else if (r < 0.45) {
        const text = c.getText('t');
        if (text.length > 0) {
          const at = Math.floor(rand() * text.length);
          text.delete(at, 1 + Math.floor(rand() * Math.min(3, text.length - at)));
        }
      } else if (r < 0.6) {
        c.getMap('m').set(pick(['x', 'y', 'z']), Math.floor(rand() * 100));
      } else if (r < 0.7) {
        const arr = c.getArray<unknown>('a');
        if (rand() < 0.7 || arr.length === 0) arr.insert(arr.length, [new Y.Map()]);
        else arr.delete(0, 1);
      } else if (r < 0.8) {
        // Peer-to-peer sync the server does not see directly.
        const other = pick(clients);
        Y.applyUpdate(other, Y.encodeStateAsUpdate(c, Y.encodeStateVector(other)));
      } else if (r < 0.9) {
        // A diff against a state vector the server had at some point (a sync step 2).
        candidates.push(Y.encodeStateAsUpdate(c, Y.encodeStateVector(server)));
      }
      // Deliver a random candidate (updates arrive out of order, some never).
      if (candidates.length > 0 && rand() < 0.7) {
        const i = Math.floor(rand() * candidates.length);
        const u = candidates.splice(i, 1)[0] as Uint8Array;
        const verdict = updateProblem(u, stateOfDoc(server));
        const trial = clone(server);
        Y.applyUpdate(trial, u);
        expect(verdict === null, `seed ${seed} step ${step}: guard said ${verdict}`).toBe(
          !leavesPending(trial),
        );
        if (verdict === null) {
          Y.applyUpdate(server, u);
          accepted++;
        } else {
          refusedCount++;
          if (rand() < 0.5) candidates.push(u); // retried later, maybe then complete
        }
      }
    }
    // Both outcomes occurred, so the comparison was not vacuous.
    expect(accepted).toBeGreaterThan(20);
    expect(refusedCount).toBeGreaterThan(5);
    // And a final full sync from every client is always accepted.
    for (const c of clients) {
      const u = Y.encodeStateAsUpdate(c, Y.encodeStateVector(server));
      expect(updateProblem(u, stateOfDoc(server))).toBeNull();
      Y.applyUpdate(server, u);
    }
    expect(leavesPending(server)).toBe(false);
  });
});
