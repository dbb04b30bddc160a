import { useTranslation } from "react-i18next";
import { formatDate } from "../ui";
import { skillNames, spanText } from "../../lib/volunteer";
import type { NeedView, SkillView } from "./NeedTypes";

/**
 * NeedDetails is what a need asks for: when (on the community's clock),
 * where (the micro-grid; the exact address only to those the server shows
 * it to), which skills, how many hands, for whom and by whom.
 */
export function NeedDetails({ need, skills, zone }: { need: NeedView; skills: readonly SkillView[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const sep = t("app.listSep");
  const required = skillNames(need.required, skills).join(sep);
  const preferred = skillNames(need.preferred, skills).join(sep);
  return (
    <section className="panel need-details" aria-labelledby="need-details-h">
      <h2 id="need-details-h">{t("volunteer.need.details")}</h2>
      {need.description && <p className="prewrap">{need.description}</p>}
      <dl className="facts">
        <dt>{t("volunteer.need.when")}</dt>
        <dd>
          {spanText(need.start, need.end, i18n.language, zone)}
          {need.weekly && <span className="muted small"> {t("volunteer.need.weeklyTimes", { count: need.occurrenceCount })}</span>}
        </dd>
        <dt>{t("volunteer.need.where")}</dt>
        <dd>
          {need.grid.name} · {need.microGrid.name}
        </dd>
        <dt>{t("volunteer.need.address")}</dt>
        <dd>{need.address ? need.address : <span className="muted">{t("volunteer.need.addressHidden")}</span>}</dd>
        <dt>{t("volunteer.need.required")}</dt>
        <dd>{required || t("volunteer.none")}</dd>
        {preferred && (
          <>
            <dt>{t("volunteer.need.preferred")}</dt>
            <dd>{preferred}</dd>
          </>
        )}
        <dt>{t("volunteer.need.slots")}</dt>
        <dd>{t("volunteer.need.slotsValue", { count: need.slots })}</dd>
        {need.helped && need.helped.id !== need.postedBy.id && (
          <>
            <dt>{t("volunteer.need.helped")}</dt>
            <dd>{need.helped.name}</dd>
          </>
        )}
        {need.family && need.state === "PENDING" && (
          <>
            <dt>{t("volunteer.need.helped")}</dt>
            <dd>{t("volunteer.need.familyPending", { family: need.family })}</dd>
          </>
        )}
        <dt>{t("volunteer.need.postedBy")}</dt>
        <dd>
          {t(`volunteer.sources.${need.source}`, { name: need.postedBy.name })}
          <span className="muted small"> {formatDate(need.createdAt, i18n.language, zone)}</span>
        </dd>
        {need.payWithCredit && (
          <>
            <dt>{t("volunteer.need.pay")}</dt>
            <dd>{t("volunteer.need.payWithCredit", { name: need.postedBy.name })}</dd>
          </>
        )}
      </dl>
      {need.sensitive && <p className="muted small">{t("volunteer.need.sensitiveHint")}</p>}
    </section>
  );
}
