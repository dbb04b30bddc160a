import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { TopicCategory } from "../../gql/graphql";
import { toFormErrors } from "../../lib/errors";
import { formatDateTime, FormError, SelectField, TextArea, TextField } from "../ui";

const TriagePatrolReportDoc = graphql(`
  mutation TriagePatrolReport($input: TriagePatrolReportInput!) {
    triagePatrolReport(input: $input) {
      report {
        id
        state
        referredTo
        due
        mediationCase {
          id
        }
      }
    }
  }
`);

const EscalatePatrolReportDoc = graphql(`
  mutation EscalatePatrolReport($input: EscalatePatrolReportInput!) {
    escalatePatrolReport(input: $input) {
      report {
        id
        state
      }
      topic {
        id
        title
      }
    }
  }
`);

const CATEGORIES: TopicCategory[] = ["PUBLIC_AFFAIRS", "PUBLIC_WELFARE", "ENVIRONMENT", "PROPERTY", "DISPUTES", "OTHER"];
type Action = "RESOLVED" | "REFERRED" | "MEDIATION" | "ESCALATE";

export interface TriageReport {
  id: string;
  kind: string;
  severity: string;
  place: string;
  text: string;
  photos: string[];
  reportedAt: string;
  reportedBy: { name: string };
  microGrid: { name: string };
}

/** addDays gives the date n days after today, written 2026-12-01, for a date input. */
function addDays(n: number): string {
  const d = new Date(Date.now() + n * 86400000);
  return d.toISOString().slice(0, 10);
}

/**
 * TriageCard is one report in the grid worker's queue, as one decision:
 * 就地解决, 转交 (to whom, by when), 调解 (between whom) or 转为议题 (title,
 * body, category); the chosen action asks for its fields, then is sent.
 */
