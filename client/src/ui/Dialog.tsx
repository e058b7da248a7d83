// A modal on the native <dialog>: the browser traps focus, makes the page inert and handles Escape.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './dialog.css';

interface DialogProps {
  open: boolean;
  title: string;
  /** Escape, the backdrop and close buttons call this; without it the dialog cannot be dismissed. */
  onClose?: (() => void) | undefined;
  children: ReactNode;
  className?: string | undefined;
  description?: ReactNode | undefined;
}

export function Dialog({ open, title, onClose, children, className, description }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React does not render `autoFocus` as an attribute, so showModal cannot find it.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose?.();
      }}
      onMouseDown={(event) => {
        // A press on the backdrop lands on the <dialog> itself, outside its padding box.
        if (event.target !== ref.current || !onClose) return;
        const box = ref.current.getBoundingClientRect();
        const inside =
          event.clientX >= box.left &&
          event.clientX <= box.right &&
          event.clientY >= box.top &&
          event.clientY <= box.bottom;
        if (!inside) onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="dialog-description">
              {description}
            </div>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean | undefined;
  error?: string | null | undefined;
}

/** A destructive action's confirmation; Cancel has the focus so Enter alone changes nothing. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  error = null,
}: ConfirmProps) {
  const { t } = useTranslation('common');
  return (
    <Dialog open={open} title={title} onClose={onCancel} description={message}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          {t('cancel')}
        </button>
        <button type="button" className="danger-solid" onClick={onConfirm} disabled={busy}>
          {busy ? t('deleting') : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
