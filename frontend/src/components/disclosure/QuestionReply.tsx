import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { QuestionState } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { FormError, TextArea } from "../ui";
import type { DisclosureAbilities } from "./publicCommunity";

const AnswerMutation = graphql(`
  mutation AnswerDisclosureQuestion($input: AnswerDisclosureQuestionInput!) {
    answerDisclosureQuestion(input: $input) {
      question {
        id
        state
        answer
        answeredAt
        answeredByRole
        onTime
      }
    }
  }
`);

const FollowUpMutation = graphql(`
  mutation FollowUpDisclosureQuestion($input: FollowUpDisclosureQuestionInput!) {
    followUpDisclosureQuestion(input: $input) {
      question {
        id
        state
        followUp
        followUpAt
      }
    }
  }
`);

/**
 * QuestionReply is what the committee or the supervisory committee can do
 * with an unanswered question: answer it publicly (the committee any, the
 * supervisory committee one escalated to it), or, for the supervisory
 * committee, note once that it follows it up.
 */
export function QuestionReply({
  q,
  can,
  onDone,
}: {
  q: { id: string; state: QuestionState; followUp: string | null };
  can: DisclosureAbilities;
  onDone: (msg: string) => Promise<void> | void;
}) {
  const mayAnswer = (can.committee && q.state !== "ANSWERED") || (can.supervisor && q.state === "ESCALATED");
  const mayFollow = can.supervisor && q.state === "ESCALATED" && !q.followUp;
  if (!mayAnswer && !mayFollow) return null;
  return (
    <div className="question-reply">
      {mayAnswer && <ReplyForm kind="answer" questionId={q.id} onDone={onDone} open={!mayFollow} />}
      {mayFollow && <ReplyForm kind="followUp" questionId={q.id} onDone={onDone} />}
    </div>
  );
}

function ReplyForm({ kind, questionId, onDone, open }: { kind: "answer" | "followUp"; questionId: string; onDone: (msg: string) => Promise<void> | void; open?: boolean }) {
  const { t } = useTranslation();
  const [ares, answer] = useMutation(AnswerMutation);
  const [fres, follow] = useMutation(FollowUpMutation);
  const res = kind === "answer" ? ares : fres;
  const field = kind === "answer" ? "answer" : "note";
  const { errs, edit, sent } = useEditedErrors(res.error, [field], t("app.networkError"));
  const [text, setText] = useState("");
  const label = t(`disclosure.questions.${kind}`);
  return (
    <details className="disclosure" open={open}>
      <summary>{label}</summary>
      <form
        className="form"
        noValidate
        aria-label={label}
        onSubmit={async (e) => {
          e.preventDefault();
          sent();
          const r = kind === "answer" ? await answer({ input: { questionId, answer: text } }) : await follow({ input: { questionId, note: text } });
          if (r.data) {
            setText("");
            await onDone(t(`disclosure.questions.${kind}Done`));
          }
        }}
      >
        <FormError message={errs.form} />
        <TextArea
          label={t(`disclosure.questions.${kind}Text`)}
          hint={t(`disclosure.questions.${kind}Hint`)}
          rows={3}
          maxLength={kind === "answer" ? 2000 : 1000}
          value={text}
          error={errs.fields[field]}
          onChange={(e) => {
            edit(field);
            setText(e.target.value);
          }}
        />
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t(`disclosure.questions.${kind}Submit`)}
        </button>
      </form>
    </details>
  );
}
