import { useTranslation } from "react-i18next";
import { needStateTag, needStatus, spanText } from "../../lib/volunteer";
import type { NeedView } from "./NeedTypes";

/**
 * NeedHeader says where a need stands in one block: its state, 紧急 and
 * 每周 tags, then a line in the colour that means it: waiting for
 * approval, how many of the next occurrence's places are taken (已认领
 * 1/3 人，还差 2 人), in progress, done, or why it was rejected or
 * cancelled.
 */
export function NeedHeader({ need, now, zone }: { need: NeedView; now: Date; zone: string }) {
  const { t, i18n } = useTranslation();
  const s = needStatus(need, need.occurrences, now);
  const when = s.next && need.occurrences.length > 1 ? spanText(s.next.start, s.next.end, i18n.language, zone) : "";
  return (
    <section className={`status-header status-${s.tone}`} aria-label={t("volunteer.need.statusLabel")}>
      <p className="tags">
        <span className={needStateTag(need.state)}>{t(`volunteer.needStates.${need.state}`)}</span>
        {need.urgency === "URGENT" && <span className="tag tag-warn">{t("volunteer.urgent")}</span>}
        {need.weekly && <span className="tag">{t("volunteer.weeklyTag", { count: need.occurrenceCount })}</span>}
        {need.sensitive && <span className="tag">{t("volunteer.sensitiveTag")}</span>}
      </p>
      <p className="status-line">
        <span>
          {when && <>{t("volunteer.status.nextAt", { when })} </>}
          {t(`volunteer.status.${s.key}`, { filled: s.filled, slots: s.slots, missing: s.missing })}
        </span>
      </p>
      {need.reason && (need.state === "REJECTED" || need.state === "CANCELLED") && (
        <p>{t(need.state === "REJECTED" ? "volunteer.status.rejectReason" : "volunteer.status.cancelReason", { reason: need.reason })}</p>
      )}
    </section>
  );
}
