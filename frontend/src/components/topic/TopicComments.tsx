import type { CombinedError } from "@urql/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { EmptyState, FormError, LoadMore, Notice, Skeleton, TextArea, formatDateTime } from "../ui";
import { graphql } from "../../gql";
import type { TopicCommentsQuery } from "../../gql/graphql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { usePaged } from "../../lib/paged";
import { commentEditable, threadComments } from "../../lib/topics";
import { useViewer } from "../../viewer";

const TopicCommentsQueryDoc = graphql(`
  query TopicComments($id: ID!, $after: String) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        comments(first: 100, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            parentId
            body
            hidden
            hiddenReason
            createdAt
            editedAt
            author {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      comment {
        id
      }
    }
  }
`);

const EditCommentMutation = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      comment {
        id
        body
        editedAt
      }
    }
  }
`);

const ReportCommentMutation = graphql(`
  mutation ReportComment($input: ReportCommentInput!) {
    reportComment(input: $input) {
      ok
    }
  }
`);

const HideCommentMutation = graphql(`
  mutation HideComment($input: HideCommentInput!) {
    hideComment(input: $input) {
      comment {
        id
        hidden
        hiddenReason
        body
      }
    }
  }
`);

type CommentNode = Extract<NonNullable<TopicCommentsQuery["node"]>, { __typename: "Topic" }>["comments"]["nodes"][number];

/** useNow is the time, again every interval, for rules that depend on it (the edit window, the deadline). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Comments is a topic's discussion: threads, replies, edits within the window, reports and hiding. */
export function Comments({ topicId, proposerId, onChanged }: { topicId: string; proposerId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const list = usePaged(TopicCommentsQueryDoc, { id: topicId, after: null }, (d) =>
    d.node?.__typename === "Topic" ? d.node.comments : undefined,
  );
  const [ares, add] = useMutation(AddCommentMutation);
  const [body, setBody] = useState("");
  const [notice, setNotice] = useState<string>();
  const addErr = toFormErrors(ares.error, ["body"], t("app.networkError"));
  const loadErr = toFormErrors(list.error, [], t("app.networkError"));
  const changed = async (msg: string) => {
    setNotice(msg);
    onChanged();
    await list.refresh();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    const r = await add({ input: { topicId, body } });
    if (r.data) {
      setBody("");
      await changed(t("topic.commented"));
    }
  }

  const threads = list.nodes ? threadComments(list.nodes) : undefined;
  return (
    <section className="panel topic-comments" aria-labelledby="comments-h">
      <h2 id="comments-h">
        {t("topic.commentsTitle")}
        {list.totalCount !== undefined && <span className="muted small"> {t("topic.commentCount", { count: list.totalCount })}</span>}
      </h2>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={addErr.form} />
        <TextArea
          label={t("topic.newComment")}
          hint={t("topic.commentHint")}
          name="comment"
          rows={3}
          maxLength={2000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={addErr.fields.body}
        />
        <button type="submit" className="btn btn-primary" disabled={ares.fetching}>
          {t("topic.commentSubmit")}
        </button>
      </form>
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      {!threads ? (
        <Skeleton lines={3} />
      ) : threads.length === 0 ? (
        <EmptyState title={t("topic.commentsEmpty")} hint={t("topic.commentsEmptyHint")} />
      ) : (
        <ul className="comments" aria-label={t("topic.commentsTitle")}>
          {threads.map((th) => (
            <li key={th.comment.id} className="comment-thread">
              <CommentItem comment={th.comment} topicId={topicId} proposerId={proposerId} canReply={!th.comment.parentId} onChanged={changed} />
              {th.replies.length > 0 && (
                <ul className="replies" aria-label={t("topic.repliesTo", { name: th.comment.author.name })}>
                  {th.replies.map((r) => (
                    <li key={r.id}>
                      <CommentItem comment={r} topicId={topicId} proposerId={proposerId} canReply={false} onChanged={changed} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} label={t("topic.moreComments")} />
      )}
    </section>
  );
}

type Mode = "reply" | "edit" | "report" | "hide" | null;

function CommentItem({
  comment: c,
  topicId,
  proposerId,
  canReply,
  onChanged,
}: {
  comment: CommentNode;
  topicId: string;
  proposerId: string;
  canReply: boolean;
  onChanged: (msg: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const { community, can } = useCommunity();
  const now = useNow();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState("");
  const [ares, add] = useMutation(AddCommentMutation);
  const [eres, edit] = useMutation(EditCommentMutation);
  const [rres, report] = useMutation(ReportCommentMutation);
  const [hres, hide] = useMutation(HideCommentMutation);
  const own = !!viewer && c.author.id === viewer.id;
  const editable = commentEditable(c, viewer?.id, now);
  const name = c.author.name;
  const open = (m: Mode, initial = "") => {
    setText(initial);
    setMode(m);
  };

  const forms: Record<Exclude<Mode, null>, { res: { fetching: boolean; error?: CombinedError }; label: string; hint: string; submit: string; fields: string[]; optional?: boolean; run: () => Promise<string | undefined> }> = {
    reply: {
      res: ares,
      label: t("topic.replyTo", { name }),
      hint: t("topic.commentHint"),
      submit: t("topic.replySubmit"),
      fields: ["body"],
      run: async () => ((await add({ input: { topicId, parentId: c.id, body: text } })).data ? t("topic.replied") : undefined),
    },
    edit: {
      res: eres,
      label: t("topic.editLabel"),
      hint: t("topic.editHint"),
      submit: t("topic.editSubmit"),
      fields: ["body"],
      run: async () => ((await edit({ input: { commentId: c.id, body: text } })).data ? t("topic.editSaved") : undefined),
    },
    report: {
      res: rres,
      label: t("topic.reportReason"),
      hint: t("topic.reportHint"),
      submit: t("topic.reportSubmit"),
      fields: ["reason"],
      optional: true,
      run: async () => ((await report({ input: { commentId: c.id, reason: text.trim() || null } })).data ? t("topic.reported") : undefined),
    },
    hide: {
      res: hres,
      label: t("topic.hideReason"),
      hint: t("topic.hideHint"),
      submit: t("topic.hideSubmit"),
      fields: ["reason"],
      run: async () => ((await hide({ input: { commentId: c.id, reason: text } })).data ? t("topic.hiddenDone") : undefined),
    },
  };
  const f = mode ? forms[mode] : null;
  const errs = toFormErrors(f?.res.error, f?.fields ?? [], t("app.networkError"));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!f) return;
    const msg = await f.run();
    if (msg) {
      setMode(null);
      setText("");
      await onChanged(msg);
    }
  }

  const zone = community.settings.timeZone;
  return (
    <article className={c.hidden ? "comment comment-hidden" : "comment"} aria-label={t("topic.commentBy", { name })}>
      <p className="comment-head">
        <strong>{name}</strong>
        {c.author.id === proposerId && <span className="tag tag-info">{t("topic.proposerTag")}</span>}
        <span className="muted small">
          <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, i18n.language, zone)}</time>
          {c.editedAt && !c.hidden && <> · {t("topic.edited")}</>}
        </span>
      </p>
      {c.hidden ? (
        <p className="comment-body muted">{t("topic.hidden", { reason: c.hiddenReason ?? "" })}</p>
      ) : (
        <p className="comment-body">{c.body}</p>
      )}
      {!c.hidden && !mode && (
        <div className="actions comment-actions">
          {canReply && (
            <button type="button" className="btn btn-small btn-quiet" aria-label={t("app.labelFor", { action: t("topic.reply"), name: t("topic.commentBy", { name }) })} onClick={() => open("reply")}>
              {t("topic.reply")}
            </button>
          )}
          {editable && (
            <button type="button" className="btn btn-small btn-quiet" aria-label={t("app.labelFor", { action: t("topic.edit"), name: t("topic.commentBy", { name }) })} onClick={() => open("edit", c.body ?? "")}>
              {t("topic.edit")}
            </button>
          )}
          {!own && (
            <button type="button" className="btn btn-small btn-quiet" aria-label={t("app.labelFor", { action: t("topic.report"), name: t("topic.commentBy", { name }) })} onClick={() => open("report")}>
              {t("topic.report")}
            </button>
          )}
          {can.committee && (
            <button type="button" className="btn btn-small btn-quiet" aria-label={t("app.labelFor", { action: t("topic.hide"), name: t("topic.commentBy", { name }) })} onClick={() => open("hide")}>
              {t("topic.hide")}
            </button>
          )}
        </div>
      )}
      {f && (
        <form onSubmit={submit} noValidate className="form comment-form">
          <FormError message={errs.form} />
          <TextArea
            label={f.label}
            hint={f.hint}
            rows={mode === "reply" || mode === "edit" ? 3 : 2}
            maxLength={mode === "reply" || mode === "edit" ? 2000 : 200}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={errs.fields.body ?? errs.fields.reason}
            optional={f.optional}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className={mode === "hide" ? "btn btn-danger" : "btn btn-primary"} disabled={f.res.fetching}>
              {f.submit}
            </button>
            <button type="button" className="btn" onClick={() => setMode(null)}>
              {t("app.cancel")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
