import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { SeatKind } from "../../gql/graphql";
import { DRAWN_KINDS, drawPoolSize } from "../../lib/deliberation";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, SelectField, TextField } from "../ui";
import { useEditedErrors } from "../../lib/editedErrors";

/**
 * DrawFormFields are the grids to draw affected residents from, the seed a
 * draw needs, and the timeline's POOL events, which give the size of each
 * rule's pool.
 */
export const DrawFormFields = graphql(`
  fragment DrawFormFields on Topic {
    id
    grids {
      id
      name
    }
    timeline {
      kind
      note
      rule {
        kind
        grid {
          id
        }
      }
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

/**
 * DrawForm is the committee's form to draw seats of a kind by lot, once the
 * seed is published (blocked before: only the disabled button shows). The
 * draw asks first, saying from how large a pool how many are drawn, since
 * its result is public and final.
 */
export function DrawForm({
  topic,
  blocked,
  onStart,
  onDone,
}: {
  topic: ResultOf<typeof DrawFormFields>;
  blocked?: boolean;
  onStart: () => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [res, draw] = useMutation(DrawSeatsMutation);
  const [kind, setKind] = useState<SeatKind>("AFFECTED_RESIDENTS");
  const [grid, setGrid] = useState("");
  const [count, setCount] = useState("3");
  const { errs, edit, sent } = useEditedErrors(res.error, ["count", "gridId", "kind"], t("app.networkError"));
  const grids = topic.grids;
  const seed = topic.panel?.seed;
  const gridId = kind === "AFFECTED_RESIDENTS" ? grid || grids[0]?.id || null : null;
  const gridName = grids.find((g) => g.id === gridId)?.name;
  const kindLabel = t(`panel.kinds.${kind}`);
  const who = gridName ? t("panel.kindOfGrid", { kind: kindLabel, grid: gridName }) : kindLabel;
  const pool = drawPoolSize(topic.timeline, kind, gridId);
  const n = Number(count) || 0;

  async function submit() {
    onStart();
    sent();
    const r = await draw({ input: { topicId: topic.id, kind, gridId, count: n } });
    if (r.data) onDone(t("panel.drawn"));
  }

  const sheet = (
    <ConfirmSheet
      trigger={t("panel.draw")}
      title={t("panel.drawConfirmTitle")}
      consequence={<p>{pool === null ? t("panel.drawConsequenceSeed", { seed: seed ?? "", count: n, who }) : t("panel.drawConsequence", { pool, count: n, who })}</p>}
      confirm={t("panel.drawYes")}
      disabled={blocked || !seed || res.fetching}
      onConfirm={submit}
    />
  );
  if (blocked || !seed) return <div className="actions">{sheet}</div>;
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby="step-draw-h">
      <FormError message={errs.form} />
      <SelectField
        label={t("panel.drawKind")}
        value={kind}
        error={errs.fields.kind}
        onChange={(e) => {
          setKind(e.target.value as SeatKind);
          edit("kind");
          edit("gridId");
        }}
      >
        {DRAWN_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`panel.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === "AFFECTED_RESIDENTS" && (
        <SelectField
          label={t("panel.drawGrid")}
          value={gridId ?? ""}
          error={errs.fields.gridId}
          onChange={(e) => {
            setGrid(e.target.value);
            edit("gridId");
          }}
        >
          {grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t("panel.count")}
        inputMode="numeric"
        value={count}
        error={errs.fields.count}
        onChange={(e) => {
          setCount(e.target.value);
          edit("count");
        }}
      />
      {sheet}
    </form>
  );
}
