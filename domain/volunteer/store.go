package volunteer

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	profilesColl      = "volunteer_profiles"      // _id is the membership: one profile per member
	teamsColl         = "volunteer_teams"         // slot (community/name) is unique
	skillsColl        = "volunteer_skills"        // _id is community/name: one local skill per name
	needsColl         = "volunteer_needs"         // state changes are conditional updates
	occurrencesColl   = "volunteer_occurrences"   // (need_id, index) is unique
	claimsColl        = "volunteer_claims"        // _id is occurrence-slot, holder (occurrence/volunteer) is unique: the first insert wins
	waitlistColl      = "volunteer_waitlist"      // _id is occurrence/volunteer: one place each
	cancellationsColl = "volunteer_cancellations" // claims given up, kept for reliability
	transfersColl     = "volunteer_transfers"     // the time bank: written once, never changed
	settingsColl      = "volunteer_settings"      // _id is the community
	certificatesColl  = "volunteer_certificates"  // code is unique
	invitationsColl   = "volunteer_invitations"   // _id is occurrence/volunteer: one invitation each
)

// Indexes returns the indexes this area needs. The unique ones carry the
// invariants; their fields are always present.
func Indexes() []db.Index {
	return []db.Index{
		{Collection: profilesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: teamsColl, Keys: bson.D{{Key: "slot", Value: 1}}, Unique: true},
		{Collection: teamsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "leaders", Value: 1}}},
		{Collection: skillsColl, Keys: bson.D{{Key: "community_id", Value: 1}}},
		{Collection: needsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: occurrencesColl, Keys: bson.D{{Key: "need_id", Value: 1}, {Key: "index", Value: 1}}, Unique: true},
		{Collection: occurrencesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: claimsColl, Keys: bson.D{{Key: "holder", Value: 1}}, Unique: true},
		{Collection: claimsColl, Keys: bson.D{{Key: "occurrence_id", Value: 1}}},
		{Collection: claimsColl, Keys: bson.D{{Key: "need_id", Value: 1}, {Key: "volunteer", Value: 1}}},
		{Collection: claimsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "volunteer", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: claimsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: claimsColl, Keys: bson.D{{Key: "volunteer", Value: 1}, {Key: "start", Value: 1}}}, // the calendar feed
		{Collection: waitlistColl, Keys: bson.D{{Key: "occurrence_id", Value: 1}, {Key: "state", Value: 1}, {Key: "joined_at", Value: 1}}},
		{Collection: cancellationsColl, Keys: bson.D{{Key: "claim.community_id", Value: 1}, {Key: "claim.volunteer", Value: 1}}},
		{Collection: transfersColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "volunteer", Value: 1}}},
		{Collection: certificatesColl, Keys: bson.D{{Key: "code", Value: 1}}, Unique: true},
		{Collection: certificatesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "volunteer", Value: 1}}},
		{Collection: invitationsColl, Keys: bson.D{{Key: "occurrence_id", Value: 1}}},
	}
}

type skillDoc struct {
	Code       string    `bson:"code"`
	Level      int       `bson:"level"`
	Credential string    `bson:"credential,omitempty"`
	VerifiedBy domain.ID `bson:"verified_by,omitempty"`
	VerifiedAt time.Time `bson:"verified_at,omitempty"`
}

type slotDoc struct {
	Weekday int `bson:"weekday"`
	Start   int `bson:"start"`
	End     int `bson:"end"`
}

type awayDoc struct {
	From string `bson:"from"`
	To   string `bson:"to"`
}

type profileDoc struct {
	ID          domain.ID   `bson:"_id"`
	CommunityID domain.ID   `bson:"community_id"`
	UserID      domain.ID   `bson:"user_id"`
	TeamID      domain.ID   `bson:"team_id,omitempty"`
	State       string      `bson:"state"`
	Skills      []skillDoc  `bson:"skills"`
	Weekly      []slotDoc   `bson:"weekly"`
	Away        []awayDoc   `bson:"away"`
	Grids       []domain.ID `bson:"grids"`
	MaxMinutes  int         `bson:"max_minutes"`
	Dialects    []string    `bson:"dialects"`
	JoinedAt    time.Time   `bson:"joined_at"`
	ConfirmedBy domain.ID   `bson:"confirmed_by,omitempty"`
	ConfirmedAt time.Time   `bson:"confirmed_at,omitempty"`
	UpdatedAt   time.Time   `bson:"updated_at"`
}

