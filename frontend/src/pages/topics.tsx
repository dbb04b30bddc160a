import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ChipRow } from "../components/ChipRow";
import { NotFoundPage } from "../components/NotFound";
import { ProposeFor, type ProposeForValue } from "../components/ProposeFor";
import { SearchBox } from "../components/SearchBox";
import { SupportMeter } from "../components/SupportMeter";
import {
  CardSkeleton,
  CheckField,
  CheckGroup,
  EmptyState,
  FormError,
  LoadMore,
  Page,
  SelectField,
  Skeleton,
  TextArea,
  TextField,
  formatDate,
} from "../components/ui";
import { graphql } from "../gql";
import type { TopicCardFieldsFragment, TopicCategory, TopicState } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { useEditedErrors } from "../lib/editedErrors";
import { toFormErrors } from "../lib/errors";
import { usePaged } from "../lib/paged";
import { TOPIC_CATEGORIES, TOPIC_STATES, stateTagClass } from "../lib/topics";

graphql(`
  fragment TopicCardFields on Topic {
    id
    title
    category
    state
    source
    supportCount
    threshold
    deadline
    commentCount
    viewerSupported
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
`);

const TopicsQuery = graphql(`
  query Topics(
    $id: ID!
    $state: TopicState
    $category: TopicCategory
    $gridId: ID
    $search: String
    $after: String
  ) {
    community(id: $id) {
      id
      topics(first: 20, after: $after, state: $state, category: $category, gridId: $gridId, search: $search) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...TopicCardFields
        }
      }
    }
  }
`);

const ProposeGridsQuery = graphql(`
  query ProposeGrids($id: ID!) {
    community(id: $id) {
      id
      grids(first: 100) {
        nodes {
          id
          name
        }
      }
    }
  }
`);

const ProposeTopicMutation = graphql(`
  mutation ProposeTopic($input: ProposeTopicInput!) {
    proposeTopic(input: $input) {
      topic {
        id
        title
        state
      }
    }
  }
`);

const RecordCommunityQuery = graphql(`
  query RecordCommunity($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Topic {
        community {
          id
        }
      }
      ... on Meeting {
        community {
          id
        }
      }
      ... on Resolution {
        topic {
          community {
            id
          }
        }
      }
    }
  }
`);

