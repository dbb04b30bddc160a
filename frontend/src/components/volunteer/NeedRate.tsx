import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { ratingWordKey } from "../../lib/volunteer";
import { FormError, TextArea } from "../ui";

const RateMutation = graphql(`
  mutation VolRateOccurrence($input: RateNeedOccurrenceInput!) {
    rateNeedOccurrence(input: $input) {
      occurrence {
        id
        rating
        ratingNote
      }
    }
  }
`);

/** NeedRating shows a done occurrence's rating in words and stars. */
export function NeedRating({ stars, note }: { stars: number; note: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="need-rating">
      <span>{t("volunteer.rating.given", { word: t(`volunteer.rating.words.${ratingWordKey(stars)}`) })}</span>{" "}
      <span className="stars" aria-hidden="true">
        {"★".repeat(stars) + "☆".repeat(5 - stars)}
      </span>
      <span className="visually-hidden">{t("volunteer.rating.stars", { count: stars })}</span>
      {note && <span className="muted small"> {note}</span>}
    </p>
  );
}

/**
 * NeedRate lets the resident helped rate a done occurrence, once: five
 * large buttons, each with its stars and its words (非常满意 … 很不满意),
 * an optional note, then 提交评价.
 */
export function NeedRate({ occurrenceId, onDone }: { occurrenceId: string; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState(0);
  const [note, setNote] = useState("");
  const [res, rate] = useMutation(RateMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["stars", "note"], t("app.networkError"));
  return (
    <form
      className="form need-rate"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!stars) return;
        sent();
        const r = await rate({ input: { occurrenceId, stars, note: note.trim() || null } });
        if (r.data) onDone(t("volunteer.rating.done"));
      }}
    >
      <FormError message={errs.form} />
      <fieldset className="check-group">
        <legend>{t("volunteer.rating.legend")}</legend>
        <div className="rate-choices">
          {[5, 4, 3, 2, 1].map((n) => (
            <button
              key={n}
              type="button"
              className="btn rate-choice"
              aria-pressed={stars === n}
              onClick={() => {
                edit("stars");
                setStars(n);
              }}
            >
              <span className="stars" aria-hidden="true">
                {"★".repeat(n) + "☆".repeat(5 - n)}
              </span>{" "}
              <span>{t(`volunteer.rating.words.${ratingWordKey(n)}`)}</span>
            </button>
          ))}
        </div>
        {errs.fields.stars && <p className="field-error">{errs.fields.stars}</p>}
      </fieldset>
      <TextArea
        label={t("volunteer.rating.note")}
        optional
        rows={2}
        maxLength={300}
        value={note}
        error={errs.fields.note}
        onChange={(e) => {
          edit("note");
          setNote(e.target.value);
        }}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={!stars || res.fetching}>
        {t("volunteer.rating.submit")}
      </button>
    </form>
  );
}
