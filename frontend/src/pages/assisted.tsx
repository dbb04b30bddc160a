import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { FormError, Notice, Page, SelectField, Skeleton, TextField } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { CommunityPlacesQueryDoc } from "../lib/places";

const RegisterAssistedMutation = graphql(`
  mutation RegisterAssistedResident($input: RegisterAssistedResidentInput!) {
    registerAssistedResident(input: $input) {
      member {
        id
        user {
          id
          name
        }
        grid {
          id
          name
        }
        microGrid {
          id
          name
        }
      }
    }
  }
`);

/**
 * AssistedPage lets a grid worker (or the committee) register a resident
 * who has no email or smartphone, in a micro-grid of their grids.
 */
export function AssistedPage() {
  const { t } = useTranslation();
  const { community, membership, can } = useCommunity();
  const [places] = useQuery({ query: CommunityPlacesQueryDoc, variables: { id: community.id }, pause: !(can.gridWorker || can.manager) });
  const [res, register] = useMutation(RegisterAssistedMutation);
  const [form, setForm] = useState({ name: "", phone: "", microGridId: "" });
  const [done, setDone] = useState<string>();
  const errs = toFormErrors(res.error, ["name", "phone", "microGridId"], t("app.networkError"));

  if (!can.gridWorker && !can.manager) {
    return (
      <Page title={t("assisted.title")}>
        <FormError message={t("assisted.notWorker")} />
      </Page>
    );
  }
  // A grid worker registers residents of the grids they work for; the
  // committee and admins, of any grid.
  const mine = new Set(membership.workerGrids.map((g) => g.id));
  const grids = (places.data?.community?.grids.nodes ?? []).filter((g) => can.manager || mine.has(g.id));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    const r = await register({
      input: { communityId: community.id, microGridId: form.microGridId, name: form.name, phone: form.phone.trim() || null },
    });
    const m = r.data?.registerAssistedResident.member;
    if (m) {
      setDone(t("assisted.done", { name: m.user.name, place: [m.grid?.name, m.microGrid?.name].filter(Boolean).join(" · ") }));
      setForm({ name: "", phone: "", microGridId: form.microGridId });
    }
  }

  return (
    <Page title={t("assisted.title")}>
      <p className="lead">{t("assisted.intro")}</p>
      <Notice message={done} />
      {!places.data ? (
        <Skeleton lines={4} />
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <FormError message={errs.form} />
          <TextField
            label={t("assisted.name")}
            name="name"
            autoComplete="off"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errs.fields.name}
          />
          <TextField
            label={t("assisted.phone")}
            hint={t("assisted.phoneHint")}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
            error={errs.fields.phone}
            optional
          />
          <SelectField
            label={t("assisted.microGrid")}
            name="microGridId"
            value={form.microGridId}
            onChange={(e) => setForm({ ...form, microGridId: e.target.value })}
            error={errs.fields.microGridId}
          >
            <option value="">{t("assisted.chooseMicroGrid")}</option>
            {grids.map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.microGrids.nodes.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
            {t("assisted.submit")}
          </button>
        </form>
      )}
    </Page>
  );
}
