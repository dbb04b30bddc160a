import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { useMemberPicker } from "../../lib/memberPicker";
import { whenText } from "../../lib/volunteerDesk";
import { SearchBox } from "../SearchBox";
import { CardSkeleton, EmptyState, FormError, Notice, SelectField, TextArea } from "../ui";
import type { BoardLists, BoardNeed } from "./boardTodos";
import { useSkills } from "./common";

const DecideNeedMutation = graphql(`
  mutation DeskDecideNeed($input: DecideNeedInput!) {
    decideNeed(input: $input) {
      need {
        id
        state
        reason
      }
    }
  }
`);

/**
 * ApproveTab is the board's 待审核: a resident's own needs waiting for a
 * grid worker of their grid or the committee, each with 批准 or 不批准
 * with the reason the resident will read. A need a resident pays for a
 * family member names them in words: the approver chooses the member.
 */
export function ApproveTab({ communityId, zone, lists }: { communityId: string; zone: string; lists: BoardLists }) {
  const { t } = useTranslation();
  const skills = useSkills(communityId);
  const [decided, setDecided] = useState<string>();
  const err = toFormErrors(lists.error, [], t("app.networkError")).form;
  return (
    <section aria-labelledby="vd-approve-h">
      <h2 id="vd-approve-h">{t("volunteerDesk.approve.title")}</h2>
      <p className="muted small">{t("volunteerDesk.approve.hint")}</p>
      <FormError message={err} />
      <Notice message={decided} />
      {!lists.loaded ? (
        !err && <CardSkeleton count={1} />
      ) : lists.approve.length === 0 ? (
        <EmptyState title={t("volunteerDesk.approve.none")} />
      ) : (
        <ul className="cards" aria-label={t("volunteerDesk.approve.title")}>
          {lists.approve.map((n) => (
            <li key={n.id} className="card">
              <NeedDecision
                communityId={communityId}
                n={n}
                zone={zone}
                skillName={skills.name}
                onDecided={(text) => {
                  setDecided(text);
                  lists.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NeedDecision({
  communityId,
  n,
  zone,
  skillName,
  onDecided,
}: {
  communityId: string;
  n: BoardNeed;
  zone: string;
  skillName: (code: string) => string;
  onDecided: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [res, decide] = useMutation(DecideNeedMutation);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [member, setMember] = useState("");
  const { errs, edit, sent } = useEditedErrors(res.error, ["reason", "forMemberId"], t("app.networkError"));
  const family = n.family ?? null;
  // The family member is looked for by name: the poster's words end with it, as in "母亲 沈桂英".
  const [search, setSearch] = useState<string | null>(() => family?.trim().split(/\s+/).pop()?.slice(0, 32) || null);
  const members = useMemberPicker(communityId, !family, search)
    .filter((m) => m.user.id !== n.postedBy.id)
    .sort((a, b) => a.user.name.localeCompare(b.user.name, "zh-CN"));
  const who = family ?? n.helped?.name ?? n.postedBy.name;
  return (
    <article aria-labelledby={`vd-need-${n.id}`}>
      <h3 className="card-title" id={`vd-need-${n.id}`}>
        <Link to={`/c/${communityId}/needs/${n.id}`}>{n.title}</Link>
      </h3>
      <dl className="facts">
        <dt>{t("volunteerDesk.approve.for")}</dt>
        <dd>{family ? t("volunteerDesk.approve.familyOf", { family, payer: n.postedBy.name }) : who}</dd>
        <dt>{t("volunteerDesk.approve.when")}</dt>
        <dd>
          {whenText(n.start, n.end, i18n.language, zone)}
          {n.weekly && ` · ${t("volunteerDesk.approve.weekly", { count: n.occurrenceCount })}`}
        </dd>
        <dt>{t("volunteerDesk.approve.where")}</dt>
        <dd>
          {n.grid.name} · {n.microGrid.name}
        </dd>
        <dt>{t("volunteerDesk.approve.hands")}</dt>
        <dd>{t("volunteerDesk.approve.slots", { count: n.slots })}</dd>
        {n.required.length > 0 && (
          <>
            <dt>{t("volunteerDesk.approve.skills")}</dt>
            <dd>{n.required.map(skillName).join("、")}</dd>
          </>
        )}
      </dl>
      {n.description && <p className="vd-description">{n.description}</p>}
      <div className="tags">
        {n.urgency === "URGENT" && <span className="tag tag-warn">{t("volunteerDesk.urgent")}</span>}
        {n.sensitive && <span className="tag">{t("volunteerDesk.approve.sensitive")}</span>}
      </div>
      <FormError message={errs.form} />
      {family && !rejecting && (
        <SearchBox label={t("volunteerDesk.approve.searchMember")} maxLength={32} search={search} onSearch={setSearch} />
      )}
      {family && !rejecting && (
        <SelectField
          label={t("volunteerDesk.approve.familyMember")}
          hint={t("volunteerDesk.approve.familyMemberHint", { family })}
          value={member}
          error={errs.fields.forMemberId}
          onChange={(e) => {
            edit("forMemberId");
            setMember(e.target.value);
          }}
        >
          <option value="">{t("volunteerDesk.approve.chooseMember")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.user.name}
              {m.microGrid ? ` · ${m.microGrid.name}` : m.grid ? ` · ${m.grid.name}` : ""}
            </option>
          ))}
        </SelectField>
      )}
      {!rejecting ? (
        <div className="actions vd-decide">
          <button
            type="button"
            className="btn btn-primary"
            disabled={res.fetching}
            aria-label={t("volunteerDesk.approve.approveLabel", { title: n.title })}
            onClick={async () => {
              sent();
              const r = await decide({ input: { needId: n.id, approve: true, forMemberId: family ? member || null : null } });
              if (r.data) onDecided(t("volunteerDesk.approve.approved", { title: n.title }));
            }}
          >
            <span aria-hidden="true">✓</span> {t("volunteerDesk.approve.approve")}
          </button>
          <button type="button" className="btn" aria-label={t("volunteerDesk.approve.rejectLabel", { title: n.title })} onClick={() => setRejecting(true)}>
            <span aria-hidden="true">✗</span> {t("volunteerDesk.approve.reject")}
          </button>
        </div>
      ) : (
        <form
          className="form vd-reject"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            sent();
            const r = await decide({ input: { needId: n.id, approve: false, reason: reason.trim() } });
            if (r.data) onDecided(t("volunteerDesk.approve.rejected", { title: n.title }));
          }}
        >
          <TextArea
            label={t("volunteerDesk.approve.reason")}
            hint={t("volunteerDesk.approve.reasonHint", { name: who })}
            value={reason}
            rows={3}
            maxLength={200}
            error={errs.fields.reason}
            onChange={(e) => {
              edit("reason");
              setReason(e.target.value);
            }}
          />
          <p className="confirm-consequence">{t("volunteerDesk.approve.rejectConsequence", { name: who })}</p>
          <div className="confirm-actions">
            <button type="button" className="btn" onClick={() => setRejecting(false)}>
              {t("app.back")}
            </button>
            <button type="submit" className="btn btn-danger" disabled={res.fetching || reason.trim() === ""}>
              {t("volunteerDesk.approve.rejectConfirm")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
