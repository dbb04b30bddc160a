package graph

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/patrol"
)

// patrolMutations adds the patrol area's mutations; each checks the
// viewer's role in the domain, and names its errors there.
func (b *builder) patrolMutations(f graphql.Fields) {
	t := typesOf[patrolTypes](b)
	svc := func() *patrol.Service { return b.svc.Patrol }
	weekday := typesOf[volunteerTypes](b).weekday
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	optStr := &graphql.InputObjectFieldConfig{Type: graphql.String}
	month := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String), Description: "Written 2026-12."}
	positionRef := graphql.InputObjectConfigFieldMap{"positionId": id}

	teamOut := payload("PatrolTeamPayload", graphql.Fields{"team": {Type: nonNull(t.team)}})
	memberOut := payload("PatrolMemberPayload", graphql.Fields{"member": {Type: nonNull(t.member)}, "team": {Type: nonNull(t.team)}})
	rosterOut := payload("PatrolRosterPayload", graphql.Fields{"roster": {Type: nonNull(t.roster)}})
	roster := func(d patrol.Draft, err error) (any, error) { return map[string]any{"roster": toRosterView(d)}, err }
	positionOut := payload("PatrolPositionPayload", graphql.Fields{"position": {Type: nonNull(t.position)}})
	position := func(x patrol.Position, err error) (any, error) { return map[string]any{"position": x}, err }
	reportOut := payload("PatrolReportPayload", graphql.Fields{"report": {Type: nonNull(t.report)}})
	report := func(r patrol.Report, err error) (any, error) { return map[string]any{"report": r}, err }
	caseOut := payload("MediationCasePayload", graphql.Fields{"case": {Type: nonNull(t.mediationCase)}})
	mediationCase := func(c patrol.Case, err error) (any, error) { return map[string]any{"case": c}, err }

	f["createPatrolTeam"] = &graphql.Field{
		Type: nonNull(teamOut), Description: "The committee creates a patrol team (巡防队) with its captain (the User ID of a member), who joins it.",
		Args: inputArg("CreatePatrolTeamInput", graphql.InputObjectConfigFieldMap{"communityId": id, "name": str, "captainId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createPatrolTeamInput](p)
			if err != nil {
				return nil, err
			}
			x, err := svc().CreateTeam(p.Context, in.CommunityID, in.Name, in.CaptainID)
			return map[string]any{"team": x}, err
		}),
	}
	slot := graphql.NewInputObject(graphql.InputObjectConfig{Name: "PatrolSlotInput", Fields: graphql.InputObjectConfigFieldMap{
		"weekday": {Type: nonNull(weekday)}, "start": {Type: nonNull(graphql.Int), Description: "Minutes after midnight, 0–1439."},
		"end": {Type: nonNull(graphql.Int), Description: "Minutes after midnight, after start, at most 1440."},
	}})
	memberFields := func(captain bool) graphql.InputObjectConfigFieldMap {
		m := graphql.InputObjectConfigFieldMap{
			"patrolTeamId": id,
			"weekly":       {Type: graphql.NewList(nonNull(slot)), Description: "When they can patrol; slots of a day may not overlap (at most 28)."},
			"maxPerWeek":   {Type: graphql.Int, Description: "Shifts a week at most, 0 (no limit) to 14."},
			"noNight":      {Type: graphql.Boolean, Description: "Takes no night shifts."},
			"daysOff":      {Type: graphql.NewList(nonNull(weekday))},
		}
		if captain {
			m["userId"] = &graphql.InputObjectFieldConfig{Type: graphql.ID, Description: "The member (a User ID); the viewer when left out."}
			m["note"] = &graphql.InputObjectFieldConfig{Type: graphql.String, Description: "The captain's private note on the member (health, mobility): only the captain writes it."}
		}
		return m
	}
	member := func(p graphql.ResolveParams, m patrol.Member, err error) (any, error) {
		if err != nil {
			return nil, err
		}
		x, err := svc().Team(p.Context, m.TeamID)
		return map[string]any{"member": m, "team": x}, err
	}
	f["joinPatrolTeam"] = &graphql.Field{
		Type: nonNull(memberOut), Description: "A member of the community joins a team of it with their availability and limits; one who left joins again.",
		Args: inputArg("JoinPatrolTeamInput", memberFields(false)),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[patrolMemberInput](p)
			if err != nil {
				return nil, err
			}
			m, err := svc().Join(p.Context, in.toDomain())
			return member(p, m, err)
		}),
	}
	f["setPatrolMember"] = &graphql.Field{
		Type: nonNull(memberOut), Description: "Replaces a member's availability and limits: the member themself, or the captain (who alone writes the note). Errors name the field: weekly[0].start.",
		Args: inputArg("SetPatrolMemberInput", memberFields(true)),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[patrolMemberInput](p)
			if err != nil {
				return nil, err
			}
			m, err := svc().SetMember(p.Context, in.toDomain())
			return member(p, m, err)
		}),
	}
	f["leavePatrolTeam"] = &graphql.Field{
		Type: nonNull(payload("LeavePatrolTeamPayload", graphql.Fields{
			"team":            {Type: nonNull(t.team)},
			"openedPositions": {Type: listOf(t.position), Description: "Their places on shifts to come, now open for the team's members to take."},
		})),
		Description: "A member leaves a team, or the captain (or the committee) removes one (userId); the captain cannot leave nor be removed (CONFLICT). " +
			"Their places on shifts that have not started go to the open list, each a DROP on the timeline; the shifts they walked and their loads stay. " +
			"They may join again.",
		Args: inputArg("LeavePatrolTeamInput", graphql.InputObjectConfigFieldMap{
			"patrolTeamId": id, "userId": {Type: graphql.ID, Description: "The member to remove (a User ID); the viewer when left out."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[leavePatrolTeamInput](p)
			if err != nil {
				return nil, err
			}
			opened, err := svc().LeaveTeam(p.Context, in.TeamID, in.UserID)
			if err != nil {
				return nil, err
			}
			x, err := svc().Team(p.Context, in.TeamID)
			return map[string]any{"team": x, "openedPositions": opened}, err
		}),
	}
	checkpoint := graphql.NewInputObject(graphql.InputObjectConfig{Name: "PatrolCheckpointInput", Fields: graphql.InputObjectConfigFieldMap{
		"name": str, "microGridId": {Type: nonNull(graphql.ID), Description: "A micro-grid of the route's grid."},
		"lat": {Type: graphql.Float, Description: "With lng, or neither."}, "lng": {Type: graphql.Float},
	}})
	f["addPatrolRoute"] = &graphql.Field{
		Type:        nonNull(payload("AddPatrolRoutePayload", graphql.Fields{"route": {Type: nonNull(t.route)}})),
		Description: "The captain (or the committee) adds a route of a grid to the team: 1 to 30 checkpoints in walking order, each given the code of its QR code.",
		Args: inputArg("AddPatrolRouteInput", graphql.InputObjectConfigFieldMap{
			"patrolTeamId": id, "gridId": id, "name": str, "checkpoints": {Type: nonNull(graphql.NewList(nonNull(checkpoint)))},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[addPatrolRouteInput](p)
			if err != nil {
				return nil, err
			}
			r, err := svc().AddRoute(p.Context, in.TeamID, in.GridID, in.Name, in.checkpoints())
			return map[string]any{"route": r}, err
		}),
	}
	f["addShiftTemplate"] = &graphql.Field{
		Type:        nonNull(payload("AddShiftTemplatePayload", graphql.Fields{"template": {Type: nonNull(t.template)}})),
		Description: "The captain (or the committee) adds a shift template: a route walked on some weekdays from start to end by min to max patrollers, weighing weight.",
		Args: inputArg("AddShiftTemplateInput", graphql.InputObjectConfigFieldMap{
			"patrolTeamId": id, "routeId": id, "name": str,
			"days":      {Type: nonNull(graphql.NewList(nonNull(weekday)))},
			"start":     {Type: nonNull(graphql.Int), Description: "Minutes after midnight."},
			"end":       {Type: nonNull(graphql.Int), Description: "Minutes after midnight; of the next day when overnight, before start."},
			"overnight": {Type: graphql.Boolean},
			"min":       {Type: nonNull(graphql.Int), Description: "At least 1."},
			"max":       {Type: nonNull(graphql.Int), Description: "At least min, at most 20."},
			"weight":    {Type: nonNull(graphql.Float), Description: "Above 0, at most 10: night and weekend shifts weigh more."},
			"night":     {Type: graphql.Boolean, Description: "Counts as a night shift (rest and no-night limits)."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[addShiftTemplateInput](p)
			if err != nil {
				return nil, err
			}
			x, err := svc().AddTemplate(p.Context, in.toDomain())
			return map[string]any{"template": x}, err
		}),
	}
	f["generatePatrolRoster"] = &graphql.Field{
		Type: nonNull(rosterOut),
		Description: "The captain (or the committee) generates a fair roster of a month that is not past from the team's members and templates, replacing the month's draft; " +
			"the same members, templates and month give the same roster.",
		Args: inputArg("GeneratePatrolRosterInput", graphql.InputObjectConfigFieldMap{"patrolTeamId": id, "month": month}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[patrolMonthInput](p)
			if err != nil {
				return nil, err
			}
			return roster(svc().GenerateRoster(p.Context, in.TeamID, in.Month))
		}),
	}
	f["publishPatrolRoster"] = &graphql.Field{
		Type:        nonNull(rosterOut),
		Description: "The captain (or the committee) publishes a month's draft, once: its places become positions, with an open one for each a shift lacks below its minimum.",
		Args:        inputArg("PublishPatrolRosterInput", graphql.InputObjectConfigFieldMap{"patrolTeamId": id, "month": month}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[patrolMonthInput](p)
			if err != nil {
				return nil, err
			}
			return roster(svc().PublishRoster(p.Context, in.TeamID, in.Month))
		}),
	}
	positionMutation := func(name, input, desc string, do func(context.Context, domain.ID) (patrol.Position, error)) {
		f[name] = &graphql.Field{
			Type: nonNull(positionOut), Description: desc,
			Args: inputArg(input, positionRef),
			Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
				in, err := readInput[positionRefInput](p)
				if err != nil {
					return nil, err
				}
				return position(do(p.Context, in.PositionID))
			}),
		}
	}
	positionMutation("dropShift", "DropShiftInput",
		"The holder gives up their place on a shift that has not started: it goes to the open list, for the team's members to take.", svc().Drop)
	positionMutation("takeShift", "TakeShiftInput",
		"A member of the team takes an open place when every rule of their month still holds (else BAD_USER_INPUT saying which); of many at once, one gets it.", svc().Take)
	positionMutation("offerShift", "OfferShiftInput", "The holder offers their place on a shift that has not started for a swap.", svc().Offer)
	positionMutation("markShiftMissed", "MarkShiftMissedInput",
		"The captain (or the committee) records that a member did not patrol a shift that has begun: it counts zero in their load.", svc().MarkMissed)
	f["takeOfferedShift"] = &graphql.Field{
		Type: nonNull(payload("TakeOfferedShiftPayload", graphql.Fields{
			"position": {Type: nonNull(t.position)},
			"swapped":  {Type: nonNull(graphql.Boolean), Description: "The swap took effect."},
			"pending":  {Type: nonNull(graphql.Boolean), Description: "It breaks a rule and waits for the captain (decideShiftSwap)."},
			"reason":   {Type: graphql.String, Description: "The rule it breaks, when pending, in the request's language."},
		})),
		Description: "A member of the team takes a place another offers: at once when every rule still holds, else it waits for the captain, saying which rule it breaks.",
		Args:        inputArg("TakeOfferedShiftInput", positionRef),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[positionRefInput](p)
			if err != nil {
				return nil, err
			}
			r, err := svc().TakeOffer(p.Context, in.PositionID)
			if err != nil {
				return nil, err
			}
			out := map[string]any{"position": r.Position, "swapped": r.Swapped, "pending": r.Pending, "reason": nil}
			if r.Pending {
				out["reason"] = r.Reason.In(domain.LangFromContext(p.Context))
			}
			return out, nil
		}),
	}
	f["decideShiftSwap"] = &graphql.Field{
		Type: nonNull(positionOut), Description: "The captain (or the committee) approves a waiting swap, which then takes effect, or refuses it with a reason.",
		Args: inputArg("DecideShiftSwapInput", graphql.InputObjectConfigFieldMap{"positionId": id, "approve": {Type: nonNull(graphql.Boolean)}, "reason": optStr}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[decideShiftSwapInput](p)
			if err != nil {
				return nil, err
			}
			return position(svc().DecideSwap(p.Context, in.PositionID, in.Approve, in.Reason))
		}),
	}
	f["checkInPatrol"] = &graphql.Field{
		Type: nonNull(positionOut),
		Description: "Records a patroller at a checkpoint of their shift's route, from half an hour before the shift to half an hour after, the route's start first: " +
			"the patroller with the code of the checkpoint's QR code, or the captain for a member without a phone, naming the checkpoint by its index.",
		Args: inputArg("CheckInPatrolInput", graphql.InputObjectConfigFieldMap{
			"positionId": id, "code": {Type: graphql.String, Description: "The scanned code; the captain leaves it out."},
			"checkpoint": {Type: graphql.Int, Description: "Without a code: the checkpoint's index on the route, from 0."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[checkInPatrolInput](p)
			if err != nil {
				return nil, err
			}
			return position(svc().CheckIn(p.Context, in.PositionID, in.Code, in.Checkpoint))
		}),
	}
	f["filePatrolReport"] = &graphql.Field{
		Type: nonNull(reportOut), Description: "A member of the community (a patroller on their round, mostly) reports a hazard, a dispute, a matter of civility or another, for the grid's worker to triage.",
		Args: inputArg("FilePatrolReportInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "kind": {Type: nonNull(t.reportKind)}, "microGridId": id, "place": str, "severity": {Type: nonNull(t.severity)},
			"text": str, "photos": {Type: graphql.NewList(nonNull(graphql.String)), Description: "Up to 6 https links."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[filePatrolReportInput](p)
			if err != nil {
				return nil, err
			}
			return report(svc().FileReport(p.Context, in.toDomain()))
		}),
	}
	f["triagePatrolReport"] = &graphql.Field{
		Type: nonNull(reportOut),
		Description: "A grid worker of the report's grid (or the committee) decides it, once: resolved, referred (referredTo, due within a year) or a dispute to mediation " +
			"between the parties named, which opens a case in the 和事佬 queue. escalatePatrolReport makes it a topic instead.",
		Args: inputArg("TriagePatrolReportInput", graphql.InputObjectConfigFieldMap{
			"reportId": id, "action": {Type: nonNull(t.triageAction)}, "note": optStr,
			"referredTo": {Type: graphql.String, Description: "For REFERRED: the property firm or department."},
			"due":        {Type: graphql.DateTime, Description: "For REFERRED: when it is due."},
			"parties":    {Type: graphql.String, Description: "For MEDIATION: who is in the dispute."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[triagePatrolReportInput](p)
			if err != nil {
				return nil, err
			}
			return report(svc().TriageReport(p.Context, in.toDomain()))
		}),
	}
	f["escalatePatrolReport"] = &graphql.Field{
		Type: nonNull(payload("EscalatePatrolReportPayload", graphql.Fields{"topic": {Type: nonNull(b.topic)}, "report": {Type: nonNull(t.report)}})),
		Description: "A grid worker of the report's grid (or the committee) makes an untriaged report a topic (议题) that collects supports like any other, its source PATROL, " +
			"linked both ways; the title, body, category and grids are theirs.",
		Args: inputArg("EscalatePatrolReportInput", graphql.InputObjectConfigFieldMap{
			"reportId": id, "title": str, "body": optStr, "category": {Type: nonNull(b.categoryEnum)},
			"gridIds": {Type: graphql.NewList(nonNull(graphql.ID)), Description: "The grids it concerns; none for the whole community."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[escalatePatrolReportInput](p)
			if err != nil {
				return nil, err
			}
			topic, err := b.svc.Deliberation.EscalateReport(p.Context, in.ReportID, in.toDomain())
			if err != nil {
				return nil, err
			}
			r, err := svc().Report(p.Context, in.ReportID)
			return map[string]any{"topic": topic, "report": r}, err
		}),
	}
	caseID := graphql.InputObjectConfigFieldMap{"caseId": id}
	f["takeMediationCase"] = &graphql.Field{
		Type: nonNull(caseOut), Description: "A mediator takes an open case, once.",
		Args: inputArg("TakeMediationCaseInput", caseID),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[caseRefInput](p)
			if err != nil {
				return nil, err
			}
			return mediationCase(svc().TakeCase(p.Context, in.CaseID))
		}),
	}
	f["recordMediationSession"] = &graphql.Field{
		Type: nonNull(caseOut), Description: "The case's mediator records a mediation meeting.",
		Args: inputArg("RecordMediationSessionInput", graphql.InputObjectConfigFieldMap{"caseId": id, "note": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[recordMediationSessionInput](p)
			if err != nil {
				return nil, err
			}
			return mediationCase(svc().RecordSession(p.Context, in.CaseID, in.Note))
		}),
	}
	f["closeMediationCase"] = &graphql.Field{
		Type: nonNull(caseOut), Description: "The case's mediator records the outcome: agreed with its terms, no agreement with why, or referred on (referredTo).",
		Args: inputArg("CloseMediationCaseInput", graphql.InputObjectConfigFieldMap{
			"caseId": id, "outcome": {Type: nonNull(t.caseOutcome)}, "terms": str, "referredTo": {Type: graphql.String, Description: "For REFERRED."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[closeMediationCaseInput](p)
			if err != nil {
				return nil, err
			}
			return mediationCase(svc().CloseCase(p.Context, in.CaseID, in.Outcome, in.Terms, in.ReferredTo))
		}),
	}
	f["confirmMediationOutcome"] = &graphql.Field{
		Type: nonNull(caseOut), Description: "The case's mediator records that a party confirmed the outcome (the parties often have no account).",
		Args: inputArg("ConfirmMediationOutcomeInput", graphql.InputObjectConfigFieldMap{"caseId": id, "partyName": {Type: nonNull(graphql.String), Description: "The party, as the case names them."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[confirmMediationOutcomeInput](p)
			if err != nil {
				return nil, err
			}
			c, err := svc().ConfirmOutcome(p.Context, in.CaseID, in.PartyName)
			return mediationCase(c, asInputField(err, "party", "partyName"))
		}),
	}
}
