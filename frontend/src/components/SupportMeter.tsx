import { useTranslation } from "react-i18next";
import { supportProgress } from "../lib/topics";

/** SupportMeter shows supports against the threshold, as words and a bar. */
export function SupportMeter({ count, threshold, detail }: { count: number; threshold: number; detail?: boolean }) {
  const { t } = useTranslation();
  const p = supportProgress(count, threshold);
  return (
    <div className="meter">
      <p className="meter-label">
        <span className="meter-count">{t("topics.supports", { n: count, threshold })}</span>
        {detail && (
          <span className="muted small">
            {p.reached ? t("topics.reached") : t("topics.remaining", { count: p.remaining })}
          </span>
        )}
      </p>
      <progress
        max={Math.max(threshold, 1)}
        value={Math.min(count, Math.max(threshold, 1))}
        aria-label={t("topics.supportProgress")}
        aria-valuetext={t("topics.supportValue", { n: count, threshold })}
      />
    </div>
  );
}
