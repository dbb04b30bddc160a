import { useTranslation } from "react-i18next";

/** Progress is a labelled progress bar with its percentage, 0–100, neutral until done and green at 100; name, when given, is its accessible name in place of label. */
export function Progress({ value, label, name }: { value: number; label: string; name?: string }) {
  const { t } = useTranslation();
  return (
    <div className={value >= 100 ? "meter meter-done" : "meter"}>
      <p className="meter-label">
        <span>{label}</span>
        <span className="meter-count">{t("resolution.percent", { value })}</span>
      </p>
      <progress max={100} value={value} aria-label={name ?? label}>
        {value}%
      </progress>
    </div>
  );
}
