import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { seatAccepted } from "../../lib/deliberation";
import { toFormErrors } from "../../lib/errors";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, formatDateTime } from "../ui";

/** PanelConfirmFields are whether and when the panel was confirmed, and by whom, and its seats' answers, which confirming counts. */
export const PanelConfirmFields = graphql(`
  fragment PanelConfirmFields on Panel {
    state
    confirmedAt
    confirmedBy {
      id
      name
    }
    seats {
      state
    }
  }
`);

const ConfirmPanelMutation = graphql(`
  mutation ConfirmPanel($input: ConfirmPanelInput!) {
    confirmPanel(input: $input) {
      panel {
        state
        confirmedAt
      }
    }
  }
`);

/**
 * PanelConfirm says when the panel was confirmed and by whom; before that,
 * the committee confirms a draft panel here. While seats are missing
 * (reason says which) the button is disabled; confirming asks first,
 * saying how many accepted and how many have not answered.
 */
export function PanelConfirm({
  topicId,
  panel,
  reason,
  onStart,
  onDone,
}: {
  topicId: string;
  panel: ResultOf<typeof PanelConfirmFields>;
  reason?: string;
  onStart: () => void;
  onDone: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const [res, confirm] = useMutation(ConfirmPanelMutation);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const zone = community.settings.timeZone;
  if (panel.confirmedAt) {
    return (
      <p className="alert alert-ok panel-confirmed">
        {panel.confirmedBy
          ? t("panel.confirmedBy", { name: panel.confirmedBy.name, date: formatDateTime(panel.confirmedAt, i18n.language, zone) })
          : t("panel.confirmedAt", { date: formatDateTime(panel.confirmedAt, i18n.language, zone) })}
      </p>
    );
  }
  if (!can.committee || panel.state !== "DRAFT") return null;
  const accepted = panel.seats.filter((s) => seatAccepted(s.state)).length;
  const invited = panel.seats.filter((s) => s.state === "INVITED").length;
  return (
    <div className="panel-confirm">
      <p className="muted small">{t("panel.confirmHint")}</p>
      {reason && <p className="step-reason">{reason}</p>}
      <ConfirmSheet
        trigger={t("panel.confirm")}
        title={t("panel.confirmTitle")}
        consequence={<p>{t("panel.confirmConsequence", { accepted, invited })}</p>}
        confirm={t("panel.confirmYes")}
        disabled={!!reason || res.fetching}
        onConfirm={async () => {
          onStart();
          const r = await confirm({ input: { topicId } });
          if (r.data) onDone(t("panel.confirmedDone"));
        }}
      />
      <FormError message={errs.form} />
    </div>
  );
}
