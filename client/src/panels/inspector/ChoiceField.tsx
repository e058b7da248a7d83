// A node field chosen from a list (a kaizen's status, where a stage's times come from) or switched
// on and off (a step another organisation does). Writes at once, through the same command and
// validator as every other field; a refusal shows under it.
import type { MapNode } from '@flowmap/shared';
import { type NodePatch, updateNode } from '@flowmap/shared/doc';
import { useId, useState } from 'react';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';

interface Target {
  stateId: string;
  node: MapNode;
  canEdit: boolean;
}

function useNodeWrite({ stateId, node, canEdit }: Target) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const write = (patch: NodePatch) => {
    if (!canEdit) return;
    const done = runCommand(() => updateNode(session.doc, stateId, node.id, patch));
    setError(done.ok ? null : done.error);
  };
  return { write, error };
}

function FieldError({ id, error }: { id: string; error: string | null }) {
  return error === null ? null : (
    <p id={`${id}-error`} className="insp-field-error" role="alert">
      {error}
    </p>
  );
}

export function ChoiceField<K extends 'timeSource' | 'status'>(
  props: Target & {
    field: K;
    label: string;
    /** Value → label; '' is "not set" and clears the field. */
    options: readonly (readonly [NonNullable<MapNode[K]> | '', string])[];
  },
) {
  const id = useId();
  const { write, error } = useNodeWrite(props);
  const value = (props.node[props.field] ?? '') as string;
  return (
    <div className="insp-field">
      <div className="insp-field-label-row">
        <label htmlFor={id}>{props.label}</label>
      </div>
      <select
        id={id}
        value={value}
        disabled={!props.canEdit}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(event) =>
          write({ [props.field]: event.target.value === '' ? undefined : event.target.value })
        }
      >
        {props.options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function CheckField(props: Target & { field: 'outside'; label: string }) {
  const id = useId();
  const { write, error } = useNodeWrite(props);
  return (
    <div className="insp-field insp-field-check">
      <input
        id={id}
        type="checkbox"
        checked={props.node[props.field] === true}
        disabled={!props.canEdit}
        onChange={(event) => write({ [props.field]: event.target.checked ? true : undefined })}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldError id={id} error={error} />
    </div>
  );
}
