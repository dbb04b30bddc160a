import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CommunityKind, DisclosureKind, DisclosureState, DisclosureVersionType, PeriodStatus } from "../../gql/graphql";
import { formatDate } from "../ui";
import { KindTag, StatusTags } from "./Tags";
import { periodLabel } from "../../lib/disclosurePeriod";

/** HeaderFields are what the header of a disclosure page shows. */
export interface HeaderFields {
  id: string;
  kind: DisclosureKind;
  state: DisclosureState;
  status: PeriodStatus;
  due: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  readCount: number;
  hasDraft: boolean;
  period: { key: string };
  current: { type: DisclosureVersionType; number: number; reason: string | null };
  versions: { type: DisclosureVersionType; state: string }[];
}

/** tone is the header's colour: green on time, amber late, red a draft overdue, neutral otherwise. */
function tone(d: HeaderFields): string {
  if (d.state === "WITHDRAWN") return "status-header";
  if (d.state === "DRAFT") return d.status === "OVERDUE" || d.status === "MISSING" ? "status-header status-danger" : "status-header";
  return d.status === "ON_TIME" ? "status-header status-success" : "status-header status-warning";
}

/**
 * DisclosureHeader says where a disclosure stands in one block: its kind
 * and period, when it was published and whether on time, how often it was
 * corrected or that it was withdrawn (and why), and for its editors a
 * draft waiting to be published.
 */
export function DisclosureHeader({
  d,
  communityId,
  communityKind,
  zone,
  editor,
}: {
  d: HeaderFields;
  communityId: string;
  communityKind: CommunityKind;
  zone: string;
  editor: boolean;
}) {
  const { t, i18n } = useTranslation();
  const corrections = d.versions.filter((v) => v.type === "CORRECTION" && v.state === "PUBLISHED").length;
  const date = (iso: string) => formatDate(iso, i18n.language, zone);
  let line: string;
  if (d.state === "DRAFT") line = t("disclosure.header.draft", { date: periodLabel(d.due, i18n.language) });
  else if (d.state === "WITHDRAWN") line = t("disclosure.header.withdrawn", { date: date(d.publishedAt ?? "") });
  else if (d.status === "ON_TIME") line = t("disclosure.header.onTime", { date: date(d.firstPublishedAt ?? d.publishedAt ?? "") });
  else line = t("disclosure.header.late", { date: date(d.firstPublishedAt ?? d.publishedAt ?? ""), due: periodLabel(d.due, i18n.language) });
  return (
    <section className={tone(d)} aria-label={t("disclosure.header.label")}>
      <p className="tags">
        <KindTag kind={d.kind} community={communityKind} />
        <span className="tag">{periodLabel(d.period.key, i18n.language)}</span>
        <StatusTags d={d} />
      </p>
      <p className="status-line">
        <span>{line}</span>
        {editor && d.hasDraft && (
          <Link className="status-go" to={`/c/${communityId}/disclosures/${d.id}/edit`}>
            {t("disclosure.header.toDraft")} →
          </Link>
        )}
      </p>
      {d.state === "WITHDRAWN" && d.current.reason && <p>{t("disclosure.header.withdrawReason", { reason: d.current.reason })}</p>}
      {corrections > 0 && d.state === "PUBLISHED" && (
        <p>
          {t("disclosure.header.corrected", { count: corrections })}{" "}
          <Link to="?tab=versions">{t("disclosure.header.seeVersions")}</Link>
        </p>
      )}
      {d.state !== "DRAFT" && <p className="muted small">{t("disclosure.header.reads", { count: d.readCount })}</p>}
    </section>
  );
}
