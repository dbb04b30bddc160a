import { useTranslation } from "react-i18next";
import { useCommunity } from "../lib/community";
import { assistedOfWorker } from "../lib/deliberation";
import { useMemberPicker } from "../lib/memberPicker";
import { SelectField, TextField } from "./ui";

/** ProposeForValue is for whom a grid worker proposes: an assisted resident's Member ID ("" for themselves) and the witness. */
export interface ProposeForValue {
  memberId: string;
  witness: string;
}

/**
 * ProposeFor is the part of the propose form where a grid worker proposes
 * for an assisted resident of their grids, on the record before a named
 * witness; the resident becomes the proposer.
 */
export function ProposeFor({
  value,
  onChange,
  errors,
}: {
  value: ProposeForValue;
  onChange: (v: ProposeForValue) => void;
  errors: { onBehalfOf?: string; witness?: string };
}) {
  const { t } = useTranslation();
  const { community, membership } = useCommunity();
  const members = useMemberPicker(community.id);
  const residents = assistedOfWorker(
    members,
    membership.workerGrids.map((g) => g.id),
  );
  return (
    <fieldset className="check-group propose-for">
      <legend>{t("propose.forLegend")}</legend>
      <SelectField
        label={t("propose.forWho")}
        name="onBehalfOf"
        value={value.memberId}
        error={errors.onBehalfOf}
        onChange={(e) => onChange({ ...value, memberId: e.target.value })}
      >
        <option value="">{t("propose.forMyself")}</option>
        {residents.map((m) => (
          <option key={m.id} value={m.id}>
            {m.user.name}
          </option>
        ))}
      </SelectField>
      {value.memberId && (
        <TextField
          label={t("panel.witness")}
          hint={t("panel.witnessHint")}
          name="witness"
          maxLength={64}
          autoComplete="off"
          value={value.witness}
          error={errors.witness}
          onChange={(e) => onChange({ ...value, witness: e.target.value })}
        />
      )}
    </fieldset>
  );
}
