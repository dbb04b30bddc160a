import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { TopicPanelQuery as TopicPanelResult } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { DRAWN_KINDS, missingSeats, missingSeatsText, panelSteps, seatShortfalls, type PanelBlock, type PanelStep as Step, type SeatShortfall } from "../lib/deliberation";
import { toFormErrors } from "../lib/errors";
import { DrawVerification } from "./DrawVerification";
import { Representativeness } from "./Representativeness";
import { DrawForm } from "./panel/DrawForm";
import { NominateForm } from "./panel/NominateForm";
import { PanelConfirm } from "./panel/PanelConfirm";
import { PanelSeed } from "./panel/PanelSeed";
import { PanelStep } from "./panel/PanelStep";
import { SeatInvite } from "./panel/SeatInvite";
import { SeatList } from "./panel/SeatList";
import { SeatRulesForm } from "./panel/SeatRulesForm";
import { EmptyState, FormError, Notice, Skeleton } from "./ui";

const TopicPanelQuery = graphql(`
  query TopicPanel($id: ID!) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        ...SeatRulesFields
        ...DrawFormFields
        panel {
          state
          ...SeatInviteFields
          seed
          confirmedAt
          rules {
            kind
          }
          seats {
            drawn
          }
          ...PanelSeedFields
          ...SeatListFields
          ...DrawVerificationFields
          representativeness {
            rules {
              accepted
              rule {
                kind
                min
                grid {
                  id
                  name
                }
              }
            }
            ...RepresentativenessFields
          }
          ...PanelConfirmFields
        }
      }
    }
  }
`);

type Panel = NonNullable<Extract<NonNullable<TopicPanelResult["node"]>, { __typename: "Topic" }>["panel"]>;

/** stepsOf lays out the builder's steps for a panel as it stands (null: no seat rules yet), and the rules still short of accepted seats. */
function stepsOf(panel: Panel | null): { steps: Step[]; short: SeatShortfall[] } {
  const short = seatShortfalls(panel?.representativeness.rules ?? []);
  const steps = panelSteps({
    rules: panel?.rules.length ?? 0,
    drawable: !!panel?.rules.some((r) => DRAWN_KINDS.includes(r.kind)),
    seed: !!panel?.seed,
    nominated: panel?.seats.filter((s) => !s.drawn).length ?? 0,
    drawn: panel?.seats.filter((s) => s.drawn).length ?? 0,
    missing: missingSeats(short),
    confirmed: !!panel?.confirmedAt,
  });
  return { steps, short };
}

/**
 * PanelSection is 谁来议 on an accepted topic. As the builder (the
 * committee's own page, while the panel is not locked) it is six numbered
 * steps (设定席位规则 → 提名 → 公布随机种子 → 抽签 → 邀请与答复 → 确认议事小组),
 * each with where it stands and, when it cannot be done yet, why. On the
 * topic page everyone sees where the panel stands, its seats (a grid
 * worker answers for the assisted residents of their grids there), and the
 * seed, the draws' verification and the representativeness report under
 * one 公开核验 fold; the committee gets a link to the builder. Each part
 * declares the data it reads as a fragment (in ./panel/); this section
 * loads them in one query and reloads the panel after a change. onChanged
 * tells the page that the topic's timeline may have grown.
 */
