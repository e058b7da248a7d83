// With nothing selected the inspector edits the map itself: title, description, the working
// time every duration is read in, and the thresholds the bottleneck analysis uses.
import type { MapMeta } from '@flowmap/shared';
import { updateMeta } from '@flowmap/shared/doc';
import { useSession } from '../../app/SessionContext.tsx';
import { useEditor } from '../../store/editorStore.ts';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { runCommand } from './commands.ts';
import { type MetaField, metaFieldPatch, showMetaField } from './settingsFields.ts';

export function MapSettings({ meta, canEdit }: { meta: MapMeta; canEdit: boolean }) {
  const session = useSession();
  const problems = useEditor((s) => s.problems);

  const field = (name: MetaField) => ({
    value: showMetaField(name, meta),
    readOnly: !canEdit,
    warning: problems.find((p) => p.path === `meta.${name}`)?.message ?? null,
    onCommit: (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: 'This link is view only' };
      const result = metaFieldPatch(name, text);
      if (!result.ok) return result;
      const shown = showMetaField(name, { ...meta, ...result.patch });
      return runCommand(() => updateMeta(session.doc, result.patch), shown);
    },
  });

  return (
    <section className="inspector" aria-labelledby="map-settings-heading">
      <header className="inspector-header">
        <h2 id="map-settings-heading">Map settings</h2>
      </header>
      <p className="inspector-empty-hint">
        Select a stage or an edge on the canvas to {canEdit ? 'edit' : 'see'} it here.
      </p>
      <CommitField label="Title" {...field('title')} />
      <CommitField label="Description" multiline rows={4} {...field('description')} />
      <div className="insp-field-row">
        <CommitField label="Hours per day" inputMode="decimal" {...field('hoursPerDay')} />
        <CommitField label="Days per week" inputMode="decimal" {...field('daysPerWeek')} />
      </div>
      <div className="insp-field-row">
        <CommitField label="Flag %C/A below" inputMode="decimal" {...field('lowPctCAThreshold')} />
        <CommitField label="Bottlenecks shown" inputMode="numeric" {...field('bottleneckCount')} />
      </div>
      <p className="inspector-footnote">
        Durations count working time: 1d = {showMetaField('hoursPerDay', meta)}h, 1w ={' '}
        {showMetaField('daysPerWeek', meta)}d. Stages below the %C/A threshold are quality
        bottlenecks.
      </p>
    </section>
  );
}
