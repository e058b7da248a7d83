// The side panel's top half: edits whatever is selected — one node, one edge — or, with nothing
// selected, the map's settings and the active state's DORA inputs. View-only links see the same
// fields read-only and never write.
import './inspector/inspector.css';
import { useEditor } from '../store/editorStore.ts';
import { useActiveState, useCanEdit, useMeta, useWorkingTime } from '../store/selectors.ts';
import { DoraInputs } from './inspector/DoraInputs.tsx';
import { EdgeInspector } from './inspector/EdgeInspector.tsx';
import { MapSettings } from './inspector/MapSettings.tsx';
import { NodeInspector } from './inspector/NodeInspector.tsx';

export function Inspector() {
  const state = useActiveState();
  const meta = useMeta();
  const wt = useWorkingTime();
  const canEdit = useCanEdit();
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  if (!state || !meta) return null;

  // A collaborator may delete what is selected here; only what still exists counts.
  const nodes = selectedNodes.filter((id) => Object.hasOwn(state.nodes, id));
  const edges = selectedEdges.filter((id) => Object.hasOwn(state.edges, id));
  const count = nodes.length + edges.length;

  if (count > 1) {
    return (
      <section className="inspector" aria-labelledby="inspector-heading">
        <header className="inspector-header">
          <h2 id="inspector-heading">{count} items selected</h2>
        </header>
        <p className="inspector-empty-hint">
          {describeCount(
            nodes.length,
            nodes.every((id) => state.nodes[id]?.type === 'stage') ? 'stage' : 'node',
          )}
          {nodes.length > 0 && edges.length > 0 && ' and '}
          {edges.length > 0 && describeCount(edges.length, 'edge')}. Select one item to see its
          fields.
        </p>
      </section>
    );
  }
  const nodeId = nodes[0];
  const node = nodeId !== undefined ? state.nodes[nodeId] : undefined;
  if (node) {
    // Keyed by node: switching the selection starts every field from the new node's values.
    return (
      <NodeInspector
        key={`${state.id}/${node.id}`}
        stateId={state.id}
        node={node}
        wt={wt}
        canEdit={canEdit}
      />
    );
  }
  const edgeId = edges[0];
  const edge = edgeId !== undefined ? state.edges[edgeId] : undefined;
  if (edge) return <EdgeInspector key={edge.id} state={state} edge={edge} canEdit={canEdit} />;
  return (
    <>
      <MapSettings meta={meta} canEdit={canEdit} />
      <DoraInputs key={state.id} state={state} wt={wt} canEdit={canEdit} />
    </>
  );
}

function describeCount(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
