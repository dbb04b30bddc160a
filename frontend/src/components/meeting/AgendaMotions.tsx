import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { MotionCard } from "./MotionCard";
import { OpenMotionForm } from "./OpenMotionForm";

/** AgendaMotionsFields are a topic on the agenda and the motions put on it. */
export const AgendaMotionsFields = graphql(`
  fragment AgendaMotionsFields on Topic {
    id
    title
    motions {
      id
      ...MotionFields
    }
  }
`);

/** AgendaMotions is the section of a meeting on the motions of one topic of its agenda; the committee opens new ones here until the meeting ends. */
export function AgendaMotions({
  topic: tp,
  ended,
  onChanged,
}: {
  topic: ResultOf<typeof AgendaMotionsFields>;
  ended: boolean;
  onChanged: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const { can } = useCommunity();
  return (
    <section className="panel" aria-labelledby={`motions-${tp.id}`}>
      <h2 id={`motions-${tp.id}`}>{t("motion.sectionTitle", { title: tp.title })}</h2>
      {tp.motions.length === 0 && <p className="muted">{t("motion.none")}</p>}
      <ul className="cards">
        {tp.motions.map((mo) => (
          <li key={mo.id} className="card">
            <MotionCard motion={mo} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      {can.committee && !ended && <OpenMotionForm topicId={tp.id} onOpened={onChanged} />}
    </section>
  );
}
