// The library without an (accepted) owner key: explain where the key comes from.
import { Trans, useTranslation } from 'react-i18next';
import { Mark } from '../../ui/Mark.tsx';

export function NoKey({ rejected, onForget }: { rejected: boolean; onForget: () => void }) {
  const { t } = useTranslation('library');
  return (
    <section className="library-nokey" aria-labelledby="nokey-title">
      <Mark size={40} />
      <h1 id="nokey-title">{rejected ? t('noKey.rejectedTitle') : t('noKey.missingTitle')}</h1>
      <p>{rejected ? t('noKey.rejected') : t('noKey.missing')}</p>
      <p className="library-nokey-example">
        <Trans
          t={t}
          i18nKey="noKey.example"
          values={{ example: `${window.location.origin}/#key=…` }}
          components={{ code: <code /> }}
        />
      </p>
      <p className="library-nokey-hint">{t('noKey.joining')}</p>
      {rejected && (
        <button type="button" onClick={onForget}>
          {t('noKey.forget')}
        </button>
      )}
    </section>
  );
}
