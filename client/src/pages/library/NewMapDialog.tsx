// "New map": a title and a starting point (blank or the software delivery template).
import { SOFTWARE_DELIVERY_TITLE, TEMPLATES, type TemplateId } from '@flowmap/shared';
import { type FormEvent, useId, useState } from 'react';
import { Dialog } from '../../panels/chrome/Dialog.tsx';
import { checkTitle } from '../../panels/chrome/titles.ts';

interface Props {
  open: boolean;
  initialTemplate: TemplateId;
  onClose: () => void;
  /** Creates the map; returns the reason it failed, or null. */
  onCreate: (title: string, template: TemplateId) => Promise<string | null>;
}

const TEMPLATE_LABELS: Record<TemplateId, string> = {
  'software-delivery': 'Software delivery pipeline',
  blank: 'Blank map',
};

const DEFAULT_TITLES: Record<TemplateId, string> = {
  'software-delivery': SOFTWARE_DELIVERY_TITLE,
  blank: 'Untitled map',
};

export function NewMapDialog({ open, initialTemplate, onClose, onCreate }: Props) {
  return (
    <Dialog open={open} title="New map" onClose={onClose} className="new-map-dialog">
      {open && (
        <NewMapForm initialTemplate={initialTemplate} onClose={onClose} onCreate={onCreate} />
      )}
    </Dialog>
  );
}

function NewMapForm({ initialTemplate, onClose, onCreate }: Omit<Props, 'open'>) {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>(initialTemplate);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const errorId = useId();
  // Software delivery first: it is what a first workshop should start from.
  const choices = [...TEMPLATES].sort((a, b) =>
    a.id === 'software-delivery' ? -1 : b.id === 'software-delivery' ? 1 : 0,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim() === '' ? DEFAULT_TITLES[template] : title;
    const problem = checkTitle(value, 'map title');
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    const failure = await onCreate(value.trim(), template);
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <form onSubmit={submit} className="new-map-form" noValidate>
      <div className="field">
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          data-autofocus
          value={title}
          placeholder={DEFAULT_TITLES[template]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <fieldset className="template-choices">
        <legend>Start from</legend>
        {choices.map((t) => (
          <label key={t.id} className={`template-choice${template === t.id ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name="template"
              value={t.id}
              checked={template === t.id}
              onChange={() => setTemplate(t.id)}
            />
            <span className="template-text">
              <span className="template-name">{TEMPLATE_LABELS[t.id]}</span>
              <span className="template-description">{t.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create and open'}
        </button>
      </div>
    </form>
  );
}