/** TopicCard is one topic in a list. */
export function TopicCard({ topic, communityId, zone }: { topic: TopicCardFieldsFragment; communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const grids = topic.grids.map((g) => g.name).join("、");
  return (
    <li className="card topic-card">
      <h2 className="card-title">
        <Link className="title-link" to={`/c/${communityId}/topics/${topic.id}`}>
          {topic.title}
        </Link>
      </h2>
      <p className="tags">
        <span className={stateTagClass(topic.state)}>{t(`topics.states.${topic.state}`)}</span>
        <span className="tag">{t(`topics.categories.${topic.category}`)}</span>
        {topic.viewerSupported && <span className="tag tag-ok">✓ {t("topics.supported")}</span>}
      </p>
      <SupportMeter count={topic.supportCount} threshold={topic.threshold} />
      <p className="muted small meta">
        <span>{t("topics.deadline", { date: formatDate(topic.deadline, i18n.language, zone) })}</span>
        <span>{t("topics.comments", { count: topic.commentCount })}</span>
      </p>
      <p className="muted small meta">
        <span>
          {topic.source === "COMMITTEE" ? t("topics.byCommittee") : t("topics.proposer", { name: topic.proposer.name })}
        </span>
        <span>{grids ? t("topics.grids", { grids }) : t("topics.noGrids")}</span>
      </p>
    </li>
  );
}

/** TopicListPage lists a community's topics with filters and a title search. */
export function TopicListPage() {
  const { t } = useTranslation();
  const { community, membership, can } = useCommunity();
  const [params, setParams] = useSearchParams();
  const state = (TOPIC_STATES as string[]).includes(params.get("state") ?? "") ? (params.get("state") as TopicState) : null;
  const category = (TOPIC_CATEGORIES as string[]).includes(params.get("category") ?? "")
    ? (params.get("category") as TopicCategory)
    : null;
  const myGrid = membership.grid;
  const mine = params.get("mine") === "1" && !!myGrid;
  const search = params.get("q")?.trim() || null;
  // The checkbox answers the tap at once; the URL, which the router may
  // update in a transition, follows.
  const [mineChecked, setMineChecked] = useState(mine);
  useEffect(() => setMineChecked(mine), [mine]);
  const list = usePaged(
    TopicsQuery,
    { id: community.id, state, category, gridId: mine ? myGrid!.id : null, search, after: null },
    (d) => d.community?.topics,
  );
  const errs = toFormErrors(list.error, ["search", "category", "state"], t("app.networkError"));
  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const filtered = !!(state || category || mine || search);
  return (
    <Page title={t("topics.title")} wide>
      <p className="lead">{t("topics.intro")}</p>
      <div className="actions page-actions">
        {can.resident && (
          <Link className="btn btn-primary" to={`/c/${community.id}/topics/new`}>
            ✚ {t("topics.propose")}
          </Link>
        )}
        {can.screener && (
          <Link className="btn" to={`/c/${community.id}/screening`}>
            {t("screening.title")}
          </Link>
        )}
      </div>
      <SearchBox
        key={search ?? ""}
        label={t("topics.search")}
        maxLength={40}
        search={search}
        error={errs.fields.search}
        clearLabel={t("topics.searchClear")}
        onSearch={(q) => setParam("q", q)}
      />
      <ChipRow
        label={t("topics.filterState")}
        all={t("topics.allStates")}
        chips={TOPIC_STATES.map((s) => ({ id: s, label: t(`topics.states.${s}`) }))}
        selected={state}
        onSelect={(s) => setParam("state", s)}
      />
      <ChipRow
        label={t("topics.filterCategory")}
        all={t("topics.allCategories")}
        chips={TOPIC_CATEGORIES.map((c) => ({ id: c, label: t(`topics.categories.${c}`) }))}
        selected={category}
        onSelect={(c) => setParam("category", c)}
      />
      <FormError message={errs.fields.category} />
      {myGrid && (
        <CheckField
          label={t("topics.myGrid")}
          hint={myGrid.name}
          checked={mineChecked}
          onChange={(e) => {
            setMineChecked(e.target.checked);
            setParam("mine", e.target.checked ? "1" : null);
          }}
        />
      )}
      <FormError message={errs.form} />
      <p className="muted count" aria-live="polite">
        {list.totalCount !== undefined
          ? search
            ? t("topics.countSearch", { count: list.totalCount, search })
            : t("topics.count", { count: list.totalCount })
          : "\u00a0"}
      </p>
      {!list.nodes ? (
        <CardSkeleton count={3} />
      ) : list.nodes.length === 0 ? (
        filtered ? (
          <EmptyState title={t("topics.empty")} hint={t("topics.emptyHint")} />
        ) : (
          <EmptyState title={t("topics.emptyAll")} hint={t("topics.emptyAllHint")} />
        )
      ) : (
        <ul className="cards cards-grid" aria-label={t("topics.listLabel")}>
          {list.nodes.map((topic) => (
            <TopicCard key={topic.id} topic={topic} communityId={community.id} zone={community.settings.timeZone} />
          ))}
        </ul>
      )}
      {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
    </Page>
  );
}

/** ProposeTopicPage is the form to propose a topic. */
export function ProposeTopicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { community, can } = useCommunity();
  const [grids] = useQuery({ query: ProposeGridsQuery, variables: { id: community.id } });
  const [res, propose] = useMutation(ProposeTopicMutation);
  const [params] = useSearchParams();
  const [form, setForm] = useState({ title: "", body: "", category: "", gridIds: [] as string[], asCommittee: false });
  // A grid worker may come from their hub with the resident chosen (?for=<Member ID>).
  const [forResident, setForResident] = useState<ProposeForValue>({ memberId: params.get("for") ?? "", witness: "" });
  const [categoryMissing, setCategoryMissing] = useState(false);
  const { errs, edit, sent } = useEditedErrors(res.error, ["title", "body", "category", "gridIds", "onBehalfOf", "witness"], t("app.networkError"));
  if (!can.resident && !can.committee && !can.gridWorker) {
    return (
      <Page title={t("propose.title")}>
        <FormError message={t("propose.notAllowed")} />
      </Page>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The category is an enum: a missing one would fail before the server
    // could say which field, so the form says it.
    if (!form.category) {
      setCategoryMissing(true);
      return;
    }
    setCategoryMissing(false);
    sent();
    const r = await propose({
      input: {
        communityId: community.id,
        title: form.title,
        body: form.body,
        category: form.category as TopicCategory,
        gridIds: form.gridIds,
        asCommittee: form.asCommittee || null,
        onBehalfOf: forResident.memberId || null,
        witness: forResident.memberId ? forResident.witness : null,
      },
    });
    const topic = r.data?.proposeTopic.topic;
    if (topic) navigate(`/c/${community.id}/topics/${topic.id}`, { state: { notice: "proposed" } });
  }

  const s = community.settings;
  return (
    <Page title={t("propose.title")}>
      <p className="lead">{t("propose.intro", { days: s.supportWindowDays, threshold: s.supportThreshold })}</p>
      {!grids.data ? (
        <Skeleton lines={6} />
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <FormError message={errs.form} />
          <TextField
            label={t("propose.titleLabel")}
            hint={t("propose.titleHint")}
            name="title"
            maxLength={80}
            autoComplete="off"
            value={form.title}
            onChange={(e) => {
              edit("title");
              setForm({ ...form, title: e.target.value });
            }}
            error={errs.fields.title}
          />
          <TextArea
            label={t("propose.body")}
            hint={t("propose.bodyHint")}
            name="body"
            rows={6}
            maxLength={5000}
            value={form.body}
            onChange={(e) => {
              edit("body");
              setForm({ ...form, body: e.target.value });
            }}
            error={errs.fields.body}
          />
          <SelectField
            label={t("propose.category")}
            name="category"
            value={form.category}
            onChange={(e) => {
              setCategoryMissing(false);
              edit("category");
              setForm({ ...form, category: e.target.value });
            }}
            error={categoryMissing ? t("propose.categoryRequired") : errs.fields.category}
          >
            <option value="">{t("propose.chooseCategory")}</option>
            {TOPIC_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`topics.categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <CheckGroup legend={t("propose.grids")} hint={t("propose.gridsHint")} error={errs.fields.gridIds} optional>
            <div className="check-columns">
              {grids.data.community?.grids.nodes.map((g) => (
                <CheckField
                  key={g.id}
                  label={g.name}
                  checked={form.gridIds.includes(g.id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      gridIds: e.target.checked ? [...form.gridIds, g.id] : form.gridIds.filter((x) => x !== g.id),
                    })
                  }
                />
              ))}
            </div>
          </CheckGroup>
          {can.gridWorker && <ProposeFor
              value={forResident}
              onChange={(v) => {
                if (v.memberId !== forResident.memberId) edit("onBehalfOf");
                if (v.witness !== forResident.witness) edit("witness");
                setForResident(v);
              }}
              errors={errs.fields}
            />}
          {can.committee && !forResident.memberId && (
            <CheckField
              label={t("propose.asCommittee")}
              hint={t("propose.asCommitteeHint")}
              checked={form.asCommittee}
              onChange={(e) => setForm({ ...form, asCommittee: e.target.checked })}
            />
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
            {res.fetching ? t("propose.submitting") : t("propose.submit")}
          </button>
        </form>
      )}
      <p>
        <Link to={`/c/${community.id}/topics`}>{t("app.back")}</Link>
      </p>
    </Page>
  );
}

/** The records that emails and calendar feeds link to outside any community: /topics/<id>, /meetings/<id>, /resolutions/<id>. */
export type LinkedRecord = "Topic" | "Meeting" | "Resolution";

const recordPaths: Record<LinkedRecord, string> = { Topic: "topics", Meeting: "meetings", Resolution: "resolutions" };

/**
 * RecordRedirectPage opens /topics/<id>, /meetings/<id> or /resolutions/<id>,
 * the links in reminder emails and calendar feeds, in the record's
 * community. The links carry global IDs (the server redirects older links
 * by a record's own ID).
 */
export function RecordRedirectPage({ type }: { type: LinkedRecord }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [res] = useQuery({ query: RecordCommunityQuery, variables: { id } });
  if (!res.data && !res.error) {
    return (
      <div className="page">
        <div className="skeleton-line skeleton-h1" />
        <Skeleton lines={4} />
      </div>
    );
  }
  const node = res.data?.node;
  const community =
    node?.__typename === "Topic" || node?.__typename === "Meeting" ? node.community.id : node?.__typename === "Resolution" ? node.topic.community.id : null;
  if (node && node.__typename === type && community) return <Navigate to={`/c/${community}/${recordPaths[type]}/${node.id}`} replace />;
  if (res.error && !res.error.graphQLErrors.length) {
    return (
      <Page title={t("app.notFoundTitle")}>
        <FormError message={t("app.networkError")} />
      </Page>
    );
  }
  return <NotFoundPage />;
}

/** TopicRedirectPage opens /topics/<id> in its community. */
export function TopicRedirectPage() {
  return <RecordRedirectPage type="Topic" />;
}
