import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { SupportMeter } from "../components/SupportMeter";
import { CardSkeleton, EmptyState, FormError, Notice, Page, SelectField, TextArea, formatDate } from "../components/ui";
import { graphql } from "../gql";
import type { DeliberatingBody, ScreeningDecision, ScreeningQueueQuery } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { screeningGap, type ScreeningField } from "../lib/deliberation";
import { toFormErrors, withoutFields } from "../lib/errors";
import { BODIES, bodyLabel } from "../lib/topics";

const ScreeningQueueQueryDoc = graphql(`
  query ScreeningQueue($id: ID!) {
    community(id: $id) {
      id
      screening: topics(first: 100, state: SCREENING) {
        totalCount
        nodes {
          id
          title
          body
          category
          source
          supportCount
          threshold
          createdAt
          proposer {
            id
            name
          }
          grids {
            id
            name
          }
        }
      }
    }
  }
`);

const MergeTargetsQuery = graphql(`
  query MergeTargets($id: ID!) {
    community(id: $id) {
      id
      collecting: topics(first: 100, state: COLLECTING) {
        nodes {
          id
          title
        }
      }
      screening: topics(first: 100, state: SCREENING) {
        nodes {
          id
          title
        }
      }
      accepted: topics(first: 100, state: ACCEPTED) {
        nodes {
          id
          title
        }
      }
    }
  }
`);

const ScreenTopicMutation = graphql(`
  mutation ScreenTopic($input: ScreenTopicInput!) {
    screenTopic(input: $input) {
      topic {
        id
        title
        state
        decidedBody
      }
    }
  }
`);

type QueueTopic = NonNullable<ScreeningQueueQuery["community"]>["screening"]["nodes"][number];

const DECISIONS: ScreeningDecision[] = ["ACCEPT", "MERGE", "REFER", "REJECT"];

