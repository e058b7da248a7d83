// First visit: ask for the name others will see next to your cursor, and a colour. Reopened from
// your own avatar in the presence bar to change either.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSession } from '../app/SessionContext.tsx';
import { PRESENCE_COLOURS, saveDisplayName, savedDisplayName } from '../sync/presence.ts';
import { Avatar } from './chrome/Avatar.tsx';
import { closeNamePrompt, rememberMe, useChrome } from './chrome/chromeStore.ts';
import { Dialog } from './chrome/Dialog.tsx';
import { NAME_MAX_LENGTH, validateDisplayName } from './chrome/names.ts';
import './chrome/chrome.css';

export function NamePrompt() {
  const open = useChrome((s) => s.namePromptOpen);
  const [firstVisit] = useState(() => savedDisplayName() === null);

  useEffect(() => {
    if (firstVisit) useChrome.setState({ namePromptOpen: true });
  }, [firstVisit]);

  const hasName = useChrome((s) => s.me.name !== null);
  return (
    <Dialog
      open={open}
      title={hasName ? 'Your name and colour' : 'Welcome to the workshop'}
      // The first time, a name is needed before anyone can tell who is who.
      onClose={hasName ? closeNamePrompt : undefined}
      className="name-dialog"
      description={
        hasName ? undefined : (
          <p>Tell the others who you are. Your name shows next to your cursor and your edits.</p>
        )
      }
    >
      {open && <NameForm />}
    </Dialog>
  );
}

function NameForm() {
  const session = useSession();
  const me = useChrome((s) => s.me);
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
        <label htmlFor={inputId}>Your name</label>
        <div className="name-input-row">
          <Avatar name={name.trim() || '?'} colour={colour} size={36} />
          <input
            id={inputId}
            data-autofocus
            value={name}
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH + 20}
            placeholder="e.g. Ada Lovelace"
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
        <legend>Your colour</legend>
        <div className="swatch-row">
          {PRESENCE_COLOURS.map((c, i) => (
            <label key={c} className="swatch" title={colourName(c, i)}>
              <input
                type="radio"
                name="colour"
                value={c}
                checked={colour === c}
                onChange={() => setColour(c)}
                aria-label={colourName(c, i)}
              />
              <span className="swatch-chip" style={{ background: c }} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="dialog-actions">
        {me.name !== null && (
          <button type="button" onClick={closeNamePrompt}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          {me.name === null ? 'Join the map' : 'Save'}
        </button>
      </div>
    </form>
  );
}

// In the order of PRESENCE_COLOURS; a screen reader says "Teal", not "#008080".
const COLOUR_NAMES: Record<string, string> = {
  '#e6194b': 'Red',
  '#3cb44b': 'Green',
  '#4363d8': 'Blue',
  '#f58231': 'Orange',
  '#911eb4': 'Purple',
  '#008080': 'Teal',
  '#f032e6': 'Magenta',
  '#9a6324': 'Brown',
  '#800000': 'Maroon',
  '#000075': 'Navy',
};

function colourName(colour: string, index: number): string {
  return COLOUR_NAMES[colour] ?? `Colour ${index + 1}`;
}
