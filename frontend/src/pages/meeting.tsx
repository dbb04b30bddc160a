import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { AgendaMotions } from "../components/meeting/AgendaMotions";
import { CheckInMutation, MeetingAttendance } from "../components/meeting/MeetingAttendance";
import { MeetingAgenda } from "../components/meeting/MeetingAgenda";
import { MeetingHeader } from "../components/meeting/MeetingHeader";
import { MeetingMinutes } from "../components/meeting/MeetingMinutes";
import { MeetingPhases } from "../components/meeting/MeetingPhases";
import { MeetingStatements } from "../components/meeting/MeetingStatements";
import { NotFoundPage } from "../components/NotFound";
import { CheckField, CheckGroup, FormError, Notice, Page, SelectField, Skeleton, TextField, formatDateTime } from "../components/ui";
import { graphql } from "../gql";
import type { MeetingKind } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { fromLocalInput, toLocalInput } from "../lib/deliberation";
import { toFormErrors } from "../lib/errors";

// A meeting's parts, each with the fragment of the data it reads, are in
// components/meeting/; MeetingQuery loads them all.
const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    node(id: $id) {
      __typename
      ... on Meeting {
        id
        title
        phase
        ...MeetingHeaderFields
        ...MeetingPhaseFields
        ...MeetingAgendaFields
        ...MeetingAttendanceFields
        agenda {
          id
          ...AgendaMotionsFields
        }
        ...MeetingStatementsFields
        ...MeetingMinutesFields
      }
    }
  }
`);

const CheckInMeetingQuery = graphql(`
  query CheckInMeeting($id: ID!) {
    node(id: $id) {
      __typename
      ... on Meeting {
        id
        title
        startsAt
        place
      }
    }
  }
`);

const AcceptedTopicsQuery = graphql(`
  query AcceptedTopics($id: ID!) {
    community(id: $id) {
      id
      topics(first: 100, state: ACCEPTED) {
        nodes {
          id
          title
        }
      }
    }
  }
