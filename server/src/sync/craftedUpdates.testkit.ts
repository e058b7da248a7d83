// Tests only: hand-written Yjs V1 updates (the layout of yjs' UpdateEncoderV1), for the structs
// no Yjs encoder writes but a hostile client can: missing dependencies, gaps, absurd lengths,
// subdocuments, deletes of unknown content.
import * as encoding from 'lib0/encoding';

export type StructWriter = (e: encoding.Encoder) => void;
export interface Content {
  ref: number;
  write: StructWriter;
}

export const gc =
  (length: number): StructWriter =>
  (e) => {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, length);
  };

export const skip =
  (length: number): StructWriter =>
  (e) => {
    encoding.writeUint8(e, 10);
    encoding.writeVarUint(e, length);
  };

/**
 * An Item: right after `origin` ([client, clock]), or else in the root type `root` (default "m")
 * or the item `parent`, at map key `key` (default "k"; null: as a list element).
 */
export function item(
  content: Content,
  where: {
    key?: string | null;
    root?: string;
    origin?: [number, number];
    parent?: [number, number];
  } = {},
): StructWriter {
  return (e) => {
    const { key = 'k', root = 'm', origin, parent } = where;
    encoding.writeUint8(e, content.ref | (origin ? 0x80 : key === null ? 0 : 0x20));
    if (origin) {
      encoding.writeVarUint(e, origin[0]);
      encoding.writeVarUint(e, origin[1]);
    } else {
      if (parent) {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, parent[0]);
        encoding.writeVarUint(e, parent[1]);
      } else {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, root);
      }
      if (key !== null) encoding.writeVarString(e, key);
    }
    content.write(e);
  };
}

export const any = (value: unknown): Content => ({
  ref: 8,
  write: (e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, value as never);
  },
});

export const str = (text: string): Content => ({
  ref: 4,
  write: (e) => encoding.writeVarString(e, text),
});

export const deleted = (length: number): Content => ({
  ref: 1,
  write: (e) => encoding.writeVarUint(e, length),
});

/** Content of type `ref` with these bytes after the item header. */
export const rawContent = (ref: number, bytes: number[]): Content => ({
  ref,
  write: (e) => {
    for (const b of bytes) encoding.writeUint8(e, b);
  },
});

/** A subdocument item (ContentDoc): guid "" and empty options. */
export const subdoc: Content = {
  ref: 9,
  write: (e) => {
    encoding.writeVarString(e, '');
    encoding.writeAny(e, {});
  },
};

export function craftUpdate(
  blocks: { client: number; clock: number; structs: StructWriter[] }[],
  deletes: { client: number; ranges: [number, number][] }[] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const { client, clock, structs } of blocks) {
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const write of structs) write(e);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, length);
    }
  }
  return encoding.toUint8Array(e);
}

/** Raw varints and bytes, for counts and lengths no encoder would write. */
export function varints(...parts: (number | readonly number[])[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(e, part);
    else for (const b of part) encoding.writeUint8(e, b);
  }
  return encoding.toUint8Array(e);
}

/** `count` subdocuments chained one after the other (each item's origin is the previous one). */
export function subdocBomb(count: number, client = 7): Uint8Array {
  const structs: StructWriter[] = [];
  for (let i = 0; i < count; i++) {
    structs.push(
      i === 0 ? item(subdoc, { root: 'a', key: null }) : item(subdoc, { origin: [client, i - 1] }),
    );
  }
  return craftUpdate([{ client, clock: 0, structs }]);
}

// An item header under root map "m" at key "k" (info, parent "m", key "k") for content `ref`.
const header = (ref: number) => [[ref | 0x20], 1, [1, 109], [1, 107]] as const;

/** Updates whose counts, lengths or nesting no encoder writes. */
export const absurd = {
  blockCount: () => varints(2 ** 50),
  structCount: () => varints(1, 2 ** 40, 5, 0),
  stringLength: () => varints(1, 1, 5, 0, ...header(4), 2 ** 40),
  /** ContentAny holding `depth` nested arrays. */
  nesting: (depth: number) =>
    varints(
      1,
      1,
      5,
      0,
      ...header(8),
      1,
      new Array<number[]>(depth).fill([117, 1]).flat(),
      [126],
      0,
    ),
};
