import { createMapDoc, updateNode } from '@flowmap/shared/doc';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Peer } from '../../sync/presence.ts';
import { lastWriterClient, lastWriterName } from './lastWriter.ts';

const peer = (clientId: number, name: string): Peer => ({
  clientId,
  user: { name, colour: '#4363d8' },
  stateId: null,
  cursor: null,
  selection: [],
  viewport: null,
  dragging: null,
});

describe('lastWriter', () => {
  it('names the participant whose client wrote the field last', () => {
    const mine = createMapDoc({ title: 'Map', template: 'software-delivery' });
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const stateId = 'current';
    const state = mine.getMap('states').get(stateId) as Y.Map<unknown>;
    const nodeId = [...(state.get('nodes') as Y.Map<unknown>).keys()][1] as string;

    updateNode(theirs, stateId, nodeId, { elapsedMinutes: 7 * 480 });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));

    expect(lastWriterClient(mine, stateId, nodeId, 'elapsedMinutes')).toBe(theirs.clientID);
    const peers = [peer(123, 'Kim'), peer(theirs.clientID, 'Sam')];
    expect(lastWriterName(mine, peers, stateId, nodeId, 'elapsedMinutes')).toBe('Sam');
    // Gone from the room, or my own write: no name to show.
    expect(lastWriterName(mine, [], stateId, nodeId, 'elapsedMinutes')).toBeNull();
    updateNode(mine, stateId, nodeId, { elapsedMinutes: 480 });
    expect(lastWriterName(mine, peers, stateId, nodeId, 'elapsedMinutes')).toBeNull();
    expect(lastWriterClient(mine, stateId, 'nope', 'elapsedMinutes')).toBeNull();
  });
});
