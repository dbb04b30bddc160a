import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { emptyTemplate, templateFields, templateInput, type TemplateDraft } from "../../lib/patrolTeam";
import { WEEKDAYS } from "../../lib/volunteer";
import { ConfirmSheet } from "../ConfirmSheet";
import { CheckField, CheckGroup, FormError, SelectField, TextField } from "../ui";

const AddShiftTemplateDoc = graphql(`
  mutation AddShiftTemplate($input: AddShiftTemplateInput!) {
    addShiftTemplate(input: $input) {
      template {
        name
      }
    }
  }
`);

/**
 * TemplateForm adds a shift template, for the captain and the committee:
 * its name, route, weekdays, start and end on the community's clock (an
 * overnight one ends the next day), the least and most patrollers, and
 * its weight. A template cannot be changed once added, so it asks first.
 * The server's errors stand by their fields (an end before the start, no
 * patroller, a weight of 0) and clear on editing.
 */
export function TemplateForm({
  teamId,
  routes,
  onCancel,
  onDone,
}: {
  teamId: string;
  routes: readonly { id: string; name: string }[];
  onCancel: () => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<TemplateDraft>(() => emptyTemplate(routes[0]?.id ?? ""));
  const [res, add] = useMutation(AddShiftTemplateDoc);
  const fields = templateFields(WEEKDAYS.length);
  const { errs, edit, sent } = useEditedErrors(res.error, fields, t("app.networkError"));
  const change = (patch: Partial<TemplateDraft>, ...edited: string[]) => {
    edited.forEach(edit);
    setD({ ...d, ...patch });
  };
  const daysError = errs.fields.days ?? Object.entries(errs.fields).find(([k]) => k.startsWith("days["))?.[1];
  const save = async () => {
    sent();
    const r = await add({ input: templateInput(teamId, d) });
    if (r.data) onDone(t("patrolTeam.templates.added", { name: d.name.trim() }));
  };
  return (
    <form className="form patrol-template-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <h3>{t("patrolTeam.templates.add")}</h3>
      <FormError message={errs.form} />
      <TextField
        label={t("patrolTeam.templates.name")}
        hint={t("patrolTeam.templates.nameHint")}
        maxLength={20}
        value={d.name}
        error={errs.fields.name}
        onChange={(e) => change({ name: e.target.value }, "name")}
      />
      <SelectField label={t("patrolTeam.templates.route")} value={d.routeId} error={errs.fields.routeId} onChange={(e) => change({ routeId: e.target.value }, "routeId")}>
        {routes.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <CheckGroup legend={t("patrolTeam.templates.days")} error={daysError}>
        <div className="check-columns">
          {WEEKDAYS.map((w) => (
            <CheckField
              key={w}
              label={t(`volunteer.weekdays.${w}`)}
              checked={d.days.includes(w)}
              onChange={(e) => change({ days: e.target.checked ? [...d.days, w] : d.days.filter((x) => x !== w) }, ...fields.filter((f) => f.startsWith("days")))}
            />
          ))}
        </div>
      </CheckGroup>
      <div className="field-pair">
        <TextField label={t("patrolTeam.templates.start")} type="time" step={900} value={d.start} error={errs.fields.start} onChange={(e) => change({ start: e.target.value }, "start", "end")} />
        <TextField label={t("patrolTeam.templates.end")} type="time" step={900} value={d.end} error={errs.fields.end} onChange={(e) => change({ end: e.target.value }, "end")} />
      </div>
      <CheckField
        label={t("patrolTeam.templates.overnight")}
        hint={t("patrolTeam.templates.overnightHint")}
        checked={d.overnight}
        onChange={(e) => change({ overnight: e.target.checked }, "end")}
      />
      <CheckField label={t("patrolTeam.templates.night")} hint={t("patrolTeam.templates.nightHint")} checked={d.night} onChange={(e) => change({ night: e.target.checked })} />
      <div className="field-pair">
        <TextField
          label={t("patrolTeam.templates.min")}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          value={d.min}
          error={errs.fields.min}
          onChange={(e) => change({ min: e.target.value }, "min", "max")}
        />
        <TextField
          label={t("patrolTeam.templates.max")}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          value={d.max}
          error={errs.fields.max}
          onChange={(e) => change({ max: e.target.value }, "max")}
        />
      </div>
      <TextField
        label={t("patrolTeam.templates.weight")}
        hint={t("patrolTeam.templates.weightHint")}
        type="number"
        inputMode="decimal"
        min={0.5}
        max={10}
        step={0.5}
        value={d.weight}
        error={errs.fields.weight}
        onChange={(e) => change({ weight: e.target.value }, "weight")}
      />
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t("app.cancel")}
        </button>
        <ConfirmSheet
          trigger={t("patrolTeam.templates.submit")}
          triggerClass="btn btn-primary"
          title={t("patrolTeam.templates.confirmTitle", { name: d.name.trim() || t("patrolTeam.templates.thisShift") })}
          consequence={t("patrolTeam.templates.confirmConsequence")}
          confirm={t("patrolTeam.templates.confirm")}
          disabled={res.fetching}
          onConfirm={save}
        />
      </div>
    </form>
  );
}
