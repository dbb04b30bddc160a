import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { fromLocalInput } from "../lib/deliberation";
import { toFormErrors } from "../lib/errors";
import { FormError, TextField } from "./ui";

const CorrectActionItemMutation = graphql(`
  mutation CorrectActionItem($input: CorrectActionItemInput!) {
    correctActionItem(input: $input) {
      actionItem {
        id
        title
        due
        weight
      }
    }
  }
`);

const RemoveActionItemMutation = graphql(`
  mutation RemoveActionItem($input: RemoveActionItemInput!) {
    removeActionItem(input: $input) {
      actionItem {
        id
        removed
      }
    }
  }
`);

/** The date part (YYYY-MM-DD) of an ISO instant, in the browser's zone, for a date input. */
function dateInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * ItemCorrection lets the committee correct an action item set up wrong
 * (title, due date, weight) or remove it, each with a reason that goes on the
 * item's record. Removing asks for confirmation first.
 */
export function ItemCorrection({
  item,
  onDone,
  onCancel,
}: {
  item: { id: string; title: string; due: string; weight: number };
  onDone: (msg: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [cres, correct] = useMutation(CorrectActionItemMutation);
  const [rres, remove] = useMutation(RemoveActionItemMutation);
  const [title, setTitle] = useState(item.title);
  const [due, setDue] = useState(dateInput(item.due));
  const [weight, setWeight] = useState(String(item.weight));
  const [reason, setReason] = useState("");
  const [confirmRemove, setConfirmRemove] = useState(false);
  const cErr = toFormErrors(cres.error, ["title", "due", "weight", "reason"], t("app.networkError"));
  const rErr = toFormErrors(rres.error, ["reason"], t("app.networkError"));
  const busy = cres.fetching || rres.fetching;
  const reasonError = cErr.fields.reason ?? rErr.fields.reason;

  return (
    <form
      className="form"
      noValidate
      aria-label={t("resolution.correctFor", { title: item.title })}
      onSubmit={async (e) => {
        e.preventDefault();
        const changedDue = due !== dateInput(item.due) ? fromLocalInput(due + "T00:00") : null;
        const r = await correct({
          input: {
            actionItemId: item.id,
            title: title !== item.title ? title : null,
            due: changedDue,
            weight: weight !== String(item.weight) ? Number(weight) || 0 : null,
            reason,
          },
        });
        if (r.data) onDone(t("resolution.corrected"));
      }}
    >
      <p className="muted small">{t("resolution.correctHint")}</p>
      <FormError message={cErr.form ?? rErr.form} />
      <TextField label={t("resolution.itemTitle")} maxLength={100} value={title} error={cErr.fields.title} onChange={(e) => setTitle(e.target.value)} />
      <TextField label={t("resolution.due")} type="date" value={due} error={cErr.fields.due} onChange={(e) => setDue(e.target.value)} />
      <TextField label={t("resolution.weight")} inputMode="numeric" value={weight} error={cErr.fields.weight} onChange={(e) => setWeight(e.target.value)} />
      <TextField label={t("resolution.reason")} hint={t("resolution.reasonHint")} maxLength={200} value={reason} error={reasonError} onChange={(e) => setReason(e.target.value)} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("resolution.correctSubmit")}
        </button>
        {!confirmRemove && (
          <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => setConfirmRemove(true)}>
            {t("resolution.remove")}
          </button>
        )}
        <button type="button" className="btn" onClick={onCancel}>
          {t("app.cancel")}
        </button>
      </div>
      {confirmRemove && (
        <div className="confirm" role="group" aria-labelledby={`remove-q-${item.id}`}>
          <p id={`remove-q-${item.id}`}>{t("resolution.removeConfirm", { title: item.title })}</p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={async () => {
                const r = await remove({ input: { actionItemId: item.id, reason } });
                if (r.data) onDone(t("resolution.removed"));
              }}
            >
              {t("resolution.removeYes")}
            </button>
            <button type="button" className="btn" onClick={() => setConfirmRemove(false)}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
