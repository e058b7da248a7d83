// Why an imported file was refused: the summary, then each distinct problem the server or the
// parser named (the first 20), so the owner can fix the file and import it again.
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from './ImportButton.tsx';
import './importProblems.css';

export type ImportFailure = Extract<ImportOutcome, { ok: false }>;

const MAX_SHOWN = 20;

export function ImportProblems({
  failure,
  onDismiss,
}: {
  failure: ImportFailure;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('library');
  const unique = [...new Set(failure.messages)];
  return (
    <div className="import-problems" role="alert">
      <div className="import-problems-head">
        <strong>
          {t('import.notImported', {
            file: failure.fileName,
            reason: t(`import.${failure.reason}`),
          })}
        </strong>
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('import.dismiss')}
        </button>
      </div>
      <p className="import-problems-sub">{t('import.nothingChanged')}</p>
      {unique.length > 0 && (
        <ul>
          {unique.slice(0, MAX_SHOWN).map((m) => (
            <li key={m}>
              <code>{m}</code>
            </li>
          ))}
          {unique.length > MAX_SHOWN && (
            <li>{t('import.more', { count: unique.length - MAX_SHOWN })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