`);

const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const MEETING_KINDS: MeetingKind[] = ["COUNCIL", "THREE_PARTY", "HEARING", "ONLINE"];
const POLL_MS = 5000;

/** ScheduleMeetingPage is the committee's form for a meeting on accepted topics. */
export function ScheduleMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { community } = useCommunity();
  const [topics] = useQuery({ query: AcceptedTopicsQuery, variables: { id: community.id } });
  const [res, schedule] = useMutation(ScheduleMeetingMutation);
  const [kind, setKind] = useState<MeetingKind>("COUNCIL");
  const [title, setTitle] = useState("");
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date(Date.now() + 24 * 3600_000)));
  const [place, setPlace] = useState("");
  const [picked, setPicked] = useState<string[]>(() => params.getAll("topic"));
  const errs = toFormErrors(res.error, ["kind", "title", "startsAt", "place", "topicIds"], t("app.networkError"));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await schedule({
      input: { communityId: community.id, kind, title, startsAt: fromLocalInput(startsAt) ?? "", place, topicIds: picked },
    });
    if (r.data) navigate(`/c/${community.id}/meetings/${r.data.scheduleMeeting.meeting.id}`);
  }

  const list = topics.data?.community?.topics.nodes;
  return (
    <Page title={t("meeting.scheduleTitle")}>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <SelectField label={t("meeting.kind")} value={kind} error={errs.fields.kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meeting.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("meeting.titleLabel")} value={title} maxLength={80} error={errs.fields.title} onChange={(e) => setTitle(e.target.value)} />
        <TextField label={t("meeting.startsAt")} type="datetime-local" value={startsAt} error={errs.fields.startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <TextField label={t("meeting.place")} optional value={place} maxLength={100} error={errs.fields.place} onChange={(e) => setPlace(e.target.value)} />
        <CheckGroup legend={t("meeting.agenda")} hint={t("meeting.agendaHint")} error={errs.fields.topicIds}>
          {!list ? (
            <Skeleton lines={2} />
          ) : list.length === 0 ? (
            <p className="muted">{t("meeting.noAccepted")}</p>
          ) : (
            list.map((tp) => (
              <CheckField
                key={tp.id}
                label={tp.title}
                checked={picked.includes(tp.id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, tp.id] : picked.filter((x) => x !== tp.id))}
              />
            ))
          )}
        </CheckGroup>
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("meeting.scheduleSubmit")}
        </button>
      </form>
    </Page>
  );
}

/** usePoll refetches every few seconds while the page is open. */
function usePoll(refetch: () => void, ms = POLL_MS) {
  const ref = useRef(refetch);
  ref.current = refetch;
  useEffect(() => {
    const id = window.setInterval(() => ref.current(), ms);
    return () => window.clearInterval(id);
  }, [ms]);
}

/** MeetingPage is a meeting by its phases: agenda, check-in, attendance and quorum, motions, statements, minutes and its end. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { mid = "" } = useParams();
  const [res, refetch] = useQuery({ query: MeetingQuery, variables: { id: mid }, requestPolicy: "cache-and-network" });
  const reload = () => refetch({ requestPolicy: "network-only" });
  usePoll(reload);
  const [notice, setNotice] = useState<string>();
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const node = res.data?.node;
  if (res.data && node?.__typename !== "Meeting") return <NotFoundPage />;
  const m = node?.__typename === "Meeting" ? node : null;
  if (!m) {
    return (
      <Page title={t("meeting.title")}>
        <FormError message={loadErr.form} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  const changed = (msg: string) => {
    setNotice(msg);
    reload();
  };

  return (
    <Page title={m.title} wide>
      <MeetingHeader meeting={m} />
      <MeetingPhases meeting={m} onChanged={changed} />
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      <div className="topic-layout">
        <MeetingAgenda meeting={m} />
        <MeetingAttendance meeting={m} onNotice={setNotice} onReload={reload} />
        {m.agenda.map((tp) => (
          <AgendaMotions key={tp.id} topic={tp} ended={m.phase === "ENDED"} onChanged={changed} />
        ))}
        <MeetingStatements meeting={m} onNotice={setNotice} onReload={reload} />
        <MeetingMinutes meeting={m} onNotice={setNotice} />
      </div>
    </Page>
  );
}

/** CheckInPage is where the room's QR code leads: the attendee checks in with the code. */
export function CheckInPage() {
  const { t, i18n } = useTranslation();
  const { mid = "" } = useParams();
  const [params] = useSearchParams();
  const { community } = useCommunity();
  const [code, setCode] = useState(params.get("code") ?? "");
  const [meeting] = useQuery({ query: CheckInMeetingQuery, variables: { id: mid } });
  const [res, checkIn] = useMutation(CheckInMutation);
  const [done, setDone] = useState(false);
  const errs = toFormErrors(res.error, ["code"], t("app.networkError"));
  const node = meeting.data?.node;
  if (meeting.data && node?.__typename !== "Meeting") return <NotFoundPage />;
  const m = node?.__typename === "Meeting" ? node : null;
  return (
    <Page title={t("meeting.checkInTitle")}>
      {m ? (
        <p className="lead">
          {m.title} · {formatDateTime(m.startsAt, i18n.language, community.settings.timeZone)}
          {m.place ? ` · ${m.place}` : ""}
        </p>
      ) : (
        <Skeleton lines={1} />
      )}
      <Notice message={done ? t("meeting.checkedInDone") : undefined} />
      {!done && (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await checkIn({ input: { meetingId: mid, code: code.trim() } });
            if (r.data) setDone(true);
          }}
        >
          <FormError message={errs.form} />
          <TextField label={t("meeting.code")} value={code} autoComplete="off" error={errs.fields.code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
            {t("meeting.checkIn")}
          </button>
        </form>
      )}
      <p>
        <Link to={`/c/${community.id}/meetings/${mid}`}>{t("meeting.backToMeeting")}</Link>
      </p>
    </Page>
  );
}
