import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { FormError, Notice, Page, SelectField, Skeleton, TextArea, TextField, formatDate } from "../components/ui";
import { graphql } from "../gql";
import type { CommunityKind, MyCommunityRequestsQuery } from "../gql/graphql";
import { COMMUNITY_CODE_DIGITS, codeProblem, normalizeCode } from "../lib/divisions";
import { toFormErrors, withoutFields } from "../lib/errors";
import { useViewer } from "../viewer";

const StreetChoicesQuery = graphql(`
  query StreetChoices {
    streets(first: 100) {
      nodes {
        id
        name
        code
      }
    }
  }
`);

const MyCommunityRequestsQuery = graphql(`
  query MyCommunityRequests {
    viewer {
      id
      communityRequests {
        id
        name
        kind
        state
        reason
        createdAt
        street {
          id
          name
        }
        community {
          id
          name
        }
      }
    }
  }
`);

const RequestCommunityMutation = graphql(`
  mutation RequestCommunity($input: RequestCommunityInput!) {
    requestCommunity(input: $input) {
      communityRequest {
        id
        state
      }
    }
  }
`);

const KINDS: CommunityKind[] = ["VILLAGE", "COMMUNITY"];

const STATE_TAG = { PENDING: "tag tag-warn", APPROVED: "tag tag-ok", REJECTED: "tag" } as const;

/**
 * RequestCommunityPage asks the platform to open a village or community,
 * with the viewer as its first admin, and lists the viewer's requests.
 */
export function RequestCommunityPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string>();
  const [mine, refetchMine] = useQuery({ query: MyCommunityRequestsQuery, requestPolicy: "cache-and-network" });
  return (
    <Page title={t("communityRequest.title")}>
      <p className="lead">{t("communityRequest.intro")}</p>
      <Notice message={notice} />
      <MyRequests requests={mine.data?.viewer?.communityRequests} />
      <RequestForm
        onSent={() => {
          setNotice(t("communityRequest.sent"));
          refetchMine({ requestPolicy: "network-only" });
        }}
      />
      <p>
        <Link to="/communities">{t("app.back")}</Link>
      </p>
    </Page>
  );
}

type MyRequest = NonNullable<MyCommunityRequestsQuery["viewer"]>["communityRequests"][number];

/** MyRequests lists the viewer's requests: waiting, opened (with a link in) or turned down (with the reason). */
function MyRequests({ requests }: { requests: MyRequest[] | undefined }) {
  const { t, i18n } = useTranslation();
  const { viewer, refetch } = useViewer();
  // An approval made the viewer an admin: load the memberships again so
  // that the navigation and the communities list know.
  const opened = requests?.some((r) => r.community && !viewer?.memberships.some((m) => m.community.id === r.community?.id));
  useEffect(() => {
    if (opened) refetch();
  }, [opened]); // refetch changes on every render
  if (!requests || requests.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="mine-h">
      <h2 id="mine-h">{t("communityRequest.mine")}</h2>
      <ul className="link-list">
        {requests.map((r) => (
          <li key={r.id}>
            <span>
              {r.name}（{t(`kinds.${r.kind}`)}） · {r.street.name}
            </span>
            <span className={STATE_TAG[r.state]}>{t(`communityRequest.state.${r.state}`)}</span>
            <span className="muted small">{t("communityRequest.requestedAt", { date: formatDate(r.createdAt, i18n.language) })}</span>
            {r.state === "REJECTED" && r.reason && (
              <span className="muted small">{t("communityRequest.reason", { reason: r.reason })}</span>
            )}
            {r.community && (
              <Link
                className="btn btn-small"
                to={`/c/${r.community.id}`}
                aria-label={t("app.labelFor", { action: t("communities.enter"), name: r.community.name })}
              >
                {t("communities.enter")}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Fields = "streetId" | "name" | "kind" | "code" | "note";

/** RequestForm is the request: street, name, kind, division code and who one is. */
function RequestForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const [streets] = useQuery({ query: StreetChoicesQuery });
  const [res, send] = useMutation(RequestCommunityMutation);
  const [streetId, setStreetId] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<CommunityKind | "">("");
  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const [client, setClient] = useState<Partial<Record<Fields, string>>>({});
  const [edited, setEdited] = useState<Fields[]>([]);
  const errs = withoutFields(toFormErrors(res.error, ["streetId", "name", "kind", "code", "note"], t("app.networkError")), edited);
  const street = streets.data?.streets.nodes.find((s) => s.id === streetId);
  const err = (f: Fields) => client[f] ?? errs.fields[f];
  const edit = (f: Fields) => {
    setClient((c) => ({ ...c, [f]: undefined }));
    setEdited((e) => (e.includes(f) ? e : [...e, f]));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setEdited([]);
    const problem = codeProblem(code, COMMUNITY_CODE_DIGITS, street?.code);
    const found: Partial<Record<Fields, string>> = {
      streetId: streetId ? undefined : t("communityRequest.streetRequired"),
      name: name.trim() ? undefined : t("communityRequest.nameRequired"),
      kind: kind ? undefined : t("communityRequest.kindRequired"),
      code: problem ? t(`divisionCode.${problem}`, { n: COMMUNITY_CODE_DIGITS, code: street?.code ?? "" }) : undefined,
      note: note.trim() ? undefined : t("communityRequest.noteRequired"),
    };
    setClient(found);
    if (Object.values(found).some(Boolean) || !kind) return;
    const r = await send({ input: { streetId, name: name.trim(), kind, code: normalizeCode(code), note: note.trim() } });
    if (r.data) {
      setName("");
      setCode("");
      setNote("");
      setKind("");
      onSent();
    }
  }

  return (
    <section className="panel" aria-labelledby="form-h">
      <h2 id="form-h">{t("communityRequest.formTitle")}</h2>
      {!streets.data ? (
        <>
          <FormError message={toFormErrors(streets.error, [], t("app.networkError")).form} />
          <Skeleton lines={4} />
        </>
      ) : streets.data.streets.nodes.length === 0 ? (
        <p className="muted">{t("communityRequest.noStreets")}</p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <FormError message={errs.form} />
          <SelectField
            label={t("communityRequest.street")}
            name="streetId"
            value={streetId}
            onChange={(e) => {
              setStreetId(e.target.value);
              edit("streetId");
              edit("code");
            }}
            error={err("streetId")}
          >
            <option value="">{t("communityRequest.chooseStreet")}</option>
            {streets.data.streets.nodes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("communityRequest.name")}
            hint={t("communityRequest.nameHint")}
            name="name"
            maxLength={64}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              edit("name");
            }}
            error={err("name")}
          />
          <SelectField
            label={t("communityRequest.kind")}
            name="kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as CommunityKind | "");
              edit("kind");
            }}
            error={err("kind")}
          >
            <option value="">{t("communityRequest.chooseKind")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("communityRequest.code")}
            hint={
              street
                ? `${t("communityRequest.codeHint")}${t("communityRequest.streetCode", { code: street.code })}`
                : t("communityRequest.codeHint")
            }
            name="code"
            inputMode="numeric"
            autoComplete="off"
            maxLength={COMMUNITY_CODE_DIGITS + 4}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              edit("code");
            }}
            error={err("code")}
          />
          <TextArea
            label={t("communityRequest.note")}
            hint={t("communityRequest.noteHint")}
            name="note"
            rows={3}
            maxLength={500}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              edit("note");
            }}
            error={err("note")}
          />
          <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
            {res.fetching ? t("communities.submitting") : t("communityRequest.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