export function PanelSection({ topicId, builder, onChanged }: { topicId: string; builder?: boolean; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [res, refetch] = useQuery({ query: TopicPanelQuery, variables: { id: topicId }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<string>();
  const node = res.data?.node;
  const topic = node?.__typename === "Topic" ? node : null;
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const reload = () => refetch({ requestPolicy: "network-only" });
  const clear = () => setNotice(undefined);
  // done reports a change and reloads the panel; changed also tells the topic page.
  const done = (msg: string) => {
    setNotice(msg);
    reload();
  };
  const changed = (msg: string) => {
    done(msg);
    onChanged?.();
  };

  if (!topic) {
    return (
      <section className="panel" aria-labelledby="panel-h">
        <h2 id="panel-h">{t("panel.title")}</h2>
        <FormError message={loadErr.form} />
        <Skeleton lines={3} />
      </section>
    );
  }
  const panel = topic.panel;
  const locked = panel?.state === "LOCKED";
  const { steps, short } = stepsOf(panel);
  const [rules, nominate, seed, draw, answers, confirm] = steps;
  const why = (b: PanelBlock | undefined) => (!b ? undefined : b === "missingSeats" ? missingSeatsText(t, short) : t(`panel.steps.${b}`));
  const building = builder && can.committee && !locked;

  return (
    <section className="panel topic-panel" aria-labelledby="panel-h">
      <h2 id="panel-h">{t("panel.title")}</h2>
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      {!builder && can.committee && !locked && (
        <p>
          <Link className="btn btn-primary" to={`/c/${community.id}/topics/${topicId}/panel`}>
            {t("panel.toBuilder")} →
          </Link>
        </p>
      )}
      {builder && <SeatInvite topicId={topicId} panel={panel} onDone={done} />}
      {building ? (
        <ol className="steps" aria-label={t("panel.steps.label")}>
          <PanelStep n={1} step={rules}>
            <SeatRulesForm topic={topic} onStart={clear} onDone={done} />
          </PanelStep>
          <PanelStep n={2} step={nominate} reason={why(nominate.blocked)}>
            {!nominate.blocked && <NominateForm topicId={topicId} onStart={clear} onDone={done} />}
          </PanelStep>
          <PanelStep n={3} step={seed} reason={why(seed.blocked)}>
            {panel && seed.status !== "skipped" && <PanelSeed topicId={topicId} panel={panel} nominated={panel.seats.filter((s) => !s.drawn).length} onStart={clear} onDone={changed} />}
          </PanelStep>
          <PanelStep n={4} step={draw} reason={why(draw.blocked)}>
            {panel && draw.status !== "skipped" && draw.blocked !== "needRules" && (
              <DrawForm topic={topic} blocked={!!draw.blocked} onStart={clear} onDone={changed} />
            )}
            {panel && <DrawVerification panel={panel} level={4} />}
          </PanelStep>
          <PanelStep n={5} step={answers} reason={why(answers.blocked)}>
            {panel && panel.seats.length > 0 && (
              <>
                <p className="muted small">{t("panel.steps.answersHint")}</p>
                <SeatList topicId={topicId} panel={panel} level={4} onAnswered={done} />
              </>
            )}
          </PanelStep>
          <PanelStep n={6} step={confirm} reason={panel ? undefined : why(confirm.blocked)}>
            {panel && (
              <>
                <Representativeness rep={panel.representativeness} level={4} />
                <PanelConfirm topicId={topicId} panel={panel} reason={why(confirm.blocked)} onStart={clear} onDone={changed} />
              </>
            )}
          </PanelStep>
        </ol>
      ) : (
        <>
          {!panel && <EmptyState title={t("panel.empty")} hint={t("panel.emptyHint")} />}
          {panel && locked && <p className="muted">{t("panel.lockedNote")}</p>}
          {panel && !locked && (
            <ol className="steps steps-compact" aria-label={t("panel.steps.label")}>
              {steps.map((s, i) => (
                <PanelStep key={s.key} n={i + 1} step={s} />
              ))}
            </ol>
          )}
          {panel && (
            <>
              <SeatList topicId={topicId} panel={panel} level={3} onAnswered={done} />
              <PanelConfirm topicId={topicId} panel={panel} onStart={clear} onDone={changed} />
              <details className="disclosure panel-verify">
                <summary>{t("panel.verifyFold")}</summary>
                <PanelSeed topicId={topicId} panel={panel} titled onStart={clear} onDone={changed} />
                <DrawVerification panel={panel} level={3} />
                <Representativeness rep={panel.representativeness} level={3} />
              </details>
            </>
          )}
        </>
      )}
    </section>
  );
}
