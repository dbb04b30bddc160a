import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { EmptyState, FormError, Page, Skeleton } from "../components/ui";
import { ForMeList } from "../components/volunteer/ForMeList";
import { MyTasks } from "../components/volunteer/MyTasks";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { needStateTag, spanText } from "../lib/volunteer";

const VolunteerHomeQueryDoc = graphql(`
  query VolunteerHome($id: ID!) {
    community(id: $id) {
      id
      myVolunteerProfile {
        id
        state
        team {
          id
          name
        }
      }
      volunteerSkills {
        code
        name
      }
      myVolunteerTasks {
        id
        state
        slot
        start
        end
        need {
          id
          title
          address
          microGrid {
            id
            name
          }
        }
      }
      needsForMe {
        score
        factors {
          key
          detail
          points
          max
        }
        occurrence {
          id
          index
          start
          end
          slots
          openSlots
        }
        need {
          id
          title
          urgency
          required
          microGrid {
            id
            name
          }
        }
      }
      needs(mine: true, first: 10) {
        nodes {
          id
          title
          state
          start
          end
        }
      }
    }
  }
`);

/**
 * VolunteerHomePage is /c/:cid/volunteer (志愿服务), for members. One who
 * is not a volunteer reads what it is and 报名当志愿者; one who signed up
 * reads that it waits for confirmation. A volunteer sees 我的任务 first,
 * then 适合我的需求 with why each was recommended. Tiles lead to 我的时长,
 * 我的资料 and 发布需求, and the needs the viewer posted are listed last.
 */
export function VolunteerHomePage() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [res] = useQuery({ query: VolunteerHomeQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const c = res.data?.community;
  const zone = community.settings.timeZone;
  const base = `/c/${community.id}/volunteer`;
  if (!c) {
    return (
      <Page title={t("volunteer.hub.title")}>
        <FormError message={err} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  const profile = c.myVolunteerProfile;
  const state = profile?.state ?? null;
  const volunteer = state === "ACTIVE" || state === "PAUSED";
  return (
    <Page title={t("volunteer.hub.title")}>
      <FormError message={err} />
      {(state === null || state === "LEFT") && (
        <section className="panel volunteer-join" aria-labelledby="vol-join-h">
          <h2 id="vol-join-h">{t("volunteer.hub.joinTitle")}</h2>
          <p>{t("volunteer.hub.joinIntro")}</p>
          <ul className="plain-list join-points">
            <li>{t("volunteer.hub.joinPoint1")}</li>
            <li>{t("volunteer.hub.joinPoint2")}</li>
            <li>{t("volunteer.hub.joinPoint3")}</li>
          </ul>
          <Link className="btn btn-primary btn-block" to={`${base}/profile`}>
            {state === "LEFT" ? t("volunteer.hub.rejoin") : t("volunteer.hub.join")}
          </Link>
        </section>
      )}
      {state === "PENDING" && (
        <section className="status-header status-warning" aria-label={t("volunteer.hub.stateLabel")}>
          <p className="status-line">
            <span>{t("volunteer.hub.pending")}</span>
          </p>
          <p>{profile?.team ? t("volunteer.hub.pendingTeam", { team: profile.team.name }) : t("volunteer.hub.pendingCommittee")}</p>
        </section>
      )}
      {state === "PAUSED" && (
        <section className="status-header" aria-label={t("volunteer.hub.stateLabel")}>
          <p className="status-line">
            <span>{t("volunteer.hub.paused")}</span>
            <Link className="status-go" to={`${base}/profile`}>
              {t("volunteer.hub.resume")} →
            </Link>
          </p>
        </section>
      )}
      {state === "ACTIVE" && profile?.team && <p className="lead">{t("volunteer.hub.inTeam", { team: profile.team.name })}</p>}

      <nav className="action-tiles" aria-label={t("volunteer.hub.actions")}>
        {(volunteer || state === "LEFT") && (
          <Link className="action-tile" to={`${base}/hours`}>
            <span aria-hidden="true">⏱</span> {t("volunteer.hub.hours")}
          </Link>
        )}
        {state !== null && state !== "LEFT" && (
          <Link className="action-tile" to={`${base}/profile`}>
            <span aria-hidden="true">🙋</span> {t("volunteer.hub.profile")}
          </Link>
        )}
        <Link className="action-tile" to={`/c/${community.id}/needs/new`}>
          <span aria-hidden="true">🤝</span> {t("volunteer.hub.post")}
        </Link>
      </nav>

      {c.myVolunteerTasks.length > 0 && (
        <section className="panel" aria-labelledby="vol-tasks-h">
          <h2 id="vol-tasks-h">{t("volunteer.hub.tasks")}</h2>
          <MyTasks tasks={c.myVolunteerTasks} communityId={community.id} zone={zone} />
        </section>
      )}

      {state === "ACTIVE" && (
        <section className="panel" aria-labelledby="vol-forme-h">
          <h2 id="vol-forme-h">{t("volunteer.hub.forMe")}</h2>
          {c.needsForMe.length === 0 ? (
            <EmptyState title={t("volunteer.hub.forMeEmpty")} hint={t("volunteer.hub.forMeHint")} />
          ) : (
            <ForMeList matches={c.needsForMe} skills={c.volunteerSkills} communityId={community.id} zone={zone} />
          )}
        </section>
      )}

      {c.needs.nodes.length > 0 && (
        <section className="panel" aria-labelledby="vol-mine-h">
          <h2 id="vol-mine-h">{t("volunteer.hub.myNeeds")}</h2>
          <ul className="link-list">
            {c.needs.nodes.map((n) => (
              <li key={n.id}>
                <Link to={`/c/${community.id}/needs/${n.id}`}>{n.title}</Link>
                <span className="muted small">{spanText(n.start, n.end, i18n.language, zone)}</span>
                <span className={needStateTag(n.state)}>{t(`volunteer.needStates.${n.state}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
