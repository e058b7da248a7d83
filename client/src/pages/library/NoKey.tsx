// The library without an (accepted) owner key: explain where the key comes from.
import { Mark } from '../../panels/chrome/Mark.tsx';

export function NoKey({ rejected, onForget }: { rejected: boolean; onForget: () => void }) {
  return (
    <section className="library-nokey" aria-labelledby="nokey-title">
      <Mark size={40} />
      <h1 id="nokey-title">
        {rejected ? 'This owner key was not accepted' : 'Your maps need your owner key'}
      </h1>
      {rejected ? (
        <p>
          The key saved in this browser does not match this server — it may have been set up again
          with a new key. Open the link printed by the server when it started — it contains your
          owner key.
        </p>
      ) : (
        <p>
          This page lists and manages the maps on this Flowmap server. Open the link printed by the
          server when it started — it contains your owner key.
        </p>
      )}
      <p className="library-nokey-example">
        It looks like <code>{window.location.origin}/#key=…</code>
      </p>
      <p className="library-nokey-hint">
        Joining a workshop? You do not need a key: open the map link the facilitator shared.
      </p>
      {rejected && (
        <button type="button" onClick={onForget}>
          Forget key
        </button>
      )}
    </section>
  );
}
