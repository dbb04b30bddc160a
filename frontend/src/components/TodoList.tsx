import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { TodosQuery } from "../gql/graphql";
import { toFormErrors } from "../lib/errors";
import { FormError, Skeleton, formatDateTime } from "./ui";

export const TodosQueryDoc = graphql(`
  query Todos($id: ID!) {
    community(id: $id) {
      id
      todos {
        kind
        label
        due
        forMember {
          id
          user {
            id
            name
          }
        }
        subject {
          __typename
          id
          ... on Topic {
            title
          }
          ... on Motion {
            text
            topic {
              id
              meetings {
                id
              }
            }
          }
          ... on Resolution {
            text
          }
          ... on ActionItem {
            title
            resolutionId
          }
          ... on Meeting {
            title
          }
          ... on DisclosureQuestion {
            text
            disclosure {
              id
            }
          }
          ... on DisclosureVersion {
            title
            disclosure {
              id
            }
          }
          ... on Disclosure {
            current {
              title
            }
          }
          ... on Community {
            name
          }
          ... on Need {
            title
          }
          ... on NeedOccurrence {
            need {
              id
              title
            }
          }
          ... on VolunteerClaim {
            occurrence {
              id
            }
            need {
              id
              title
            }
          }
          ... on Volunteer {
            user {
              id
              name
            }
          }
          ... on PatrolPosition {
            start
            route {
              id
              name
            }
          }
          ... on PatrolReport {
            place
          }
          ... on MediationCase {
            parties
          }
        }
      }
    }
  }
`);

/** Todo is one to-do as TodoList and the workbench show it. */
export type Todo = NonNullable<TodosQuery["community"]>["todos"][number];

/** todoPath is the page where a to-do is done: the record it is about, or the staff tool for it. */
export function todoPath(communityId: string, td: Pick<Todo, "kind" | "subject">): string {
  const base = `/c/${communityId}`;
  const s = td.subject;
  switch (s.__typename) {
    case "Topic":
      return td.kind === "BUILD_PANEL" ? `${base}/topics/${s.id}/panel` : `${base}/topics/${s.id}`;
    case "Motion": {
      // Votes are cast on the meeting page: the latest meeting with the topic on its agenda.
      const meeting = s.topic.meetings[s.topic.meetings.length - 1];
      return meeting ? `${base}/meetings/${meeting.id}` : `${base}/topics/${s.topic.id}`;
    }
    case "Resolution":
      return `${base}/resolutions/${s.id}`;
    case "ActionItem":
      return `${base}/resolutions/${s.resolutionId}`;
    case "Meeting":
      return `${base}/meetings/${s.id}`;
    case "DisclosureQuestion":
      return `${base}/disclosures/${s.disclosure.id}?tab=questions`;
    case "DisclosureVersion":
      // A draft waiting to be published: its editor.
      return `${base}/disclosures/${s.disclosure.id}/edit`;
    case "Disclosure":
      return `${base}/disclosures/${s.id}`;
    case "Community":
      // A period due with no disclosure yet: the desk lists it with the way to draft it.
      return td.kind === "PUBLISH_DUE" ? `${base}/disclosures/desk` : base;
    case "Need":
      // A resident's own need to approve: its page has the decision.
      return `${base}/needs/${s.id}`;
    case "NeedOccurrence":
      // Hands to find for an occurrence: the ranked candidates; a done one to rate: the need.
      return td.kind === "FILL_NEED" ? `${base}/needs/${s.need.id}?tab=match&occ=${s.id}` : `${base}/needs/${s.need.id}`;
    case "VolunteerClaim":
      // Hours to confirm and disputes to decide are on the claims tab; the volunteer's own task on the need.
      return td.kind === "CONFIRM_HOURS" || td.kind === "DECIDE_DISPUTE"
        ? `${base}/needs/${s.need.id}?tab=claims&occ=${s.occurrence.id}`
        : `${base}/needs/${s.need.id}`;
    case "Volunteer":
      return `${base}/volunteers/board?tab=volunteers`;
    case "PatrolPosition":
      // A shift to walk, to fill or a swap to decide: the patrol page, the shift on top.
      return `${base}/patrol?position=${s.id}`;
    case "PatrolReport":
      // A report to triage, or repeated reports to make a topic: the grid worker's queue.
      return `${base}/patrol/triage`;
    case "MediationCase":
      return `${base}/patrol/cases/${s.id}`;
  }
  return base;
}

/** subjectTitle is what a to-do is about, in a line. */
function subjectTitle(s: Todo["subject"]): string {
  switch (s.__typename) {
    case "Topic":
    case "ActionItem":
    case "Meeting":
      return s.title;
    case "Motion":
    case "Resolution":
    case "DisclosureQuestion":
      return s.text;
    case "DisclosureVersion":
      return s.title;
    case "Disclosure":
      return s.current.title;
    case "Community":
      return s.name;
    case "Need":
      return s.title;
    case "NeedOccurrence":
    case "VolunteerClaim":
      return s.need.title;
    case "Volunteer":
      return s.user.name;
    case "PatrolPosition":
      return s.route.name;
    case "PatrolReport":
      return s.place;
    case "MediationCase":
      return s.parties;
  }
  return "";
}

/**
 * TodoList is 待我处理: what waits for the viewer in the community, each a
 * big tile that opens the page where it is done, the soonest due first.
 * Every area adds its to-dos on the server; this list needs no change.
 */
export function TodoList({ communityId, zone }: { communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: TodosQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const todos = res.data?.community?.todos;
  const err = toFormErrors(res.error, [], t("app.networkError"));
  return (
    <section className="panel todos" aria-labelledby="todos-h">
      <h2 id="todos-h">
        {t("todos.title")}{" "}
        {todos && todos.length > 0 && (
          <span className="badge" aria-label={t("todos.count", { count: todos.length })}>
            {todos.length}
          </span>
        )}
      </h2>
      <FormError message={err.form} />
      {!todos && !err.form && <Skeleton lines={2} />}
      {todos && todos.length === 0 && <p className="muted todos-none">{t("todos.none")}</p>}
      {todos && todos.length > 0 && (
        <ul className="todo-tiles">
          {todos.map((td, i) => (
            <li key={`${td.kind}-${td.subject.id}-${td.forMember?.id ?? ""}-${i}`}>
              <Link className="todo-tile" to={todoPath(communityId, td)}>
                <span className="todo-action">{td.label}</span>
                <span className="todo-subject">{subjectTitle(td.subject)}</span>
                {td.forMember && <span className="todo-for">{t("todos.for", { name: td.forMember.user.name })}</span>}
                {td.due && <span className="todo-due muted small">{t("todos.due", { date: formatDateTime(td.due, i18n.language, zone) })}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
