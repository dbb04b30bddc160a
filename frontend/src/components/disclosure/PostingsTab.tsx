import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { PostingMethod } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { EmptyState, FormError, Notice, SelectField, Skeleton, TextField } from "../ui";
import type { DisclosureAbilities, PublicCommunity } from "./publicCommunity";
import { periodLabel } from "../../lib/disclosurePeriod";

const PostingsQueryDoc = graphql(`
  query DisclosurePostings($id: ID!, $cid: ID!, $grids: Boolean!) {
    node(id: $id) {
      __typename
      ... on Disclosure {
        id
        postings {
          date
          method
          photoUrl
          recordedAt
          grid {
            id
            name
          }
          microGrid {
            id
            name
          }
          postedBy {
            id
            name
          }
          version {
            id
            number
          }
        }
      }
    }
    community(id: $cid) @include(if: $grids) {
      id
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

const RecordPostingMutation = graphql(`
  mutation RecordDisclosurePosting($input: RecordDisclosurePostingInput!) {
    recordDisclosurePosting(input: $input) {
      posting {
        date
      }
    }
  }
`);

const FIELDS = ["microGridId", "date", "method", "photoUrl"];

/**
 * PostingsTab is where a disclosure's notice reached people offline: the
 * log of postings per micro-grid (on the board or door to door, by whom,
 * when), and for grid workers (their grids' micro-grids) and the committee
 * (any) the form to record one.
 */
export function PostingsTab({
  disclosureId,
  versionId,
  published,
  today,
  community,
  can,
}: {
  disclosureId: string;
  versionId: string;
  published: boolean;
  today: string;
  community: PublicCommunity;
  can: DisclosureAbilities;
}) {
  const { t, i18n } = useTranslation();
  const mayPost = can.poster && published;
  const [res, refetch] = useQuery({
    query: PostingsQueryDoc,
    variables: { id: disclosureId, cid: community.id, grids: mayPost },
    requestPolicy: "cache-and-network",
  });
  const [pres, post] = useMutation(RecordPostingMutation);
  const { errs, edit, sent } = useEditedErrors(pres.error, FIELDS, t("app.networkError"));
  const [micro, setMicro] = useState("");
  const [date, setDate] = useState(today);
  const [method, setMethod] = useState<PostingMethod>("BOARD");
  const [photo, setPhoto] = useState("");
  const [notice, setNotice] = useState<string>();
  const node = res.data?.node;
  const postings = node?.__typename === "Disclosure" ? node.postings ?? [] : undefined;
  const mine = new Set(community.viewerMembership?.workerGrids.map((g) => g.id) ?? []);
  const grids = (res.data?.community?.grids.nodes ?? []).filter((g) => can.committee || mine.has(g.id));
  const groups = new Map<string, { name: string; rows: NonNullable<typeof postings> }>();
  for (const p of postings ?? []) {
    const g = groups.get(p.microGrid.id) ?? { name: `${p.grid.name} · ${p.microGrid.name}`, rows: [] };
    g.rows.push(p);
    groups.set(p.microGrid.id, g);
  }
  const field = (name: string, set: (v: string) => void) => (e: { target: { value: string } }) => {
    edit(name);
    set(e.target.value);
  };
  return (
    <section className="panel" aria-labelledby="postings-h">
      <h2 id="postings-h">{t("disclosure.postings.title")}</h2>
      <p className="muted small">{t("disclosure.postings.intro")}</p>
      <Notice message={notice} />
      <FormError message={toFormErrors(res.error, [], t("app.networkError")).form} />
      {!postings ? (
        <Skeleton lines={3} />
      ) : groups.size === 0 ? (
        <EmptyState title={t("disclosure.postings.none")} />
      ) : (
        [...groups.entries()].map(([id, g]) => (
          <div key={id} className="hub-group">
            <h3>{g.name}</h3>
            <ul className="plain-list">
              {g.rows.map((p, i) => (
                <li key={i}>
                  {t("disclosure.postings.line", {
                    date: periodLabel(p.date, i18n.language),
                    method: t(`disclosure.postings.method.${p.method}`),
                    name: p.postedBy.name,
                    n: p.version.number,
                  })}
                  {p.photoUrl && (
                    <>
                      {" "}
                      <a href={p.photoUrl} target="_blank" rel="noopener noreferrer">
                        {t("disclosure.postings.photo")}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {mayPost && (
        <form
          className="form"
          noValidate
          aria-labelledby="posting-form-h"
          onSubmit={async (e) => {
            e.preventDefault();
            setNotice(undefined);
            sent();
            const r = await post({ input: { versionId, microGridId: micro, date, method, photoUrl: photo.trim() || null } });
            if (r.data) {
              setPhoto("");
              setNotice(t("disclosure.postings.done"));
              refetch({ requestPolicy: "network-only" });
            }
          }}
        >
          <h3 id="posting-form-h">{t("disclosure.postings.record")}</h3>
          <FormError message={errs.form} />
          <SelectField label={t("disclosure.postings.microGrid")} value={micro} error={errs.fields.microGridId} onChange={field("microGridId", setMicro)}>
            <option value="">{t("disclosure.postings.chooseMicroGrid")}</option>
            {grids.map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.microGrids.nodes.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <div className="field-pair">
            <TextField label={t("disclosure.postings.date")} type="date" max={today} value={date} error={errs.fields.date} onChange={field("date", setDate)} />
            <SelectField label={t("disclosure.postings.how")} value={method} error={errs.fields.method} onChange={field("method", (v) => setMethod(v as PostingMethod))}>
              <option value="BOARD">{t("disclosure.postings.method.BOARD")}</option>
              <option value="DOOR_TO_DOOR">{t("disclosure.postings.method.DOOR_TO_DOOR")}</option>
            </SelectField>
          </div>
          <TextField
            label={t("disclosure.postings.photoUrl")}
            hint={t("disclosure.postings.photoHint")}
            optional
            type="url"
            inputMode="url"
            value={photo}
            error={errs.fields.photoUrl}
            onChange={field("photoUrl", setPhoto)}
          />
          <button type="submit" className="btn btn-primary" disabled={pres.fetching}>
            {t("disclosure.postings.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
