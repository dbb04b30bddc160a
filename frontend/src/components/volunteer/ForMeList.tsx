import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VolunteerHomeQuery } from "../../gql/graphql";
import { pointsText, scoreText, skillNames, sortFactors, spanText } from "../../lib/volunteer";

/** Match is one need recommended to the viewer, as the hub loads it. */
export type Match = NonNullable<VolunteerHomeQuery["community"]>["needsForMe"][number];

/**
 * ForMeList is 适合我的需求: the open occurrences of the next two weeks the
 * viewer may take, best first, each a card with its time, place, skills
 * and score, and a fold "为什么推荐我" that lists each reason with its
 * points out of the most, the strongest first.
 */
export function ForMeList({
  matches,
  skills,
  communityId,
  zone,
}: {
  matches: readonly Match[];
  skills: readonly { code: string; name: string }[];
  communityId: string;
  zone: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="cards forme-list">
      {matches.map((m) => {
        const filled = Math.max(0, m.occurrence.slots - m.occurrence.openSlots);
        return (
          <li key={m.occurrence.id} className="card forme-card">
            <div className="forme-head">
              <Link className="title-link card-title" to={`/c/${communityId}/needs/${m.need.id}`}>
                {m.need.title}
              </Link>
              <span className="score" aria-label={t("volunteer.score", { score: scoreText(m.score) })}>
                {t("volunteer.scoreShort", { score: scoreText(m.score) })}
              </span>
            </div>
            <p className="task-when">{spanText(m.occurrence.start, m.occurrence.end, i18n.language, zone)}</p>
            <p className="muted">
              {m.need.microGrid.name} · {skillNames(m.need.required, skills).join(t("app.listSep"))}
            </p>
            <p className="tags">
              {m.need.urgency === "URGENT" && <span className="tag tag-warn">{t("volunteer.urgent")}</span>}
              <span className="tag">{t("volunteer.occ.filled", { filled, slots: m.occurrence.slots })}</span>
            </p>
            <details className="disclosure why">
              <summary>{t("volunteer.hub.why")}</summary>
              <ul className="factor-list">
                {sortFactors(m.factors).map((f) => (
                  <li key={f.key}>
                    <span className="factor-name">{t(`volunteer.factors.${f.key}`, { defaultValue: f.key })}</span>
                    <span className="factor-detail">{f.detail}</span>
                    <span className="factor-points">{t("volunteer.points", { points: pointsText(f.points), max: pointsText(f.max) })}</span>
                  </li>
                ))}
              </ul>
            </details>
            <p>
              <Link
                className="btn btn-primary btn-block"
                to={`/c/${communityId}/needs/${m.need.id}`}
                aria-label={t("app.labelFor", { action: t("volunteer.hub.open"), name: m.need.title })}
              >
                {t("volunteer.hub.open")}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
