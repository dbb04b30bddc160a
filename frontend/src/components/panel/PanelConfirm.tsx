import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { FormError, formatDateTime } from "../ui";

/** PanelConfirmFields are whether and when the panel was confirmed, and by whom. */
export const PanelConfirmFields = graphql(`
  fragment PanelConfirmFields on Panel {
    state
    confirmedAt
    confirmedBy {
      id
      name
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

/** PanelConfirm says when the panel was confirmed and by whom; before that, the committee confirms a draft panel here. */
export function PanelConfirm({
  topicId,
  panel,
  onStart,
  onDone,
}: {
  topicId: string;
  panel: ResultOf<typeof PanelConfirmFields>;
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
  return (
    <div className="panel-confirm">
      <p className="muted small" id="confirm-hint">
        {t("panel.confirmHint")}
      </p>
      <button
        type="button"
        className="btn btn-primary"
        aria-describedby="confirm-hint"
        disabled={res.fetching}
        onClick={async () => {
          onStart();
          const r = await confirm({ input: { topicId } });
          if (r.data) onDone(t("panel.confirmedDone"));
        }}
      >
        {t("panel.confirm")}
      </button>
      <FormError message={errs.form} />
    </div>
  );
}
