import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { seatAccepted } from "../../lib/deliberation";
import { toFormErrors } from "../../lib/errors";
import { useViewer } from "../../viewer";
import { FormError } from "../ui";

/** SeatInviteFields are the seats, to find the viewer's, and whether the panel is locked. */
export const SeatInviteFields = graphql(`
  fragment SeatInviteFields on Panel {
    state
    seats {
      kind
      state
      user {
        id
      }
    }
  }
`);

const RespondToSeatMutation = graphql(`
  mutation RespondToSeat($input: RespondToSeatInput!) {
    respondToSeat(input: $input) {
      seat {
        state
      }
    }
  }
`);

/**
 * SeatInvite is the viewer's invitation to a seat on the panel, to accept
 * or decline while the panel is not locked; nothing but the slot for its
 * error when the viewer holds no seat.
 */
export function SeatInvite({
  topicId,
  panel,
  onDone,
}: {
  topicId: string;
  panel: ResultOf<typeof SeatInviteFields> | null;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [res, respond] = useMutation(RespondToSeatMutation);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const mySeat = panel?.seats.find((s) => s.user.id === viewer?.id);
  const locked = panel?.state === "LOCKED";

  async function answer(accept: boolean) {
    const r = await respond({ input: { topicId, accept } });
    if (r.data) onDone(t(accept ? "panel.acceptedDone" : "panel.declinedDone"));
  }

  return (
    <>
      {mySeat && (
        <div className="alert alert-info callout seat-invite">
          <span>
            {t("panel.mySeat", { kind: t(`panel.kinds.${mySeat.kind}`) })} · {t(`panel.seatStates.${mySeat.state.toLowerCase()}`)}
          </span>
          {!locked && (
            <span className="actions">
              <button type="button" className="btn btn-primary" disabled={res.fetching || seatAccepted(mySeat.state)} onClick={() => void answer(true)}>
                {t("panel.accept")}
              </button>
              <button type="button" className="btn" disabled={res.fetching || mySeat.state === "DECLINED"} onClick={() => void answer(false)}>
                {t("panel.decline")}
              </button>
            </span>
          )}
        </div>
      )}
      <FormError message={errs.form} />
    </>
  );
}
