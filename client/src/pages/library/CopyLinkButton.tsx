// Copies a map link; says "Copied" for a moment, or hands the link to the page to show in a
// selectable field when the clipboard is not available.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, LinkIcon } from '../../ui/icons.tsx';
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
  const { t } = useTranslation('library');

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      className={`copy-button${copied ? ' is-copied' : ''}`}
      aria-label={copied ? t('copy.copiedLabel', { label: ariaLabel }) : ariaLabel}
      disabled={link === null}
      onClick={async () => {
        if (!link) return;
        if (await copyText(link)) setCopied(true);
        else onFallback(link);
      }}
    >
      {copied ? (
        <>
          <CheckIcon /> {t('copy.copied')}
        </>
      ) : (
        <>
          <LinkIcon /> {label}
        </>
      )}
    </button>
  );
}