/** ScreeningPage is the party organisation's and the committee's queue of topics in screening. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [res, refetch] = useQuery({
    query: ScreeningQueueQueryDoc,
    variables: { id: community.id },
    requestPolicy: "cache-and-network",
    pause: !can.screener,
  });
  const [done, setDone] = useState<{ text: string; id: string }>();
  if (!can.screener) {
    return (
      <Page title={t("screening.title")}>
        <FormError message={t("screening.notAllowed")} />
      </Page>
    );
  }
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const queue = res.data?.community?.screening;
  return (
    <Page title={t("screening.title")} wide>
      <p className="lead">{t("screening.intro")}</p>
      <FormError message={errs.form} />
      <Notice
        message={
          done && (
            <>
              {done.text}{" "}
              <Link to={`/c/${community.id}/topics/${done.id}`}>{t("screening.viewTopic")}</Link>
            </>
          )
        }
      />
      <p className="muted count" aria-live="polite">
        {queue ? t("screening.count", { count: queue.totalCount }) : "\u00a0"}
      </p>
      {!queue ? (
        <CardSkeleton count={2} />
      ) : queue.nodes.length === 0 ? (
        <EmptyState title={t("screening.empty")} hint={t("screening.emptyHint")} />
      ) : (
        <ul className="cards" aria-label={t("screening.queue")}>
          {queue.nodes.map((topic) => (
            <ScreeningCard
              key={topic.id}
              topic={topic}
              onDone={(text) => {
                setDone({ text, id: topic.id });
                refetch({ requestPolicy: "network-only" });
              }}
            />
          ))}
        </ul>
      )}
      <p>
        <Link to={`/c/${community.id}/topics`}>{t("screening.toTopics")}</Link>
      </p>
    </Page>
  );
}

function ScreeningCard({ topic, onDone }: { topic: QueueTopic; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [decision, setDecision] = useState<ScreeningDecision | "">("");
  const [body, setBody] = useState<DeliberatingBody | "">("");
  const [into, setInto] = useState("");
  const [note, setNote] = useState("");
  // flagged is the field found missing when the person last tried to decide;
  // its message shows until that field is filled.
  const [flagged, setFlagged] = useState<ScreeningField | null>(null);
  const [edited, setEdited] = useState<string[]>([]);
  const [res, screen] = useMutation(ScreenTopicMutation);
  const [targets] = useQuery({ query: MergeTargetsQuery, variables: { id: community.id }, pause: decision !== "MERGE" });
  const server = toFormErrors(res.error, ["decision", "body", "into", "note"], t("app.networkError"));
  const errs = edited.length === 0 ? server : { ...withoutFields(server, edited), form: undefined };
  const gap = screeningGap({ decision, body, into, note });
  const edit = (field: string) => setEdited((e) => (e.includes(field) ? e : [...e, field]));
  const required: Record<ScreeningField, string> = {
    decision: t("screening.decisionRequired"),
    body: t("screening.required.body"),
    into: t("screening.required.into"),
    note: decision === "REFER" ? t("screening.required.refer") : t("screening.required.reject"),
  };
  const fieldError = (f: ScreeningField) => (flagged === f && gap === f ? required[f] : errs.fields[f]);
  const others = targets.data?.community
    ? [...targets.data.community.collecting.nodes, ...targets.data.community.screening.nodes, ...targets.data.community.accepted.nodes].filter(
        (x) => x.id !== topic.id,
      )
    : [];
  const headingId = `screen-${topic.id}`;

  // check shows what the decision still needs, before the confirm sheet can open.
  function check(e: FormEvent) {
    e.preventDefault();
    setFlagged(gap);
  }

  async function submit() {
    if (!decision) return;
    setEdited([]);
    const r = await screen({
      input: {
        topicId: topic.id,
        decision,
        body: decision === "ACCEPT" && body ? body : null,
        into: decision === "MERGE" && into ? into : null,
        note: note.trim() || null,
      },
    });
    if (r.data) {
      onDone(t(`screening.done.${decision}`, { title: topic.title, body: bodyLabel(t, body, community.kind) }));
    }
  }

  const noteLabel =
    decision === "REFER" ? t("screening.referNote") : decision === "REJECT" ? t("screening.rejectNote") : t("screening.note");
  const noteHint =
    decision === "REFER" ? t("screening.referHint") : decision === "REJECT" ? t("screening.rejectHint") : t("screening.noteHint");
  const grids = topic.grids.map((g) => g.name).join("、");
  return (
    <li className="card">
      <h2 className="card-title" id={headingId}>
        <Link className="title-link" to={`/c/${community.id}/topics/${topic.id}`}>
          {topic.title}
        </Link>
      </h2>
      <p className="tags">
        <span className="tag">{t(`topics.categories.${topic.category}`)}</span>
      </p>
      <p className="muted small meta">
        <span>{topic.source === "COMMITTEE" ? t("topics.byCommittee") : t("topics.proposer", { name: topic.proposer.name })}</span>
        <span>{t("topics.proposedAt", { date: formatDate(topic.createdAt, i18n.language, community.settings.timeZone) })}</span>
        <span>{grids ? t("topics.grids", { grids }) : t("topics.noGrids")}</span>
      </p>
      {topic.body && <p className="excerpt">{topic.body}</p>}
      <SupportMeter count={topic.supportCount} threshold={topic.threshold} />
      <form onSubmit={check} noValidate className="form screening-form" aria-labelledby={headingId}>
        <FormError message={errs.form} />
        <SelectField
          label={t("screening.decision")}
          value={decision}
          onChange={(e) => {
            setDecision(e.target.value as ScreeningDecision | "");
            edit("decision");
          }}
          error={fieldError("decision")}
        >
          <option value="">{t("screening.chooseDecision")}</option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`screening.decisions.${d}`)}
            </option>
          ))}
        </SelectField>
        {decision === "ACCEPT" && (
          <SelectField
            label={t("screening.body")}
            value={body}
            onChange={(e) => {
              setBody(e.target.value as DeliberatingBody | "");
              edit("body");
            }}
            error={fieldError("body")}
          >
            <option value="">{t("screening.chooseBody")}</option>
            {BODIES.map((b) => (
              <option key={b} value={b}>
                {bodyLabel(t, b, community.kind)}
              </option>
            ))}
          </SelectField>
        )}
        {decision === "MERGE" && (
          <SelectField
            label={t("screening.into")}
            hint={t("screening.intoHint")}
            value={into}
            onChange={(e) => {
              setInto(e.target.value);
              edit("into");
            }}
            error={fieldError("into")}
            disabled={!targets.data}
          >
            <option value="">{targets.data ? t("screening.chooseInto") : t("app.loading")}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </SelectField>
        )}
        {decision && (
          <TextArea
            label={noteLabel}
            hint={noteHint}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              edit("note");
            }}
            error={fieldError("note")}
            optional={decision === "ACCEPT" || decision === "MERGE"}
          />
        )}
        {gap ? (
          <button type="submit" className="btn btn-primary" disabled={res.fetching}>
            {t("screening.submit")}
          </button>
        ) : (
          <ConfirmSheet
            trigger={t("screening.submit")}
            triggerClass="btn btn-primary"
            title={t("screening.confirmTitle", { decision: t(`screening.decisions.${decision}`) })}
            consequence={
              <>
                <p>
                  {t(`screening.consequences.${decision}`, {
                    body: bodyLabel(t, body, community.kind),
                    into: others.find((o) => o.id === into)?.title ?? "",
                  })}
                </p>
                <p>{t("screening.supporters", { n: topic.supportCount, threshold: topic.threshold })}</p>
              </>
            }
            confirm={t(`screening.decisions.${decision}`)}
            disabled={res.fetching}
            onConfirm={submit}
          />
        )}
      </form>
    </li>
  );
}
