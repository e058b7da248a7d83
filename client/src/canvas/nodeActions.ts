// The canvas actions on nodes: add one where it belongs (and name it in place), rename, move,
// select. Each write is one undo step through EditSteps; deleting is in flowActions.ts (it keeps
// the chain whole).
import type { MapState, NodeType } from '@flowmap/shared';
import { addKaizen, addNode, connect, moveNodes, ORIGINS, updateNode } from '@flowmap/shared/doc';
import { displayT } from '@flowmap/shared/i18n';
import type * as Y from 'yjs';
import { useEditor } from '../store/editorStore.ts';
import { runCommand } from '../sync/runCommand.ts';
import { activeState, select } from './activeState.ts';
import { startRename } from './canvasUi.ts';
import { type EditSteps, orNotice } from './editSteps.ts';
import { anchorOffset, defaultSize } from './nodes/sizes.ts';
import { type Placement, placeNewNode } from './placement.ts';
import type { Size, XY } from './types.ts';
import type { createViewActions } from './viewActions.ts';

/**
 * The name a node gets when added: in the UI language at that moment ("New stage", "새 단계"). It
 * is written into the shared document, so collaborators see it as typed, like any other name.
 */
export function defaultNodeName(type: NodeType): string {
  return displayT('canvas')(`newNode.${type}`);
}

/** The one selected node, when it is a process stage (what a new kaizen burst improves). */
function selectedStage(state: MapState): string | null {
  const { selectedNodes } = useEditor.getState();
  const id = selectedNodes.length === 1 ? selectedNodes[0] : undefined;
  return id !== undefined && state.nodes[id]?.type === 'stage' ? id : null;
}

interface NodeDeps {
  doc: Y.Doc;
  steps: EditSteps;
  view: ReturnType<typeof createViewActions>;
  sizeOf: (id: string, type: NodeType) => Size;
}

export function createNodeActions({ doc, steps, view, sizeOf }: NodeDeps) {
  return {
    /**
     * Adds a node and starts renaming it: centred on `at` (a double-click), else next to the
     * selected node (a new step after it is joined by a flow arrow), else mid-screen.
     */
    add(type: NodeType, at?: XY): void {
      const state = activeState();
      if (!state) return;
      let place: Placement;
      if (at) {
        const offset = anchorOffset(type);
        place = {
          x: Math.round(at.x - offset.x),
          y: Math.round(at.y - offset.y),
          linkFrom: null,
          linkTo: null,
        };
      } else {
        place = placeNewNode(type, state, sizeOf, {
          centre: view.viewportCentre(),
          selected: useEditor.getState().selectedNodes,
        });
      }
      const { x, y, linkFrom, linkTo } = place;
      // A burst added with a stage selected is that stage's idea: linked at once, in the same step.
      const stageId = !at && type === 'kaizen' ? selectedStage(state) : null;
      const id = steps.edit((stateId) => {
        if (type === 'kaizen') {
          return addKaizen(doc, stateId, { x, y, name: defaultNodeName('kaizen'), stageId })
            .kaizenId;
        }
        let added = '';
        doc.transact(() => {
          added = addNode(doc, stateId, { type, x, y, name: defaultNodeName(type) });
          if (linkFrom) connect(doc, stateId, { source: linkFrom, target: added });
          if (linkTo) connect(doc, stateId, { source: added, target: linkTo });
        }, ORIGINS.local);
        return added;
      }, true);
      if (!id) return;
      steps.startNaming(id);
      select([id]);
      startRename(id);
      view.reveal({ x, y, ...defaultSize(type) });
    },

    rename(id: string, name: string): void {
      const stateId = useEditor.getState().activeStateId;
      if (steps.isNaming(id) && stateId) {
        orNotice(runCommand(() => updateNode(doc, stateId, id, { name: name.trim() })));
        return;
      }
      steps.edit((sid) => updateNode(doc, sid, id, { name: name.trim() }));
    },

    /** The in-place rename of `id` is over (committed or cancelled). */
    renameEnded(id: string): void {
      if (steps.isNaming(id)) steps.endNaming();
    },

    /** Ends the add-and-name undo step however the rename ends (Esc before the input showed…). */
    watchRename(): () => void {
      return steps.watchNaming();
    },

    startRename(): void {
      const { selectedNodes } = useEditor.getState();
      if (steps.canEdit() && selectedNodes.length === 1) startRename(selectedNodes[0] ?? null);
    },

    /** Commits the end of a drag (or a keyboard nudge) as one undo step. */
    commitPositions(positions: { id: string; x: number; y: number }[]): void {
      if (positions.length > 0) steps.edit((stateId) => moveNodes(doc, stateId, positions));
    },

    selectAll(): void {
      const state = activeState();
      if (state) select(Object.keys(state.nodes), Object.keys(state.edges));
    },
  };
}
