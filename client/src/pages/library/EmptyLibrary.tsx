// What a first-time owner sees: what Flowmap is for and the one thing to do next.
import { Trans, useTranslation } from 'react-i18next';
import { ImportButton } from './ImportButton.tsx';

interface Props {
  onTemplate: () => void;
  onBlank: () => void;
  onImport: (file: File) => void;
  busy: boolean;
}

export function EmptyLibrary({ onTemplate, onBlank, onImport, busy }: Props) {
  const { t } = useTranslation('library');
  return (
    <section className="library-empty" aria-labelledby="empty-title">
      <PipelineIllustration />
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>
        <Trans t={t} i18nKey="empty.intro" components={{ strong: <strong /> }} />
      </p>
      <div className="library-empty-actions">
        <button type="button" className="primary big" onClick={onTemplate} disabled={busy}>
          {busy ? t('empty.creating') : t('empty.startTemplate')}
        </button>
        <button type="button" className="big" onClick={onBlank}>
          {t('empty.blank')}
        </button>
      </div>
      <p className="library-empty-import">
        {t('empty.haveExport')} <ImportButton onFile={onImport} />
      </p>
    </section>
  );
}

function PipelineIllustration() {
  const boxes = [0, 1, 2, 3];
  return (
    <svg width="260" height="72" viewBox="0 0 260 72" aria-hidden="true" className="empty-art">
      {boxes.map((i) => (
        <g key={i} transform={`translate(${i * 66} 8)`}>
          <rect width="48" height="30" rx="4" fill="#fff" stroke="#9db3ea" strokeWidth="1.5" />
          <rect x="6" y="8" width="26" height="4" rx="2" fill="#c8d5f5" />
          <rect x="6" y="17" width="18" height="4" rx="2" fill="#e1e8f9" />
          {i < 3 && (
            <path d="M50 23h12m-3-3 3 3-3 3" stroke="#9db3ea" strokeWidth="1.5" fill="none" />
          )}
        </g>
      ))}
      <path
        d="M2 56h44v10h22V56h44v10h22V56h44v10h22V56h44"
        fill="none"
        stroke="#f0a35e"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
