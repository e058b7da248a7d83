// The editor for one map: opens the session for the link's token, then lays out the top bar,
// the canvas with its toolbar, the side panel (inspector and metrics) and the timeline ladder.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Access, ApiError, api } from '../api/http.ts';
import { warmUpWhileLoading } from '../app/warmUp.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { CompareView } from '../panels/compare/CompareView.tsx';
import { ExportMenu } from '../panels/export/ExportMenu.tsx';
import { ForecastPanel } from '../panels/forecast/ForecastPanel.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { MetricsPanel } from '../panels/MetricsPanel.tsx';
import { MeasureButton } from '../panels/measure/MeasureButton.tsx';
import { ProblemsBanner } from '../panels/ProblemsBanner.tsx';
import { SyncProblemBanner } from '../panels/SyncProblemBanner.tsx';
import { TimelineLadder } from '../panels/TimelineLadder.tsx';
import { ConnectionStatus } from '../panels/topbar/ConnectionStatus.tsx';
import { NamePrompt } from '../panels/topbar/NamePrompt.tsx';
import { PresenceBar } from '../panels/topbar/PresenceBar.tsx';
import { StateTabs } from '../panels/topbar/StateTabs.tsx';
import { TitleBar } from '../panels/topbar/TitleBar.tsx';
import { initialEditorState, setEditor, useEditor } from '../store/editorStore.ts';
import { SessionContext } from '../sync/SessionContext.tsx';
import { MapSession } from '../sync/session.ts';
import { WorkshopBar } from '../workshop/WorkshopBar.tsx';
import { WorkshopButton } from '../workshop/WorkshopButton.tsx';

// Loaded when first opened: the quarterly review (and Chart.js) is not needed to edit a map.
const SnapshotsView = lazy(() =>
  import('../panels/snapshots/SnapshotsView.tsx').then((m) => ({ default: m.SnapshotsView })),
);

/** Why a map did not open, worded at render so a language switch rewords it. */
type OpeningError = 'missing' | 'badLink' | 'unreachable';

type Opening =
  | { kind: 'loading' }
  | { kind: 'error'; error: OpeningError }
  | { kind: 'open'; session: MapSession };

export function EditorPage({ mapId }: { mapId: string }) {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [opening, setOpening] = useState<Opening>({ kind: 'loading' });
  const { t } = useTranslation('common');

  useEffect(() => {
    let session: MapSession | null = null;
    let cancelled = false;
    setEditor({ ...initialEditorState });
    const cancelWarmUp = warmUpWhileLoading();
    api
      .access(mapId, token)
      .then(({ access }: { access: Access }) => {
        if (cancelled) return;
        session = new MapSession({ mapId, token, access });
        setOpening({ kind: 'open', session });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const reason: OpeningError =
          error instanceof ApiError && error.status === 404
            ? 'missing'
            : error instanceof ApiError && (error.status === 401 || error.status === 403)
              ? 'badLink'
              : 'unreachable';
        setOpening({ kind: 'error', error: reason });
      });
    return () => {
      cancelled = true;
      cancelWarmUp();
      session?.destroy();
    };
  }, [mapId, token]);

  if (opening.kind === 'loading') {
    return <div className="page-message">{t('editor.opening')}</div>;
  }
  if (opening.kind === 'error') {
    return (
      <div className="page-message" role="alert">
        <h1>{t('editor.cannotOpen')}</h1>
        <p>{t(`editor.${opening.error}`)}</p>
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
  const { t } = useTranslation('common');
  const waiting = !loaded && !hasMap;
  return (
    <div className="editor">
      <header className="editor-top">
        <TitleBar />
        <StateTabs />
        <div className="editor-top-right">
          <WorkshopButton />
          <MeasureButton />
          <ExportMenu />
          <PresenceBar />
          <ConnectionStatus />
          <LanguageSwitch />
        </div>
      </header>
      {access === 'view' && (
        <div className="banner banner-info" role="status">
          {t('editor.viewOnly')}
        </div>
      )}
      <SyncProblemBanner />
      <ProblemsBanner />
      {hasMap && <WorkshopBar />}
      {comparing ? (
        <CompareView />
      ) : snapshots ? (
        <Suspense fallback={<div className="page-message">{t('editor.loadingSnapshots')}</div>}>
          <SnapshotsView />
        </Suspense>
      ) : (
        <div className="editor-main">
          {/* Laid out while the map is on its way, so that the editor's first render (and
              the first run of its code) happens during the network round trip instead of after
              the document arrived; the panels stay empty until there is a map to show. */}
          <div className="editor-canvas" aria-busy={waiting}>
            <Canvas />
            {waiting && (
              <div className="editor-waiting" role="status">
                {t('editor.loading')}
              </div>
            )}
          </div>
          <aside className="editor-side" aria-label={t('editor.details')}>
            <Inspector />
            <MetricsPanel />
            <ForecastPanel />
          </aside>
          <section className="editor-ladder" aria-label={t('editor.timeline')}>
            <TimelineLadder />
          </section>
        </div>
      )}
      <NamePrompt />
    </div>
  );
}
