package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain/volunteer"
)

// volunteerQueries adds the one public query: a certificate by its code.
func (b *builder) volunteerQueries(f graphql.Fields) {
	t := typesOf[volunteerTypes](b)
	f["volunteerCertificate"] = &graphql.Field{
		Type:        t.certificate,
		Description: "A volunteer service certificate by its code, as its QR code's link gives it: for anyone, logged out too. Null when no certificate has the code.",
		Args:        graphql.FieldConfigArgument{"code": {Type: nonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			code, _ := p.Args["code"].(string)
			return orNull(b.svc.Volunteer.CertificateByCode(p.Context, code))
		},
	}
}

// volunteerMutations adds the volunteer area's mutations; each checks the
// viewer's role in the domain, and names its errors there.
func (b *builder) volunteerMutations(f graphql.Fields) {
	t := typesOf[volunteerTypes](b)
	svc := func() *volunteer.Service { return b.svc.Volunteer }
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	optID := &graphql.InputObjectFieldConfig{Type: graphql.ID}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	optStr := &graphql.InputObjectFieldConfig{Type: graphql.String}
	integer := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.Int)}
	boolean := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.Boolean)}
	ids := &graphql.InputObjectFieldConfig{Type: graphql.NewList(nonNull(graphql.ID))}

	profileOut := payload("VolunteerPayload", graphql.Fields{"volunteer": {Type: nonNull(t.profile)}})
	profile := func(v volunteer.Profile, err error) (any, error) { return map[string]any{"volunteer": v}, err }
	needOut := payload("NeedPayload", graphql.Fields{"need": {Type: nonNull(t.need)}})
	need := func(n volunteer.Need, err error) (any, error) { return map[string]any{"need": n}, err }
	claimOut := payload("VolunteerClaimPayload", graphql.Fields{"claim": {Type: nonNull(t.claim)}})
	claim := func(c volunteer.Claim, err error) (any, error) { return map[string]any{"claim": c}, err }
	occurrenceOut := payload("NeedOccurrencePayload", graphql.Fields{"occurrence": {Type: nonNull(t.occurrence)}})

	skill := graphql.NewInputObject(graphql.InputObjectConfig{Name: "VolunteerSkillInput", Fields: graphql.InputObjectConfigFieldMap{
		"code": str, "level": {Type: nonNull(graphql.Int), Description: "1 (can help) to 3 (professional)."},
		"credential": {Type: graphql.String, Description: "The certificate behind a credentialed skill (医疗护理, 法律咨询), checked by the committee."},
	}})
	slot := graphql.NewInputObject(graphql.InputObjectConfig{Name: "AvailabilitySlotInput", Fields: graphql.InputObjectConfigFieldMap{
		"weekday": {Type: nonNull(t.weekday)}, "start": {Type: nonNull(graphql.Int), Description: "Minutes after midnight, 0–1439."},
		"end": {Type: nonNull(graphql.Int), Description: "Minutes after midnight, after start, at most 1440."},
	}})
	away := graphql.NewInputObject(graphql.InputObjectConfig{Name: "AwayPeriodInput", Fields: graphql.InputObjectConfigFieldMap{"from": str, "to": str}})
	profileFields := func() graphql.InputObjectConfigFieldMap {
		return graphql.InputObjectConfigFieldMap{
			"communityId": id, "teamId": optID,
			"skills":            {Type: nonNull(graphql.NewList(nonNull(skill)))},
			"weekly":            {Type: graphql.NewList(nonNull(slot)), Description: "Weekly availability; slots of a day may not overlap."},
			"away":              {Type: graphql.NewList(nonNull(away))},
			"gridIds":           {Type: graphql.NewList(nonNull(graphql.ID)), Description: "The grids they will serve; none means the whole community."},
			"maxMinutesPerWeek": {Type: nonNull(graphql.Int), Description: "30 to 2400."},
			"dialects":          {Type: graphql.NewList(nonNull(graphql.String))},
		}
	}
	// needFields adds the fields every need takes to an input's own.
	needFields := func(own graphql.InputObjectConfigFieldMap) graphql.InputObjectConfigFieldMap {
		own["title"], own["description"] = str, optStr
		own["required"] = &graphql.InputObjectFieldConfig{Type: nonNull(graphql.NewList(nonNull(graphql.String))), Description: "Skill codes of the community's taxonomy."}
		own["preferred"] = &graphql.InputObjectFieldConfig{Type: graphql.NewList(nonNull(graphql.String))}
		own["start"], own["end"] = &graphql.InputObjectFieldConfig{Type: nonNull(graphql.DateTime)}, &graphql.InputObjectFieldConfig{Type: nonNull(graphql.DateTime)}
		own["weekly"] = &graphql.InputObjectFieldConfig{Type: graphql.Boolean, Description: "Repeats every week, occurrences times in all (2–26)."}
		own["occurrences"] = &graphql.InputObjectFieldConfig{Type: graphql.Int}
		own["microGridId"], own["slots"], own["urgency"] = id, integer, &graphql.InputObjectFieldConfig{Type: t.urgency}
		own["address"] = &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String), Description: "The exact place: shown only to those who run the need and the volunteers who claim it."}
		own["sensitive"] = &graphql.InputObjectFieldConfig{Type: graphql.Boolean, Description: "Only volunteers with a verified credential (医疗护理, 法律咨询) may claim it: for medical and legal help."}
		return own
	}
	f["joinVolunteers"] = &graphql.Field{
		Type: nonNull(profileOut), Description: "A member opts in as a volunteer, pending until a team leader or the committee confirms them.",
		Args: inputArg("JoinVolunteersInput", profileFields()),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[volunteerProfileInput](p)
			if err != nil {
				return nil, err
			}
			return profile(svc().Join(p.Context, in.toDomain()))
		}),
	}
	f["updateVolunteerProfile"] = &graphql.Field{
		Type: nonNull(profileOut), Description: "Replaces the viewer's own profile; a changed credential waits for verification again.",
		Args: inputArg("UpdateVolunteerProfileInput", profileFields()),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[volunteerProfileInput](p)
			if err != nil {
				return nil, err
			}
			return profile(svc().UpdateProfile(p.Context, in.toDomain()))
		}),
	}
	f["confirmVolunteer"] = &graphql.Field{
		Type: nonNull(profileOut), Description: "A leader of the volunteer's team, or the committee, confirms a pending volunteer.",
		Args: inputArg("ConfirmVolunteerInput", graphql.InputObjectConfigFieldMap{"volunteerId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[volunteerRefInput](p)
			if err != nil {
				return nil, err
			}
			c, u := splitVolunteer(in.VolunteerID)
			return profile(svc().Confirm(p.Context, c, u))
		}),
	}
	f["setVolunteerState"] = &graphql.Field{
		Type: nonNull(profileOut), Description: "The volunteer (or the committee) pauses (PAUSED), resumes (ACTIVE) or ends (LEFT) their service.",
		Args: inputArg("SetVolunteerStateInput", graphql.InputObjectConfigFieldMap{"volunteerId": id, "state": {Type: nonNull(t.state)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[setVolunteerStateInput](p)
			if err != nil {
				return nil, err
			}
			c, u := splitVolunteer(in.VolunteerID)
			return profile(svc().SetState(p.Context, c, u, in.State))
		}),
	}
	f["verifyVolunteerCredential"] = &graphql.Field{
		Type: nonNull(profileOut), Description: "The committee records that it checked a volunteer's credential for a skill.",
		Args: inputArg("VerifyVolunteerCredentialInput", graphql.InputObjectConfigFieldMap{"volunteerId": id, "skill": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[verifyCredentialInput](p)
			if err != nil {
				return nil, err
			}
			c, u := splitVolunteer(in.VolunteerID)
			return profile(svc().VerifyCredential(p.Context, c, u, in.Skill))
		}),
	}
	f["addVolunteerSkill"] = &graphql.Field{
		Type:        nonNull(payload("AddVolunteerSkillPayload", graphql.Fields{"skill": {Type: nonNull(t.skill)}})),
		Description: "The committee adds a local skill to the community's taxonomy.",
		Args:        inputArg("AddVolunteerSkillInput", graphql.InputObjectConfigFieldMap{"communityId": id, "name": str, "credentialed": {Type: graphql.Boolean}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[addVolunteerSkillInput](p)
			if err != nil {
				return nil, err
			}
			k, err := svc().AddLocalSkill(p.Context, in.CommunityID, in.Name, in.Credentialed)
			return map[string]any{"skill": k}, err
		}),
	}
	teamOut := payload("VolunteerTeamPayload", graphql.Fields{"team": {Type: nonNull(t.team)}})
	f["createVolunteerTeam"] = &graphql.Field{
		Type: nonNull(teamOut), Description: "The committee creates a volunteer team (志愿队) with its leaders (User IDs of members).",
		Args: inputArg("CreateVolunteerTeamInput", graphql.InputObjectConfigFieldMap{"communityId": id, "name": str, "leaderIds": {Type: nonNull(graphql.NewList(nonNull(graphql.ID)))}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createVolunteerTeamInput](p)
			if err != nil {
				return nil, err
			}
			x, err := svc().CreateTeam(p.Context, volunteer.TeamInput{CommunityID: in.CommunityID, Name: in.Name, Leaders: in.LeaderIDs})
			return map[string]any{"team": x}, err
		}),
	}
	f["setVolunteerTeamLeaders"] = &graphql.Field{
		Type: nonNull(teamOut), Description: "The committee replaces a team's leaders.",
		Args: inputArg("SetVolunteerTeamLeadersInput", graphql.InputObjectConfigFieldMap{"teamId": id, "leaderIds": {Type: nonNull(graphql.NewList(nonNull(graphql.ID)))}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[setTeamLeadersInput](p)
			if err != nil {
				return nil, err
			}
			x, err := svc().SetTeamLeaders(p.Context, in.TeamID, in.LeaderIDs)
			return map[string]any{"team": x}, err
		}),
	}
	f["postNeed"] = &graphql.Field{
		Type: nonNull(needOut),
		Description: "Posts a need. A resident posts for themself and a grid worker of their grid approves it first; a grid worker posts for a resident of their grid (forMemberId), " +
			"the committee for anyone or no one, and those are open at once. Errors name the field: slots 1–50, a start in the future, an end after it, skills of the taxonomy.",
		Args: inputArg("PostNeedInput", needFields(graphql.InputObjectConfigFieldMap{
			"communityId":   id,
			"forMemberId":   {Type: graphql.ID, Description: "The Member ID of the resident helped; the viewer when left out."},
			"payWithCredit": {Type: graphql.Boolean, Description: "Pay from your time-bank credit for your own need or a family member's, where the community allows it."},
			"family":        {Type: graphql.String, Description: "Paying from your credit for a family member you cannot name as a member: who they are (\"母亲 沈桂英\", 2–40 characters); the grid worker names the member on approval."},
		})),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[postNeedInput](p)
			if err != nil {
				return nil, err
			}
			n, err := svc().PostNeed(p.Context, in.toDomain())
			return need(n, asInputField(asInputField(err, "for", "forMemberId"), "microGridId", "microGridId"))
		}),
	}
	f["callForHands"] = &graphql.Field{
		Type: nonNull(needOut),
		Description: "The committee posts a volunteer need for a resolution's action item (\"需要 6 名志愿者 清理河道\"), while the resolution is not closed; " +
			"the need's source is the item, which lists it (ActionItem.volunteerNeeds).",
		Args: inputArg("CallForHandsInput", needFields(graphql.InputObjectConfigFieldMap{"actionItemId": id})),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[callForHandsInput](p)
			if err != nil {
				return nil, err
			}
			return need(b.svc.Deliberation.CallForHands(p.Context, in.ActionItemID, in.toDomain()))
		}),
	}
	f["decideNeed"] = &graphql.Field{
		Type: nonNull(needOut), Description: "A grid worker of the resident's grid (or the committee) approves a resident's own need, or rejects it with a reason. " +
			"A need for a family member (Need.family) is approved with forMemberId, the member helped.",
		Args: inputArg("DecideNeedInput", graphql.InputObjectConfigFieldMap{"needId": id, "approve": boolean, "reason": optStr,
			"forMemberId": {Type: graphql.ID, Description: "Approving a need for a family member: the Member ID of the one helped."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[decideNeedInput](p)
			if err != nil {
				return nil, err
			}
			if in.Approve && in.ForMemberID.User != "" {
				return need(svc().ApproveForFamily(p.Context, in.NeedID, in.ForMemberID.User))
			}
			return need(svc().DecideNeed(p.Context, in.NeedID, in.Approve, in.Reason))
		}),
	}
	f["cancelNeed"] = &graphql.Field{
		Type: nonNull(needOut), Description: "Its poster, the resident helped or a coordinator cancels a need, with a reason; those who claimed it are told.",
		Args: inputArg("CancelNeedInput", graphql.InputObjectConfigFieldMap{"needId": id, "reason": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[cancelNeedInput](p)
			if err != nil {
				return nil, err
			}
			return need(svc().CancelNeed(p.Context, in.NeedID, in.Reason))
		}),
	}
	f["claimNeed"] = &graphql.Field{
		Type: nonNull(payload("ClaimNeedPayload", graphql.Fields{
			"claim":      {Type: t.claim, Description: "The slot taken; null when waitlisted."},
			"waitlisted": {Type: nonNull(graphql.Boolean)},
			"position":   {Type: graphql.Int, Description: "The place on the waitlist, from 1."},
			"occurrence": {Type: nonNull(t.occurrence)},
		})),
		Description: "An active volunteer takes a free slot of an occurrence; with every slot taken they join its waitlist. Slots never overflow, however many claim at once.",
		Args:        inputArg("ClaimNeedInput", graphql.InputObjectConfigFieldMap{"occurrenceId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[occurrenceRefInput](p)
			if err != nil {
				return nil, err
			}
			r, err := svc().Claim(p.Context, in.OccurrenceID)
			if err != nil {
				return nil, err
			}
			o, err := svc().Occurrence(p.Context, in.OccurrenceID)
			out := map[string]any{"waitlisted": r.Waitlisted, "occurrence": o, "claim": nil, "position": nil}
			if r.Claim != nil {
				out["claim"] = *r.Claim
			}
			if r.Waitlisted {
				out["position"] = r.Position
			}
			return out, err
		}),
	}
	f["cancelClaim"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "The volunteer (or a coordinator) gives up a claim before check-in; within 12 h of the start it counts as late. The first volunteer waiting gets the slot.",
		Args: inputArg("CancelClaimInput", graphql.InputObjectConfigFieldMap{"claimId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[claimRefInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().CancelClaim(p.Context, in.ClaimID))
		}),
	}
	f["leaveWaitlist"] = &graphql.Field{
		Type: nonNull(occurrenceOut), Description: "The viewer leaves an occurrence's waitlist.",
		Args: inputArg("LeaveWaitlistInput", graphql.InputObjectConfigFieldMap{"occurrenceId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[occurrenceRefInput](p)
			if err != nil {
				return nil, err
			}
			if err := svc().LeaveWaitlist(p.Context, in.OccurrenceID); err != nil {
				return nil, err
			}
			o, err := svc().Occurrence(p.Context, in.OccurrenceID)
			return map[string]any{"occurrence": o}, err
		}),
	}
	checkArgs := func(name string) graphql.FieldConfigArgument {
		return inputArg(name, graphql.InputObjectConfigFieldMap{"claimId": id, "code": {Type: graphql.String, Description: "The place's QR code; a coordinator leaves it out."}})
	}
	f["checkInVolunteer"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "The volunteer checks in with the place's QR code, or a coordinator (or a grid worker of the grid) for them; from an hour before the start.",
		Args: checkArgs("CheckInVolunteerInput"),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[checkInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().CheckIn(p.Context, in.ClaimID, in.Code))
		}),
	}
	f["checkOutVolunteer"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "The volunteer checks out, the same ways, until an hour after the end.",
		Args: checkArgs("CheckOutVolunteerInput"),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[checkInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().CheckOut(p.Context, in.ClaimID, in.Code))
		}),
	}
	f["markNoShow"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "A coordinator records that a volunteer did not come, once the occurrence started.",
		Args: inputArg("MarkNoShowInput", graphql.InputObjectConfigFieldMap{"claimId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[claimRefInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().MarkNoShow(p.Context, in.ClaimID))
		}),
	}
	f["disputeNoShow"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "The volunteer disputes a no-show, once.",
		Args: inputArg("DisputeNoShowInput", graphql.InputObjectConfigFieldMap{"claimId": id, "text": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[disputeInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().DisputeNoShow(p.Context, in.ClaimID, in.Text))
		}),
	}
	f["decideNoShowDispute"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "A coordinator withdraws a disputed no-show (withdraw: true, it no longer counts) or keeps it.",
		Args: inputArg("DecideNoShowDisputeInput", graphql.InputObjectConfigFieldMap{"claimId": id, "withdraw": boolean}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[decideDisputeInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().DecideDispute(p.Context, in.ClaimID, in.Withdraw))
		}),
	}
	f["confirmVolunteerHours"] = &graphql.Field{
		Type: nonNull(claimOut), Description: "A coordinator confirms a task's minutes, which the community's service pool pays the volunteer in the time bank; once per claim.",
		Args: inputArg("ConfirmVolunteerHoursInput", graphql.InputObjectConfigFieldMap{"claimId": id, "minutes": integer}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[confirmHoursInput](p)
			if err != nil {
				return nil, err
			}
			return claim(svc().ConfirmHours(p.Context, in.ClaimID, in.Minutes))
		}),
	}
	f["correctVolunteerHours"] = &graphql.Field{
		Type:        nonNull(payload("CorrectVolunteerHoursPayload", graphql.Fields{"transfer": {Type: nonNull(t.transfer)}, "claim": {Type: nonNull(t.claim)}})),
		Description: "A coordinator compensates a confirmed task's minutes by delta (negative takes back), with a reason: a new transfer, never an edit.",
		Args:        inputArg("CorrectVolunteerHoursInput", graphql.InputObjectConfigFieldMap{"claimId": id, "delta": integer, "reason": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[correctHoursInput](p)
			if err != nil {
				return nil, err
			}
			x, err := svc().CorrectHours(p.Context, in.ClaimID, in.Delta, in.Reason)
			if err != nil {
				return nil, err
			}
			c, err := svc().ClaimByID(p.Context, in.ClaimID)
			return map[string]any{"transfer": x, "claim": c}, err
		}),
	}
	f["rateNeedOccurrence"] = &graphql.Field{
		Type: nonNull(occurrenceOut), Description: "The resident helped (or the poster) rates a done occurrence 1–5, once.",
		Args: inputArg("RateNeedOccurrenceInput", graphql.InputObjectConfigFieldMap{"occurrenceId": id, "stars": integer, "note": optStr}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[rateInput](p)
			if err != nil {
				return nil, err
			}
			o, err := svc().Rate(p.Context, in.OccurrenceID, in.Stars, in.Note)
			return map[string]any{"occurrence": o}, err
		}),
	}
	f["inviteVolunteers"] = &graphql.Field{
		Type:        nonNull(payload("InviteVolunteersPayload", graphql.Fields{"invited": {Type: listOf(b.user), Description: "Those mailed: candidates only."}})),
		Description: "Those who run a need mail an invitation to ranked candidates (User IDs, at most 20), with why they were ranked.",
		Args:        inputArg("InviteVolunteersInput", graphql.InputObjectConfigFieldMap{"occurrenceId": id, "volunteerIds": ids}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[inviteInput](p)
			if err != nil {
				return nil, err
			}
			invited, err := svc().Invite(p.Context, in.OccurrenceID, in.VolunteerIDs)
			if err != nil {
				return nil, asInputField(err, "volunteers", "volunteerIds")
			}
			return map[string]any{"invited": thunkMany(p.Context, usersOf.in(p.Context), invited)}, nil
		}),
	}
	f["issueVolunteerCertificate"] = &graphql.Field{
		Type:        nonNull(payload("IssueVolunteerCertificatePayload", graphql.Fields{"certificate": {Type: nonNull(t.certificate)}})),
		Description: "The volunteer (or a coordinator) issues a service certificate for a period (from, to: 2006-01-02, both included); its totals go into the public record.",
		Args:        inputArg("IssueVolunteerCertificateInput", graphql.InputObjectConfigFieldMap{"volunteerId": id, "from": str, "to": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[issueCertificateInput](p)
			if err != nil {
				return nil, err
			}
			c, u := splitVolunteer(in.VolunteerID)
			cert, err := svc().IssueCertificate(p.Context, c, u, in.From, in.To)
			return map[string]any{"certificate": cert}, err
		}),
	}
	f["setVolunteerSettings"] = &graphql.Field{
		Type:        nonNull(payload("SetVolunteerSettingsPayload", graphql.Fields{"settings": {Type: nonNull(t.settings)}})),
		Description: "The committee sets the community's volunteer settings.",
		Args:        inputArg("SetVolunteerSettingsInput", graphql.InputObjectConfigFieldMap{"communityId": id, "exchange": boolean}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[volunteerSettingsInput](p)
			if err != nil {
				return nil, err
			}
			s, err := svc().SetSettings(p.Context, in.CommunityID, volunteer.Settings{Exchange: in.Exchange})
			return map[string]any{"settings": s}, err
		}),
	}
}
