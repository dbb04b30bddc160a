import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, formatDateTime } from "../ui";

/** PanelSeedFields are the panel's published seed and when it was published. */
export const PanelSeedFields = graphql(`
  fragment PanelSeedFields on Panel {
    seed
    seedPublishedAt
  }
`);

const PublishSeedMutation = graphql(`
  mutation PublishSeed($input: PublishSeedInput!) {
    publishSeed(input: $input) {
      panel {
        seed
        seedPublishedAt
      }
    }
  }
`);

/**
 * PanelSeed shows the seed of the panel's draws, and lets the committee
 * publish it before the first draw, after a confirm sheet: a seed cannot
 * be changed, and once it is out no one the lot could draw can be
 * nominated (nominated is how many are so far). titled gives it a heading
 * of its own, where it does not stand under its step's.
 */
export function PanelSeed({
  topicId,
  panel,
  titled,
  nominated = 0,
  onStart,
  onDone,
}: {
  topicId: string;
  panel: ResultOf<typeof PanelSeedFields>;
  titled?: boolean;
  nominated?: number;
  onStart: () => void;
  onDone: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const [res, publish] = useMutation(PublishSeedMutation);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const zone = community.settings.timeZone;
  return (
    <div className="seed">
      {titled && <h3>{t("panel.seedTitle")}</h3>}
      {panel.seed ? (
        <p>
          {t("panel.seed")} <code className="seed-value">{panel.seed}</code>
          <br />
          <span className="muted small">
            {t("panel.seedAt", { date: panel.seedPublishedAt ? formatDateTime(panel.seedPublishedAt, i18n.language, zone) : "" })}
          </span>
        </p>
      ) : (
        <p className="muted">{t("panel.noSeed")}</p>
      )}
      <FormError message={errs.form} />
      {can.committee && !panel.seed && (
        <ConfirmSheet
          trigger={t("panel.publishSeed")}
          triggerClass="btn btn-primary"
          title={t("panel.seedConfirmTitle")}
          consequence={
            <>
              <p>{t("panel.seedConfirm")}</p>
              <p>{t("panel.seedNominated", { count: nominated })}</p>
            </>
          }
          confirm={t("panel.seedConfirmYes")}
          disabled={res.fetching}
          onConfirm={async () => {
            onStart();
            const r = await publish({ input: { topicId } });
            if (r.data) onDone(t("panel.seedDone"));
          }}
        />
      )}
    </div>
  );
}
