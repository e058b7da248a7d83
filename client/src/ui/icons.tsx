// Every icon in the app, drawn inline in currentColor so they cost no request and follow the text
// colour: the canvas toolbar's on a 24×24 grid, the small ones on buttons and menus on 16×16.
import type { ReactNode } from 'react';

function ToolIcon({ children }: { children: ReactNode }) {
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

/** The canvas toolbar: one per node type, then the editing and view actions. */
export const toolIcons = {
  stage: (
    <ToolIcon>
      <rect x="3" y="4" width="18" height="9" rx="1" />
      <path d="M3 13v6h18v-6M12 13v6" />
    </ToolIcon>
  ),
  start: (
    <ToolIcon>
      <rect x="2" y="6" width="20" height="12" rx="6" />
      <path d="M10 9.5v5l4-2.5z" fill="currentColor" />
    </ToolIcon>
  ),
  end: (
    <ToolIcon>
      <path d="M3 21V10l5 3V10l5 3V4h4v17z" />
      <path d="M3 21h18" />
    </ToolIcon>
  ),
  kaizen: (
    <ToolIcon>
      <path d="M12 2l2 4.5 4.5-2-1.5 4.8L22 11l-4.6 2 2.1 4.5-4.8-1.1L12 21l-2.7-4.6-4.8 1.1 2.1-4.5L2 11l5-1.7-1.5-4.8 4.5 2z" />
    </ToolIcon>
  ),
  note: (
    <ToolIcon>
      <path d="M4 4h16v11l-5 5H4z" />
      <path d="M15 20v-5h5" />
    </ToolIcon>
  ),
  /** A queue (the VSM inventory triangle) put on an arrow. */
  queue: (
    <ToolIcon>
      <path d="M2 20h4M18 20h4" />
      <path d="M12 5l6 15H6z" />
    </ToolIcon>
  ),
  undo: (
    <ToolIcon>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 010 11H11" />
    </ToolIcon>
  ),
  redo: (
    <ToolIcon>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 000 11H13" />
    </ToolIcon>
  ),
  layout: (
    <ToolIcon>
      <rect x="2" y="9" width="5" height="6" rx="1" />
      <rect x="10" y="9" width="5" height="6" rx="1" />
      <rect x="18" y="9" width="4" height="6" rx="1" />
      <path d="M7 12h3M15 12h3" />
    </ToolIcon>
  ),
  fit: (
    <ToolIcon>
      <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    </ToolIcon>
  ),
  zoomIn: (
    <ToolIcon>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.3-4.3M11 8v6M8 11h6" />
    </ToolIcon>
  ),
  zoomOut: (
    <ToolIcon>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.3-4.3M8 11h6" />
    </ToolIcon>
  ),
  help: (
    <ToolIcon>
      <rect x="2" y="6" width="20" height="13" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 15h10" />
    </ToolIcon>
  ),
} as const;

interface IconProps {
  /** A class for spacing in its button, e.g. `tab-icon`. */
  className?: string | undefined;
}

function SmallIcon({
  className,
  size = 14,
  children,
}: IconProps & { size?: number; children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className={className}>
      {children}
    </svg>
  );
}

/** "More actions" on a menu button. */
export function DotsIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className} size={16}>
      <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
    </SmallIcon>
  );
}

export function PlusIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </SmallIcon>
  );
}

export function PencilIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M11.3 2.3a1 1 0 0 1 1.4 0l1 1a1 1 0 0 1 0 1.4L6 12.4 3 13l.6-3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </SmallIcon>
  );
}

/** Two arrows, one each way: comparing two states. */
export function CompareIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M2 5h10m-3-3 3 3-3 3M14 11H4m3-3-3 3 3 3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SmallIcon>
  );
}

/** A camera: the map's snapshots. */
export function SnapshotIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M2.5 5.5h2l1.2-2h4.6l1.2 2h2v8h-11z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      <circle cx="8" cy="9.3" r="2.3" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </SmallIcon>
  );
}

export function DownloadIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SmallIcon>
  );
}

export function UploadIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M8 10.5V2.5m-3 3 3-3 3 3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SmallIcon>
  );
}

/** Watching someone: following a participant's view. */
export function EyeIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <circle cx="8" cy="8" r="2" fill="currentColor" />
    </SmallIcon>
  );
}

export function LinkIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9m1.6 3.6a3 3 0 0 0-4.2 0L3 9.8A3 3 0 0 0 7.2 14l.9-.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </SmallIcon>
  );
}

export function CheckIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className}>
      <path
        d="m3 8.5 3 3 7-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SmallIcon>
  );
}

/** A play triangle: where the flow starts. */
export function StartIcon({ className }: IconProps) {
  return (
    <SmallIcon className={className} size={16}>
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </SmallIcon>
  );
}