func toProfile(d profileDoc) Profile {
	p := Profile{CommunityID: d.CommunityID, UserID: d.UserID, TeamID: d.TeamID, State: State(d.State), Grids: d.Grids,
		MaxMinutesPerWeek: d.MaxMinutes, Dialects: d.Dialects, JoinedAt: d.JoinedAt, ConfirmedBy: d.ConfirmedBy, ConfirmedAt: d.ConfirmedAt, UpdatedAt: d.UpdatedAt}
	for _, k := range d.Skills {
		p.Skills = append(p.Skills, SkillLevel(k))
	}
	for _, s := range d.Weekly {
		p.Weekly = append(p.Weekly, Slot{Weekday: time.Weekday(s.Weekday), Start: s.Start, End: s.End})
	}
	for _, a := range d.Away {
		p.Away = append(p.Away, Away(a))
	}
	return p
}

type teamDoc struct {
	ID          domain.ID   `bson:"_id"`
	CommunityID domain.ID   `bson:"community_id"`
	Slot        string      `bson:"slot"`
	Name        string      `bson:"name"`
	Leaders     []domain.ID `bson:"leaders"`
	CreatedAt   time.Time   `bson:"created_at"`
}

func toTeam(d teamDoc) Team {
	return Team{ID: d.ID, CommunityID: d.CommunityID, Name: d.Name, Leaders: d.Leaders, CreatedAt: d.CreatedAt}
}

type localSkillDoc struct {
	ID           string    `bson:"_id"`
	CommunityID  domain.ID `bson:"community_id"`
	Code         string    `bson:"code"`
	Name         string    `bson:"name"`
	Credentialed bool      `bson:"credentialed"`
	AddedAt      time.Time `bson:"added_at"`
}

type needDoc struct {
	ID            domain.ID `bson:"_id"`
	CommunityID   domain.ID `bson:"community_id"`
	Title         string    `bson:"title"`
	Description   string    `bson:"description"`
	Required      []string  `bson:"required"`
	Preferred     []string  `bson:"preferred"`
	Start         time.Time `bson:"start"`
	End           time.Time `bson:"end"`
	Weekly        bool      `bson:"weekly"`
	Occurrences   int       `bson:"occurrences"`
	GridID        domain.ID `bson:"grid_id"`
	MicroGridID   domain.ID `bson:"micro_grid_id"`
	Address       string    `bson:"address"`
	Slots         int       `bson:"slots"`
	Urgency       string    `bson:"urgency"`
	Sensitive     bool      `bson:"sensitive"`
	PayWithCredit bool      `bson:"pay_with_credit"`
	Family        string    `bson:"family,omitempty"`
	For           domain.ID `bson:"for,omitempty"`
	PostedBy      domain.ID `bson:"posted_by"`
	Source        string    `bson:"source"`
	SourceRef     string    `bson:"source_ref,omitempty"`
	State         string    `bson:"state"`
	Reason        string    `bson:"reason,omitempty"`
	DecidedBy     domain.ID `bson:"decided_by,omitempty"`
	CheckInCode   string    `bson:"check_in_code"`
	CreatedAt     time.Time `bson:"created_at"`
}

func toNeed(d needDoc) Need {
	return Need{ID: d.ID, CommunityID: d.CommunityID, Title: d.Title, Description: d.Description, Required: d.Required, Preferred: d.Preferred,
		Start: d.Start, End: d.End, Weekly: d.Weekly, Occurrences: d.Occurrences, GridID: d.GridID, MicroGridID: d.MicroGridID, Address: d.Address,
		Slots: d.Slots, Urgency: Urgency(d.Urgency), Sensitive: d.Sensitive, PayWithCredit: d.PayWithCredit, Family: d.Family, For: d.For, PostedBy: d.PostedBy,
		Source: Source(d.Source), SourceRef: d.SourceRef, State: NeedState(d.State), Reason: d.Reason, DecidedBy: d.DecidedBy,
		CreatedAt: d.CreatedAt, CheckInCode: d.CheckInCode}
}

type occurrenceDoc struct {
	ID          domain.ID `bson:"_id"`
	NeedID      domain.ID `bson:"need_id"`
	CommunityID domain.ID `bson:"community_id"`
	Index       int       `bson:"index"`
	Start       time.Time `bson:"start"`
	End         time.Time `bson:"end"`
	Slots       int       `bson:"slots"`
	OpenSlots   int       `bson:"open_slots"` // slots less live claims, kept by $inc with each claim and cancellation
	State       string    `bson:"state"`
	GridID      domain.ID `bson:"grid_id"`
	MicroGridID domain.ID `bson:"micro_grid_id"`
	Urgent      bool      `bson:"urgent"`
	Rating      int       `bson:"rating,omitempty"`
	RatingNote  string    `bson:"rating_note,omitempty"`
	RatedBy     domain.ID `bson:"rated_by,omitempty"`
}

func toOccurrence(d occurrenceDoc) Occurrence {
	return Occurrence{ID: d.ID, NeedID: d.NeedID, CommunityID: d.CommunityID, Index: d.Index, Start: d.Start, End: d.End, Slots: d.Slots,
		OpenSlots: d.OpenSlots, State: OccurrenceState(d.State), GridID: d.GridID, MicroGridID: d.MicroGridID, Urgent: d.Urgent,
		Rating: d.Rating, RatingNote: d.RatingNote}
}

