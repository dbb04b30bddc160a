import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { CommunityKind, DisclosureKind, FinanceCadence } from "../../gql/graphql";
import { editorFields, liveTotals, newRow, type Draft, type Row } from "../../lib/disclosureEditor";
import { useEditedErrors } from "../../lib/editedErrors";
import { fenOf, formatYuan, toYuan } from "../../lib/disclosureMoney";
import { periodLabel, prevPeriod } from "../../lib/disclosurePeriod";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, Notice, TextArea, TextField } from "../ui";
import { AttachmentsEditor } from "./AttachmentsEditor";
import { useEditorActions, type Saved, type Target } from "./editorActions";
import { KindPeriodFields, TextFields } from "./EditorFields";
import { FinanceSummary } from "./Finance";
import { ItemsEditor, type Category, type LinkTarget } from "./ItemsEditor";

const LinkTargetsQueryDoc = graphql(`
  query DisclosureLinkTargets($id: ID!) {
    community(id: $id) {
      id
      resolutions {
        id
        topic {
          id
          title
        }
      }
      topics(first: 50, state: ACCEPTED) {
        nodes {
          id
          title
        }
      }
    }
  }
`);

/**
 * useLinkTargets lists what a finance item's money may have served: the
 * community's resolutions, then its accepted topics not yet resolved.
 */
function useLinkTargets(communityId: string, pause: boolean): LinkTarget[] {
  const { t } = useTranslation();
  const [res] = useQuery({ query: LinkTargetsQueryDoc, variables: { id: communityId }, pause });
  const c = res.data?.community;
  if (!c) return [];
  const resolved = new Set(c.resolutions.map((r) => r.topic.id));
  return [
    ...c.resolutions.map((r) => ({ id: r.id, label: t("disclosure.editor.linkResolution", { title: r.topic.title }) })),
    ...c.topics.nodes.filter((tp) => !resolved.has(tp.id)).map((tp) => ({ id: tp.id, label: t("disclosure.editor.linkTopic", { title: tp.title }) })),
  ];
}

const PrevClosingQueryDoc = graphql(`
  query DisclosurePrevClosing($id: ID!, $period: String!) {
    community(id: $id) {
      id
      disclosures(first: 1, kind: FINANCE, period: $period) {
        nodes {
          id
          state
          current {
            id
            finance {
              closingBalance
            }
          }
        }
      }
    }
  }
`);

/**
 * EditorForm is the committee's editor of a disclosure: kind and period,
 * text, a power item's fields or a finance period's opening balance and
 * items with live totals, attachments; it saves a draft, and publishes
 * behind a confirmation that states the consequence. A correction needs
 * its reason. The server's errors stand beside their fields and clear as
 * the person types.
 */
