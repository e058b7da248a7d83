// The line every view that shows a DORA level says about it: which clock the levels were read on
// (shared's doraTimeBasisNote, in the reader's language), so a "1d" lead time placed as elite is
// never read as 24 hours.
import { safeWorkingTime, type WorkingTime } from '@flowmap/shared';
import { formatNumber } from '@flowmap/shared/i18n';
import { useTranslation } from 'react-i18next';
import './doraTimeNote.css';

export function DoraTimeNote({ wt, className }: { wt: WorkingTime; className?: string }) {
  const { t } = useTranslation('common');
  const { hoursPerDay, daysPerWeek } = safeWorkingTime(wt);
  return (
    <p className={className ? `dora-time-note ${className}` : 'dora-time-note'}>
      {t('doraTimeBasis', { hours: formatNumber(hoursPerDay), days: formatNumber(daysPerWeek) })}
    </p>
  );
}
