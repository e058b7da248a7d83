// The three views of the snapshots as tabs: the reviews (with how many there are), comparing two,
// and the trend. The panel they control is the caller's, under `${id}-panel`.
import { useTranslation } from 'react-i18next';

export type SnapshotTab = 'list' | 'compare' | 'trend';

const TABS: readonly SnapshotTab[] = ['list', 'compare', 'trend'];

interface Props {
  /** The prefix of the tab and panel ids. */
  id: string;
  tab: SnapshotTab;
  /** How many snapshots there are, once loaded. */
  count: number | null;
  onSelect(tab: SnapshotTab): void;
}

export function SnapshotTabs({ id, tab, count, onSelect }: Props) {
  const { t } = useTranslation('snapshots');
  return (
    <div role="tablist" aria-label={t('tabs.label')} className="snapshots-tabs">
      {TABS.map((each) => (
        <button
          key={each}
          type="button"
          role="tab"
          id={`${id}-${each}`}
          aria-selected={tab === each}
          aria-controls={`${id}-panel`}
          className={`snapshots-tab${tab === each ? ' is-active' : ''}`}
          onClick={() => onSelect(each)}
        >
          {t(`tabs.${each}`)}
          {each === 'list' && count !== null && <span className="count-badge">{count}</span>}
        </button>
      ))}
    </div>
  );
}
