import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { FormError, Notice, Page, SelectField, Skeleton, TextArea, TextField } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { isHttpsUrl } from "../lib/patrol";
import { CommunityPlacesQueryDoc } from "../lib/places";

const FilePatrolReportDoc = graphql(`
  mutation FilePatrolReport($input: FilePatrolReportInput!) {
    filePatrolReport(input: $input) {
      report {
        id
        state
      }
    }
  }
`);

const KINDS = ["HAZARD", "CIVILITY", "DISPUTE", "OTHER"] as const;
const SEVERITIES = ["LOW", "MEDIUM", "HIGH"] as const;
type Kind = (typeof KINDS)[number];
type Severity = (typeof SEVERITIES)[number];
const FIELDS = ["kind", "microGridId", "place", "severity", "text", "photos"] as const;

/**
 * PatrolReportPage is /c/:cid/patrol/report (上报): a member reports a
 * hazard, a dispute, a matter of civility or another, for the grid's
 * worker to triage. Photos are linked (https), uploaded elsewhere. Errors
 * sit next to their fields and clear as the person types.
 */
export function PatrolReportPage() {
  const { t } = useTranslation();
  const { community, membership } = useCommunity();
  const [res] = useQuery({ query: CommunityPlacesQueryDoc, variables: { id: community.id } });
  const [fileRes, file] = useMutation(FilePatrolReportDoc);
  const [kind, setKind] = useState<Kind | "">("");
  const [severity, setSeverity] = useState<Severity>("MEDIUM");
  const [microGridId, setMicroGridId] = useState(membership?.microGrid?.id ?? "");
  const [place, setPlace] = useState("");
  const [text, setText] = useState("");
  const [photos, setPhotos] = useState<string[]>([""]);
  const [errs, setErrs] = useState<Record<string, string | undefined>>({});
  const [formErr, setFormErr] = useState<string>();
  const [done, setDone] = useState(false);
  const clear = (f: string) => setErrs((e) => ({ ...e, [f]: undefined }));
  const data = res.data?.community;
  if (!data) {
    return (
      <Page title={t("patrol.reportTitle")}>
        <FormError message={toFormErrors(res.error, [], t("app.networkError")).form} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  const submit = async () => {
    const links = photos.map((p) => p.trim()).filter(Boolean);
    const local: Record<string, string | undefined> = {};
    if (!kind) local.kind = t("patrol.errKind");
    if (!microGridId) local.microGridId = t("patrol.errMicroGrid");
    if (!place.trim()) local.place = t("patrol.errPlace");
    if (!text.trim()) local.text = t("patrol.errText");
    if (links.some((l) => !isHttpsUrl(l))) local.photos = t("patrol.errPhoto");
    if (Object.values(local).some(Boolean)) {
      setErrs(local);
      return;
    }
    const r = await file({ input: { communityId: community.id, kind: kind as Kind, microGridId, place: place.trim(), severity, text: text.trim(), photos: links } });
    if (r.error) {
      const fe = toFormErrors(r.error, FIELDS, t("app.networkError"));
      setErrs(fe.fields);
      setFormErr(fe.form);
      return;
    }
    setDone(true);
  };
  if (done) {
    return (
      <Page title={t("patrol.reportTitle")}>
        <Notice message={t("patrol.reportDone")} />
        <p className="actions">
          <Link className="btn btn-primary" to={`/c/${community.id}/patrol`}>
            {t("patrol.toPatrol")}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t("patrol.reportTitle")}>
      <p className="lead">{t("patrol.reportIntro")}</p>
      <form
        className="form patrol-report"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormError message={formErr} />
        <SelectField
          label={t("patrol.kind")}
          value={kind}
          error={errs.kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            clear("kind");
          }}
        >
          <option value="">{t("patrol.chooseKind")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`patrol.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("patrol.microGrid")}
          value={microGridId}
          error={errs.microGridId}
          onChange={(e) => {
            setMicroGridId(e.target.value);
            clear("microGridId");
          }}
        >
          <option value="">{t("patrol.chooseMicroGrid")}</option>
          {data.grids.nodes.map((g) => (
            <optgroup key={g.id} label={g.name}>
              {g.microGrids.nodes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField
          label={t("patrol.place")}
          hint={t("patrol.placeHint")}
          value={place}
          error={errs.place}
          onChange={(e) => {
            setPlace(e.target.value);
            clear("place");
          }}
        />
        <SelectField label={t("patrol.severity")} value={severity} error={errs.severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`patrol.severities.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          label={t("patrol.text")}
          value={text}
          error={errs.text}
          rows={4}
          onChange={(e) => {
            setText(e.target.value);
            clear("text");
          }}
        />
        <fieldset className="patrol-photos">
          <legend>{t("patrol.photos")}</legend>
          <p className="muted small">{t("patrol.photosHint")}</p>
          <label className="patrol-camera">
            <span>{t("patrol.camera")}</span>
            <input type="file" accept="image/*" capture="environment" onChange={() => setFormErr(t("patrol.cameraNote"))} />
          </label>
          {photos.map((p, i) => (
            <TextField
              key={i}
              type="url"
              inputMode="url"
              label={t("patrol.photoLink", { n: i + 1 })}
              optional
              value={p}
              error={i === photos.length - 1 ? errs.photos : undefined}
              onChange={(e) => {
                setPhotos(photos.map((x, j) => (j === i ? e.target.value : x)));
                clear("photos");
              }}
            />
          ))}
          {photos.length < 6 && (
            <button type="button" className="btn" onClick={() => setPhotos([...photos, ""])}>
              {t("patrol.addPhoto")}
            </button>
          )}
        </fieldset>
        <button type="submit" className="btn btn-primary btn-block" disabled={fileRes.fetching}>
          {t("patrol.submitReport")}
        </button>
      </form>
    </Page>
  );
}
