import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { checkpointsInput, routeFields, type CheckpointDraft } from "../../lib/patrolTeam";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, SelectField, Skeleton, TextField } from "../ui";
import { CommunityPlacesQueryDoc } from "../../lib/places";

const AddPatrolRouteDoc = graphql(`
  mutation AddPatrolRoute($input: AddPatrolRouteInput!) {
    addPatrolRoute(input: $input) {
      route {
        id
      }
    }
  }
`);

/** MAX_CHECKPOINTS is how many checkpoints a route has at most (patrol.MaxCheckpoints). */
const MAX_CHECKPOINTS = 30;

const emptyPoint = (): CheckpointDraft => ({ name: "", microGridId: "", lat: "", lng: "" });

/**
 * RouteForm adds a route of a grid to the team, for the captain and the
 * committee: its name and 1 to 30 checkpoints in walking order, each with
 * a name, a micro-grid of the grid and, if known, its coordinates. A route
 * cannot be changed once added (its QR codes get printed), so it asks
 * first. The server's errors stand by their fields.
 */
export function RouteForm({ teamId, onCancel, onDone }: { teamId: string; onCancel: () => void; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [gres] = useQuery({ query: CommunityPlacesQueryDoc, variables: { id: community.id } });
  const [res, add] = useMutation(AddPatrolRouteDoc);
  const [name, setName] = useState("");
  const [gridId, setGridId] = useState("");
  const [points, setPoints] = useState<CheckpointDraft[]>([emptyPoint()]);
  const fields = routeFields(MAX_CHECKPOINTS);
  const { errs, edit, sent } = useEditedErrors(res.error, fields, t("app.networkError"));
  const grids = gres.data?.community?.grids.nodes;
  const micros = grids?.find((g) => g.id === gridId)?.microGrids.nodes ?? [];
  const setPoint = (i: number, p: CheckpointDraft | null, field?: string) => {
    if (field) edit(`checkpoints[${i}].${field}`);
    else fields.filter((f) => f.startsWith("checkpoints")).forEach(edit); // the indices move
    edit("checkpoints");
    setPoints(p ? points.map((x, j) => (j === i ? p : x)) : points.filter((_, j) => j !== i));
  };
  const save = async () => {
    sent();
    const r = await add({ input: { patrolTeamId: teamId, gridId, name: name.trim(), checkpoints: checkpointsInput(points) } });
    if (r.data) onDone(t("patrolTeam.routes.added", { route: name.trim() }));
  };
  if (!grids) {
    return (
      <>
        <FormError message={toFormErrors(gres.error, [], t("app.networkError")).form} />
        <Skeleton lines={4} />
      </>
    );
  }
  return (
    <form className="form patrol-route-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <h3>{t("patrolTeam.routes.add")}</h3>
      <FormError message={errs.form} />
      <TextField
        label={t("patrolTeam.routes.name")}
        hint={t("patrolTeam.routes.nameHint")}
        maxLength={30}
        value={name}
        error={errs.fields.name}
        onChange={(e) => {
          edit("name");
          setName(e.target.value);
        }}
      />
      <SelectField
        label={t("patrolTeam.routes.grid")}
        value={gridId}
        error={errs.fields.gridId}
        onChange={(e) => {
          edit("gridId");
          fields.filter((f) => f.endsWith(".microGridId")).forEach(edit);
          setGridId(e.target.value);
          setPoints(points.map((p) => ({ ...p, microGridId: "" })));
        }}
      >
        <option value="">{t("patrolTeam.routes.chooseGrid")}</option>
        {grids.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <fieldset className={errs.fields.checkpoints ? "check-group field-invalid" : "check-group"}>
        <legend>{t("patrolTeam.routes.checkpoints")}</legend>
        <p className="field-hint">{t("patrolTeam.routes.checkpointsHint")}</p>
        <ol className="patrol-point-list">
          {points.map((p, i) => (
            <li key={i} className="patrol-point">
              <TextField
                label={t("patrolTeam.routes.pointName", { n: i + 1 })}
                maxLength={30}
                value={p.name}
                error={errs.fields[`checkpoints[${i}].name`]}
                onChange={(e) => setPoint(i, { ...p, name: e.target.value }, "name")}
              />
              <SelectField
                label={t("patrolTeam.routes.microGrid", { n: i + 1 })}
                value={p.microGridId}
                error={errs.fields[`checkpoints[${i}].microGridId`]}
                onChange={(e) => setPoint(i, { ...p, microGridId: e.target.value }, "microGridId")}
              >
                <option value="">{gridId ? t("patrolTeam.routes.chooseMicroGrid") : t("patrolTeam.routes.gridFirst")}</option>
                {micros.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </SelectField>
              <div className="field-pair">
                <TextField
                  label={t("patrolTeam.routes.lat", { n: i + 1 })}
                  optional
                  inputMode="decimal"
                  value={p.lat}
                  error={errs.fields[`checkpoints[${i}].lat`]}
                  onChange={(e) => setPoint(i, { ...p, lat: e.target.value }, "lat")}
                />
                <TextField
                  label={t("patrolTeam.routes.lng", { n: i + 1 })}
                  optional
                  inputMode="decimal"
                  value={p.lng}
                  error={errs.fields[`checkpoints[${i}].lng`]}
                  onChange={(e) => {
                    edit(`checkpoints[${i}].lat`);
                    setPoint(i, { ...p, lng: e.target.value }, "lng");
                  }}
                />
              </div>
              {points.length > 1 && (
                <button type="button" className="btn" aria-label={t("patrolTeam.routes.removePoint", { n: i + 1 })} onClick={() => setPoint(i, null)}>
                  {t("patrolTeam.routes.remove")}
                </button>
              )}
            </li>
          ))}
        </ol>
        {errs.fields.checkpoints && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {errs.fields.checkpoints}
          </p>
        )}
        {points.length < MAX_CHECKPOINTS && (
          <button type="button" className="btn" onClick={() => setPoints([...points, emptyPoint()])}>
            + {t("patrolTeam.routes.addPoint")}
          </button>
        )}
      </fieldset>
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t("app.cancel")}
        </button>
        <ConfirmSheet
          trigger={t("patrolTeam.routes.submit")}
          triggerClass="btn btn-primary"
          title={t("patrolTeam.routes.confirmTitle", { route: name.trim() || t("patrolTeam.routes.thisRoute") })}
          consequence={t("patrolTeam.routes.confirmConsequence", { count: points.length })}
          confirm={t("patrolTeam.routes.confirm")}
          disabled={res.fetching}
          onConfirm={save}
        />
      </div>
    </form>
  );
}
