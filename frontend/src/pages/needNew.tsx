import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { CheckField, FormError, Page, SelectField, Skeleton, TextArea, TextField } from "../components/ui";
import { NeedForResident, residentsFor } from "../components/volunteer/NeedForResident";
import { SkillChips } from "../components/volunteer/SkillChips";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { useEditedErrors } from "../lib/editedErrors";
import { toFormErrors } from "../lib/errors";
import { useMemberPicker } from "../lib/memberPicker";
import { todayInZone, zonedISO } from "../lib/volunteer";
import { useViewer } from "../viewer";

const NeedFormQuery = graphql(`
  query NeedNewForm($id: ID!) {
    community(id: $id) {
      id
      volunteerSkills {
        code
        name
        credentialed
      }
      volunteerSettings {
        exchange
      }
      grids(first: 50) {
        nodes {
          id
          name
          microGrids(first: 50) {
            nodes {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CallForHandsMutation = graphql(`
  mutation VolCallForHands($input: CallForHandsInput!) {
    callForHands(input: $input) {
      need {
        id
        state
      }
    }
  }
`);

const PostNeedMutation = graphql(`
  mutation VolPostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      need {
        id
        state
      }
    }
  }
`);

/** The fields of the form the server's errors may name. */
const FIELDS = [
  "title",
  "description",
  "required",
  "preferred",
  "start",
  "end",
  "occurrences",
  "microGridId",
  "address",
  "slots",
  "urgency",
  "sensitive",
  "for",
  "forMemberId",
  "payWithCredit",
  "family",
  ...[0, 1, 2, 3, 4].flatMap((i) => [`required[${i}]`, `preferred[${i}]`]),
];

/** MAX_SKILLS is how many skills a need may list of each kind (volunteer.MaxNeedSkills). */
const MAX_SKILLS = 5;

/** tomorrow is the day after today in a zone. */
function tomorrow(zone: string): string {
  return todayInZone(zone, new Date(Date.now() + 24 * 60 * 60 * 1000));
}

/**
 * NeedNewPage is /c/:cid/needs/new: posting a need for help (发布需求):
 * what, the skills it requires and prefers (chips), the day and times on
 * the community's clock, weekly with how many times, the micro-grid and
 * the exact address (shown only to those who take it), how many hands,
 * urgent and sensitive. A grid worker posts for a resident of their grids
 * (?for=<Member ID> chooses them); a resident's own need waits for the
 * grid worker's approval. From a resolution's action item
 * (?item=<ActionItem ID>&title=…) the committee calls for hands for it.
 * Errors stand next to their fields.
 */
export function NeedNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { community, membership, can } = useCommunity();
  const { viewer } = useViewer();
  const zone = community.settings.timeZone;
  // An action item's call for hands names no resident and pays no credit.
  const itemId = params.get("item");
  const itemTitle = params.get("title") ?? "";
  const postsFor = !itemId && (can.gridWorker || can.committee);
  const [q] = useQuery({ query: NeedFormQuery, variables: { id: community.id } });
  const members = useMemberPicker(community.id, !postsFor);
  const residents = residentsFor(
    members,
    membership.workerGrids.map((g) => g.id),
    can.committee,
    viewer?.id ?? "",
  );
  const [postRes, post] = useMutation(PostNeedMutation);
  const [callRes, callForHands] = useMutation(CallForHandsMutation);
  const { errs, edit, sent } = useEditedErrors(itemId ? callRes.error : postRes.error, FIELDS, t("app.networkError"));
  const [form, setForm] = useState(() => ({
    title: "",
    description: "",
    required: [] as string[],
    preferred: [] as string[],
    date: tomorrow(zone),
    from: "09:00",
    to: "11:00",
    weekly: false,
    occurrences: "4",
    microGridId: membership.microGrid?.id ?? "",
    address: "",
    slots: "1",
    urgent: false,
    sensitive: false,
    forMember: params.get("for") ?? "",
    payWithCredit: false,
    family: "",
  }));
  const [whenMissing, setWhenMissing] = useState(false);
  const [microChosen, setMicroChosen] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K], ...fields: string[]) => {
    fields.forEach(edit);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const data = q.data?.community;
  // A resident paying from their credit may ask for a family member, named in words.
  const forFamily = !itemId && !postsFor && !!data?.volunteerSettings.exchange && form.payWithCredit;
  const loadErr = toFormErrors(q.error, [], t("app.networkError")).form;
  // A resident chosen brings their micro-grid, unless one was chosen by hand.
  const forResident = residents.find((m) => m.id === form.forMember);
  const microGridId = !microChosen && forResident?.microGrid ? forResident.microGrid.id : form.microGridId;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const start = zonedISO(form.date, form.from, zone);
    const end = zonedISO(form.date, form.to, zone);
    if (!start || !end) {
      setWhenMissing(true);
      return;
    }
    setWhenMissing(false);
    sent();
    // What a need holds, whoever calls for it.
    const need = {
      title: form.title.trim(),
      description: form.description.trim() || null,
      required: form.required,
      preferred: form.preferred.filter((c) => !form.required.includes(c)),
      start,
      end,
      weekly: form.weekly || null,
      occurrences: form.weekly ? Number(form.occurrences) || 0 : null,
      microGridId,
      address: form.address.trim(),
      slots: Number(form.slots) || 0,
      urgency: form.urgent ? ("URGENT" as const) : ("NORMAL" as const),
      sensitive: form.sensitive || null,
    };
    if (itemId) {
      const r = await callForHands({ input: { actionItemId: itemId, ...need } });
      const called = r.data?.callForHands.need;
      if (called) navigate(`/c/${community.id}/needs/${called.id}`, { state: { notice: "posted" } });
      return;
    }
    const r = await post({
      input: {
        communityId: community.id,
        ...need,
        forMemberId: postsFor && form.forMember ? form.forMember : null,
        payWithCredit: form.payWithCredit && !(postsFor && form.forMember) ? true : null,
        family: forFamily && form.family.trim() ? form.family.trim() : null,
      },
    });
    const posted = r.data?.postNeed.need;
    if (posted) navigate(`/c/${community.id}/needs/${posted.id}`, { state: { notice: "posted" } });
  }

  const skills = data?.volunteerSkills ?? [];
  const list = (prefix: string) => errs.fields[prefix] ?? Object.entries(errs.fields).find(([k]) => k.startsWith(prefix + "["))?.[1];
  return (
    <Page title={t("volunteer.post.title")}>
      <p className="lead">{itemId ? t("volunteer.post.forItem", { title: itemTitle }) : postsFor ? t("volunteer.post.introStaff") : t("volunteer.post.intro")}</p>
      <FormError message={loadErr} />
      {!data ? (
        <Skeleton lines={8} />
      ) : (
        <form onSubmit={submit} noValidate className="form need-form">
          <FormError message={errs.form} />
          {postsFor && (
            <NeedForResident
              residents={residents}
              value={form.forMember}
              error={errs.fields.for ?? errs.fields.forMemberId}
              onChange={(id) => {
                setMicroChosen(false);
                set("forMember", id, "for", "forMemberId", "payWithCredit");
              }}
            />
          )}
          <TextField
            label={t("volunteer.post.titleLabel")}
            hint={t("volunteer.post.titleHint")}
            name="title"
            maxLength={40}
            autoComplete="off"
            value={form.title}
            error={errs.fields.title}
            onChange={(e) => set("title", e.target.value, "title")}
          />
          <TextArea
            label={t("volunteer.post.description")}
            hint={t("volunteer.post.descriptionHint")}
            optional
            rows={4}
            maxLength={1000}
            value={form.description}
            error={errs.fields.description}
            onChange={(e) => set("description", e.target.value, "description")}
          />
          <SkillChips
            label={t("volunteer.post.required")}
            hint={t("volunteer.post.requiredHint", { max: MAX_SKILLS })}
            error={list("required")}
            options={skills}
            value={form.required}
            disabled={form.required.length >= MAX_SKILLS ? skills.map((k) => k.code) : []}
            onChange={(v) => {
              ["required", ...FIELDS.filter((f) => f.startsWith("required["))].forEach(edit);
              setForm((f) => ({ ...f, required: v, preferred: f.preferred.filter((c) => !v.includes(c)) }));
            }}
          />
          <SkillChips
            label={t("volunteer.post.preferred")}
            hint={t("volunteer.post.preferredHint")}
            error={list("preferred")}
            options={skills.filter((k) => !form.required.includes(k.code))}
            value={form.preferred}
            disabled={form.preferred.length >= MAX_SKILLS ? skills.map((k) => k.code) : []}
            onChange={(v) => set("preferred", v, "preferred", ...FIELDS.filter((f) => f.startsWith("preferred[")))}
          />
          <fieldset className="check-group">
            <legend>{t("volunteer.post.when")}</legend>
            <p className="field-hint">{t("volunteer.post.whenHint")}</p>
            <TextField
              label={t("volunteer.post.date")}
              type="date"
              value={form.date}
              error={whenMissing ? t("volunteer.post.whenMissing") : errs.fields.start}
              onChange={(e) => {
                setWhenMissing(false);
                set("date", e.target.value, "start", "end");
              }}
            />
            <div className="field-pair">
              <TextField
                label={t("volunteer.post.from")}
                type="time"
                step={900}
                value={form.from}
                onChange={(e) => {
                  setWhenMissing(false);
                  set("from", e.target.value, "start", "end");
                }}
              />
              <TextField
                label={t("volunteer.post.to")}
                type="time"
                step={900}
                value={form.to}
                error={errs.fields.end}
                onChange={(e) => {
                  setWhenMissing(false);
                  set("to", e.target.value, "end");
                }}
              />
            </div>
            <CheckField
              label={t("volunteer.post.weekly")}
              hint={t("volunteer.post.weeklyHint")}
              checked={form.weekly}
              onChange={(e) => set("weekly", e.target.checked, "occurrences")}
            />
            {form.weekly && (
              <TextField
                label={t("volunteer.post.occurrences")}
                hint={t("volunteer.post.occurrencesHint")}
                type="number"
                inputMode="numeric"
                min={2}
                max={26}
                value={form.occurrences}
                error={errs.fields.occurrences}
                onChange={(e) => set("occurrences", e.target.value, "occurrences")}
              />
            )}
          </fieldset>
          <SelectField
            label={t("volunteer.post.microGrid")}
            value={microGridId}
            error={errs.fields.microGridId}
            onChange={(e) => {
              setMicroChosen(true);
              set("microGridId", e.target.value, "microGridId");
            }}
          >
            <option value="">{t("volunteer.post.chooseMicroGrid")}</option>
            {data.grids.nodes.map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.microGrids.nodes.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <TextField
            label={t("volunteer.post.address")}
            hint={t("volunteer.post.addressHint")}
            maxLength={100}
            autoComplete="off"
            value={form.address}
            error={errs.fields.address}
            onChange={(e) => set("address", e.target.value, "address")}
          />
          <TextField
            label={t("volunteer.post.slots")}
            hint={t("volunteer.post.slotsHint")}
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            value={form.slots}
            error={errs.fields.slots}
            onChange={(e) => set("slots", e.target.value, "slots")}
          />
          <CheckField
            label={t("volunteer.post.urgent")}
            hint={t("volunteer.post.urgentHint")}
            checked={form.urgent}
            error={errs.fields.urgency}
            onChange={(e) => set("urgent", e.target.checked, "urgency")}
          />
          <CheckField
            label={t("volunteer.post.sensitive")}
            hint={t("volunteer.post.sensitiveHint")}
            checked={form.sensitive}
            error={errs.fields.sensitive}
            onChange={(e) => set("sensitive", e.target.checked, "sensitive")}
          />
          {!itemId && data.volunteerSettings.exchange && !(postsFor && form.forMember) && (
            <CheckField
              label={t("volunteer.post.payWithCredit")}
              hint={t("volunteer.post.payWithCreditHint")}
              checked={form.payWithCredit}
              error={errs.fields.payWithCredit}
              onChange={(e) => set("payWithCredit", e.target.checked, "payWithCredit", "family")}
            />
          )}
          {forFamily && (
            <TextField
              label={t("volunteer.post.family")}
              hint={t("volunteer.post.familyHint")}
              optional
              name="family"
              maxLength={40}
              autoComplete="off"
              value={form.family}
              error={errs.fields.family}
              onChange={(e) => set("family", e.target.value, "family")}
            />
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={postRes.fetching || callRes.fetching}>
            {postRes.fetching || callRes.fetching ? t("volunteer.post.submitting") : t("volunteer.post.submit")}
          </button>
        </form>
      )}
      <p>
        <Link to={`/c/${community.id}/volunteer`}>{t("volunteer.backToHub")}</Link>
      </p>
    </Page>
  );
}
