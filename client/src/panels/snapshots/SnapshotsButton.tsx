// The top bar's way into the map's snapshots (quarterly reviews), for every link: view links can
// look at snapshots, compare them and follow the trend.
import { setEditor, useEditor } from '../../store/editorStore.ts';

export function SnapshotsButton() {
  const open = useEditor((s) => s.snapshotsOpen && s.compareWith === null);
  return (
    <button
      type="button"
      className="tab-action"
      aria-pressed={open}
      onClick={() =>
        setEditor(open ? { snapshotsOpen: false } : { snapshotsOpen: true, compareWith: null })
      }
      title={
        open
          ? 'Close the snapshots and go back to the map'
          : 'Snapshots of this map: take, compare, trend'
      }
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="tab-icon">
        <path
          d="M2.5 5.5h2l1.2-2h4.6l1.2 2h2v8h-11z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
        <circle cx="8" cy="9.3" r="2.3" fill="none" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      Snapshots
    </button>
  );
}
