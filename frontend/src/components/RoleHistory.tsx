import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { toFormErrors } from "../lib/errors";
import { cappedList } from "../lib/roles";
import { FormError, MiniListSkeleton, formatDateTime } from "./ui";

const RoleHistoryQuery = graphql(`
  query RoleHistory($id: ID!) {
    community(id: $id) {
      id
      roleHistory {
        revoked
        role
        at
        user {
          id
          name
        }
        grid {
          id
          name
        }
        by {
          id
          name
        }
      }
    }
  }
`);

/** HISTORY_CAP is how many changes show before "show all". */
const HISTORY_CAP = 10;

/**
 * RoleHistory is the community's record of who was granted or lost which
 * role, by whom and when, folded: it loads when opened.
 */
export function RoleHistory({ communityId, zone }: { communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const [res] = useQuery({
    query: RoleHistoryQuery,
    variables: { id: communityId },
    pause: !open,
    requestPolicy: "cache-and-network",
  });
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const changes = res.data?.community?.roleHistory;
  const { shown, hidden } = cappedList(changes ?? [], HISTORY_CAP, all);
  return (
    <details className="disclosure role-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("roleHistory.title")}</summary>
      <p className="muted small">{t("roleHistory.intro")}</p>
      <FormError message={errs.form} />
      {!changes ? (
        open && !res.error && <MiniListSkeleton count={2} />
      ) : changes.length === 0 ? (
        <p className="muted">{t("roleHistory.empty")}</p>
      ) : (
        <>
          <ul className="link-list" aria-label={t("roleHistory.title")}>
            {shown.map((c, i) => {
              const role = t(`roles.${c.role}`) + (c.grid ? `（${c.grid.name}）` : "");
              const by = c.by?.name ?? t("roleHistory.platform");
              return (
                <li key={`${c.at}-${i}`}>
                  <span>
                    {c.revoked
                      ? t("roleHistory.revoked", { by, user: c.user.name, role })
                      : t("roleHistory.granted", { by, user: c.user.name, role })}
                  </span>
                  <span className="muted small">{formatDateTime(c.at, i18n.language, zone)}</span>
                </li>
              );
            })}
          </ul>
          {hidden > 0 && (
            <button type="button" className="btn btn-block" onClick={() => setAll(true)}>
              {t("roleHistory.showAll", { count: changes.length })}
            </button>
          )}
        </>
      )}
    </details>
  );
}
