import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, TextArea } from "../ui";

const CancelNeedMutation = graphql(`
  mutation VolCancelNeed($input: CancelNeedInput!) {
    cancelNeed(input: $input) {
      need {
        id
        state
        reason
      }
    }
  }
`);

/**
 * NeedCancel cancels a need with a reason, folded away at the end of the
 * page: the sheet says that it cannot be undone and that the volunteers
 * who claimed it are told.
 */
export function NeedCancel({ needId, claimed, onDone }: { needId: string; claimed: number; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [res, cancel] = useMutation(CancelNeedMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["reason"], t("app.networkError"));
  return (
    <details className="disclosure need-cancel">
      <summary>{t("volunteer.cancelNeed.open")}</summary>
      <div className="form">
        <FormError message={errs.form} />
        <TextArea
          label={t("volunteer.cancelNeed.reason")}
          hint={t("volunteer.cancelNeed.reasonHint")}
          rows={2}
          maxLength={200}
          value={reason}
          error={errs.fields.reason}
          onChange={(e) => {
            edit("reason");
            setReason(e.target.value);
          }}
        />
        <div className="danger-zone">
          <ConfirmSheet
            trigger={t("volunteer.cancelNeed.button")}
            triggerClass="btn btn-danger"
            title={t("volunteer.cancelNeed.title")}
            consequence={<p>{claimed > 0 ? t("volunteer.cancelNeed.consequenceClaimed", { count: claimed }) : t("volunteer.cancelNeed.consequence")}</p>}
            confirm={t("volunteer.cancelNeed.confirm")}
            onConfirm={async () => {
              sent();
              const r = await cancel({ input: { needId, reason: reason.trim() } });
              if (r.data) onDone(t("volunteer.cancelNeed.done"));
            }}
          />
        </div>
      </div>
    </details>
  );
}
