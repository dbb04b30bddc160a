package graph

import (
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// The volunteer part's mutation inputs.

type skillLevelInput struct {
	Code       string `json:"code"`
	Level      int    `json:"level"`
	Credential string `json:"credential"`
}

type slotInput struct {
	Weekday time.Weekday `json:"weekday"`
	Start   int          `json:"start"`
	End     int          `json:"end"`
}

type awayInput struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type volunteerProfileInput struct {
	CommunityID       domain.ID         `json:"communityId" id:"Community"`
	TeamID            domain.ID         `json:"teamId" id:"VolunteerTeam"`
	Skills            []skillLevelInput `json:"skills"`
	Weekly            []slotInput       `json:"weekly"`
	Away              []awayInput       `json:"away"`
	GridIDs           []domain.ID       `json:"gridIds" id:"Grid"`
	MaxMinutesPerWeek int               `json:"maxMinutesPerWeek"`
	Dialects          []string          `json:"dialects"`
}

func (in volunteerProfileInput) toDomain() volunteer.ProfileInput {
	out := volunteer.ProfileInput{CommunityID: in.CommunityID, TeamID: in.TeamID, Grids: in.GridIDs, MaxMinutesPerWeek: in.MaxMinutesPerWeek, Dialects: in.Dialects}
	for _, k := range in.Skills {
		out.Skills = append(out.Skills, volunteer.SkillLevel{Code: k.Code, Level: k.Level, Credential: k.Credential})
	}
	for _, s := range in.Weekly {
		out.Weekly = append(out.Weekly, volunteer.Slot(s))
	}
	for _, a := range in.Away {
		out.Away = append(out.Away, volunteer.Away(a))
	}
	return out
}

type volunteerRefInput struct {
	VolunteerID domain.ID `json:"volunteerId" id:"Volunteer"`
}

// splitVolunteer returns the community and user of a volunteer's ID, the
// membership's.
func splitVolunteer(id domain.ID) (communityID, userID domain.ID) {
	c, u, _ := strings.Cut(string(id), "/")
	return domain.ID(c), domain.ID(u)
}

type setVolunteerStateInput struct {
	VolunteerID domain.ID       `json:"volunteerId" id:"Volunteer"`
	State       volunteer.State `json:"state"`
}

type verifyCredentialInput struct {
	VolunteerID domain.ID `json:"volunteerId" id:"Volunteer"`
	Skill       string    `json:"skill"`
}

type addVolunteerSkillInput struct {
	CommunityID  domain.ID `json:"communityId" id:"Community"`
	Name         string    `json:"name"`
	Credentialed bool      `json:"credentialed"`
}

type createVolunteerTeamInput struct {
	CommunityID domain.ID   `json:"communityId" id:"Community"`
	Name        string      `json:"name"`
	LeaderIDs   []domain.ID `json:"leaderIds" id:"User"`
}

type setTeamLeadersInput struct {
	TeamID    domain.ID   `json:"teamId" id:"VolunteerTeam"`
	LeaderIDs []domain.ID `json:"leaderIds" id:"User"`
}

// needFieldsInput are the fields a need takes however it is posted.
type needFieldsInput struct {
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Required    []string          `json:"required"`
	Preferred   []string          `json:"preferred"`
	Start       time.Time         `json:"start"`
	End         time.Time         `json:"end"`
	Weekly      bool              `json:"weekly"`
	Occurrences int               `json:"occurrences"`
	MicroGridID domain.ID         `json:"microGridId" id:"MicroGrid"`
	Address     string            `json:"address"`
	Slots       int               `json:"slots"`
	Urgency     volunteer.Urgency `json:"urgency"`
	Sensitive   bool              `json:"sensitive"`
}

func (in needFieldsInput) toDomain() volunteer.NeedInput {
	return volunteer.NeedInput{Title: in.Title, Description: in.Description, Required: in.Required, Preferred: in.Preferred,
		Start: in.Start, End: in.End, Weekly: in.Weekly, Occurrences: in.Occurrences, MicroGridID: in.MicroGridID, Address: in.Address,
		Slots: in.Slots, Urgency: in.Urgency, Sensitive: in.Sensitive}
}

type postNeedInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	needFieldsInput
	ForMemberID   memberRef `json:"forMemberId" id:"Member"`
	PayWithCredit bool      `json:"payWithCredit"`
	Family        string    `json:"family"`
}

func (in postNeedInput) toDomain() volunteer.NeedInput {
	n := in.needFieldsInput.toDomain()
	n.CommunityID, n.For, n.PayWithCredit, n.Family = in.CommunityID, in.ForMemberID.User, in.PayWithCredit, in.Family
	return n
}

// callForHandsInput is postNeedInput for an action item: the item names
// the community, and the need is for no one resident.
type callForHandsInput struct {
	ActionItemID domain.ID `json:"actionItemId" id:"ActionItem"`
	needFieldsInput
}

type decideNeedInput struct {
	NeedID      domain.ID `json:"needId" id:"Need"`
	Approve     bool      `json:"approve"`
	Reason      string    `json:"reason"`
	ForMemberID memberRef `json:"forMemberId" id:"Member"`
}

type cancelNeedInput struct {
	NeedID domain.ID `json:"needId" id:"Need"`
	Reason string    `json:"reason"`
}

type occurrenceRefInput struct {
	OccurrenceID domain.ID `json:"occurrenceId" id:"NeedOccurrence"`
}

type claimRefInput struct {
	ClaimID domain.ID `json:"claimId" id:"VolunteerClaim"`
}

type checkInput struct {
	ClaimID domain.ID `json:"claimId" id:"VolunteerClaim"`
	Code    string    `json:"code"`
}

type disputeInput struct {
	ClaimID domain.ID `json:"claimId" id:"VolunteerClaim"`
	Text    string    `json:"text"`
}

type decideDisputeInput struct {
	ClaimID  domain.ID `json:"claimId" id:"VolunteerClaim"`
	Withdraw bool      `json:"withdraw"`
}

type confirmHoursInput struct {
	ClaimID domain.ID `json:"claimId" id:"VolunteerClaim"`
	Minutes int       `json:"minutes"`
}

type correctHoursInput struct {
	ClaimID domain.ID `json:"claimId" id:"VolunteerClaim"`
	Delta   int       `json:"delta"`
	Reason  string    `json:"reason"`
}

type rateInput struct {
	OccurrenceID domain.ID `json:"occurrenceId" id:"NeedOccurrence"`
	Stars        int       `json:"stars"`
	Note         string    `json:"note"`
}

type inviteInput struct {
	OccurrenceID domain.ID   `json:"occurrenceId" id:"NeedOccurrence"`
	VolunteerIDs []domain.ID `json:"volunteerIds" id:"User"`
}

type issueCertificateInput struct {
	VolunteerID domain.ID `json:"volunteerId" id:"Volunteer"`
	From        string    `json:"from"`
	To          string    `json:"to"`
}

type volunteerSettingsInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	Exchange    bool      `json:"exchange"`
}
