import {
  useEffect,
  useId,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "react-i18next";

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** Describedby joins the ids of a control's hint and error. */
function describedBy(hintId: string, errorId: string, hint?: string, error?: string) {
  return [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: FieldProps & { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional">（{t("app.optional")}）</span>}
      </label>
      {hint && (
        <p className="field-hint" id={id + "-hint"}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={id + "-error"}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

/** TextField is a labelled input with its hint and the server's error for it. */
export function TextField({
  label,
  hint,
  error,
  optional,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id + "-hint", id + "-error", hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

/** TextArea is a labelled multi-line input. */
export function TextArea({
  label,
  hint,
  error,
  optional,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id + "-hint", id + "-error", hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

/** SelectField is a labelled select. */
export function SelectField({
  label,
  hint,
  error,
  optional,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id + "-hint", id + "-error", hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/**
 * CheckField is a labelled checkbox, large enough to tap (44 px), with its
 * hint and error.
 */
export function CheckField({
  label,
  hint,
  error,
  ...input
}: Omit<FieldProps, "optional"> & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const id = useId();
  return (
    <div className={error ? "check field-invalid" : "check"}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id + "-hint", id + "-error", hint, error)}
        {...input}
      />
      <div className="check-text">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p className="field-hint" id={id + "-hint"}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field-error" id={id + "-error"}>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** CheckGroup is a fieldset of checkboxes with its legend, hint and error. */
export function CheckGroup({
  legend,
  hint,
  error,
  optional,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className={error ? "check-group field-invalid" : "check-group"}
      aria-describedby={describedBy(id + "-hint", id + "-error", hint, error)}
    >
      <legend>
        {legend}
        {optional && <span className="field-optional">（{t("app.optional")}）</span>}
      </legend>
      {hint && (
        <p className="field-hint" id={id + "-hint"}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={id + "-error"}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** LoadMore is the button under a list that has another page. */
export function LoadMore({ onClick, loading, label }: { onClick: () => void; loading: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-block" disabled={loading} onClick={onClick}>
      {loading ? t("app.loading") : label ?? t("app.more")}
    </button>
  );
}

/** FormError shows an error about the whole form; it is announced. */
export function FormError({ message }: { message?: string }) {
  return (
    <div role="alert" className={message ? "alert alert-error" : "alert-slot"}>
      {message}
    </div>
  );
}

/** Notice shows a success or information message; it is announced politely. */
export function Notice({ message, kind = "ok" }: { message?: ReactNode; kind?: "ok" | "info" }) {
  return (
    <div role="status" className={message ? `alert alert-${kind}` : "alert-slot"}>
      {message}
    </div>
  );
}

/** Skeleton stands in for content that is loading, at its size. */
export function Skeleton({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" aria-busy="true" role="status" aria-label={label ?? t("app.loading")}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" />
      ))}
    </div>
  );
}

/** CardSkeleton stands in for a list of cards. */
export function CardSkeleton({ count = 3 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <ul className="cards" aria-busy="true" aria-label={t("app.loading")}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="card card-skeleton">
          <div className="skeleton-line skeleton-title" />
          <div className="skeleton-line" />
        </li>
      ))}
    </ul>
  );
}

/** MiniListSkeleton stands in for a short list on the community home. */
export function MiniListSkeleton({ count = 3 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <ul className="mini-list" aria-busy="true" aria-label={t("app.loading")}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="mini-skeleton">
          <div className="skeleton-line skeleton-title" />
          <div className="skeleton-line" />
        </li>
      ))}
    </ul>
  );
}

/** EmptyState says that a list has nothing, and what would go there. */
export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {hint && <p className="empty-hint">{hint}</p>}
      {children}
    </div>
  );
}

let firstPage = true;

/**
 * Page sets the document title and the page's heading. After a client-side
 * navigation it moves focus to the heading, so screen readers announce the
 * new page.
 */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    h1.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className={wide ? "page page-wide" : "page"}>
      <h1 ref={h1} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

/** formatDateTime shows an instant in the community's zone. */
export function formatDateTime(iso: string, lang: string, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}

/** formatTime shows the time of day of an instant in the community's zone, 08:05. */
export function formatTime(iso: string, lang: string, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));
}

/** formatDate shows the calendar date of an instant in the community's zone. */
export function formatDate(iso: string, lang: string, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeZone }).format(
    new Date(iso),
  );
}
