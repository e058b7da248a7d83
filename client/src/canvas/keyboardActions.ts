// The canvas from the keyboard alone: arrow keys move along the flow (flowNavigation.ts), Enter
// opens the inspector on the first field, C opens "connect to…", P presentation mode, M the
// minimap. Moving selects the node, pans it into view and focuses it, so the next S adds after it.
import type { NodeType } from '@flowmap/shared';
import { connect } from '@flowmap/shared/doc';
import type * as Y from 'yjs';
import { i18next } from '../i18n/index.ts';
import { useEditor } from '../store/editorStore.ts';
import { activeState, select } from './activeState.ts';
import { notify, useCanvasUi } from './canvasUi.ts';
import type { EditSteps } from './editSteps.ts';
import { type Direction, firstStep, neighbour } from './flowNavigation.ts';
import { focusInspector, focusNode } from './focus.ts';
import type { Size } from './types.ts';
import { toggleViewPref, useViewPrefs } from './viewPrefs.ts';

interface Deps {
  doc: Y.Doc;
  steps: EditSteps;
  sizeOf: (id: string, type: NodeType) => Size;
  reveal: (rect: { x: number; y: number; width: number; height: number }) => void;
}

export function createKeyboardActions({ doc, steps, sizeOf, reveal }: Deps) {
  const rectOf = (id: string) => {
    const node = activeState()?.nodes[id];
    if (!node) return null;
    const size = sizeOf(id, node.type);
    return { x: node.x, y: node.y, ...size };
  };
  const centreOf = (id: string) => {
    const r = rectOf(id);
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  };
  const goTo = (id: string) => {
    select([id]);
    const rect = rectOf(id);
    if (rect) reveal(rect);
    focusNode(id);
  };
  const current = (): string | null => {
    const { selectedNodes } = useEditor.getState();
    return selectedNodes.length > 0 ? (selectedNodes[selectedNodes.length - 1] ?? null) : null;
  };

  return {
    /** ← → along the flow, ↑ ↓ to the nearest node; from nothing selected, the first step. */
    navigate(direction: Direction): void {
      const state = activeState();
      if (!state) return;
      const from = current();
      const to =
        from && state.nodes[from]
          ? neighbour(state, from, direction, centreOf)
          : firstStep(state, centreOf);
      if (to) goTo(to);
    },

    /** Enter: the inspector, on its first field (leaving presentation mode, which hides it). */
    inspect(): void {
      if (current() === null) return;
      if (useViewPrefs.getState().presenting) toggleViewPref('presenting');
      focusInspector();
    },

    openConnect(): void {
      const from = current();
      if (from === null || !activeState()?.nodes[from]) {
        notify(i18next.t('connect.selectFirst', { ns: 'canvas' }));
        return;
      }
      useCanvasUi.setState({ connectingFrom: from });
    },

    closeConnect(): void {
      const from = useCanvasUi.getState().connectingFrom;
      useCanvasUi.setState({ connectingFrom: null });
      if (from) focusNode(from);
    },

    /** Draws the arrow chosen in "connect to…", then stays on the source for the next one. */
    connectTo(target: string): void {
      const source = useCanvasUi.getState().connectingFrom;
      useCanvasUi.setState({ connectingFrom: null });
      if (!source) return;
      steps.edit((stateId) => connect(doc, stateId, { source, target, kind: 'flow' }));
      goTo(target);
    },

    togglePresentation(): void {
      toggleViewPref('presenting');
    },

    toggleMinimap(): void {
      toggleViewPref('minimapShown');
    },
  };
}
