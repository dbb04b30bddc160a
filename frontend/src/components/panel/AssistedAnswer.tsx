import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { FormError, TextField } from "../ui";
import { useEditedErrors } from "../../lib/editedErrors";

/** AssistedAnswerFields are whose seat it is: the Member ID the answer is recorded for, and their name. */
export const AssistedAnswerFields = graphql(`
  fragment AssistedAnswerFields on Seat {
    memberId
    user {
      name
    }
  }
`);

const AnswerSeatForMutation = graphql(`
  mutation AnswerSeatFor($input: RespondToSeatInput!) {
    respondToSeat(input: $input) {
      seat {
        memberId
        state
        witness
      }
    }
  }
`);

/** AssistedAnswer lets a grid worker accept or decline a seat for an assisted resident, before a named witness. */
export function AssistedAnswer({
  topicId,
  seat,
  onDone,
}: {
  topicId: string;
  seat: ResultOf<typeof AssistedAnswerFields>;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [res, respond] = useMutation(AnswerSeatForMutation);
  const [witness, setWitness] = useState("");
  const { errs, edit, sent } = useEditedErrors(res.error, ["witness"], t("app.networkError"));
  const name = seat.user.name;
  async function answer(accept: boolean) {
    sent();
    const r = await respond({ input: { topicId, accept, memberId: seat.memberId, witness } });
    if (r.data) {
      setWitness("");
      onDone(t(accept ? "panel.acceptedFor" : "panel.declinedFor", { name }));
    }
  }
  return (
    <form
      className="form assisted-answer"
      noValidate
      aria-label={t("panel.answerFor", { name })}
      onSubmit={(e) => {
        e.preventDefault();
        void answer(true);
      }}
    >
      <p className="muted small">{t("panel.answerForHint", { name })}</p>
      <FormError message={errs.form} />
      <TextField
        label={t("panel.witness")}
        hint={t("panel.witnessHint")}
        maxLength={64}
        required
        autoComplete="off"
        value={witness}
        error={errs.fields.witness}
        onChange={(e) => {
          setWitness(e.target.value);
          edit("witness");
        }}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching} aria-label={t("app.labelFor", { action: t("panel.acceptFor"), name })}>
          {t("panel.acceptFor")}
        </button>
        <button
          type="button"
          className="btn"
          disabled={res.fetching}
          aria-label={t("app.labelFor", { action: t("panel.declineFor"), name })}
          onClick={() => void answer(false)}
        >
          {t("panel.declineFor")}
        </button>
      </div>
    </form>
  );
}
