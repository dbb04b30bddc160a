import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { DisclosureState } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, TextArea } from "../ui";

const WithdrawMutation = graphql(`
  mutation WithdrawDisclosure($input: WithdrawDisclosureInput!) {
    withdrawDisclosure(input: $input) {
      disclosure {
        id
        state
      }
    }
  }
`);

/**
 * ManageActions are an editor's actions on a published disclosure: publish
 * a correction (the editor opens on a new draft version, with its reason),
 * or, with a reason and behind a confirmation, withdraw it. Nothing
 * published is changed or removed: both are new versions.
 */
export function ManageActions({
  disclosureId,
  communityId,
  state,
  hasDraft,
  onDone,
}: {
  disclosureId: string;
  communityId: string;
  state: DisclosureState;
  hasDraft: boolean;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [res, withdraw] = useMutation(WithdrawMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["reason"], t("app.networkError"));
  const [reason, setReason] = useState("");
  const base = `/c/${communityId}/disclosures/${disclosureId}`;
  if (state === "DRAFT") return null;
  return (
    <section className="panel" aria-labelledby="manage-h">
      <h2 id="manage-h">{t("disclosure.manage.title")}</h2>
      <p className="muted small">{t("disclosure.manage.hint")}</p>
      <p className="actions">
        {hasDraft ? (
          <Link className="btn btn-primary" to={`${base}/edit`}>
            {t("disclosure.manage.continueDraft")}
          </Link>
        ) : (
          state === "PUBLISHED" && (
            <Link className="btn btn-primary" to={`${base}/correct`}>
              {t("disclosure.manage.correct")}
            </Link>
          )
        )}
      </p>
      {state === "PUBLISHED" && !hasDraft && (
        <details className="disclosure">
          <summary>{t("disclosure.manage.withdraw")}</summary>
          <div className="form">
            <FormError message={errs.form} />
            <TextArea
              label={t("disclosure.manage.withdrawReason")}
              hint={t("disclosure.manage.withdrawHint")}
              rows={3}
              maxLength={500}
              value={reason}
              error={errs.fields.reason}
              onChange={(e) => {
                edit("reason");
                setReason(e.target.value);
              }}
            />
            <ConfirmSheet
              trigger={t("disclosure.manage.withdraw")}
              triggerClass="btn btn-danger"
              disabled={!reason.trim() || res.fetching}
              title={t("disclosure.manage.withdrawTitle")}
              consequence={<p>{t("disclosure.manage.withdrawConsequence", { reason: reason.trim() })}</p>}
              confirm={t("disclosure.manage.withdrawConfirm")}
              onConfirm={async () => {
                sent();
                const r = await withdraw({ input: { disclosureId, reason } });
                if (r.data) {
                  setReason("");
                  onDone(t("disclosure.manage.withdrawn"));
                }
              }}
            />
          </div>
        </details>
      )}
    </section>
  );
}
