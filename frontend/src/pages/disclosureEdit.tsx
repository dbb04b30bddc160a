import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { EditorForm } from "../components/disclosure/EditorForm";
import { defaultPeriod } from "../components/disclosure/EditorFields";
import { NotFoundPage } from "../components/NotFound";
import { EmptyState, FormError, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import type { DisclosureKind } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { KINDS } from "../lib/disclosure";
import { emptyDraft, fromVersion } from "../lib/disclosureEditor";
import { todayIn } from "../lib/disclosurePeriod";
import { toFormErrors } from "../lib/errors";
import { hasRole } from "../viewer";

const EditorSetupQueryDoc = graphql(`
  query DisclosureEditorSetup($id: ID!) {
    community(id: $id) {
      id
      disclosureSchedule {
        financeCadence
      }
      financeCategories {
        code
        label
        parent
        direction
      }
    }
  }
`);

const EditDisclosureQueryDoc = graphql(`
  query DisclosureForEditing($id: ID!) {
    node(id: $id) {
      __typename
      ... on Disclosure {
        id
        kind
        state
        hasDraft
        community {
          id
        }
        current {
          id
        }
        versions {
          id
          state
        }
      }
    }
  }
`);

const VersionForEditingQueryDoc = graphql(`
  query DisclosureVersionForEditing($id: ID!) {
    node(id: $id) {
      __typename
      ... on DisclosureVersion {
        id
        kind
        type
        state
        title
        body
        reason
        updatedAt
        period {
          key
        }
        power {
          decision
          decidedBy
          basis
          amount
        }
        finance {
          openingBalance
          items {
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
        }
        attachments {
          name
          url
          sha256
          size
        }
      }
    }
  }
`);

/** useEditorSetup is what every editor page needs: who may edit which kinds, the cadence, the accounts, today. */
function useEditorSetup() {
  const { t } = useTranslation();
  const { community, membership, can } = useCommunity();
  const [res] = useQuery({ query: EditorSetupQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const kinds: DisclosureKind[] = can.committee ? KINDS : hasRole(membership, "PARTY") ? ["PARTY"] : [];
  return {
    community,
    kinds,
    setup: res.data?.community ?? null,
    error: toFormErrors(res.error, [], t("app.networkError")).form,
    today: todayIn(community.settings.timeZone),
  };
}

/** EditorPage frames an editor: its title, a loading state, and a word for those who may not edit. */
function EditorPage({ title, ready, allowed, error, children }: { title: string; ready: boolean; allowed: boolean; error?: string; children: () => ReactNode }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  return (
    <Page title={title} wide>
      <FormError message={error} />
      {!allowed ? <EmptyState title={t("disclosure.editor.notAllowed")} /> : !ready ? <Skeleton lines={8} /> : children()}
      <p>
        <Link to={`/c/${community.id}/disclosures/desk`}>{t("disclosure.desk.back")}</Link>
      </p>
    </Page>
  );
}

/** NewDisclosurePage is /c/:cid/disclosures/new (?kind=&period= from a due period): a new disclosure's first draft. */
export function NewDisclosurePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { community, kinds, setup, error, today } = useEditorSetup();
  const asked = params.get("kind") as DisclosureKind | null;
  const kind = asked && kinds.includes(asked) ? asked : kinds.includes("FINANCE") ? "FINANCE" : kinds[0];
  const cadence = setup?.disclosureSchedule.financeCadence ?? "MONTHLY";
  const base = `/c/${community.id}/disclosures`;
  return (
    <EditorPage title={t("disclosure.editor.newTitle")} ready={!!setup} allowed={kinds.length > 0} error={error}>
      {() => (
        <EditorForm
          target={{ mode: "new", communityId: community.id }}
          initial={emptyDraft(kind, params.get("period") ?? defaultPeriod(kind, cadence, today))}
          fixed={false}
          correction={false}
          community={community}
          cadence={cadence}
          kinds={kinds}
          categories={setup!.financeCategories}
          today={today}
          onSaved={(s) => navigate(`${base}/${s.disclosureId}/edit`, { replace: true, state: { notice: t("disclosure.editor.saved") } })}
          onPublished={(s) => navigate(`${base}/${s.disclosureId}`, { state: { notice: t("disclosure.editor.published") } })}
          onDiscarded={() => navigate(base)}
        />
      )}
    </EditorPage>
  );
}

/**
 * EditDisclosurePage is /c/:cid/disclosures/:did/edit: the draft waiting
 * to be published, a first version or a correction; /correct starts a
 * correction of the published version (mode "correct").
 */
export function EditDisclosurePage({ mode = "edit" }: { mode?: "edit" | "correct" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { did = "" } = useParams();
  const { community, kinds, setup, error, today } = useEditorSetup();
  const [notice, setNotice] = useState<string | undefined>((location.state as { notice?: string } | null)?.notice);
  const [dres, refetchD] = useQuery({ query: EditDisclosureQueryDoc, variables: { id: did }, requestPolicy: "network-only" });
  const node = dres.data?.node;
  const d = node?.__typename === "Disclosure" ? node : null;
  const draft = d?.versions.find((v) => v.state === "DRAFT") ?? null;
  // A correction starts from the published version, unless a draft is already waiting.
  const sourceId = mode === "correct" && !draft ? d?.current.id : draft?.id;
  const [vres, refetchV] = useQuery({ query: VersionForEditingQueryDoc, variables: { id: sourceId ?? "" }, pause: !sourceId, requestPolicy: "network-only" });
  const vnode = vres.data?.node;
  const v = vnode?.__typename === "DisclosureVersion" ? vnode : null;
  const base = `/c/${community.id}/disclosures`;
  if (dres.data && !d) return <NotFoundPage />;
  const editing = mode === "edit" || !!draft;
  const correction = editing ? v?.type === "CORRECTION" : true;
  const title = t(correction ? "disclosure.editor.correctTitle" : "disclosure.editor.editTitle");
  const allowed = !d || kinds.includes(d.kind);
  const err = error ?? toFormErrors(dres.error ?? vres.error, [], t("app.networkError")).form;
  const nothing = d && mode === "edit" && !draft;
  return (
    <EditorPage title={title} ready={!!setup && !!d && (!!v || !!nothing)} allowed={allowed} error={err}>
      {() =>
        nothing || !v || !d ? (
          <EmptyState title={t("disclosure.editor.noDraft")}>
            <p>
              <Link to={`${base}/${did}`}>{t("disclosure.editor.toDisclosure")}</Link>
            </p>
          </EmptyState>
        ) : (
          <>
          <EditorForm
            key={`${v.id}-${v.updatedAt}`}
            target={editing ? { mode: "edit", versionId: v.id } : { mode: "correct", disclosureId: d.id }}
            initial={fromVersion(v, { keepReason: editing })}
            fixed
            correction={correction}
            draftVersionId={editing ? v.id : undefined}
            community={community}
            cadence={setup!.disclosureSchedule.financeCadence}
            kinds={kinds}
            categories={setup!.financeCategories}
            today={today}
            notice={notice}
            onSaved={(s) => {
              if (!editing) {
                navigate(`${base}/${s.disclosureId}/edit`, { replace: true, state: { notice: t("disclosure.editor.saved") } });
                return;
              }
              setNotice(t("disclosure.editor.saved"));
              refetchD({ requestPolicy: "network-only" });
              refetchV({ requestPolicy: "network-only" });
            }}
            onPublished={(s) => navigate(`${base}/${s.disclosureId}`, { state: { notice: t("disclosure.editor.published") } })}
            onDiscarded={(left) => navigate(left ? `${base}/${left}` : base, { state: { notice: t("disclosure.editor.discarded") } })}
          />
          {editing && (
            <p>
              <Link to={`${base}/${d.id}/notice?draft=1`}>{t("disclosure.editor.preview")} →</Link>
            </p>
          )}
          </>
        )
      }
    </EditorPage>
  );
}

/** CorrectDisclosurePage is /c/:cid/disclosures/:did/correct. */
export function CorrectDisclosurePage() {
  return <EditDisclosurePage mode="correct" />;
}
