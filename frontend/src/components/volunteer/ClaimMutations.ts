import { graphql } from "../../gql";

// The mutations on an occurrence's claims, shared by the volunteer's own
// actions and the claims tab of those who run the need.

export const ClaimNeedMutation = graphql(`
  mutation VolClaimNeed($input: ClaimNeedInput!) {
    claimNeed(input: $input) {
      waitlisted
      position
      claim {
        id
        slot
        state
      }
      occurrence {
        id
        openSlots
        filled
      }
    }
  }
`);

export const CancelClaimMutation = graphql(`
  mutation VolCancelClaim($input: CancelClaimInput!) {
    cancelClaim(input: $input) {
      claim {
        id
      }
    }
  }
`);

export const LeaveWaitlistMutation = graphql(`
  mutation VolLeaveWaitlist($input: LeaveWaitlistInput!) {
    leaveWaitlist(input: $input) {
      occurrence {
        id
      }
    }
  }
`);

export const CheckInMutation = graphql(`
  mutation VolCheckIn($input: CheckInVolunteerInput!) {
    checkInVolunteer(input: $input) {
      claim {
        id
        state
        checkedInAt
      }
    }
  }
`);

export const CheckOutMutation = graphql(`
  mutation VolCheckOut($input: CheckOutVolunteerInput!) {
    checkOutVolunteer(input: $input) {
      claim {
        id
        state
        checkedOutAt
      }
    }
  }
`);

export const MarkNoShowMutation = graphql(`
  mutation VolMarkNoShow($input: MarkNoShowInput!) {
    markNoShow(input: $input) {
      claim {
        id
        state
      }
    }
  }
`);

export const DisputeNoShowMutation = graphql(`
  mutation VolDisputeNoShow($input: DisputeNoShowInput!) {
    disputeNoShow(input: $input) {
      claim {
        id
        state
        dispute
      }
    }
  }
`);

export const DecideDisputeMutation = graphql(`
  mutation VolDecideDispute($input: DecideNoShowDisputeInput!) {
    decideNoShowDispute(input: $input) {
      claim {
        id
        state
      }
    }
  }
`);

export const ConfirmHoursMutation = graphql(`
  mutation VolConfirmHours($input: ConfirmVolunteerHoursInput!) {
    confirmVolunteerHours(input: $input) {
      claim {
        id
        state
        minutes
      }
    }
  }
`);
