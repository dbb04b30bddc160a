import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PanelStep as Step } from "../../lib/deliberation";

const STATUS_TAG: Record<Step["status"], string> = {
  done: "tag tag-ok",
  current: "tag tag-warn",
  todo: "tag",
  skipped: "tag tag-muted",
};

/**
 * PanelStep is one numbered step of building a panel: its title, where it
 * stands (done, current, not yet, not needed), why it cannot be done yet
 * when it cannot, and what the step shows or asks (children).
 */
export function PanelStep({ n, step, reason, children }: { n: number; step: Step; reason?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = `step-${step.key}`;
  return (
    <li className={`step step-${step.status}`} aria-labelledby={`${id}-h`} aria-current={step.status === "current" ? "step" : undefined}>
      <div className="step-head">
        <span className="step-n" aria-hidden="true">
          {n}
        </span>
        <h3 id={`${id}-h`}>{t(`panel.steps.${step.key}`)}</h3>
        <span className={STATUS_TAG[step.status]}>{t(`panel.steps.status.${step.status}`)}</span>
      </div>
      {reason && (
        <p className="step-reason" id={`${id}-why`}>
          {reason}
        </p>
      )}
      {children}
    </li>
  );
}
