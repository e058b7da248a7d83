// Flowmap's mark, drawn inline: in the editor's title bar and on the library's pages.

/** Flowmap's mark: three steps joined by a flow arrow. */
export function Mark({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#2456d6" />
      <rect x="5" y="12" width="6" height="8" rx="1.5" fill="#fff" />
      <rect x="13" y="12" width="6" height="8" rx="1.5" fill="#fff" opacity="0.85" />
      <path
        d="M21 16h5m-2.2-2.6L26.4 16l-2.6 2.6"
        stroke="#fff"
        strokeWidth="2"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
