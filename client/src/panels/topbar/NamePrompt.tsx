// First visit: ask for the name others will see next to your cursor, and a colour. Reopened from
// your own avatar in the presence bar to change either.
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESENCE_COLOURS, saveDisplayName, savedDisplayName } from '../../sync/presence.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { Avatar } from '../../ui/Avatar.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { NAME_MAX_LENGTH, validateDisplayName } from './displayName.ts';
import { closeNamePrompt, rememberMe, useMe } from './meStore.ts';
import './presence.css';

export function NamePrompt() {
  const { t } = useTranslation('topbar');
  const open = useMe((s) => s.namePromptOpen);
  const [firstVisit] = useState(() => savedDisplayName() === null);

  useEffect(() => {
    if (firstVisit) useMe.setState({ namePromptOpen: true });
  }, [firstVisit]);

  const hasName = useMe((s) => s.me.name !== null);
  return (
    <Dialog
      open={open}
      title={hasName ? t('namePrompt.titleChange') : t('namePrompt.titleWelcome')}
      // The first time, a name is needed before anyone can tell who is who.
      onClose={hasName ? closeNamePrompt : undefined}
      className="name-dialog"
      description={hasName ? undefined : <p>{t('namePrompt.welcome')}</p>}
    >
      {open && <NameForm />}
    </Dialog>
  );
}

function NameForm() {
  const { t } = useTranslation(['topbar', 'common']);
  const session = useSession();
  const me = useMe((s) => s.me);
  const [name, setName] = useState(me.name ?? '');
  const [colour, setColour] = useState(me.colour);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = validateDisplayName(name);
    if (!check.ok) {
      setError(check.error);
      return;
    }
    saveDisplayName(check.name);
    rememberMe({ name: check.name, colour });
    session.setUser(check.name, colour);
  };

  return (
    <form className="name-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={inputId}>{t('namePrompt.name')}</label>
        <div className="name-input-row">
          <Avatar name={name.trim() || '?'} colour={colour} size={36} />
          <input
            id={inputId}
            data-autofocus
            value={name}
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH + 20}
            placeholder={t('namePrompt.nameExample')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
        </div>
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <fieldset className="swatches">
        <legend>{t('namePrompt.colour')}</legend>
        <div className="swatch-row">
          {PRESENCE_COLOURS.map((c, i) => (
            <label key={c} className="swatch" title={colourName(t, c, i)}>
              <input
                type="radio"
                name="colour"
                value={c}
                checked={colour === c}
                onChange={() => setColour(c)}
                aria-label={colourName(t, c, i)}
              />
              <span className="swatch-chip" style={{ background: c }} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="dialog-actions">
        {me.name !== null && (
          <button type="button" onClick={closeNamePrompt}>
            {t('common:cancel')}
          </button>
        )}
        <button type="submit" className="primary">
          {me.name === null ? t('namePrompt.join') : t('namePrompt.save')}
        </button>
      </div>
    </form>
  );
}

// In the order of PRESENCE_COLOURS; a screen reader says "Teal", not "#008080".
const COLOUR_NAMES = {
  '#e6194b': 'red',
  '#3cb44b': 'green',
  '#4363d8': 'blue',
  '#f58231': 'orange',
  '#911eb4': 'purple',
  '#008080': 'teal',
  '#f032e6': 'magenta',
  '#9a6324': 'brown',
  '#800000': 'maroon',
  '#000075': 'navy',
} as const;

function colourName(t: TFunction<['topbar', 'common']>, colour: string, index: number): string {
  const key = Object.hasOwn(COLOUR_NAMES, colour)
    ? COLOUR_NAMES[colour as keyof typeof COLOUR_NAMES]
    : null;
  return key ? t(`namePrompt.colours.${key}`) : t('namePrompt.colourN', { n: index + 1 });
}
