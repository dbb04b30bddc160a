import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * ConfirmSheet guards an irreversible action: the trigger opens a sheet
 * that states the consequence (with the live numbers the caller puts in
 * it), a danger-styled button that does it, and one that goes back. Focus
 * moves into the sheet and back to the trigger when it closes. A short
 * trigger ("撤销") can carry a fuller accessible name (triggerLabel).
 */
export function ConfirmSheet({
  trigger,
  triggerLabel,
  title,
  consequence,
  confirm,
  onConfirm,
  disabled,
  triggerClass = "btn",
}: {
  trigger: string;
  triggerLabel?: string;
  title: string;
  consequence: ReactNode;
  confirm: string;
  onConfirm: () => Promise<unknown> | void;
  disabled?: boolean;
  triggerClass?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const sheet = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) sheet.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <>
      <button ref={opener} type="button" className={triggerClass} disabled={disabled} aria-label={triggerLabel} aria-expanded={open} onClick={() => setOpen(true)}>
        {trigger}
      </button>
      {open && (
        <div
          ref={sheet}
          className="confirm-sheet"
          role="alertdialog"
          aria-labelledby={`${id}-t`}
          aria-describedby={`${id}-c`}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
        >
          <p className="confirm-title" id={`${id}-t`}>
            {title}
          </p>
          <div className="confirm-consequence" id={`${id}-c`}>
            {consequence}
          </div>
          <div className="confirm-actions">
            <button type="button" className="btn" onClick={close}>
              {t("app.back")}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                } finally {
                  setBusy(false);
                  setOpen(false);
                }
              }}
            >
              {confirm}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
