import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { SeatKind } from "../../gql/graphql";
import { useCommunity } from "../../lib/community";
import { SEAT_KINDS } from "../../lib/deliberation";
import { useMemberPicker } from "../../lib/memberPicker";
import { FormError, SelectField } from "../ui";
import { useEditedErrors } from "../../lib/editedErrors";

const NominateSeatMutation = graphql(`
  mutation NominateSeat($input: NominateSeatInput!) {
    nominateSeat(input: $input) {
      panel {
        state
      }
    }
  }
`);

/**
 * NominateForm is the committee's form to nominate a member of the
 * community to a seat. It reads nothing of the panel: the members come
 * from the member picker. An error clears once the form is changed.
 */
export function NominateForm({ topicId, onStart, onDone }: { topicId: string; onStart: () => void; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const members = useMemberPicker(community.id);
  const [res, nominate] = useMutation(NominateSeatMutation);
  const [kind, setKind] = useState<SeatKind>("REPRESENTATIVES");
  const [member, setMember] = useState("");
  const { errs, edit, sent } = useEditedErrors(res.error, ["memberId", "kind"], t("app.networkError"));

  async function submit(e: FormEvent) {
    e.preventDefault();
    onStart();
    sent();
    const r = await nominate({ input: { topicId, kind, memberId: member } });
    if (r.data) {
      setMember("");
      onDone(t("panel.nominated"));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="step-nominate-h" aria-describedby="nominate-hint">
      <p className="muted small" id="nominate-hint">
        {t("panel.steps.nominateHint")}
      </p>
      <FormError message={errs.form} />
      <SelectField
        label={t("panel.nominateKind")}
        value={kind}
        error={errs.fields.kind}
        onChange={(e) => {
          setKind(e.target.value as SeatKind);
          edit("kind");
        }}
      >
        {SEAT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`panel.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("panel.member")}
        value={member}
        error={errs.fields.memberId}
        onChange={(e) => {
          setMember(e.target.value);
          edit("memberId");
        }}
      >
        <option value="">{t("panel.chooseMember")}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.user.name}
            {m.grid ? `（${m.grid.name}）` : ""}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="btn btn-primary" disabled={res.fetching}>
        {t("panel.nominate")}
      </button>
    </form>
  );
}
