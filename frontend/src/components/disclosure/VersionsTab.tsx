import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { DisclosureVersionState, DisclosureVersionType } from "../../gql/graphql";
import { versionTypeKey } from "../../lib/disclosure";
import { toFormErrors } from "../../lib/errors";
import { FormError, SelectField, Skeleton, formatDate } from "../ui";
import { useVersionContent, VersionContent } from "./ContentTab";
import { DiffView } from "./DiffView";

export const DiffItemFields = graphql(`
  fragment DiffItemFields on FinanceItem {
    key
    date
    direction
    category
    amount
    counterparty
    voucher
    note
    link
  }
`);

const DiffQueryDoc = graphql(`
  query DisclosureDiff($to: ID!, $against: ID) {
    node(id: $to) {
      __typename
      ... on DisclosureVersion {
        id
        diff(against: $against) {
          from {
            id
            number
          }
          to {
            id
            number
          }
          fields {
            field
            from
            to
          }
          lines {
            op
            text
          }
          attachmentsAdded {
            name
          }
          attachmentsRemoved {
            name
          }
          finance {
            added {
              ...DiffItemFields
            }
            removed {
              ...DiffItemFields
            }
            changed {
              fields
              from {
                ...DiffItemFields
              }
              to {
                ...DiffItemFields
              }
            }
            openingBalance {
              changed
              from
              to
            }
            incomeTotal {
              changed
              from
              to
            }
            expenseTotal {
              changed
              from
              to
            }
            closingBalance {
              changed
              from
              to
            }
          }
        }
      }
    }
  }
`);

/** VersionLine is a version as the list shows it. */
export interface VersionLine {
  id: string;
  number: number;
  type: DisclosureVersionType;
  state: DisclosureVersionState;
  reason: string | null;
  publishedAt: string | null;
}

/**
 * VersionsTab lists every version (number, first publication, correction
 * or withdrawal, its reason and date), each with the way to read it in full
 * and, once published, to print its notice; shows the full text of the
 * version the address names (?version=2, which a notice's QR code opens);
 * and shows the difference between any two, by default the latest against
 * the one before.
 */
