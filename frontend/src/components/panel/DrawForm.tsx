import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { SeatKind } from "../../gql/graphql";
import { DRAWN_KINDS } from "../../lib/deliberation";
import { toFormErrors } from "../../lib/errors";
import { FormError, SelectField, TextField } from "../ui";

/** DrawFormFields are the grids to draw affected residents from, and the seed a draw needs. */
export const DrawFormFields = graphql(`
  fragment DrawFormFields on Topic {
    id
    grids {
      id
      name
    }
    panel {
      seed
    }
  }
`);

const DrawSeatsMutation = graphql(`
  mutation DrawSeats($input: DrawSeatsInput!) {
    drawSeats(input: $input) {
      panel {
        state
      }
    }
  }
`);

/** DrawForm is the committee's form to draw seats of a kind by lot, once the seed is published. */
export function DrawForm({
  topic,
  onStart,
  onDone,
}: {
  topic: ResultOf<typeof DrawFormFields>;
  onStart: () => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [res, draw] = useMutation(DrawSeatsMutation);
  const [kind, setKind] = useState<SeatKind>("AFFECTED_RESIDENTS");
  const [grid, setGrid] = useState("");
  const [count, setCount] = useState("3");
  const errs = toFormErrors(res.error, ["count", "gridId", "kind"], t("app.networkError"));
  const grids = topic.grids;
  const seedPublished = !!topic.panel?.seed;

  async function submit(e: FormEvent) {
    e.preventDefault();
    onStart();
    const r = await draw({
      input: {
        topicId: topic.id,
        kind,
        gridId: kind === "AFFECTED_RESIDENTS" ? grid || grids[0]?.id || null : null,
        count: Number(count) || 0,
      },
    });
    if (r.data) onDone(t("panel.drawn"));
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="draw-h">
      <h3 id="draw-h">{t("panel.drawTitle")}</h3>
      <FormError message={errs.form} />
      <SelectField label={t("panel.drawKind")} value={kind} error={errs.fields.kind} onChange={(e) => setKind(e.target.value as SeatKind)}>
        {DRAWN_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`panel.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === "AFFECTED_RESIDENTS" && (
        <SelectField label={t("panel.drawGrid")} value={grid || grids[0]?.id || ""} error={errs.fields.gridId} onChange={(e) => setGrid(e.target.value)}>
          {grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t("panel.count")} inputMode="numeric" value={count} error={errs.fields.count} onChange={(e) => setCount(e.target.value)} />
      <button type="submit" className="btn btn-primary" disabled={res.fetching || !seedPublished}>
        {t("panel.draw")}
      </button>
      {!seedPublished && <p className="muted small">{t("panel.drawNeedsSeed")}</p>}
    </form>
  );
}
