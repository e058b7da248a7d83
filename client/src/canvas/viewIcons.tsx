// The canvas's view icons (minimap, presentation, connect), drawn like ui/icons.tsx's tool icons.
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

export const viewIcons = {
  minimap: (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <rect x="12" y="12" width="7" height="6" rx="1" />
    </Icon>
  ),
  present: (
    <Icon>
      <rect x="3" y="3" width="18" height="13" rx="1" />
      <path d="M12 16v5M8 21h8" />
    </Icon>
  ),
  connect: (
    <Icon>
      <circle cx="5" cy="12" r="2.5" />
      <circle cx="19" cy="12" r="2.5" />
      <path d="M7.5 12h7M12 9l3 3-3 3" />
    </Icon>
  ),
};
