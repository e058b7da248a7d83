// The top bar's way into presentation mode (also P on the canvas), remembered per browser: big
// headline figures and names for a projector, the side panel, legend and minimap out of the way.
import { useTranslation } from 'react-i18next';
import { shortcutHint } from '../../canvas/shortcuts.ts';
import { viewIcons } from '../../canvas/viewIcons.tsx';
import { toggleViewPref, useViewPrefs } from '../../canvas/viewPrefs.ts';

export function PresentationToggle() {
  const { t } = useTranslation('topbar');
  const presenting = useViewPrefs((s) => s.presenting);
  const hint = shortcutHint('present');
  return (
    <button
      type="button"
      className="presentation-toggle"
      aria-pressed={presenting}
      title={`${presenting ? t('presentation.leaveTip') : t('presentation.tip')} (${hint})`}
      onClick={() => toggleViewPref('presenting')}
    >
      {viewIcons.present}
      <span>{presenting ? t('presentation.leave') : t('presentation.present')}</span>
    </button>
  );
}
