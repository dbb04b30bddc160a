import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { CardSkeleton, EmptyState, FormError, Notice, Page, TextField } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";

const GridsAdminQuery = graphql(`
  query GridsAdmin($id: ID!) {
    community(id: $id) {
      id
      grids(first: 50) {
        totalCount
        nodes {
          id
          name
          code
          microGrids(first: 50) {
            nodes {
              id
              name
              code
            }
          }
        }
      }
    }
  }
`);

const CreateGridMutation = graphql(`
  mutation CreateGrid($input: CreateGridInput!) {
    createGrid(input: $input) {
      grid {
        id
        name
        code
      }
    }
  }
`);

const CreateMicroGridMutation = graphql(`
  mutation CreateMicroGrid($input: CreateMicroGridInput!) {
    createMicroGrid(input: $input) {
      microGrid {
        id
        name
        code
      }
    }
  }
`);

const RenameGridMutation = graphql(`
  mutation RenameGrid($input: RenameGridInput!) {
    renameGrid(input: $input) {
      grid {
        id
        name
      }
    }
  }
`);

const RenameMicroGridMutation = graphql(`
  mutation RenameMicroGrid($input: RenameMicroGridInput!) {
    renameMicroGrid(input: $input) {
      microGrid {
        id
        name
      }
    }
  }
`);

/** GridsPage lists the community's grids and micro-grids; admins add and rename them. */
export function GridsPage() {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [res, refetch] = useQuery({ query: GridsAdminQuery, variables: { id: community.id } });
  const [notice, setNotice] = useState<string>();
  const grids = res.data?.community?.grids;
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <Page title={t("grids.title")} wide>
      <p className="lead">{t("grids.intro")}</p>
      {!can.admin && <Notice kind="info" message={t("grids.adminOnly")} />}
      <FormError message={errs.form} />
      <Notice message={notice} />
      {!grids ? (
        <CardSkeleton count={3} />
      ) : grids.nodes.length === 0 ? (
        <EmptyState title={t("grids.empty")} />
      ) : (
        <ul className="cards cards-grid">
          {grids.nodes.map((g) => (
            <li key={g.id} className="card">
              <GridName kind="grid" id={g.id} name={g.name} code={g.code} canEdit={can.admin} onDone={setNotice} />
              <h3 className="sub-title">{t("grids.microGrids")}</h3>
              {g.microGrids.nodes.length === 0 ? (
                <p className="muted">{t("grids.microEmpty")}</p>
              ) : (
                <ul className="micro-list">
                  {g.microGrids.nodes.map((m) => (
                    <li key={m.id}>
                      <GridName kind="micro" id={m.id} name={m.name} code={m.code} canEdit={can.admin} onDone={setNotice} />
                    </li>
                  ))}
                </ul>
              )}
              {can.admin && (
                <NewGridForm
                  kind="micro"
                  parentId={g.id}
                  parentName={g.name}
                  onDone={(name) => {
                    setNotice(t("grids.created", { name }));
                    reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {can.admin && (
        <section className="panel" aria-labelledby="newgrid-h">
          <h2 id="newgrid-h">{t("grids.newGrid")}</h2>
          <NewGridForm
            kind="grid"
            parentId={community.id}
            open
            onDone={(name) => {
              setNotice(t("grids.created", { name }));
              reload();
            }}
          />
        </section>
      )}
    </Page>
  );
}

function GridName({
  kind,
  id,
  name,
  code,
  canEdit,
  onDone,
}: {
  kind: "grid" | "micro";
  id: string;
  name: string;
  code: string;
  canEdit: boolean;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [gres, renameGrid] = useMutation(RenameGridMutation);
  const [mres, renameMicro] = useMutation(RenameMicroGridMutation);
  const res = kind === "grid" ? gres : mres;
  const errs = toFormErrors(res.error, ["name"], t("app.networkError"));
  const Title = kind === "grid" ? "h2" : "span";

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r =
      kind === "grid"
        ? await renameGrid({ input: { gridId: id, name: value } })
        : await renameMicro({ input: { microGridId: id, name: value } });
    if (r.data) {
      setEditing(false);
      onDone(t("grids.renamed", { name: value.trim() }));
    }
  }

  if (editing) {
    return (
      <form onSubmit={submit} noValidate className="form form-inline">
        <FormError message={errs.form} />
        <TextField
          label={t("grids.renameLabel", { name })}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={errs.fields.name}
          autoFocus
        />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={res.fetching}>
            {t("app.save")}
          </button>
          <button type="button" className="btn" onClick={() => setEditing(false)}>
            {t("app.cancel")}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className={kind === "grid" ? "grid-head" : "micro-row"}>
      <Title className={kind === "grid" ? "card-title" : undefined}>
        {name} <span className="muted small code">{code}</span>
      </Title>
      {canEdit && (
        <button
          type="button"
          className="btn btn-small btn-quiet"
          aria-label={t("grids.renameLabel", { name })}
          onClick={() => {
            setValue(name);
            setEditing(true);
          }}
        >
          {t("grids.rename")}
        </button>
      )}
    </div>
  );
}

function NewGridForm({
  kind,
  parentId,
  parentName,
  open,
  onDone,
}: {
  kind: "grid" | "micro";
  parentId: string;
  parentName?: string;
  open?: boolean;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: "", code: "" });
  const [gres, createGrid] = useMutation(CreateGridMutation);
  const [mres, createMicro] = useMutation(CreateMicroGridMutation);
  const res = kind === "grid" ? gres : mres;
  const errs = toFormErrors(res.error, ["name", "code"], t("app.networkError"));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r =
      kind === "grid"
        ? await createGrid({ input: { communityId: parentId, name: form.name, code: form.code } })
        : await createMicro({ input: { gridId: parentId, name: form.name, code: form.code } });
    if (r.data) {
      onDone(form.name.trim());
      setForm({ name: "", code: "" });
    }
  }

  const body = (
    <form onSubmit={submit} noValidate className="form">
      <FormError message={errs.form} />
      <TextField
        label={t("grids.name")}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        error={errs.fields.name}
      />
      <TextField
        label={t("grids.code")}
        hint={t("grids.codeHint")}
        value={form.code}
        onChange={(e) => setForm({ ...form, code: e.target.value })}
        error={errs.fields.code}
        autoCapitalize="off"
        spellCheck={false}
      />
      <button type="submit" className="btn btn-primary" disabled={res.fetching}>
        {t("grids.create")}
      </button>
    </form>
  );
  if (open) return body;
  return (
    <details className="disclosure">
      <summary aria-label={parentName ? t("app.labelFor", { action: t("grids.newMicroGrid"), name: parentName }) : undefined}>
        {t("grids.newMicroGrid")}
      </summary>
      {body}
    </details>
  );
}
