import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { useEditedErrors } from "../lib/editedErrors";
import { assistedOfWorker } from "../lib/deliberation";
import { useMemberPicker } from "../lib/memberPicker";
import { FormError, SelectField, TextField } from "./ui";

const SupportForMutation = graphql(`
  mutation SupportFor($input: SupportTopicInput!) {
    supportTopic(input: $input) {
      topic {
        id
        supportCount
      }
    }
  }
`);

/**
 * SupportFor lets a grid worker record, before a named witness, the support
 * of an assisted resident of their grids for a topic that is collecting.
 */
export function SupportFor({ topicId, onDone }: { topicId: string; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { community, membership } = useCommunity();
  const members = useMemberPicker(community.id);
  const residents = assistedOfWorker(
    members,
    membership.workerGrids.map((g) => g.id),
  );
  const [res, support] = useMutation(SupportForMutation);
  const [who, setWho] = useState("");
  const [witness, setWitness] = useState("");
  const { errs, edit, sent } = useEditedErrors(res.error, ["onBehalfOf", "witness"], t("app.networkError"));
  return (
    <details className="disclosure support-for">
      <summary>{t("topic.supportFor")}</summary>
      <form
        className="form"
        aria-label={t("topic.supportFor")}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const name = residents.find((m) => m.id === who)?.user.name ?? "";
          sent();
          const r = await support({ input: { topicId, onBehalfOf: who || null, witness } });
          if (r.data) {
            setWho("");
            setWitness("");
            onDone(t("topic.supportForDone", { name }));
          }
        }}
      >
        <FormError message={errs.form} />
        <SelectField label={t("topic.supportForWho")} value={who} error={errs.fields.onBehalfOf} onChange={(e) => {
            edit("onBehalfOf");
            setWho(e.target.value);
          }}>
          <option value="">{t("panel.chooseMember")}</option>
          {residents.map((m) => (
            <option key={m.id} value={m.id}>
              {m.user.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("panel.witness")} hint={t("panel.witnessHint")} maxLength={64} autoComplete="off" value={witness} error={errs.fields.witness} onChange={(e) => {
            edit("witness");
            setWitness(e.target.value);
          }} />
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("topic.supportForSubmit")}
        </button>
      </form>
    </details>
  );
}
