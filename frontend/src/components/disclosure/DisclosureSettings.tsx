import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { CommunityKind, DisclosureKind, FinanceCadence } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { kindLabel } from "../../lib/disclosure";
import { FormError, Notice, SelectField, TextField } from "../ui";

const SettingsQueryDoc = graphql(`
  query DisclosureSettings($id: ID!) {
    community(id: $id) {
      id
      kind
      disclosureSchedule {
        financeCadence
        rules {
          kind
          dueDays
        }
      }
      financeCategories {
        code
        label
        parent
        custom
      }
    }
  }
`);

const SetScheduleMutation = graphql(`
  mutation SetDisclosureSchedule($input: SetDisclosureScheduleInput!) {
    setDisclosureSchedule(input: $input) {
      schedule {
        financeCadence
        rules {
          kind
          dueDays
        }
      }
    }
  }
`);

const AddCategoryMutation = graphql(`
  mutation AddFinanceCategory($input: AddFinanceCategoryInput!) {
    addFinanceCategory(input: $input) {
      category {
        code
        label
        parent
        custom
      }
    }
  }
`);

/** dueFields are the schedule input's due-day field of each kind. */
const dueFields: Record<DisclosureKind, "partyDueDays" | "villageDueDays" | "financeDueDays" | "powerDueDays"> = {
  PARTY: "partyDueDays",
  VILLAGE: "villageDueDays",
  FINANCE: "financeDueDays",
  POWER: "powerDueDays",
};

/**
 * DisclosureSettings is the committee's 公开规则 on the desk: how often
 * finance is disclosed (monthly or quarterly) and how many days after its
 * period each kind is due, and the community's own sub-accounts under the
 * fixed chart of accounts.
 */
export function DisclosureSettings({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [res, reload] = useQuery({ query: SettingsQueryDoc, variables: { id: communityId } });
  const c = res.data?.community;
  if (!c) return null;
  return (
    <section className="panel" aria-labelledby="disclosure-settings-h">
      <h2 id="disclosure-settings-h">{t("disclosure.settings.title")}</h2>
      <ScheduleForm
        key={JSON.stringify(c.disclosureSchedule)}
        communityId={communityId}
        communityKind={c.kind}
        cadence={c.disclosureSchedule.financeCadence}
        rules={c.disclosureSchedule.rules}
      />
      <CategoryForm
        communityId={communityId}
        parents={c.financeCategories.filter((f) => !f.parent)}
        custom={c.financeCategories.filter((f) => f.custom)}
        onAdded={() => reload({ requestPolicy: "network-only" })}
      />
    </section>
  );
}

function ScheduleForm({
  communityId,
  communityKind,
  cadence,
  rules,
}: {
  communityId: string;
  communityKind: CommunityKind;
  cadence: FinanceCadence;
  rules: readonly { kind: DisclosureKind; dueDays: number }[];
}) {
  const { t } = useTranslation();
  const [res, save] = useMutation(SetScheduleMutation);
  const [form, setForm] = useState(() => ({ cadence, days: Object.fromEntries(rules.map((r) => [r.kind, String(r.dueDays)])) as Record<string, string> }));
  const [done, setDone] = useState(false);
  const { errs, edit, sent } = useEditedErrors(res.error, [...Object.values(dueFields), "financeCadence"], t("app.networkError"));
  return (
    <form
      className="form"
      noValidate
      aria-label={t("disclosure.settings.schedule")}
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(false);
        sent();
        const input: Record<string, unknown> = { communityId, financeCadence: form.cadence };
        for (const r of rules) input[dueFields[r.kind]] = Number(form.days[r.kind]);
        const r = await save({ input: input as never });
        if (r.data) setDone(true);
      }}
    >
      <h3>{t("disclosure.settings.schedule")}</h3>
      <Notice message={done ? t("disclosure.settings.saved") : undefined} />
      <FormError message={errs.form} />
      <SelectField
        label={t("disclosure.settings.cadence")}
        value={form.cadence}
        error={errs.fields.financeCadence}
        onChange={(e) => {
          edit("financeCadence");
          setForm({ ...form, cadence: e.target.value as FinanceCadence });
        }}
      >
        <option value="MONTHLY">{t("disclosure.settings.monthly")}</option>
        <option value="QUARTERLY">{t("disclosure.settings.quarterly")}</option>
      </SelectField>
      {rules.map((r) => (
        <TextField
          key={r.kind}
          label={t("disclosure.settings.dueDays", { kind: kindLabel(t, r.kind, communityKind) })}
          hint={t("disclosure.settings.dueDaysHint")}
          inputMode="numeric"
          value={form.days[r.kind] ?? ""}
          error={errs.fields[dueFields[r.kind]]}
          onChange={(e) => {
            edit(dueFields[r.kind]);
            setForm({ ...form, days: { ...form.days, [r.kind]: e.target.value } });
          }}
        />
      ))}
      <button type="submit" className="btn btn-primary" disabled={res.fetching}>
        {t("disclosure.settings.save")}
      </button>
    </form>
  );
}

function CategoryForm({
  communityId,
  parents,
  custom,
  onAdded,
}: {
  communityId: string;
  parents: readonly { code: string; label: string }[];
  custom: readonly { code: string; label: string }[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [res, add] = useMutation(AddCategoryMutation);
  const [parent, setParent] = useState("");
  const [name, setName] = useState("");
  const [added, setAdded] = useState<string>();
  const { errs, edit, sent } = useEditedErrors(res.error, ["parent", "name"], t("app.networkError"));
  return (
    <form
      className="form"
      noValidate
      aria-label={t("disclosure.settings.categories")}
      onSubmit={async (e) => {
        e.preventDefault();
        setAdded(undefined);
        sent();
        const r = await add({ input: { communityId, parent, name } });
        if (r.data) {
          setAdded(t("disclosure.settings.categoryAdded", { name: r.data.addFinanceCategory.category.label }));
          setName("");
          onAdded();
        }
      }}
    >
      <h3>{t("disclosure.settings.categories")}</h3>
      {custom.length > 0 && <p className="muted">{custom.map((c) => c.label).join("、")}</p>}
      <Notice message={added} />
      <FormError message={errs.form} />
      <SelectField
        label={t("disclosure.settings.parent")}
        value={parent}
        error={errs.fields.parent}
        onChange={(e) => {
          edit("parent");
          setParent(e.target.value);
        }}
      >
        <option value="">{t("disclosure.settings.chooseParent")}</option>
        {parents.map((p) => (
          <option key={p.code} value={p.code}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("disclosure.settings.name")}
        maxLength={20}
        autoComplete="off"
        value={name}
        error={errs.fields.name}
        onChange={(e) => {
          edit("name");
          setName(e.target.value);
        }}
      />
      <button type="submit" className="btn" disabled={res.fetching}>
        {t("disclosure.settings.add")}
      </button>
    </form>
  );
}
