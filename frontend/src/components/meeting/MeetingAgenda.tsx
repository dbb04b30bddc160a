import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";

/** MeetingAgendaFields are the topics on a meeting's agenda. */
export const MeetingAgendaFields = graphql(`
  fragment MeetingAgendaFields on Meeting {
    agenda {
      id
      title
    }
  }
`);

/** MeetingAgenda lists the topics on the agenda, each a link to its page. */
export function MeetingAgenda({ meeting }: { meeting: ResultOf<typeof MeetingAgendaFields> }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  return (
    <section className="panel" aria-labelledby="agenda-h">
      <h2 id="agenda-h">{t("meeting.agenda")}</h2>
      <ol className="link-list">
        {meeting.agenda.map((tp) => (
          <li key={tp.id}>
            <Link to={`/c/${community.id}/topics/${tp.id}`}>{tp.title}</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
