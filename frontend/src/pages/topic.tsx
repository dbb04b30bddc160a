import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { MeetingLine } from "../components/MeetingLine";
import { NotFoundPage } from "../components/NotFound";
import { PanelSection } from "../components/PanelSection";
import { SupportFor } from "../components/SupportFor";
import { SupportMeter } from "../components/SupportMeter";
import { Tabs, useTab } from "../components/Tabs";
import { TopicMotions } from "../components/TopicMotions";
import { SeatInvite } from "../components/panel/SeatInvite";
import { Comments, useNow } from "../components/topic/TopicComments";
import { TopicStatus } from "../components/topic/TopicStatus";
import { Timeline } from "../components/topic/TopicTimeline";
import { EmptyState, FormError, Notice, Page, Skeleton, formatDate, formatDateTime } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { bodyLabel, decidedBodyOf, stateTagClass, supportBlock, topicStatus, topicTabs } from "../lib/topics";
import { useViewer } from "../viewer";

const TopicQuery = graphql(`
  query Topic($id: ID!) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        title
        body
        category
        state
        source
        patrolReport {
          id
          place
          microGrid {
            id
            name
          }
        }
        supportCount
        threshold
        deadline
        createdAt
        commentCount
        viewerSupported
        decidedBody
        community {
          id
        }
        proposer {
          id
          name
        }
        witness
        recordedBy {
          id
          name
        }
        grids {
          id
          name
        }
        mergedInto {
          id
          title
        }
        meetings {
          id
          kind
          title
          startsAt
          place
          phase
        }
        panel {
          state
          ...SeatInviteFields
        }
        motions {
          id
          state
          myVote
          voters {
            user {
              id
            }
          }
          result {
            passed
          }
          resolution {
            id
          }
        }
        ...TopicMotionsFields
        timeline {
          kind
          note
          body
          otherTopic {
            id
          }
          at
          actor {
            id
            name
          }
        }
      }
    }
  }
`);

const SupportMutation = graphql(`
  mutation SupportTopic($input: SupportTopicInput!) {
    supportTopic(input: $input) {
      topic {
        id
        state
        supportCount
        viewerSupported
      }
    }
  }
`);

/**
 * TopicPage shows a topic to residents: a status header that says where it
 * stands and leads to its outcome or the next step (with the viewer's own
 * panel invitation right under it), then tabs: 概况 (what it is, its
 * supports and its public timeline), 讨论 (comments), and once taken up
 * 议事小组 (the panel, with its verification under 公开核验) and 表决 (its
 * meetings, motions and results). Staff tools are elsewhere: the committee
 * forms the panel on its own page (topics/:tid/panel).
 */
