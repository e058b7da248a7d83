// Always visible: whether this browser is in sync with the workshop, and that edits made while
// offline are kept and merged on return.
import { useTranslation } from 'react-i18next';
import { type ConnectionStatus as Status, useEditor } from '../../store/editorStore.ts';
import './connection.css';

// Each status's words are connection.<status>.text / .detail in the 'topbar' catalog.
const TONES: Record<Status, 'ok' | 'warn' | 'off'> = {
  connected: 'ok',
  connecting: 'warn',
  reconnecting: 'warn',
  offline: 'off',
  stopped: 'off',
};

export function ConnectionStatus() {
  const status = useEditor((s) => s.status);
  const unsynced = useEditor((s) => s.unsynced);
  const { t } = useTranslation('topbar');
  const tone = TONES[status];
  const text = t(`connection.${status}.text`);
  const detail = t(`connection.${status}.detail`);
  return (
    <div
      className={`conn conn-${tone}`}
      role="status"
      aria-live="polite"
      title={unsynced ? `${detail} ${t('connection.notReached')}` : detail}
    >
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-text">{text}</span>
      {unsynced && <span className="conn-unsynced">{t('connection.unsynced')}</span>}
    </div>
  );
}
