import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { DecisionCard } from "../DecisionCard";
import { FormError, TextArea } from "../ui";

const DecideNeedMutation = graphql(`
  mutation VolDecideNeed($input: DecideNeedInput!) {
    decideNeed(input: $input) {
      need {
        id
        state
        reason
      }
    }
  }
`);

/**
 * NeedDecide is a grid worker's (or the committee's) decision on a
 * resident's own need: 批准 opens it to volunteers, 不批准 needs a reason,
 * which the resident reads.
 */
export function NeedDecide({ needId, onDone }: { needId: string; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const [res, decide] = useMutation(DecideNeedMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["reason"], t("app.networkError"));
  return (
    <section className="panel need-decide" aria-labelledby="need-decide-h">
      <h2 id="need-decide-h">{t("volunteer.decide.title")}</h2>
      <p className="muted small">{t("volunteer.decide.hint")}</p>
      <FormError message={errs.form} />
      <DecisionCard
        legend={t("volunteer.decide.legend")}
        choices={[
          { value: "approve", label: t("volunteer.decide.approve"), icon: "✓", tone: "success" },
          { value: "reject", label: t("volunteer.decide.reject"), icon: "✗", tone: "danger" },
        ]}
        confirmText={(label) => t("volunteer.decide.confirm", { label })}
        busy={res.fetching}
        onDecide={async (v) => {
          if (v === "reject" && !reason.trim()) {
            setMissing(true);
            return;
          }
          sent();
          const r = await decide({ input: { needId, approve: v === "approve", reason: v === "reject" ? reason.trim() : null } });
          if (r.data) onDone(v === "approve" ? t("volunteer.decide.approved") : t("volunteer.decide.rejected"));
        }}
      />
      <TextArea
        label={t("volunteer.decide.reason")}
        hint={t("volunteer.decide.reasonHint")}
        rows={2}
        maxLength={200}
        value={reason}
        error={missing ? t("volunteer.decide.reasonMissing") : errs.fields.reason}
        onChange={(e) => {
          setMissing(false);
          edit("reason");
          setReason(e.target.value);
        }}
      />
    </section>
  );
}
