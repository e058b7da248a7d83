// What a first-time owner sees: what Flowmap is for and the one thing to do next.
import { ImportButton } from './ImportButton.tsx';

interface Props {
  onTemplate: () => void;
  onBlank: () => void;
  onImport: (file: File) => void;
  busy: boolean;
}

export function EmptyLibrary({ onTemplate, onBlank, onImport, busy }: Props) {
  return (
    <section className="library-empty" aria-labelledby="empty-title">
      <PipelineIllustration />
      <h2 id="empty-title">Map your first value stream</h2>
      <p>
        Start from the <strong>software delivery template</strong> — a change travelling from
        version control through tests, security review and change management to production, with
        sample times to replace by your team's numbers. Then copy the edit link and share it with
        everyone in the workshop.
      </p>
      <div className="library-empty-actions">
        <button type="button" className="primary big" onClick={onTemplate} disabled={busy}>
          {busy ? 'Creating…' : 'Start from the software delivery template'}
        </button>
        <button type="button" className="big" onClick={onBlank}>
          Blank map…
        </button>
      </div>
      <p className="library-empty-import">
        Have an exported map? <ImportButton onFile={onImport} />
      </p>
    </section>
  );
}

function PipelineIllustration() {
  const boxes = [0, 1, 2, 3];
  return (
    <svg width="260" height="72" viewBox="0 0 260 72" aria-hidden="true" className="empty-art">
      {boxes.map((i) => (
        <g key={i} transform={`translate(${i * 66} 8)`}>
          <rect width="48" height="30" rx="4" fill="#fff" stroke="#9db3ea" strokeWidth="1.5" />
          <rect x="6" y="8" width="26" height="4" rx="2" fill="#c8d5f5" />
          <rect x="6" y="17" width="18" height="4" rx="2" fill="#e1e8f9" />
          {i < 3 && (
            <path d="M50 23h12m-3-3 3 3-3 3" stroke="#9db3ea" strokeWidth="1.5" fill="none" />
          )}
        </g>
      ))}
      <path
        d="M2 56h44v10h22V56h44v10h22V56h44v10h22V56h44"
        fill="none"
        stroke="#f0a35e"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
