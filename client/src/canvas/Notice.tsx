// A short message over the canvas when an action is refused (e.g. a duplicate arrow), so nothing
// fails silently; it fades after a few seconds and is announced to screen readers.
import { useEffect } from 'react';
import { useCanvasUi } from './canvasUi.ts';

const SHOW_MS = 4000;

export function Notice() {
  const notice = useCanvasUi((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (useCanvasUi.getState().notice?.id === notice.id) useCanvasUi.setState({ notice: null });
    }, SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="fm-notice-region" role="status" aria-live="polite">
      {notice && <div className="fm-notice">{notice.text}</div>}
    </div>
  );
}
