// The form that takes a snapshot (editors): the name suggested is this quarter's review ("2026-Q4
// review", then "2026-Q4 review (2)"…), the person may change it, and it says what became of it.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SnapshotSummary } from '../../api/http.ts';
import { quarterName, uniqueName } from './names.ts';
import { errorText } from './useSnapshots.ts';

export function TakeSnapshot({
  mapId,
  token,
  taken,
  onTaken,
}: {
  mapId: string;
  token: string;
  taken: string[];
  onTaken: (snapshot: SnapshotSummary) => void;
}) {
  const { t } = useTranslation('snapshots');
  const suggested = uniqueName(quarterName(t, new Date()), taken);
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const value = name ?? suggested;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed === '') {
      setError(t('take.nameMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const snapshot = await api.takeSnapshot(mapId, token, trimmed);
      onTaken(snapshot);
      setDone(t('take.taken', { name: snapshot.name }));
      // The next suggestion follows from the new list.
      setName(null);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="take-snapshot" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>{t('take.label')}</label>
      <div className="take-snapshot-row">
        <input
          id={inputId}
          value={value}
          maxLength={200}
          onChange={(e) => {
            setName(e.target.value);
            setDone(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('take.busy') : t('take.submit')}
        </button>
      </div>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="take-snapshot-status" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
