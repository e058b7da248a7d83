// The side panel's quality bottlenecks: counted stages below the map's %C/A threshold. A long
// pipeline can have dozens; a workshop acts on the first few, so the list shows the first
// QUALITY_SHOWN and a button for the rest (also keeps a 300-stage map's first render small).
import type { StateMetrics } from '@flowmap/shared';
import { qualityReason } from '@flowmap/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const QUALITY_SHOWN = 5;

export function QualityList({
  items,
  selected,
  onSelect,
}: {
  items: StateMetrics['qualityBottlenecks'];
  selected: string | null;
  onSelect: (nodeId: string) => void;
}) {
  const { t } = useTranslation('panels');
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, QUALITY_SHOWN);
  const hidden = items.length - shown.length;
  return (
    <>
      <ul className="bottleneck-list">
        {shown.map((q) => {
          const reason = qualityReason(t, q);
          return (
            <li key={q.nodeId}>
              <button
                type="button"
                className="bottleneck bottleneck-quality"
                aria-current={selected === q.nodeId ? 'true' : undefined}
                onClick={() => onSelect(q.nodeId)}
                aria-label={t('metrics.qualityLabel', { name: q.name, reason })}
              >
                <span className="quality-badge" aria-hidden="true">
                  {t('metrics.qualityBadge')}
                </span>
                <span className="bottleneck-text">
                  <span className="bottleneck-name">{q.name}</span>
                  <span className="bottleneck-reason">{reason}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {(hidden > 0 || all) && items.length > QUALITY_SHOWN && (
        <button type="button" className="metrics-more" onClick={() => setAll(!all)}>
          {all ? t('metrics.showFewer') : t('metrics.showAll', { count: items.length })}
        </button>
      )}
    </>
  );
}