type claimDoc struct {
	ID           domain.ID `bson:"_id"`
	Holder       string    `bson:"holder"`
	OccurrenceID domain.ID `bson:"occurrence_id"`
	NeedID       domain.ID `bson:"need_id"`
	CommunityID  domain.ID `bson:"community_id"`
	Volunteer    domain.ID `bson:"volunteer"`
	Slot         int       `bson:"slot"`
	Start        time.Time `bson:"start"`
	End          time.Time `bson:"end"`
	ClaimedAt    time.Time `bson:"claimed_at"`
	Promoted     bool      `bson:"promoted"`
	State        string    `bson:"state"`
	CheckedInAt  time.Time `bson:"checked_in_at,omitempty"`
	CheckedOutAt time.Time `bson:"checked_out_at,omitempty"`
	MarkedBy     domain.ID `bson:"marked_by,omitempty"` // who checked them in or out, or marked them, when not themself
	Minutes      int       `bson:"minutes"`
	ConfirmedBy  domain.ID `bson:"confirmed_by,omitempty"`
	ConfirmedAt  time.Time `bson:"confirmed_at,omitempty"`
	Dispute      string    `bson:"dispute,omitempty"`
}

func toClaim(d claimDoc) Claim {
	return Claim{ID: d.ID, OccurrenceID: d.OccurrenceID, NeedID: d.NeedID, CommunityID: d.CommunityID, Volunteer: d.Volunteer, Slot: d.Slot,
		Start: d.Start, End: d.End, ClaimedAt: d.ClaimedAt, Promoted: d.Promoted, State: ClaimState(d.State), CheckedInAt: d.CheckedInAt,
		CheckedOutAt: d.CheckedOutAt, Minutes: d.Minutes, Dispute: d.Dispute}
}

// Waitlist states.
const (
	waiting       = "waiting"
	promotedState = "promoted"
	leftState     = "left"
)

type waiterDoc struct {
	ID           string    `bson:"_id"` // holderOf(occurrence, volunteer)
	OccurrenceID domain.ID `bson:"occurrence_id"`
	NeedID       domain.ID `bson:"need_id"`
	CommunityID  domain.ID `bson:"community_id"`
	Volunteer    domain.ID `bson:"volunteer"`
	JoinedAt     time.Time `bson:"joined_at"`
	State        string    `bson:"state"`
}

type cancellationDoc struct {
	ID          domain.ID `bson:"_id"`
	Claim       claimDoc  `bson:"claim"`
	CancelledAt time.Time `bson:"cancelled_at"`
	CancelledBy domain.ID `bson:"cancelled_by"`
	Late        bool      `bson:"late"`
}

type movementDoc struct {
	Account domain.ID `bson:"account"`
	Minutes int       `bson:"minutes"`
}

type transferDoc struct {
	ID          domain.ID     `bson:"_id"`
	CommunityID domain.ID     `bson:"community_id"`
	Kind        string        `bson:"kind"`
	Movements   []movementDoc `bson:"movements"`
	ClaimID     domain.ID     `bson:"claim_id,omitempty"`
	Volunteer   domain.ID     `bson:"volunteer"` // the one volunteer account it moves
	Reason      string        `bson:"reason,omitempty"`
	By          domain.ID     `bson:"by"`
	At          time.Time     `bson:"at"`
}

func toTransfer(d transferDoc) Transfer {
	t := Transfer{ID: d.ID, CommunityID: d.CommunityID, Kind: TransferKind(d.Kind), ClaimID: d.ClaimID, Reason: d.Reason, By: d.By, At: d.At}
	for _, m := range d.Movements {
		t.Movements = append(t.Movements, Movement(m))
	}
	return t
}

type settingsDoc struct {
	ID       domain.ID `bson:"_id"`
	Exchange bool      `bson:"exchange"`
}

type certificateDoc struct {
	ID          domain.ID `bson:"_id"`
	Code        string    `bson:"code"`
	CommunityID domain.ID `bson:"community_id"`
	Volunteer   domain.ID `bson:"volunteer"`
	From        string    `bson:"from"`
	To          string    `bson:"to"`
	Minutes     int       `bson:"minutes"`
	Tasks       int       `bson:"tasks"`
	IssuedAt    time.Time `bson:"issued_at"`
	IssuedBy    domain.ID `bson:"issued_by"`
	RecordSeq   int64     `bson:"record_seq"`
}

func fromCertificate(c Certificate) certificateDoc { return certificateDoc(c) }

func toCertificate(d certificateDoc) Certificate { return Certificate(d) }