export function VersionsTab({
  versions,
  categories,
  zone,
  communityId,
  disclosureId,
}: {
  versions: VersionLine[];
  categories: Map<string, string>;
  zone: string;
  communityId: string;
  disclosureId: string;
}) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get("version");
  const shown = asked ? (versions.find((v) => String(v.number) === asked) ?? null) : null;
  /** readHref opens a version's full text here, or closes it (null). */
  const readHref = (number: number | null) => {
    const next = new URLSearchParams(params);
    if (number === null) next.delete("version");
    else next.set("version", String(number));
    return `?${next.toString()}`;
  };
  const n = versions.length;
  const [to, setTo] = useState(versions[n - 1]?.id ?? "");
  const [from, setFrom] = useState(versions[n - 2]?.id ?? "");
  const same = from === to;
  const [res] = useQuery({ query: DiffQueryDoc, variables: { to, against: from }, pause: n < 2 || same || !from });
  const node = res.data?.node;
  const diff = node?.__typename === "DisclosureVersion" ? node.diff : null;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const name = (v: VersionLine) => t("disclosure.versions.option", { n: v.number, type: t(v.state === "DRAFT" ? "disclosure.versions.draft" : versionTypeKey(v.type)) });
  return (
    <>
      <section className="panel" aria-labelledby="versions-h">
        <h2 id="versions-h">{t("disclosure.versions.title")}</h2>
        <ol className="cards version-list">
          {[...versions].reverse().map((v) => (
            <li key={v.id} className="card">
              <p className="tags">
                <span className="tag">{t("disclosure.versions.number", { n: v.number })}</span>
                <span className={v.type === "ORIGINAL" ? "tag" : "tag tag-warn"}>{t(versionTypeKey(v.type))}</span>
                {v.state === "DRAFT" && <span className="tag">{t("disclosure.versions.draft")}</span>}
                {shown?.id === v.id && <span className="tag">{t("disclosure.versions.viewing")}</span>}
              </p>
              {v.reason && <p>{t("disclosure.versions.reason", { reason: v.reason })}</p>}
              {v.publishedAt && <p className="muted small">{t("disclosure.publishedOn", { date: formatDate(v.publishedAt, i18n.language, zone) })}</p>}
              <p className="actions">
                {shown?.id === v.id ? (
                  <Link className="btn btn-small" to={readHref(null)} replace aria-label={t("disclosure.versions.hideLabel", { n: v.number })}>
                    {t("disclosure.versions.hide")}
                  </Link>
                ) : (
                  <Link className="btn btn-small" to={readHref(v.number)} replace aria-label={t("disclosure.versions.readLabel", { n: v.number })}>
                    {t("disclosure.versions.read")}
                  </Link>
                )}
                {v.state === "PUBLISHED" && (
                  <Link
                    className="btn btn-small"
                    to={`/c/${communityId}/disclosures/${disclosureId}/notice?version=${v.number}`}
                    aria-label={t("disclosure.versions.printLabel", { n: v.number })}
                  >
                    {t("disclosure.versions.print")}
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ol>
      </section>
      {asked && (
        <FullVersion versionId={shown?.id ?? null} draft={shown?.state === "DRAFT"} number={asked} communityId={communityId} categories={categories} zone={zone} />
      )}
      {n > 1 && (
        <section className="panel" aria-labelledby="diff-h">
          <h2 id="diff-h">{t("disclosure.diff.title")}</h2>
          <div className="field-pair">
            <SelectField label={t("disclosure.diff.from")} value={from} onChange={(e) => setFrom(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {name(v)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("disclosure.diff.to")} value={to} onChange={(e) => setTo(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {name(v)}
                </option>
              ))}
            </SelectField>
          </div>
          <FormError message={err} />
          <div aria-live="polite">
            {same ? (
              <p className="muted">{t("disclosure.diff.same")}</p>
            ) : !diff ? (
              res.fetching && <Skeleton lines={3} />
            ) : (
              <>
                <p className="small muted">{t("disclosure.diff.between", { from: diff.from.number, to: diff.to.number })}</p>
                {versions.find((v) => v.id === diff.to.id)?.reason && (
                  <p className="alert alert-info">{t("disclosure.versions.reason", { reason: versions.find((v) => v.id === diff.to.id)?.reason })}</p>
                )}
                <DiffView diff={diff} categories={categories} />
              </>
            )}
          </div>
        </section>
      )}
    </>
  );
}

/**
 * FullVersion is one version's full text, as the content tab shows the
 * version in force, in a region that names it, scrolled into view once it
 * is loaded; it says so when the disclosure has no such version (or none
 * the viewer may see).
 */
function FullVersion({
  versionId,
  draft,
  number,
  communityId,
  categories,
  zone,
}: {
  versionId: string | null;
  /** a draft changes: it is read from the server each time */
  draft: boolean;
  number: string;
  communityId: string;
  categories: Map<string, string>;
  zone: string;
}) {
  const { t } = useTranslation();
  const { version, error } = useVersionContent(versionId, draft ? "network-only" : "cache-first");
  const region = useRef<HTMLDivElement>(null);
  const loaded = version?.id;
  useEffect(() => {
    if (loaded) region.current?.scrollIntoView({ block: "start" });
  }, [loaded]);
  const err = toFormErrors(error, [], t("app.networkError")).form;
  return (
    <div role="region" aria-label={t("disclosure.versions.full", { n: number })} ref={region}>
      <FormError message={err} />
      {!versionId || version === null ? (
        <p className="panel muted">{t("disclosure.versions.missing", { n: number })}</p>
      ) : !version ? (
        <Skeleton lines={6} />
      ) : (
        <VersionContent v={version} communityId={communityId} categories={categories} zone={zone} />
      )}
    </div>
  );
}
