import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { MeetingLine } from "./MeetingLine";
import { EmptyState, Skeleton } from "./ui";

export const UpcomingMeetingsQuery = graphql(`
  query UpcomingMeetings($id: ID!) {
    community(id: $id) {
      id
      meetings(upcoming: true) {
        id
        kind
        title
        startsAt
        place
      }
    }
  }
`);

/** UpcomingMeetings is the community home's list of meetings to come. */
export function UpcomingMeetings({ communityId, zone }: { communityId: string; zone: string }) {
  const { t } = useTranslation();
  const { can } = useCommunity();
  const [res] = useQuery({ query: UpcomingMeetingsQuery, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const meetings = res.data?.community?.meetings;
  return (
    <>
      {!meetings ? (
        <Skeleton lines={2} />
      ) : meetings.length === 0 ? (
        <EmptyState title={t("home.sections.meetingsEmpty")} hint={t("home.sections.meetingsHint")} />
      ) : (
        <ul className="link-list" aria-label={t("home.sections.meetings")}>
          {meetings.map((m) => (
            <MeetingLine key={m.id} meeting={m} communityId={communityId} zone={zone} />
          ))}
        </ul>
      )}
      {can.committee && (
        <p>
          <Link className="btn" to={`/c/${communityId}/meetings/new`}>
            {t("meeting.schedule")}
          </Link>
        </p>
      )}
    </>
  );
}
