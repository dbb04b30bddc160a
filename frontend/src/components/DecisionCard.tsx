import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A Choice is one option of a decision: its value, its words and an icon. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  icon: string;
  tone: "success" | "danger" | "neutral";
}

/**
 * DecisionCard asks for one decision: the choices stacked full width, each
 * with an icon and its words, then a confirmation step that repeats the
 * choice before it is sent. The current choice, if any, is marked and may
 * be changed while the decision is open.
 */
export function DecisionCard<T extends string>({
  legend,
  rule,
  choices,
  current,
  confirmText,
  busy,
  onDecide,
}: {
  legend: string;
  rule?: string;
  choices: Choice<T>[];
  current?: T | null;
  confirmText: (label: string) => string;
  busy?: boolean;
  onDecide: (value: T) => Promise<unknown> | void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Choice<T> | null>(null);
  if (picked) {
    return (
      <div className="decision-card decision-confirm" role="group" aria-label={legend}>
        <p className="decision-question">{confirmText(picked.label)}</p>
        <div className="decision-confirm-actions">
          <button type="button" className="btn" onClick={() => setPicked(null)}>
            {t("app.back")}
          </button>
          <button
            type="button"
            className={`btn decision-${picked.tone} btn-strong`}
            disabled={busy}
            onClick={async () => {
              await onDecide(picked.value);
              setPicked(null);
            }}
          >
            {t("decision.confirm", { label: picked.label })}
          </button>
        </div>
      </div>
    );
  }
  return (
    <fieldset className="decision-card">
      <legend>{legend}</legend>
      {rule && <p className="decision-rule muted small">{rule}</p>}
      <div className="decision-choices">
        {choices.map((c) => (
          <button
            key={c.value}
            type="button"
            className={`decision-choice decision-${c.tone}`}
            aria-pressed={current === c.value}
            disabled={busy}
            onClick={() => setPicked(c)}
          >
            <span className="decision-icon" aria-hidden="true">
              {c.icon}
            </span>
            <span className="decision-label">{c.label}</span>
            {current === c.value && <span className="decision-current">{t("decision.current")}</span>}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
