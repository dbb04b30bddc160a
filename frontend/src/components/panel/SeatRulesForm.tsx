import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { SeatKind } from "../../gql/graphql";
import { SEAT_KINDS } from "../../lib/deliberation";
import { FormError, SelectField, TextField } from "../ui";
import { useEditedErrors } from "../../lib/editedErrors";

/** SeatRulesFields are the topic's grids, the panel's seat rules, and its seed (the rules are fixed once it is published). */
export const SeatRulesFields = graphql(`
  fragment SeatRulesFields on Topic {
    id
    grids {
      id
      name
    }
    panel {
      seed
      rules {
        kind
        min
        max
        grid {
          id
        }
      }
    }
  }
`);

const SetSeatRulesMutation = graphql(`
  mutation SetSeatRules($input: SetSeatRulesInput!) {
    setSeatRules(input: $input) {
      panel {
        state
      }
    }
  }
`);

interface RuleRow {
  kind: SeatKind;
  gridId: string;
  min: string;
  max: string;
}

/**
 * SeatRulesForm is the committee's form for the seat rules of a topic's
 * panel: how many seats of each kind, and for which grid; read-only once
 * the seed is published. An error clears once the rules are changed.
 */
export function SeatRulesForm({
  topic,
  onStart,
  onDone,
}: {
  topic: ResultOf<typeof SeatRulesFields>;
  onStart: () => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [res, setRules] = useMutation(SetSeatRulesMutation);
  const [rows, setRows] = useState<RuleRow[] | null>(null);
  const { errs, edit, sent } = useEditedErrors(res.error, ["rules"], t("app.networkError"));
  const grids = topic.grids;
  const current: RuleRow[] =
    rows ??
    (topic.panel?.rules ?? []).map((r) => ({ kind: r.kind, gridId: r.grid?.id ?? "", min: String(r.min), max: String(r.max) }));
  const seedPublished = !!topic.panel?.seed;
  const kindLabel = (k: string) => t(`panel.kinds.${k}`);
  const change = (next: RuleRow[]) => {
    setRows(next);
    edit("rules");
  };
  const setRow = (i: number, patch: Partial<RuleRow>) => change(current.map((row, j) => (i === j ? { ...row, ...patch } : row)));

  async function save(e: FormEvent) {
    e.preventDefault();
    onStart();
    sent();
    const r = await setRules({
      input: {
        topicId: topic.id,
        rules: current.map((row) => ({
          kind: row.kind,
          gridId: row.kind === "AFFECTED_RESIDENTS" ? row.gridId || null : null,
          min: Number(row.min) || 0,
          max: Number(row.max) || 0,
        })),
      },
    });
    if (r.data) {
      setRows(null);
      onDone(t("panel.rulesSaved"));
    }
  }

  return (
    <form onSubmit={save} noValidate className="form seat-rules" aria-labelledby="step-rules-h">
      <FormError message={errs.form} />
      {current.length === 0 && <p className="muted">{t("panel.noRules")}</p>}
      <ol className="rule-rows">
        {current.map((row, i) => (
          <li key={i} className="rule-row">
            <fieldset className="check-group">
              <legend>{t("panel.ruleN", { n: i + 1 })}</legend>
              <SelectField
                label={t("panel.kind")}
                value={row.kind}
                disabled={seedPublished}
                onChange={(e) => setRow(i, { kind: e.target.value as SeatKind, gridId: e.target.value === "AFFECTED_RESIDENTS" ? row.gridId || grids[0]?.id || "" : "" })}
              >
                {SEAT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </SelectField>
              {row.kind === "AFFECTED_RESIDENTS" && (
                <SelectField label={t("panel.grid")} value={row.gridId} disabled={seedPublished} onChange={(e) => setRow(i, { gridId: e.target.value })}>
                  {grids.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </SelectField>
              )}
              <TextField label={t("panel.min")} inputMode="numeric" value={row.min} disabled={seedPublished} onChange={(e) => setRow(i, { min: e.target.value })} />
              <TextField label={t("panel.max")} inputMode="numeric" value={row.max} disabled={seedPublished} onChange={(e) => setRow(i, { max: e.target.value })} />
              {!seedPublished && (
                <button type="button" className="btn" onClick={() => change(current.filter((_, j) => j !== i))}>
                  {t("panel.removeRule", { n: i + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {errs.fields.rules && (
        <p className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {errs.fields.rules}
        </p>
      )}
      {!seedPublished && (
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() => change([...current, { kind: "AFFECTED_RESIDENTS", gridId: grids[0]?.id ?? "", min: "1", max: "3" }])}
          >
            {t("panel.addRule")}
          </button>
          <button type="submit" className="btn btn-primary" disabled={res.fetching}>
            {t("panel.saveRules")}
          </button>
        </div>
      )}
    </form>
  );
}
