import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { VoteChoice } from "../../gql/graphql";
import { useCommunity } from "../../lib/community";
import { assistedOfWorker } from "../../lib/deliberation";
import { toFormErrors } from "../../lib/errors";
import { useMemberPicker } from "../../lib/memberPicker";
import { FormError, SelectField, TextField } from "../ui";
import { VOTE_CHOICES } from "./choices";

const AssistedVoteMutation = graphql(`
  mutation RecordAssistedVote($input: RecordAssistedVoteInput!) {
    recordAssistedVote(input: $input) {
      motion {
        id
      }
    }
  }
`);

/**
 * AssistedVoteForm is a grid worker's form to record the vote of an
 * assisted resident of their grids, as given before a named witness.
 */
export function AssistedVoteForm({ motionId, onDone, onCancel }: { motionId: string; onDone: (msg: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { community, membership } = useCommunity();
  const members = useMemberPicker(community.id);
  // A grid worker records votes for the assisted residents of the grids they work for.
  const assistable = assistedOfWorker(
    members,
    membership.workerGrids.map((g) => g.id),
  );
  const [res, record] = useMutation(AssistedVoteMutation);
  const [who, setWho] = useState("");
  const [choice, setChoice] = useState<VoteChoice>("YES");
  const [witness, setWitness] = useState("");
  const errs = toFormErrors(res.error, ["memberId", "choice", "witness"], t("app.networkError"));
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await record({ input: { motionId, memberId: who, choice, witness } });
        if (r.data) onDone(t("motion.assistedDone"));
      }}
    >
      <h3>{t("motion.assisted")}</h3>
      <FormError message={errs.form} />
      <SelectField label={t("motion.assistedFor")} value={who} error={errs.fields.memberId} onChange={(e) => setWho(e.target.value)}>
        <option value="">{t("panel.chooseMember")}</option>
        {assistable.map((mm) => (
          <option key={mm.id} value={mm.id}>
            {mm.user.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("motion.choice")} value={choice} error={errs.fields.choice} onChange={(e) => setChoice(e.target.value as VoteChoice)}>
        {VOTE_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`motion.choices.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("motion.witness")} hint={t("motion.witnessHint")} maxLength={64} value={witness} error={errs.fields.witness} onChange={(e) => setWitness(e.target.value)} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("motion.assistedSubmit")}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
