// The editor for one map: opens the session for the link's token, then lays out the top bar,
// the canvas with its toolbar, the side panel (inspector and metrics) and the timeline ladder.
import { lazy, Suspense, useEffect, useState } from 'react';
import { type Access, ApiError, api } from '../api/http.ts';
import { SessionContext } from '../app/SessionContext.tsx';
import { Canvas } from '../canvas/Canvas.tsx';
import { CompareView } from '../panels/CompareView.tsx';
import { ConnectionStatus } from '../panels/ConnectionStatus.tsx';
import { ExportMenu } from '../panels/export/ExportMenu.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { MetricsPanel } from '../panels/MetricsPanel.tsx';
import { NamePrompt } from '../panels/NamePrompt.tsx';
import { PresenceBar } from '../panels/PresenceBar.tsx';
import { ProblemsBanner } from '../panels/ProblemsBanner.tsx';
import { StateTabs } from '../panels/StateTabs.tsx';
import { TimelineLadder } from '../panels/TimelineLadder.tsx';
import { TitleBar } from '../panels/TitleBar.tsx';
import { initialEditorState, setEditor, useEditor } from '../store/editorStore.ts';
import { MapSession } from '../sync/session.ts';

// Loaded when first opened: the quarterly review (and Chart.js) is not needed to edit a map.
const SnapshotsView = lazy(() =>
  import('../panels/snapshots/SnapshotsView.tsx').then((m) => ({ default: m.SnapshotsView })),
);

type Opening =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'open'; session: MapSession };

export function EditorPage({ mapId }: { mapId: string }) {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [opening, setOpening] = useState<Opening>({ kind: 'loading' });

  useEffect(() => {
    let session: MapSession | null = null;
    let cancelled = false;
    setEditor({ ...initialEditorState });
    api
      .access(mapId, token)
      .then(({ access }: { access: Access }) => {
        if (cancelled) return;
        session = new MapSession({ mapId, token, access });
        (window as unknown as { flowmapSession?: MapSession }).flowmapSession = session;
        setOpening({ kind: 'open', session });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const message =
          error instanceof ApiError && error.status === 404
            ? 'This map does not exist (any more). Ask the facilitator for a new link.'
            : error instanceof ApiError && (error.status === 401 || error.status === 403)
              ? 'This link is not valid for the map. It may have been replaced; ask the facilitator for the current one.'
              : 'Flowmap could not reach the server. Check your connection and reload.';
        setOpening({ kind: 'error', message });
      });
    return () => {
      cancelled = true;
      session?.destroy();
    };
  }, [mapId, token]);

  if (opening.kind === 'loading') return <div className="page-message">Opening the map…</div>;
  if (opening.kind === 'error') {
    return (
      <div className="page-message" role="alert">
        <h1>Cannot open this map</h1>
        <p>{opening.message}</p>
      </div>
    );
  }
  return (
    <SessionContext.Provider value={opening.session}>
      <EditorLayout />
    </SessionContext.Provider>
  );
}

function EditorLayout() {
  const loaded = useEditor((s) => s.loaded);
  const hasMap = useEditor((s) => s.map !== null);
  const access = useEditor((s) => s.access);
  const comparing = useEditor((s) => s.compareWith !== null);
  const snapshots = useEditor((s) => s.snapshotsOpen);
  return (
    <div className="editor">
      <header className="editor-top">
        <TitleBar />
        <StateTabs />
        <div className="editor-top-right">
          <ExportMenu />
          <PresenceBar />
          <ConnectionStatus />
        </div>
      </header>
      {access === 'view' && (
        <div className="banner banner-info" role="status">
          View only: you can follow the workshop, but not change the map.
        </div>
      )}
      <ProblemsBanner />
      {!loaded && !hasMap ? (
        <div className="page-message">Loading the map…</div>
      ) : comparing ? (
        <CompareView />
      ) : snapshots ? (
        <Suspense fallback={<div className="page-message">Loading the snapshots…</div>}>
          <SnapshotsView />
        </Suspense>
      ) : (
        <div className="editor-main">
          <div className="editor-canvas">
            <Canvas />
          </div>
          <aside className="editor-side" aria-label="Stage and map details">
            <Inspector />
            <MetricsPanel />
          </aside>
          <section className="editor-ladder" aria-label="Timeline">
            <TimelineLadder />
          </section>
        </div>
      )}
      <NamePrompt />
    </div>
  );
}
