import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MotionVoters } from "./MotionVoters";

/** TopicMotions lists the motions put on a topic, open or closed with their result, who voted, and the resolution each one led to. */
export function TopicMotions({
  motions,
  communityId,
}: {
  motions: {
    id: string;
    text: string;
    closed: boolean;
    result?: { passed: boolean } | null;
    resolution?: { id: string; stage: string } | null;
    voters: { party?: string | null; user: { id: string; name: string } }[];
  }[];
  communityId: string;
}) {
  const { t } = useTranslation();
  if (motions.length === 0) return null;
  return (
    <div className="topic-motions">
      <h3 id="motions-h">{t("motion.listTitle")}</h3>
      <ul className="cards" aria-labelledby="motions-h">
        {motions.map((m) => (
          <li key={m.id} className="card">
            <p>{m.text}</p>
            <p className="tags">
              <span className={m.closed ? "tag" : "tag tag-info"}>{m.closed ? t("motion.closed") : t("motion.open")}</span>
              {m.closed && m.result && (
                <span className={m.result.passed ? "tag tag-ok" : "tag tag-error"}>{m.result.passed ? t("motion.passed") : t("motion.failed")}</span>
              )}
            </p>
            <MotionVoters voters={m.voters} />
            {m.resolution && (
              <Link className="btn" to={`/c/${communityId}/resolutions/${m.resolution.id}`}>
                {t("resolution.open")}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