export function TriageCard({
  report,
  zone,
  onDone,
  escalateAs,
}: {
  report: TriageReport;
  zone: string;
  onDone: (message: string, topicId?: string) => void;
  /** Opens the card on 转为议题 with this title (a suggestion's one click). */
  escalateAs?: string;
}) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<Action | null>(escalateAs === undefined ? null : "ESCALATE");
  const [note, setNote] = useState("");
  const [referredTo, setReferredTo] = useState("");
  const [due, setDue] = useState(addDays(7));
  const [parties, setParties] = useState("");
  const [title, setTitle] = useState(escalateAs ?? "");
  const [body, setBody] = useState(report.text);
  const [category, setCategory] = useState<TopicCategory>("PUBLIC_AFFAIRS");
  const [errs, setErrs] = useState<Record<string, string | undefined>>({});
  const [formErr, setFormErr] = useState<string>();
  const [triageRes, triage] = useMutation(TriagePatrolReportDoc);
  const [escRes, escalate] = useMutation(EscalatePatrolReportDoc);
  const busy = triageRes.fetching || escRes.fetching;
  const clear = (f: string) => setErrs((e) => ({ ...e, [f]: undefined }));
  const choices: { value: Action; icon: string }[] = [
    { value: "RESOLVED", icon: "✓" },
    { value: "REFERRED", icon: "→" },
    { value: "MEDIATION", icon: "🤝" },
    { value: "ESCALATE", icon: "💬" },
  ];
  const submit = async () => {
    const local: Record<string, string | undefined> = {};
    if (action === "REFERRED" && !referredTo.trim()) local.referredTo = t("patrol.triage.errReferredTo");
    if (action === "REFERRED" && !due) local.due = t("patrol.triage.errDue");
    if (action === "MEDIATION" && !parties.trim()) local.parties = t("patrol.triage.errParties");
    if (action === "ESCALATE" && !title.trim()) local.title = t("patrol.triage.errTitle");
    if (Object.values(local).some(Boolean)) {
      setErrs(local);
      return;
    }
    const r =
      action === "ESCALATE"
        ? await escalate({ input: { reportId: report.id, title: title.trim(), body: body.trim() || null, category } })
        : await triage({
            input: {
              reportId: report.id,
              action: action!,
              note: note.trim() || null,
              referredTo: action === "REFERRED" ? referredTo.trim() : null,
              due: action === "REFERRED" ? new Date(`${due}T23:59:00`).toISOString() : null,
              parties: action === "MEDIATION" ? parties.trim() : null,
            },
          });
    if (r.error) {
      const fe = toFormErrors(r.error, ["referredTo", "due", "parties", "title", "body", "category", "note"], t("app.networkError"));
      setErrs(fe.fields);
      setFormErr(fe.form);
      return;
    }
    onDone(t(`patrol.triage.done.${action}`), r.data && "escalatePatrolReport" in r.data ? r.data.escalatePatrolReport.topic.id : undefined);
  };
  return (
    <article className="card decision-card patrol-triage" aria-label={`${t(`patrol.kinds.${report.kind}`)}：${report.place}`}>
      <p className="patrol-when">
        <span className="tag">{t(`patrol.kinds.${report.kind}`)}</span>
        <span className={report.severity === "HIGH" ? "tag tag-warn" : "tag"}>{t(`patrol.severities.${report.severity}`)}</span>
        <strong>
          {report.microGrid.name} · {report.place}
        </strong>
      </p>
      <p>{report.text}</p>
      <p className="muted small">
        {t("patrol.triage.by", { name: report.reportedBy.name, when: formatDateTime(report.reportedAt, i18n.language, zone) })}
      </p>
      {report.photos.length > 0 && (
        <ul className="plain-list small">
          {report.photos.map((p, i) => (
            <li key={p}>
              <a href={p} target="_blank" rel="noreferrer noopener">
                {t("patrol.photoLink", { n: i + 1 })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {action === null ? (
        <div className="decision-choices" role="group" aria-label={t("patrol.triage.decide")}>
          {choices.map((c) => (
            <button key={c.value} type="button" className="btn btn-block decision-choice" onClick={() => setAction(c.value)}>
              <span aria-hidden="true">{c.icon}</span> {t(`patrol.triage.actions.${c.value}`)}
            </button>
          ))}
        </div>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="decision-question">{t(`patrol.triage.ask.${action}`)}</p>
          <FormError message={formErr} />
          {action === "REFERRED" && (
            <>
              <TextField
                label={t("patrol.triage.referredTo")}
                value={referredTo}
                error={errs.referredTo}
                onChange={(e) => {
                  setReferredTo(e.target.value);
                  clear("referredTo");
                }}
              />
              <TextField
                type="date"
                label={t("patrol.triage.due")}
                value={due}
                error={errs.due}
                onChange={(e) => {
                  setDue(e.target.value);
                  clear("due");
                }}
              />
            </>
          )}
          {action === "MEDIATION" && (
            <TextField
              label={t("patrol.triage.parties")}
              hint={t("patrol.triage.partiesHint")}
              value={parties}
              error={errs.parties}
              onChange={(e) => {
                setParties(e.target.value);
                clear("parties");
              }}
            />
          )}
          {action === "ESCALATE" ? (
            <>
              <TextField
                label={t("patrol.triage.topicTitle")}
                value={title}
                error={errs.title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  clear("title");
                }}
              />
              <TextArea label={t("patrol.triage.topicBody")} value={body} error={errs.body} rows={3} onChange={(e) => setBody(e.target.value)} />
              <SelectField label={t("patrol.triage.category")} value={category} error={errs.category} onChange={(e) => setCategory(e.target.value as TopicCategory)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`topics.categories.${c}`)}
                  </option>
                ))}
              </SelectField>
            </>
          ) : (
            <TextField label={t("patrol.triage.note")} optional value={note} error={errs.note} onChange={(e) => setNote(e.target.value)} />
          )}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t(`patrol.triage.confirm.${action}`)}
            </button>
            <button type="button" className="btn" onClick={() => setAction(null)}>
              {t("patrol.triage.back")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
