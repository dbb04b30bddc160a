import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { TodosQueryDoc, todoPath, type Todo } from "../components/TodoList";
import { EmptyState, Page } from "../components/ui";
import { useCommunity } from "../lib/community";
import { useMemberPicker, type PickableMember } from "../lib/memberPicker";
import { hasRole } from "../viewer";

/** Tile is one way into a staff tool: a big link with an icon. */
function Tile({ to, icon, label }: { to: string; icon: string; label: string }) {
  return (
    <Link className="action-tile" to={to}>
      <span aria-hidden="true">{icon}</span> {label}
    </Link>
  );
}

/**
 * WorkbenchPage (工作台) is where staff work, so that residents' pages
 * carry residents' content only: the committee's and the admin's tools,
 * and for a grid worker the hub of their residents, by micro-grid, with
 * what each has waiting and the way to act for them on the record.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { community, membership, can } = useCommunity();
  const base = `/c/${community.id}`;
  return (
    <Page title={t("workbench.title")} wide>
      {(can.manager || can.screener) && (
        <section className="panel" aria-labelledby="wb-committee">
          <h2 id="wb-committee">{t("workbench.committee")}</h2>
          <nav className="action-tiles" aria-labelledby="wb-committee">
            {can.screener && <Tile to={`${base}/screening`} icon="⚖️" label={t("workbench.screening")} />}
            {can.committee && <Tile to={`${base}/meetings/new`} icon="📅" label={t("workbench.scheduleMeeting")} />}
            <Tile to={`${base}/resolutions`} icon="📋" label={t("workbench.resolutions")} />
            {(can.committee || hasRole(membership, "PARTY")) && <Tile to={`${base}/disclosures/desk`} icon="📢" label={t("workbench.disclosures")} />}
            {can.manager && <Tile to={`${base}/volunteers/board`} icon="🤝" label={t("volunteerDesk.workbench")} />}
            {can.committee && <Tile to={`${base}/patrol/triage`} icon="🛡️" label={t("patrol.triage.workbench")} />}
          </nav>
        </section>
      )}
      {can.directory && (
        <section className="panel" aria-labelledby="wb-people">
          <h2 id="wb-people">{t("workbench.people")}</h2>
          <nav className="action-tiles" aria-labelledby="wb-people">
            <Tile to={`${base}/members`} icon="👥" label={t("workbench.members")} />
            {can.staff && <Tile to={`${base}/members?tab=requests`} icon="📨" label={t("workbench.requests")} />}
            {(can.gridWorker || can.manager) && <Tile to={`${base}/assisted`} icon="✚" label={t("workbench.assisted")} />}
            {can.gridWorker && <Tile to={`${base}/disclosures/desk`} icon="📌" label={t("workbench.postings")} />}
            {can.gridWorker && !can.manager && <Tile to={`${base}/volunteers/board`} icon="🤝" label={t("volunteerDesk.workbench")} />}
            {can.gridWorker && !can.committee && <Tile to={`${base}/patrol/triage`} icon="🛡️" label={t("patrol.triage.workbench")} />}
            {can.admin && <Tile to={`${base}/grids`} icon="▦" label={t("workbench.grids")} />}
            {can.admin && <Tile to={`${base}/notifications/failed`} icon="✉️" label={t("workbench.failed")} />}
          </nav>
        </section>
      )}
      {can.gridWorker && <GridWorkerHub gridIds={membership.workerGrids.map((g) => g.id)} />}
    </Page>
  );
}

/** GridWorkerHub lists the assisted residents of the worker's grids by micro-grid, each with what waits for them. */
function GridWorkerHub({ gridIds }: { gridIds: string[] }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const members = useMemberPicker(community.id);
  const [todos] = useQuery({ query: TodosQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const mine = members.filter((m) => m.assisted && m.grid && gridIds.includes(m.grid.id));
  const waiting = new Map<string, Todo[]>();
  for (const td of todos.data?.community?.todos ?? []) {
    if (!td.forMember) continue;
    waiting.set(td.forMember.id, [...(waiting.get(td.forMember.id) ?? []), td]);
  }
  const byMicro = new Map<string, { name: string; members: PickableMember[] }>();
  for (const m of mine) {
    const key = m.microGrid?.id ?? "";
    const group = byMicro.get(key) ?? { name: m.microGrid?.name ?? t("workbench.noMicroGrid"), members: [] };
    group.members.push(m);
    byMicro.set(key, group);
  }
  return (
    <section className="panel" aria-labelledby="wb-hub">
      <h2 id="wb-hub">{t("workbench.myResidents")}</h2>
      <p className="muted small">{t("workbench.hubHint")}</p>
      {mine.length === 0 && <EmptyState title={t("workbench.noResidents")} />}
      {[...byMicro.entries()].map(([key, group]) => (
        <div key={key} className="hub-group">
          <h3>{group.name}</h3>
          <ul className="cards">
            {group.members.map((m) => {
              const items = waiting.get(m.id) ?? [];
              return (
                <li key={m.id} className="card hub-resident">
                  <strong>{m.user.name}</strong>
                  <Link className="btn btn-small" to={`/c/${community.id}/topics/new?for=${encodeURIComponent(m.id)}`} aria-label={t("workbench.proposeFor", { name: m.user.name })}>
                    {t("workbench.propose")}
                  </Link>
                  {items.length === 0 ? (
                    <p className="muted small">{t("workbench.nothingWaiting")}</p>
                  ) : (
                    <ul className="link-list" aria-label={t("workbench.waitingFor", { name: m.user.name })}>
                      {items.map((td, i) => (
                        <li key={`${td.kind}-${td.subject.id}-${i}`}>
                          <Link to={todoPath(community.id, td)}>{td.label}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
