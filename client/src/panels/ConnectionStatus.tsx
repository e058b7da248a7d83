// Always visible: whether this browser is in sync with the workshop, and that edits made while
// offline are kept and merged on return.
import { type ConnectionStatus as Status, useEditor } from '../store/editorStore.ts';
import './chrome/chrome.css';

const LABELS: Record<Status, { text: string; tone: 'ok' | 'warn' | 'off'; detail: string }> = {
  connected: {
    text: 'Connected',
    tone: 'ok',
    detail: 'Your edits reach everyone in this map as you make them.',
  },
  connecting: {
    text: 'Connecting…',
    tone: 'warn',
    detail: 'Reaching the Flowmap server.',
  },
  reconnecting: {
    text: 'Reconnecting…',
    tone: 'warn',
    detail: 'The connection dropped. Keep working: your edits are kept and sent when it is back.',
  },
  offline: {
    text: 'Offline — edits are kept and will sync',
    tone: 'off',
    detail: 'This browser is offline. Your edits are saved here and merged when you are back.',
  },
};

export function ConnectionStatus() {
  const status = useEditor((s) => s.status);
  const unsynced = useEditor((s) => s.unsynced);
  const { text, tone, detail } = LABELS[status];
  return (
    <div
      className={`conn conn-${tone}`}
      role="status"
      aria-live="polite"
      title={unsynced ? `${detail} Some of your changes have not reached the server yet.` : detail}
    >
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-text">{text}</span>
      {unsynced && <span className="conn-unsynced">Unsynced changes</span>}
    </div>
  );
}
