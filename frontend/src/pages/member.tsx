import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { NotFoundPage } from "../components/NotFound";
import { FormError, Notice, Page, SelectField, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import type { Role } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { toFormErrors, withoutFields } from "../lib/errors";
import { assignableRoles, mayRevoke, roleGrants, type RoleGrant } from "../lib/roles";

const MemberQuery = graphql(`
  query Member($id: ID!, $communityId: ID!) {
    node(id: $id) {
      __typename
      ... on Member {
        ...MemberFields
      }
    }
    community(id: $communityId) {
      id
      grantableRoles
      grids(first: 100) {
        nodes {
          id
          name
        }
      }
    }
  }
`);

const AssignRoleMutation = graphql(`
  mutation AssignRole($input: AssignRoleInput!) {
    assignRole(input: $input) {
      member {
        id
        roles
        workerGrids {
          id
          name
        }
      }
    }
  }
`);

const RevokeRoleMutation = graphql(`
  mutation RevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) {
      member {
        id
        roles
        workerGrids {
          id
          name
        }
      }
    }
  }
`);

/**
 * MemberPage shows one member's roles and lets those who may grant some
 * role change them: the roles offered, and the revoke buttons, are the ones
 * the server lists as the viewer's to grant (Community.grantableRoles).
 */
export function MemberPage() {
  const { t } = useTranslation();
  const { mid = "" } = useParams();
  const { community, can } = useCommunity();
  const [res] = useQuery({ query: MemberQuery, variables: { id: mid, communityId: community.id }, pause: !can.directory });
  const [notice, setNotice] = useState<string>();
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const grantable = res.data?.community?.grantableRoles ?? [];

  if (!can.directory || (res.data && grantable.length === 0)) {
    return (
      <Page title={t("member.title")}>
        <FormError message={t("app.forbidden")} />
      </Page>
    );
  }
  if (res.data && res.data.node?.__typename !== "Member") return <NotFoundPage />;
  const m = res.data?.node?.__typename === "Member" ? res.data.node : null;

  return (
    <Page title={m ? `${t("member.title")}：${m.user.name}` : t("member.title")}>
      <FormError message={loadErr.form} />
      {!m ? (
        <Skeleton lines={5} />
      ) : (
        <>
          <p className="lead">
            {[m.grid?.name, m.microGrid?.name].filter(Boolean).join(" · ")}
            {m.assisted && <span className="tag tag-info">{t("members.assistedLong")}</span>}
          </p>
          <Notice message={notice} />
          <RoleList
            memberId={m.id}
            name={m.user.name}
            grants={roleGrants(m.roles, m.workerGrids)}
            grantable={grantable}
            onDone={setNotice}
          />
          <AssignForm
            memberId={m.id}
            grantable={grantable}
            grids={res.data?.community?.grids.nodes ?? []}
            onDone={setNotice}
          />
          <p>
            <Link to={`/c/${community.id}/members`}>{t("app.back")}</Link>
          </p>
        </>
      )}
    </Page>
  );
}

/**
 * RoleList is a member's roles, with a revoke button for each the viewer
 * may change; revoking asks first, in a confirm sheet that says what
 * follows.
 */
function RoleList({
  memberId,
  name,
  grants,
  grantable,
  onDone,
}: {
  memberId: string;
  name: string;
  grants: RoleGrant[];
  grantable: readonly Role[];
  onDone: (msg: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [rres, revoke] = useMutation(RevokeRoleMutation);
  const revokeErr = toFormErrors(rres.error, [], t("app.networkError"));
  const keyOf = (g: RoleGrant) => g.role + (g.grid?.id ?? "");
  return (
    <section className="panel" aria-labelledby="roles-h">
      <h2 id="roles-h">{t("member.roles")}</h2>
      <FormError message={revokeErr.form} />
      <ul className="grant-list">
        {grants.map((g) => {
          const label = t(`roles.${g.role}`) + (g.grid ? `（${g.grid.name}）` : "");
          return (
            <li key={keyOf(g)}>
              <span>{label}</span>
              {g.role === "RESIDENT" ? (
                <span className="muted small">{t("member.residentFixed")}</span>
              ) : (
                mayRevoke(g.role, grantable) && (
                  <ConfirmSheet
                    trigger={t("member.revokeShort")}
                    triggerLabel={t("member.revokeLabel", { role: label })}
                    triggerClass="btn btn-small"
                    title={t("member.revokeTitle", { role: label })}
                    consequence={<p>{t("member.revokeConfirm", { name, role: label })}</p>}
                    confirm={t("member.revokeYes")}
                    disabled={rres.fetching}
                    onConfirm={async () => {
                      onDone(undefined);
                      const r = await revoke({ input: { memberId, role: g.role, gridId: g.grid?.id ?? null } });
                      if (r.data) onDone(t("member.revoked", { role: label }));
                    }}
                  />
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** AssignForm grants a role the viewer may grant; a grid worker's needs a grid. */
function AssignForm({
  memberId,
  grantable,
  grids,
  onDone,
}: {
  memberId: string;
  grantable: readonly Role[];
  grids: readonly { id: string; name: string }[];
  onDone: (msg: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [ares, assign] = useMutation(AssignRoleMutation);
  const [role, setRole] = useState<Role | "">("");
  const [gridId, setGridId] = useState("");
  const [edited, setEdited] = useState<string[]>([]);
  const errs = withoutFields(toFormErrors(ares.error, ["role", "gridId"], t("app.networkError")), edited);
  const roles = assignableRoles(grantable);

  async function submit(e: FormEvent) {
    e.preventDefault();
    onDone(undefined);
    if (!role) return;
    setEdited([]);
    const r = await assign({
      input: { memberId, role, gridId: role === "GRID_WORKER" ? gridId || null : null },
    });
    if (r.data) {
      onDone(t("member.assigned", { role: t(`roles.${role}`) }));
      setRole("");
      setGridId("");
    }
  }

  return (
    <section className="panel" aria-labelledby="assign-h">
      <h2 id="assign-h">{t("member.assign")}</h2>
      <p className="muted small">{t("member.assignHint")}</p>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <SelectField
          label={t("member.role")}
          name="role"
          value={role}
          onChange={(e) => {
            setRole(e.target.value as Role | "");
            setEdited([...edited, "role", "gridId"]);
          }}
          error={errs.fields.role}
        >
          <option value="">{t("member.chooseRole")}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {role === "GRID_WORKER" && (
          <SelectField
            label={t("member.gridForWorker")}
            hint={t("member.gridForWorkerHint")}
            name="gridId"
            value={gridId}
            onChange={(e) => {
              setGridId(e.target.value);
              setEdited([...edited, "gridId"]);
            }}
            error={errs.fields.gridId}
          >
            <option value="">{t("communities.chooseGrid")}</option>
            {grids.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={ares.fetching || !role}>
          {t("member.assignSubmit")}
        </button>
      </form>
    </section>
  );
}
