import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { formatDateTime } from "../ui";

/** MeetingHeaderFields are what is said of a meeting under its title: kind, its phase, when, where, and who chairs. */
export const MeetingHeaderFields = graphql(`
  fragment MeetingHeaderFields on Meeting {
    kind
    phase
    startsAt
    place
    chair {
      id
      name
    }
  }
`);

/** MeetingHeader is the line of tags and the details under a meeting's title. */
export function MeetingHeader({ meeting: m }: { meeting: ResultOf<typeof MeetingHeaderFields> }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  return (
    <>
      <p className="tags">
        <span className="tag">{t(`meeting.kinds.${m.kind}`)}</span>
        <span className={m.phase === "ENDED" ? "tag" : m.phase === "CHECK_IN" ? "tag tag-info" : "tag tag-ok"}>{t(`meeting.phases.${m.phase}`)}</span>
      </p>
      <p className="muted meta">
        <span>{formatDateTime(m.startsAt, i18n.language, community.settings.timeZone)}</span>
        {m.place && <span>{m.place}</span>}
        {m.chair && <span>{t("meeting.chair", { name: m.chair.name })}</span>}
      </p>
    </>
  );
}
