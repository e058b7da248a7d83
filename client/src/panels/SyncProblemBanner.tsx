// Above the canvas when the editor cannot sync for a reason a person must know: the link was
// replaced or the map deleted, the server refused this browser's edits (too large, a value no
// import would take), or the server failed and the next attempt is some seconds away. Each says
// what happened, that the edits are still on this device, and what to do next.
import { exportFileName } from '@flowmap/shared';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SyncProblem, useEditor } from '../store/editorStore.ts';
import { useSession } from '../sync/SessionContext.tsx';
import { saveBlob } from './export/download.ts';

function describe(
  t: TFunction<'panels'>,
  problem: SyncProblem,
  secondsLeft: number,
): { title: string; text: string } {
  switch (problem.kind) {
    case 'link-rotated':
      return { title: t('sync.rotatedTitle'), text: t('sync.rotatedText') };
    case 'map-deleted':
      return { title: t('sync.deletedTitle'), text: t('sync.deletedText') };
    case 'too-large':
      return { title: t('sync.tooLargeTitle'), text: t('sync.tooLargeText') };
    case 'refused':
      return {
        title: t('sync.refusedTitle'),
        // The server's own detail, as it sent it.
        text: problem.detail
          ? t('sync.refusedDetailText', { detail: problem.detail })
          : t('sync.refusedText'),
      };
    case 'retrying':
      return {
        title: t('sync.retryingTitle'),
        text: t('sync.retryingText', { seconds: secondsLeft }),
      };
  }
}

function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1_000));
}

export function SyncProblemBanner() {
  const { t } = useTranslation('panels');
  const problem = useEditor((s) => s.syncProblem);
  const title = useEditor((s) => s.map?.meta.title ?? '');
  const session = useSession();
  const secondsLeft = useSecondsUntil(problem?.kind === 'retrying' ? problem.retryAt : null);
  if (!problem) return null;
  const { title: headline, text } = describe(t, problem, secondsLeft);
  const downloadCopy = () => {
    const name = exportFileName([title, t('sync.localCopy')], 'json').name;
    saveBlob(new Blob([session.localCopyJson()], { type: 'application/json' }), name);
  };
  const discard = async () => {
    await session.discardLocalCopy();
    window.location.reload();
  };
  const refused = problem.kind === 'too-large' || problem.kind === 'refused';
  return (
    <div
      className={`banner ${problem.kind === 'retrying' ? 'banner-warn' : 'banner-error'} sync-problem`}
      role="alert"
      data-problem={problem.kind}
    >
      <strong>{headline}</strong> <span>{text}</span>
      <span className="sync-problem-actions">
        {problem.kind === 'retrying' ? (
          <button type="button" onClick={() => session.retryNow()}>
            {t('sync.retryNow')}
          </button>
        ) : (
          <button type="button" onClick={downloadCopy}>
            {t('sync.download')}
          </button>
        )}
        {refused && (
          <button type="button" onClick={() => void discard()}>
            {t('sync.discard')}
          </button>
        )}
      </span>
    </div>
  );
}
