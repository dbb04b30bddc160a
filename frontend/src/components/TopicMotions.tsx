import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../gql";
import { MotionVoters } from "./MotionVoters";

/** TopicMotionsFields are the motions put on a topic: their text, state, result, who may vote, and the resolution. */
export const TopicMotionsFields = graphql(`
  fragment TopicMotionsFields on Topic {
    motions {
      id
      text
      closed
      result {
        passed
      }
      resolution {
        id
      }
      ...MotionVotersFields
    }
  }
`);

/** TopicMotions lists the motions put on a topic, open or closed with their result, who voted, and the resolution each one led to. */
export function TopicMotions({ topic, communityId }: { topic: ResultOf<typeof TopicMotionsFields>; communityId: string }) {
  const { t } = useTranslation();
  const motions = topic.motions;
  if (motions.length === 0) return null;
  return (
    <div className="topic-motions">
      <h2 id="motions-h">{t("motion.listTitle")}</h2>
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
