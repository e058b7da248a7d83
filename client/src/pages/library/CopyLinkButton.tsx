// Copies a map link; says "Copied" for a moment, or hands the link to the page to show in a
// selectable field when the clipboard is not available.
import { useEffect, useState } from 'react';
import { copyText } from './clipboard.ts';

interface Props {
  label: string;
  /** Full label for assistive technology, e.g. "Copy edit link of Payments". */
  ariaLabel: string;
  link: string | null;
  onFallback: (link: string) => void;
}

export function CopyLinkButton({ label, ariaLabel, link, onFallback }: Props) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      className={`copy-button${copied ? ' is-copied' : ''}`}
      aria-label={copied ? `${ariaLabel}: copied` : ariaLabel}
      disabled={link === null}
      onClick={async () => {
        if (!link) return;
        if (await copyText(link)) setCopied(true);
        else onFallback(link);
      }}
    >
      {copied ? (
        <>
          <CheckIcon /> Copied
        </>
      ) : (
        <>
          <LinkIcon /> {label}
        </>
      )}
    </button>
  );
}

function LinkIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9m1.6 3.6a3 3 0 0 0-4.2 0L3 9.8A3 3 0 0 0 7.2 14l.9-.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="m3 8.5 3 3 7-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
