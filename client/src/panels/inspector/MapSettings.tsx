// With nothing selected the inspector edits the map itself: title, description, the working
// time every duration is read in, the thresholds the bottleneck analysis uses, and the language
// its exports are written in.
import type { MapMeta } from '@flowmap/shared';
import { updateMeta } from '@flowmap/shared/doc';
import { LOCALE_NAMES, LOCALES, type Locale } from '@flowmap/shared/i18n';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { exportLocaleOf, type MetaField, metaFieldPatch, showMetaField } from './settingsFields.ts';

export function MapSettings({ meta, canEdit }: { meta: MapMeta; canEdit: boolean }) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const problems = useEditor((s) => s.problems);

  const field = (name: MetaField) => ({
    value: showMetaField(name, meta),
    readOnly: !canEdit,
    warning: problems.find((p) => p.path === `meta.${name}`)?.message ?? null,
    onCommit: (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: t('viewOnly') };
      const result = metaFieldPatch(name, text);
      if (!result.ok) return result;
      const shown = showMetaField(name, { ...meta, ...result.patch });
      const done = runCommand(() => updateMeta(session.doc, result.patch));
      return done.ok ? { ok: true, text: shown } : done;
    },
  });

  return (
    <section className="inspector" aria-labelledby="map-settings-heading">
      <header className="inspector-header">
        <h2 id="map-settings-heading">{t('settings.heading')}</h2>
      </header>
      <p className="inspector-empty-hint">
        {canEdit ? t('settings.hintEdit') : t('settings.hintSee')}
      </p>
      <CommitField label={t('settings.title')} {...field('title')} />
      <CommitField label={t('settings.description')} multiline rows={4} {...field('description')} />
      <div className="insp-field-row">
        <CommitField
          label={t('settings.hoursPerDay')}
          inputMode="decimal"
          {...field('hoursPerDay')}
        />
        <CommitField
          label={t('settings.daysPerWeek')}
          inputMode="decimal"
          {...field('daysPerWeek')}
        />
      </div>
      <div className="insp-field-row">
        <CommitField
          label={t('settings.lowPctCA')}
          inputMode="decimal"
          {...field('lowPctCAThreshold')}
        />
        <CommitField
          label={t('settings.bottleneckCount')}
          inputMode="numeric"
          {...field('bottleneckCount')}
        />
      </div>
      <div className="insp-field-row">
        <CommitField
          label={t('settings.demandPerDay')}
          placeholder={t('settings.demandExample')}
          inputMode="decimal"
          {...field('demandPerDay')}
        />
        <CommitField
          label={t('settings.unitOfWork')}
          placeholder={t('settings.unitExample')}
          {...field('unitOfWork')}
        />
      </div>
      <ExportLanguage meta={meta} canEdit={canEdit} />
      <p className="inspector-footnote">
        {t('settings.footnote', {
          hours: showMetaField('hoursPerDay', meta),
          days: showMetaField('daysPerWeek', meta),
        })}
      </p>
    </section>
  );
}

/**
 * The language of the map's SVG/PNG/PDF exports (`meta.locale`), for everyone who exports it —
 * not the UI language, which each person picks for themselves. Languages are named in their own
 * script ("한국어" in an English UI).
 */
function ExportLanguage({ meta, canEdit }: { meta: MapMeta; canEdit: boolean }) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const onChange = (locale: Locale) => {
    if (!canEdit) return;
    const done = runCommand(() => updateMeta(session.doc, { locale }));
    setError(done.ok ? null : done.error);
  };
  return (
    <div className="insp-field">
      <div className="insp-field-label-row">
        <label htmlFor={id}>{t('settings.exportLanguage')}</label>
      </div>
      <select
        id={id}
        value={exportLocaleOf(meta)}
        disabled={!canEdit}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value as Locale)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="insp-field-hint">
        {t('settings.exportLanguageHint')}
      </p>
      {error !== null && (
        <p id={`${id}-error`} className="insp-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
