// The font the charts draw their text with (Chart.js paints on a canvas, outside CSS): the same
// stack as the page's --font, Korean faces included, so Hangul ticks and titles are not boxes.
// A canvas does not make the browser fetch a web font, so a chart first asks for the faces its
// text needs (Noto Sans KR from hangul.css on a machine without a Korean font).

export const CHART_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif';

/** Resolves once the faces `sample` needs are loaded (at once for Latin text); never rejects. */
export async function chartFontReady(sample: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  await Promise.all(
    ['400', '600'].map((weight) =>
      document.fonts.load(`${weight} 11px ${CHART_FONT}`, sample).catch(() => []),
    ),
  );
}
