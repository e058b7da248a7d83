// The action plan: every kaizen burst of the workshop's state with its stage, owner, due date,
// status, expected effect and the dots it received, editable in place by editors (each cell is
// one updateNode on the burst) and read-only on view links. The CSV and PDF show the same rows.
import { KAIZEN_STATUSES, type KaizenStatus, type MapState } from '@flowmap/shared';
import { updateNode } from '@flowmap/shared/doc';
import { planRows, type Workshop } from '@flowmap/shared/workshop';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEdit, useWorkingTime } from '../store/selectors.ts';
import { runCommand } from '../sync/runCommand.ts';
import { useSession } from '../sync/SessionContext.tsx';
import { formatValue, parseValue } from './valueFormat.ts';

const COLUMNS = ['kaizen', 'stage', 'owner', 'due', 'status', 'effect', 'votes'] as const;

export function PlanTable({ state, workshop }: { state: MapState; workshop: Workshop }) {
  const wt = useWorkingTime();
  const canEdit = useCanEdit();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const { t, i18n } = useTranslation('workshop');
  const language = i18n.resolvedLanguage;
  // The rows word their effects with shared's formatters (display locale): again on a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read by the formatters
  const rows = useMemo(
    () => planRows(state, workshop.votes, wt),
    [state, workshop.votes, wt, language],
  );
  const save = (kaizenId: string, patch: Parameters<typeof updateNode>[3]) => {
    const done = runCommand(() => updateNode(session.doc, state.id, kaizenId, patch));
    setError(done.ok ? null : done.error);
  };
  return (
    <div className="workshop-plan" data-testid="action-plan">
      <div className="workshop-panel-head">
        <h2>{t('plan.heading')}</h2>
      </div>
      {error && (
        <p className="workshop-error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="workshop-muted">{t('plan.empty')}</p>
      ) : (
        <table className="workshop-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`plan.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const node = state.nodes[row.kaizenId];
              return (
                <tr key={row.kaizenId} data-kaizen-id={row.kaizenId}>
                  <th scope="row">
                    <Cell
                      label={t('plan.columns.kaizen')}
                      value={row.kaizen}
                      editable={canEdit}
                      onSave={(v) => save(row.kaizenId, { name: v })}
                    />
                  </th>
                  <td>{row.stages.join(', ')}</td>
                  <td>
                    <Cell
                      label={t('plan.ownerOf', { kaizen: row.kaizen })}
                      value={row.owner}
                      editable={canEdit}
                      onSave={(v) => save(row.kaizenId, { owner: v.trim() || undefined })}
                    />
                  </td>
                  <td>
                    {canEdit ? (
                      <input
                        type="date"
                        aria-label={t('plan.dueOf', { kaizen: row.kaizen })}
                        value={row.dueDate}
                        // A date picker commits a whole date at once: save it on change.
                        onChange={(e) => {
                          if (e.target.value !== row.dueDate) {
                            save(row.kaizenId, { dueDate: e.target.value || undefined });
                          }
                        }}
                      />
                    ) : (
                      row.dueDate
                    )}
                  </td>
                  <td>
                    {canEdit ? (
                      <select
                        aria-label={t('plan.statusOf', { kaizen: row.kaizen })}
                        value={row.status}
                        onChange={(e) =>
                          save(row.kaizenId, {
                            status: (e.target.value || undefined) as KaizenStatus | undefined,
                          })
                        }
                      >
                        <option value="">—</option>
                        {KAIZEN_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`plan.status.${s}`)}
                          </option>
                        ))}
                      </select>
                    ) : row.status ? (
                      t(`plan.status.${row.status}`)
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    <span>{row.effect}</span>
                    {canEdit && (
                      <span className="workshop-effect-inputs">
                        <Cell
                          label={t('plan.ltAfterOf', { kaizen: row.kaizen })}
                          placeholder={t('plan.ltAfter')}
                          value={
                            node?.effectElapsedMinutes !== undefined
                              ? formatValue('elapsedMinutes', node.effectElapsedMinutes, wt)
                              : ''
                          }
                          editable
                          onSave={(v) => {
                            if (!v.trim())
                              return save(row.kaizenId, { effectElapsedMinutes: undefined });
                            const parsed = parseValue('elapsedMinutes', v, wt);
                            if (!parsed.ok) return setError(parsed.error);
                            save(row.kaizenId, { effectElapsedMinutes: parsed.value });
                          }}
                        />
                        <Cell
                          label={t('plan.pctAfterOf', { kaizen: row.kaizen })}
                          placeholder={t('plan.pctAfter')}
                          value={node?.effectPctCA !== undefined ? String(node.effectPctCA) : ''}
                          editable
                          onSave={(v) => {
                            if (!v.trim()) return save(row.kaizenId, { effectPctCA: undefined });
                            const parsed = parseValue('pctCA', v, wt);
                            if (!parsed.ok) return setError(parsed.error);
                            save(row.kaizenId, { effectPctCA: parsed.value });
                          }}
                        />
                      </span>
                    )}
                  </td>
                  <td className="workshop-num">{row.votes}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A text cell saved on blur or Enter; plain text for viewers. */
function Cell({
  label,
  value,
  editable,
  onSave,
  placeholder,
}: {
  label: string;
  value: string;
  editable: boolean;
  onSave: (value: string) => void;
  placeholder?: string;
}) {
  if (!editable) return <>{value}</>;
  return (
    <input
      aria-label={label}
      placeholder={placeholder}
      defaultValue={value}
      key={value}
      maxLength={200}
      onBlur={(e) => {
        if (e.target.value !== value) onSave(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
      }}
    />
  );
}
