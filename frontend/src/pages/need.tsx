import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { NotFoundPage } from "../components/NotFound";
import { Tabs, useTab } from "../components/Tabs";
import { FormError, Notice, Page, Skeleton } from "../components/ui";
import { NeedCancel } from "../components/volunteer/NeedCancel";
import { NeedCheckIn } from "../components/volunteer/NeedCheckIn";
import { NeedClaimsTab } from "../components/volunteer/NeedClaimsTab";
import { useNeedClock } from "../components/volunteer/NeedClock";
import { NeedDecide } from "../components/volunteer/NeedDecide";
import { NeedDetails } from "../components/volunteer/NeedDetails";
import { NeedHeader } from "../components/volunteer/NeedHeader";
import { NeedMatchTab } from "../components/volunteer/NeedMatchTab";
import { NeedOccurrences } from "../components/volunteer/NeedOccurrences";
import { NeedQrTab } from "../components/volunteer/NeedQrTab";
import type { NeedView } from "../components/volunteer/NeedTypes";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { useViewer } from "../viewer";

export const NeedPageQueryDoc = graphql(`
  query NeedPage($id: ID!, $cid: ID!) {
    node(id: $id) {
      __typename
      ... on Need {
        id
        title
        description
        required
        preferred
        start
        end
        weekly
        occurrenceCount
        grid {
          id
          name
          community {
            id
          }
        }
        microGrid {
          id
          name
        }
        address
        addressHidden
        slots
        urgency
        sensitive
        payWithCredit
        family
        helped {
          id
          name
        }
        postedBy {
          id
          name
        }
        source
        state
        reason
        createdAt
        checkInCode
        occurrences {
          id
          index
          start
          end
          slots
          openSlots
          filled
          state
          urgent
          rating
          ratingNote
          claims {
            id
            slot
            state
            start
            end
            claimedAt
            checkedInAt
            checkedOutAt
            minutes
            dispute
            promoted
            volunteer {
              id
              name
            }
          }
          waitlist {
            position
            joinedAt
            volunteer {
              id
              name
            }
          }
        }
      }
    }
    community(id: $cid) {
      id
      myVolunteerProfile {
        id
        state
      }
      volunteerSkills {
        code
        name
        credentialed
      }
      volunteerTeams {
        id
        leaders {
          id
        }
      }
    }
  }
`);

type TabKey = "overview" | "claims" | "match" | "qr";

/**
 * NeedPage is /c/:cid/needs/:nid: a need (志愿需求) with a status header,
 * its details and occurrences with the viewer's own action on each (认领,
 * 候补, 取消认领, 签到, 签退), and for those who run it tabs for the claims
 * (代为签到, 未到, 确认时长, 申诉), the ranked candidates to invite and the
 * printable check-in QR code. The QR code's link (?code=) offers the
 * viewer's check-in first.
 */
export function NeedPage() {
  const { t } = useTranslation();
  const { nid = "" } = useParams();
  const location = useLocation();
  const [params] = useSearchParams();
  const { community, membership, can } = useCommunity();
  const { viewer } = useViewer();
  const now = useNeedClock();
  const [res, refetch] = useQuery({ query: NeedPageQueryDoc, variables: { id: nid, cid: community.id }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<string | undefined>(() =>
    (location.state as { notice?: string } | null)?.notice === "posted" ? t("volunteer.post.done") : undefined,
  );
  const node = res.data?.node;
  const need: NeedView | null = node?.__typename === "Need" ? node : null;
  const staff = !!need?.checkInCode;
  const c = res.data?.community;
  const me = viewer?.id ?? "";
  const coordinator = can.manager || !!c?.volunteerTeams.some((tm) => tm.leaders.some((l) => l.id === me));
  const worksHere = !!need && membership.workerGrids.some((g) => g.id === need.grid.id);
  // Volunteers' rankings (their records) are for coordinators and the grid's workers, not for the poster.
  const staffTabs: TabKey[] = coordinator || worksHere ? ["overview", "claims", "match", "qr"] : ["overview", "claims", "qr"];
  const tabs: TabKey[] = staff && need?.state !== "PENDING" && need?.state !== "REJECTED" ? staffTabs : ["overview"];
  const tab = useTab(tabs);
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  if (res.data && !need) return <NotFoundPage />;
  if (!need) {
    return (
      <Page title={t("volunteer.need.title")}>
        <FormError message={err} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  if (need.grid.community.id !== community.id) return <Navigate to={`/c/${need.grid.community.id}/needs/${need.id}`} replace />;
  const skills = c?.volunteerSkills ?? [];
  const zone = community.settings.timeZone;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const done = (msg: string) => {
    setNotice(msg);
    reload();
  };
  const code = params.get("code") ?? "";
  // Cancelling takes what has not begun: nothing once every occurrence is under way or over.
  const mayCancel =
    (need.state === "OPEN" || need.state === "PENDING") &&
    need.occurrences.some((o) => o.state === "OPEN") &&
    (need.postedBy.id === me || need.helped?.id === me || coordinator);
  return (
    <Page title={need.title} wide>
      <div className={tab === "qr" ? "no-print" : undefined}>
        <NeedHeader need={need} now={now} zone={zone} />
      </div>
      <Notice message={notice} />
      <FormError message={err} />
      {code && <NeedCheckIn need={need} viewerId={me} code={code} now={now} zone={zone} onDone={done} />}
      {tabs.length > 1 && (
        <div className={tab === "qr" ? "no-print" : undefined}>
          <Tabs label={t("volunteer.need.tabsLabel")} current={tab} items={tabs.map((k) => ({ key: k, label: t(`volunteer.need.tabs.${k}`) }))} />
        </div>
      )}
      {tab === "overview" && (
        <>
          <NeedDetails need={need} skills={skills} zone={zone} />
          {need.state === "PENDING" && (can.manager || worksHere) && <NeedDecide needId={need.id} onDone={done} />}
          <NeedOccurrences
            need={need}
            viewerId={me}
            volunteerState={c?.myVolunteerProfile?.state ?? null}
            code={code}
            now={now}
            zone={zone}
            onDone={done}
          />
          {mayCancel && <NeedCancel needId={need.id} claimed={need.occurrences.reduce((n, o) => n + o.claims.length, 0)} onDone={done} />}
        </>
      )}
      {tab === "claims" && <NeedClaimsTab need={need} coordinator={coordinator} checksFor={coordinator || worksHere} now={now} zone={zone} onDone={done} />}
      {tab === "match" && <NeedMatchTab need={need} now={now} zone={zone} onDone={done} />}
      {tab === "qr" && <NeedQrTab need={need} communityId={community.id} />}
      <p className="no-print">
        <Link to={`/c/${community.id}/volunteer`}>{t("volunteer.need.back")}</Link>
      </p>
    </Page>
  );
}