export function EditorForm({
  target,
  initial,
  fixed,
  correction,
  draftVersionId,
  community,
  cadence,
  kinds,
  categories,
  today,
  notice,
  onSaved,
  onPublished,
  onDiscarded,
}: {
  target: Target;
  initial: Draft;
  fixed: boolean;
  correction: boolean;
  draftVersionId?: string;
  community: { id: string; kind: CommunityKind };
  cadence: FinanceCadence;
  kinds: DisclosureKind[];
  categories: Category[];
  today: string;
  notice?: string;
  onSaved: (s: Saved) => void;
  onPublished: (s: Saved) => void;
  onDiscarded: (disclosureId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const actions = useEditorActions(target);
  const { errs, edit, sent } = useEditedErrors(actions.error, editorFields(draft.items.length, draft.attachments.length), t("app.networkError"));
  const finance = draft.kind === "FINANCE";
  const prev = finance ? prevPeriod(draft.period) : null;
  const [prevRes] = useQuery({ query: PrevClosingQueryDoc, variables: { id: community.id, period: prev ?? "" }, pause: !prev });
  const links = useLinkTargets(community.id, !finance);
  const prevNode = prevRes.data?.community?.disclosures.nodes[0];
  const prevClosing = prevNode && prevNode.state !== "DRAFT" ? prevNode.current.finance?.closingBalance ?? null : null;
  // A new period opens with the last one's closing balance, filled in
  // until the person types their own.
  const [autoOpening, setAutoOpening] = useState<string | null>(null);
  const suggested = prevClosing ?? "";
  if (finance && !fixed && prevRes.data && !prevRes.fetching && (draft.opening === "" || draft.opening === autoOpening) && draft.opening !== suggested) {
    setAutoOpening(suggested);
    setDraft({ ...draft, opening: suggested });
  }
  const change = (patch: Partial<Draft>, field: string) => {
    edit(field);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setRow = (i: number, patch: Partial<Row>, field: string) => {
    edit(`items[${i}].${field}`);
    setDraft((d) => ({ ...d, items: d.items.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  };
  const removeRow = (i: number) => {
    for (const f of editorFields(draft.items.length, 0)) if (f.startsWith("items[")) edit(f);
    setDraft((d) => ({ ...d, items: d.items.filter((_, j) => j !== i) }));
  };
  const live = liveTotals(draft);
  const prevLabel = prev ? periodLabel(prev, i18n.language) : "";
  const mismatch = finance && prevClosing !== null && live.opening !== null && live.opening !== fenOf(prevClosing);
  const publish = async () => {
    sent();
    const r = await actions.publish(draft);
    if (r.published && r.saved) onPublished(r.saved);
  };
  return (
    <form
      className="form disclosure-editor"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        sent();
        const saved = await actions.save(draft);
        if (saved) onSaved(saved);
      }}
    >
      <Notice message={notice} />
      <FormError message={errs.form} />
      <KindPeriodFields draft={draft} fixed={fixed} kinds={kinds} communityKind={community.kind} cadence={cadence} today={today} errors={errs.fields} onChange={change} />
      {correction && (
        <TextArea
          label={t("disclosure.editor.reason")}
          hint={t("disclosure.editor.reasonHint")}
          rows={2}
          maxLength={500}
          value={draft.reason}
          error={errs.fields.reason}
          onChange={(e) => change({ reason: e.target.value }, "reason")}
        />
      )}
      <TextFields draft={draft} errors={errs.fields} onChange={change} />
      {finance && (
        <section className="panel" aria-labelledby="editor-finance-h">
          <h2 id="editor-finance-h">{t("disclosure.finance.title")}</h2>
          <TextField
            label={t("disclosure.finance.openingYuan")}
            hint={prevClosing !== null ? t("disclosure.editor.prevClosing", { period: prevLabel, amount: formatYuan(fenOf(prevClosing)) }) : t("disclosure.editor.noPrev")}
            inputMode="decimal"
            autoComplete="off"
            value={draft.opening}
            error={errs.fields.openingBalance}
            onChange={(e) => change({ opening: e.target.value }, "openingBalance")}
          />
          {errs.fields.items && (
            <p className="field-error">
              <span aria-hidden="true">⚠ </span>
              {errs.fields.items}
            </p>
          )}
          <ItemsEditor rows={draft.items} period={draft.period} categories={categories} links={links} errors={errs.fields} onChange={setRow} onRemove={removeRow} />
          <p className="actions">
            <button type="button" className="btn btn-small" onClick={() => change({ items: [...draft.items, newRow(draft.period, today, "INCOME")] }, "items")}>
              {t("disclosure.editor.addIncome")}
            </button>
            <button type="button" className="btn btn-small" onClick={() => change({ items: [...draft.items, newRow(draft.period, today, "EXPENSE")] }, "items")}>
              {t("disclosure.editor.addExpense")}
            </button>
          </p>
          <div aria-live="polite">
            <FinanceSummary
              title={t("disclosure.editor.liveTotals")}
              f={{ openingBalance: toYuan(live.opening ?? 0), incomeTotal: toYuan(live.income), expenseTotal: toYuan(live.expense), closingBalance: toYuan(live.closing) }}
            />
            {live.unreadable > 0 && <p className="small field-error">{t("disclosure.editor.unreadable", { count: live.unreadable })}</p>}
          </div>
        </section>
      )}
      <AttachmentsEditor rows={draft.attachments} errors={errs.fields} onChange={(rows, field) => change({ attachments: rows }, field)} />
      <div className="actions editor-actions">
        <button type="submit" className="btn" disabled={actions.busy}>
          {actions.busy ? t("app.saving") : t("disclosure.editor.save")}
        </button>
        <ConfirmSheet
          trigger={t("disclosure.editor.publish")}
          triggerClass="btn btn-danger"
          disabled={actions.busy}
          title={t("disclosure.editor.publishTitle")}
          confirm={t("disclosure.editor.publishConfirm")}
          onConfirm={publish}
          consequence={
            <>
              <p>{t("disclosure.editor.publishConsequence")}</p>
              {finance && (
                <>
                  <p>
                    {prevClosing !== null
                      ? t("disclosure.editor.openingRule", { period: prevLabel, amount: formatYuan(fenOf(prevClosing)), opening: formatYuan(live.opening ?? 0) })
                      : t("disclosure.editor.openingNoPrev")}
                  </p>
                  {mismatch && <p className="field-error">{t("disclosure.editor.openingMismatch")}</p>}
                  <p>{t("disclosure.editor.publishTotals", { income: formatYuan(live.income), expense: formatYuan(live.expense), closing: formatYuan(live.closing) })}</p>
                </>
              )}
            </>
          }
        />
      </div>
      {draftVersionId && (
        <div className="actions editor-discard">
          <ConfirmSheet
            trigger={t("disclosure.editor.discard")}
            triggerClass="btn btn-quiet"
            title={t("disclosure.editor.discardTitle")}
            consequence={<p>{t(correction ? "disclosure.editor.discardCorrection" : "disclosure.editor.discardConsequence")}</p>}
            confirm={t("disclosure.editor.discardConfirm")}
            onConfirm={async () => {
              const r = await actions.discard(draftVersionId);
              if (r) onDiscarded(r.disclosure ? r.disclosureId : null);
            }}
          />
        </div>
      )}
    </form>
  );
}
