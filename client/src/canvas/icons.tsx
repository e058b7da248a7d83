// Small stroke icons for the canvas toolbar (24×24 grid, currentColor), drawn inline so they
// cost no request and scale with the text.
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="fm-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const icons = {
  stage: (
    <Icon>
      <rect x="3" y="4" width="18" height="9" rx="1" />
      <path d="M3 13v6h18v-6M12 13v6" />
    </Icon>
  ),
  start: (
    <Icon>
      <rect x="2" y="6" width="20" height="12" rx="6" />
      <path d="M10 9.5v5l4-2.5z" fill="currentColor" />
    </Icon>
  ),
  end: (
    <Icon>
      <path d="M3 21V10l5 3V10l5 3V4h4v17z" />
      <path d="M3 21h18" />
    </Icon>
  ),
  kaizen: (
    <Icon>
      <path d="M12 2l2 4.5 4.5-2-1.5 4.8L22 11l-4.6 2 2.1 4.5-4.8-1.1L12 21l-2.7-4.6-4.8 1.1 2.1-4.5L2 11l5-1.7-1.5-4.8 4.5 2z" />
    </Icon>
  ),
  note: (
    <Icon>
      <path d="M4 4h16v11l-5 5H4z" />
      <path d="M15 20v-5h5" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 010 11H11" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 000 11H13" />
    </Icon>
  ),
  layout: (
    <Icon>
      <rect x="2" y="9" width="5" height="6" rx="1" />
      <rect x="10" y="9" width="5" height="6" rx="1" />
      <rect x="18" y="9" width="4" height="6" rx="1" />
      <path d="M7 12h3M15 12h3" />
    </Icon>
  ),
  fit: (
    <Icon>
      <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    </Icon>
  ),
  zoomIn: (
    <Icon>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.3-4.3M11 8v6M8 11h6" />
    </Icon>
  ),
  zoomOut: (
    <Icon>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.3-4.3M8 11h6" />
    </Icon>
  ),
  help: (
    <Icon>
      <rect x="2" y="6" width="20" height="13" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 15h10" />
    </Icon>
  ),
} as const;
