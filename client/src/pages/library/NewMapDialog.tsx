// "New map": a title and a starting point (blank or the software delivery template).
import { SOFTWARE_DELIVERY_TITLE, TEMPLATES, type TemplateId } from '@flowmap/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTitle } from '../../panels/topbar/titles.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import './newMapDialog.css';

interface Props {
  open: boolean;
  initialTemplate: TemplateId;
  onClose: () => void;
  /** Creates the map; returns the reason it failed, or null. */
  onCreate: (title: string, template: TemplateId) => Promise<string | null>;
}

export function NewMapDialog({ open, initialTemplate, onClose, onCreate }: Props) {
  const { t } = useTranslation('library');
  return (
    <Dialog open={open} title={t('newMap.title')} onClose={onClose} className="new-map-dialog">
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
  const { t } = useTranslation('library');
  // The template's own title is the map's content (its stages are named in English too); a blank
  // map's placeholder title is in the owner's language.
  const defaultTitle = (id: TemplateId) =>
    id === 'software-delivery' ? SOFTWARE_DELIVERY_TITLE : t('newMap.untitled');
  // Software delivery first: it is what a first workshop should start from.
  const choices = [...TEMPLATES].sort((a, b) =>
    a.id === 'software-delivery' ? -1 : b.id === 'software-delivery' ? 1 : 0,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim() === '' ? defaultTitle(template) : title;
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
        <label htmlFor={titleId}>{t('newMap.titleLabel')}</label>
        <input
          id={titleId}
          data-autofocus
          value={title}
          placeholder={defaultTitle(template)}
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
        <legend>{t('newMap.startFrom')}</legend>
        {choices.map(({ id }) => (
          <label key={id} className={`template-choice${template === id ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name="template"
              value={id}
              checked={template === id}
              onChange={() => setTemplate(id)}
            />
            <span className="template-text">
              <span className="template-name">{t(`newMap.templates.${id}.name`)}</span>
              <span className="template-description">
                {t(`newMap.templates.${id}.description`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('newMap.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('newMap.creating') : t('newMap.create')}
        </button>
      </div>
    </form>
  );
}