export function TopicPage() {
  const { t, i18n } = useTranslation();
  const { tid = "" } = useParams();
  const location = useLocation();
  const { community, can } = useCommunity();
  const { viewer } = useViewer();
  const now = useNow();
  const [res, refetch] = useQuery({ query: TopicQuery, variables: { id: tid }, requestPolicy: "cache-and-network" });
  const [sres, support] = useMutation(SupportMutation);
  const [notice, setNotice] = useState<string | undefined>(() =>
    (location.state as { notice?: string } | null)?.notice === "proposed" ? t("propose.done") : undefined,
  );
  const node = res.data?.node;
  const topic = node?.__typename === "Topic" ? node : null;
  const tab = useTab(topicTabs(topic?.state ?? "COLLECTING", !!topic?.panel));
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const supportErr = toFormErrors(sres.error, [], t("app.networkError"));
  if (res.data && !topic) return <NotFoundPage />;
  if (topic && topic.community.id !== community.id) {
    return <Navigate to={`/c/${topic.community.id}/topics/${topic.id}`} replace />;
  }
  const zone = community.settings.timeZone;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const done = (msg: string) => {
    setNotice(msg);
    reload();
  };

  if (!topic) {
    return (
      <Page title={t("topics.title")}>
        <FormError message={loadErr.form} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  const block = supportBlock(topic, now, can.resident);
  const accepted = decidedBodyOf(topic.decidedBody, topic.timeline);
  const grids = topic.grids.map((g) => g.name).join("、");
  const status = topicStatus(topic, viewer?.id, { screener: can.screener, committee: can.committee });
  const tabs = topicTabs(topic.state, !!topic.panel);
  return (
    <Page title={topic.title} wide>
      <p className="tags">
        <span className={stateTagClass(topic.state)}>{t(`topics.states.${topic.state}`)}</span>
        <span className="tag">{t(`topics.categories.${topic.category}`)}</span>
      </p>
      <TopicStatus status={status} communityId={community.id} topicId={topic.id}>
        {topic.panel && <SeatInvite topicId={topic.id} panel={topic.panel} onDone={done} />}
      </TopicStatus>
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      <Tabs label={t("topic.tabsLabel")} current={tab} items={tabs.map((k) => ({ key: k, label: t(`topic.tabs.${k}`) }))} />

      {tab === "overview" && (
        <div className="topic-layout">
          <p className="muted meta">
            <span>{topic.source === "COMMITTEE" ? t("topics.byCommittee") : t("topics.proposer", { name: topic.proposer.name })}</span>
            {topic.source === "PATROL" && (
              <span className="tag">
                {topic.patrolReport ? t("topics.fromPatrolAt", { place: `${topic.patrolReport.microGrid.name} · ${topic.patrolReport.place}` }) : t("topics.fromPatrol")}
              </span>
            )}
            {topic.recordedBy && (
              <span>
                {topic.witness
                  ? t("topics.recordedByWitness", { name: topic.recordedBy.name, witness: topic.witness })
                  : t("topics.recordedBy", { name: topic.recordedBy.name })}
              </span>
            )}
            <span>{t("topics.proposedAt", { date: formatDate(topic.createdAt, i18n.language, zone) })}</span>
            <span>{grids ? t("topics.grids", { grids }) : t("topics.noGrids")}</span>
          </p>
          <div className="topic-body">{topic.body || <span className="muted">{t("topic.noBody")}</span>}</div>

          <section className="panel topic-support" aria-labelledby="support-h">
            <h2 id="support-h">{t("topic.supportTitle")}</h2>
            <SupportMeter count={topic.supportCount} threshold={topic.threshold} detail />
            {topic.state === "COLLECTING" && <p>{t("topics.deadline", { date: formatDateTime(topic.deadline, i18n.language, zone) })}</p>}
            {topic.state === "ACCEPTED" && accepted && (
              <p className="alert alert-ok">{t("topic.acceptedFor", { body: bodyLabel(t, accepted, community.kind) })}</p>
            )}
            {topic.state === "MERGED" && topic.mergedInto && (
              <p className="alert alert-info">
                {t("topic.mergedInto")} <Link to={`/c/${community.id}/topics/${topic.mergedInto.id}`}>{topic.mergedInto.title}</Link>
              </p>
            )}
            <FormError message={supportErr.form} />
            <button
              type="button"
              className="btn btn-primary btn-block"
              disabled={!!block || sres.fetching}
              aria-describedby={block ? "support-why" : undefined}
              onClick={async () => {
                setNotice(undefined);
                const r = await support({ input: { topicId: topic.id } });
                if (r.data) done(t("topic.supportDone"));
              }}
            >
              {topic.viewerSupported ? `✓ ${t("topics.supported")}` : sres.fetching ? t("topic.supporting") : t("topic.support")}
            </button>
            {block && (
              <p id="support-why" className="muted small support-why">
                {t(`topic.cannot.${block}`)}
              </p>
            )}
            {can.gridWorker && topic.state === "COLLECTING" && <SupportFor topicId={topic.id} onDone={done} />}
          </section>

          <section className="panel topic-timeline" aria-labelledby="timeline-h">
            <h2 id="timeline-h">{t("topic.timeline")}</h2>
            <Timeline events={topic.timeline} kind={community.kind} communityId={community.id} zone={zone} />
          </section>
        </div>
      )}

      {tab === "discussion" && <Comments topicId={topic.id} proposerId={topic.proposer.id} onChanged={reload} />}

      {tab === "panel" && <PanelSection topicId={topic.id} onChanged={reload} />}

      {tab === "votes" && (
        <>
          <section className="panel topic-meetings" aria-labelledby="topic-meetings-h">
            <h2 id="topic-meetings-h">{t("topic.meetings")}</h2>
            {topic.meetings.length === 0 ? (
              <EmptyState title={t("topic.noMeetings")} />
            ) : (
              <ul className="link-list" aria-label={t("topic.meetingsLabel")}>
                {topic.meetings.map((m) => (
                  <MeetingLine key={m.id} meeting={m} communityId={community.id} zone={zone} />
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="motions-h">
            <TopicMotions topic={topic} communityId={community.id} />
            {topic.motions.length === 0 && (
              <>
                <h2 id="motions-h">{t("motion.listTitle")}</h2>
                <EmptyState title={t("topic.noMotions")} />
              </>
            )}
          </section>
        </>
      )}
      <p>
        <Link to={`/c/${community.id}/topics`}>{t("topic.backToList")}</Link>
      </p>
    </Page>
  );
}
