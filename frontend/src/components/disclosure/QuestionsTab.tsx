import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { DisclosureQuestionsQuery } from "../../gql/graphql";
import { questionTag } from "../../lib/disclosure";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { usePaged } from "../../lib/paged";
import { useViewer } from "../../viewer";
import { EmptyState, FormError, LoadMore, Notice, Skeleton, TextArea, formatDateTime } from "../ui";
import type { DisclosureAbilities } from "./publicCommunity";
import { QuestionReply } from "./QuestionReply";

const QuestionsQueryDoc = graphql(`
  query DisclosureQuestions($id: ID!, $after: String) {
    node(id: $id) {
      __typename
      ... on Disclosure {
        id
        questions(first: 50, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            text
            state
            askedAt
            dueAt
            answer
            answeredAt
            answeredByRole
            onTime
            escalated
            followUp
            followUpAt
            asker {
              id
              name
            }
            answeredBy {
              id
              name
            }
            version {
              id
              number
            }
          }
        }
      }
    }
  }
`);

const AskMutation = graphql(`
  mutation AskDisclosureQuestion($input: AskDisclosureQuestionInput!) {
    askDisclosureQuestion(input: $input) {
      question {
        id
        state
      }
    }
  }
`);

export type Question = Extract<NonNullable<DisclosureQuestionsQuery["node"]>, { __typename: "Disclosure" }>["questions"]["nodes"][number];

/**
 * QuestionsTab is a disclosure's 质询: any member asks about the version in
 * force; every question is listed with its state in words and colour, and
 * its answer. The committee answers any unanswered question; the
 * supervisory committee answers or follows up those escalated to it.
 */
export function QuestionsTab({
  disclosureId,
  versionId,
  open,
  can,
  zone,
}: {
  disclosureId: string;
  /** the version in force, which a question is asked about */
  versionId: string;
  /** whether questions may be asked: the disclosure is published */
  open: boolean;
  can: DisclosureAbilities;
  zone: string;
}) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { viewer } = useViewer();
  const list = usePaged(QuestionsQueryDoc, { id: disclosureId, after: null }, (d) => (d.node?.__typename === "Disclosure" ? d.node.questions : undefined));
  const [ares, ask] = useMutation(AskMutation);
  const [text, setText] = useState("");
  const [notice, setNotice] = useState<string>();
  const { errs, edit, sent } = useEditedErrors(ares.error, ["text"], t("app.networkError"));
  const loadErr = toFormErrors(list.error, [], t("app.networkError")).form;
  const done = async (msg: string) => {
    setNotice(msg);
    await list.refresh();
  };
  return (
    <section className="panel" aria-labelledby="questions-h">
      <h2 id="questions-h">
        {t("disclosure.questions.title")}
        {list.totalCount !== undefined && <span className="muted small"> {t("disclosure.questions.count", { count: list.totalCount })}</span>}
      </h2>
      <p className="muted small">{t("disclosure.questions.rule")}</p>
      <Notice message={notice} />
      {open && can.member && (
        <form
          className="form"
          noValidate
          aria-label={t("disclosure.questions.ask")}
          onSubmit={async (e) => {
            e.preventDefault();
            setNotice(undefined);
            sent();
            const r = await ask({ input: { versionId, text } });
            if (r.data) {
              setText("");
              await done(t("disclosure.questions.asked"));
            }
          }}
        >
          <FormError message={errs.form} />
          <TextArea
            label={t("disclosure.questions.yourQuestion")}
            hint={t("disclosure.questions.askHint")}
            rows={3}
            maxLength={1000}
            value={text}
            error={errs.fields.text}
            onChange={(e) => {
              edit("text");
              setText(e.target.value);
            }}
          />
          <button type="submit" className="btn btn-primary" disabled={ares.fetching}>
            {t("disclosure.questions.ask")}
          </button>
        </form>
      )}
      {open && !viewer && (
        <p>
          <Link to={`/login?next=${encodeURIComponent(location.pathname + "?tab=questions")}`}>{t("disclosure.questions.loginToAsk")}</Link>
        </p>
      )}
      <FormError message={loadErr} />
      {!list.nodes ? (
        <Skeleton lines={3} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("disclosure.questions.none")} />
      ) : (
        <ul className="cards" aria-label={t("disclosure.questions.listLabel")}>
          {list.nodes.map((q) => {
            const tag = questionTag(q);
            return (
              <li key={q.id} className="card question">
                <article aria-label={t("disclosure.questions.itemLabel", { text: q.text.slice(0, 20) })}>
                  <p className="tags">
                    <span className={tag.cls}>{t(tag.key)}</span>
                    <span className="tag">{t("disclosure.questions.onVersion", { n: q.version.number })}</span>
                  </p>
                  <p className="question-text">{q.text}</p>
                  <p className="muted small meta">
                    {q.asker && <span>{t("disclosure.questions.by", { name: q.asker.name })}</span>}
                    <span>{formatDateTime(q.askedAt, i18n.language, zone)}</span>
                    {q.state === "OPEN" && <span>{t("disclosure.questions.dueBy", { date: formatDateTime(q.dueAt, i18n.language, zone) })}</span>}
                  </p>
                  {q.state === "ESCALATED" && <p className="small">{t("disclosure.questions.escalatedHint")}</p>}
                  {q.answer && (
                    <div className="answer">
                      <p className="answer-by">
                        {t(q.answeredByRole === "SUPERVISOR" ? "disclosure.questions.answerBySupervisor" : "disclosure.questions.answerByCommittee")}
                        {q.answeredAt && <span className="muted small"> {formatDateTime(q.answeredAt, i18n.language, zone)}</span>}
                      </p>
                      <p>{q.answer}</p>
                    </div>
                  )}
                  {q.followUp && (
                    <div className="answer">
                      <p className="answer-by">{t("disclosure.questions.followUpBy")}</p>
                      <p>{q.followUp}</p>
                    </div>
                  )}
                  <QuestionReply q={q} can={can} onDone={done} />
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
    </section>
  );
}
