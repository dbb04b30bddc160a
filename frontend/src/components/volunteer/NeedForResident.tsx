import { useTranslation } from "react-i18next";
import type { PickableMember } from "../../lib/memberPicker";
import { SelectField } from "../ui";

/**
 * residentsFor lists the members a need may be posted for: the residents
 * of a grid worker's grids, or anyone for the committee, by name.
 */
export function residentsFor(members: readonly PickableMember[], workerGridIds: readonly string[], committee: boolean, viewerId: string): PickableMember[] {
  return members
    .filter((m) => m.user.id !== viewerId && (committee || (!!m.grid && workerGridIds.includes(m.grid.id))))
    .sort((a, b) => a.user.name.localeCompare(b.user.name, "zh-CN"));
}

/**
 * NeedForResident is the part of the need form where a grid worker (or
 * the committee) posts for a resident: who is helped, the viewer
 * themself by default. A need posted for a resident is open at once.
 */
export function NeedForResident({
  residents,
  value,
  onChange,
  error,
}: {
  residents: readonly PickableMember[];
  value: string;
  onChange: (memberId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField label={t("volunteer.post.forWho")} hint={t("volunteer.post.forHint")} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("volunteer.post.forMyself")}</option>
      {residents.map((m) => (
        <option key={m.id} value={m.id}>
          {m.user.name}
          {m.microGrid ? ` · ${m.microGrid.name}` : m.grid ? ` · ${m.grid.name}` : ""}
        </option>
      ))}
    </SelectField>
  );
}
