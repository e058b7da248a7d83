// The editable stage mapping: each log stage name and the map stage it counts for (or none).
import type { MapStage, StageMapping } from '@flowmap/shared/measure';
import { useTranslation } from 'react-i18next';

interface Props {
  names: readonly string[];
  stages: readonly MapStage[];
  mapping: StageMapping;
  onChange: (name: string, stageId: string | null) => void;
}

export function MappingTable({ names, stages, mapping, onChange }: Props) {
  const { t } = useTranslation('measure');
  const unmatched = names.filter((n) => !mapping[n]);
  return (
    <fieldset className="measure-mapping">
      <legend>{t('mappingTitle')}</legend>
      <p className="measure-help">{t('mappingHelp')}</p>
      <table>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th
                scope="row"
                className={`measure-mapping-name${mapping[name] ? '' : ' is-unmatched'}`}
              >
                {name}
              </th>
              <td>
                <select
                  aria-label={t('mapStageFor', { name })}
                  value={mapping[name] ?? ''}
                  onChange={(e) => onChange(name, e.target.value === '' ? null : e.target.value)}
                >
                  <option value="">{t('notCounted')}</option>
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name || s.id}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unmatched.length > 0 && (
        <p className="measure-unmatched" role="status">
          {t('unmatched', { names: unmatched.join(t('listSeparator')) })}
        </p>
      )}
    </fieldset>
  );
}
