import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { VotingMethod } from "../../gql/graphql";
import { fromLocalInput, toLocalInput } from "../../lib/deliberation";
import { toFormErrors } from "../../lib/errors";
import { CheckField, FormError, SelectField, TextArea, TextField } from "../ui";

const OpenMotionMutation = graphql(`
  mutation OpenMotion($input: OpenMotionInput!) {
    openMotion(input: $input) {
      motion {
        id
      }
    }
  }
`);

const METHODS: VotingMethod[] = ["MAJORITY_CAST", "MAJORITY_PANEL", "TWO_THIRDS", "CONSENSUS", "THREE_PARTY"];

/** OpenMotionForm is the committee's button, then form, to put a motion to the vote on a topic. */
export function OpenMotionForm({ topicId, onOpened }: { topicId: string; onOpened: (msg: string) => void }) {
  const { t } = useTranslation();
  const [res, open] = useMutation(OpenMotionMutation);
  const [show, setShow] = useState(false);
  const [text, setText] = useState("");
  const [method, setMethod] = useState<VotingMethod>("MAJORITY_CAST");
  const [secret, setSecret] = useState(false);
  const [deadline, setDeadline] = useState(() => toLocalInput(new Date(Date.now() + 3 * 24 * 3600_000)));
  const errs = toFormErrors(res.error, ["text", "method", "deadline"], t("app.networkError"));
  if (!show) {
    return (
      <button type="button" className="btn" onClick={() => setShow(true)}>
        {t("motion.openNew")}
      </button>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await open({ input: { topicId, text, method, secret, deadline: fromLocalInput(deadline) ?? "" } });
        if (r.data) {
          setShow(false);
          setText("");
          onOpened(t("motion.opened"));
        }
      }}
    >
      <FormError message={errs.form} />
      <TextArea label={t("motion.text")} rows={3} maxLength={500} value={text} error={errs.fields.text} onChange={(e) => setText(e.target.value)} />
      <SelectField label={t("motion.method")} value={method} error={errs.fields.method} onChange={(e) => setMethod(e.target.value as VotingMethod)}>
        {METHODS.map((x) => (
          <option key={x} value={x}>
            {t(`motion.methods.${x}`)}
          </option>
        ))}
      </SelectField>
      <CheckField label={t("motion.secret")} hint={t("motion.secretHint")} checked={secret} onChange={(e) => setSecret(e.target.checked)} />
      <TextField label={t("motion.deadline")} type="datetime-local" value={deadline} error={errs.fields.deadline} onChange={(e) => setDeadline(e.target.value)} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("motion.openSubmit")}
        </button>
        <button type="button" className="btn" onClick={() => setShow(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
