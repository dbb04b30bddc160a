import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { DisclosureVersionState, DisclosureVersionType } from "../../gql/graphql";
import { versionTypeKey } from "../../lib/disclosure";
import { toFormErrors } from "../../lib/errors";
import { FormError, SelectField, Skeleton, formatDate } from "../ui";
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
 * or withdrawal, its reason and date) and shows the difference between any
 * two, by default the latest against the one before.
 */
export function VersionsTab({ versions, categories, zone }: { versions: VersionLine[]; categories: Map<string, string>; zone: string }) {
  const { t, i18n } = useTranslation();
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
              </p>
              {v.reason && <p>{t("disclosure.versions.reason", { reason: v.reason })}</p>}
              {v.publishedAt && <p className="muted small">{t("disclosure.publishedOn", { date: formatDate(v.publishedAt, i18n.language, zone) })}</p>}
            </li>
          ))}
        </ol>
      </section>
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
