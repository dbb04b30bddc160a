package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/patrol"
)

// The "武林大妈" patrols: 古城武林大妈巡防队 in 小古城村 (24 members, led by
// 沈月娥) and 青春坊武林大妈巡防队 in 青春坊社区 (led by 赵雅琴), each with a
// route of checkpoints and shift templates; this month's roster published
// on the last day of the month before, its past shifts checked in at
// their checkpoints (one missed); reports in every triage state, two of
// them disputes in mediation with the 和事佬 (one agreed), and two parking
// reports in 古城一组 this month, so that a third suggests a topic.

// Demo accounts of the patrols.
const (
	villageCaptain  = "shen.yuee@xiaogucheng.example"     // 沈月娥
	villageMediator = "yu.zhihua@xiaogucheng.example"     // 俞志华, 和事佬
	urbanCaptain    = "zhao.yaqin@qingchunfang.example"   // 赵雅琴
	urbanMediator   = "chen.xiuzhen@qingchunfang.example" // 陈秀珍, 和事佬
	urbanWorker     = "zhou.weidong@qingchunfang.example" // 周卫东, 网格员
	urbanAdmin      = "lin.huimin@qingchunfang.example"   // 林慧敏, 居委会主任
)

// patrolSpec is a community's team.
type patrolSpec struct {
	code, captain, mediator, admin, worker string
	name, route                            string
	grid                                   int // the route's grid
	checkpoints                            []string
	members                                []string // emails besides the captain
}

// patrolSeed seeds one community's patrols on its own clock.
type patrolSeed struct {
	s     Services
	ps    *patrol.Service
	now   time.Time
	clock *time.Time
	users map[string]domain.ID
	c     community.Community
	loc   *time.Location
}

// seedPatrols gives both communities their patrols, unless the village
// has a team.
func seedPatrols(ctx context.Context, s Services, users map[string]domain.ID) error {
	v, err := s.Communities.CommunityByCode(ctx, VillageCode)
	if err != nil {
		return err
	}
	if teams, err := s.Patrols.Teams(as(ctx, users[director]), v.ID); err != nil || len(teams) > 0 {
		return err
	}
	var villagers []string
	for _, r := range village.Residents {
		if r.Email != villageCaptain && r.Email != villageMediator && len(villagers) < 23 {
			villagers = append(villagers, r.Email)
		}
	}
	var urbanites []string
	for _, r := range urban.Residents {
		if r.Email != urbanCaptain && r.Email != urbanMediator {
			urbanites = append(urbanites, r.Email)
		}
	}
	specs := []patrolSpec{
		{code: VillageCode, captain: villageCaptain, mediator: villageMediator, admin: director, worker: gridWorker1, name: "古城武林大妈巡防队",
			route: "古城片平安巡防线", grid: 0, checkpoints: []string{"村口公交站", "文化礼堂", "古桥", "老年活动室"}, members: villagers},
		{code: urban.Code, captain: urbanCaptain, mediator: urbanMediator, admin: urbanAdmin, worker: urbanWorker, name: "青春坊武林大妈巡防队",
			route: "青春坊小区巡防线", grid: 0, checkpoints: []string{"小区东门", "1幢楼下", "2幢消防通道"}, members: urbanites},
	}
	for _, sp := range specs {
		c, err := s.Communities.CommunityByCode(ctx, sp.code)
		if err != nil {
			return err
		}
		now := time.Now()
		clock := now
		p := &patrolSeed{s: s, now: now, clock: &clock, users: users, c: c, loc: c.Location()}
		p.ps = s.Patrols.WithClock(func() time.Time { return *p.clock })
		if err := p.seed(ctx, sp); err != nil {
			return fmt.Errorf("patrols of %s: %w", c.Name, err)
		}
	}
	return nil
}

func (p *patrolSeed) as(ctx context.Context, email string) context.Context {
	return as(ctx, p.users[email])
}

// seed builds one team, its month and its reports.
func (p *patrolSeed) seed(ctx context.Context, sp patrolSpec) error {
	l := p.now.In(p.loc)
	first := time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, p.loc)
	*p.clock = first.Add(-14 * time.Hour) // the afternoon of the month before's last day
	team, err := p.ps.CreateTeam(p.as(ctx, sp.admin), p.c.ID, sp.name, p.users[sp.captain])
	if err != nil {
		return fmt.Errorf("team: %w", err)
	}
	free := func(i int) patrol.MemberInput {
		in := patrol.MemberInput{TeamID: team.ID, MaxPerWeek: 4, NoNight: i%5 == 0}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if (i+int(d))%7 != 0 { // a day a week off, a different one each
				in.Weekly = append(in.Weekly, patrol.Slot{Weekday: d, Start: 7 * 60, End: 22 * 60})
			}
		}
		return in
	}
	if _, err := p.ps.SetMember(p.as(ctx, sp.captain), free(0)); err != nil {
		return fmt.Errorf("captain: %w", err)
	}
	for i, email := range sp.members {
		if _, err := p.ps.Join(p.as(ctx, email), free(i+1)); err != nil {
			return fmt.Errorf("join %s: %w", email, err)
		}
	}
	grids, err := p.s.Communities.Grids(ctx, p.c.ID, domain.Page{First: 20})
	if err != nil || len(grids.Items) <= sp.grid {
		return fmt.Errorf("grids: %v", err)
	}
	g := grids.Items[sp.grid]
	micros, err := p.s.Communities.MicroGrids(ctx, g.ID, domain.Page{First: 20})
	if err != nil || len(micros.Items) == 0 {
		return fmt.Errorf("micro-grids: %v", err)
	}
	var points []patrol.CheckpointInput
	for i, name := range sp.checkpoints {
		points = append(points, patrol.CheckpointInput{Name: name, MicroGridID: micros.Items[i%len(micros.Items)].ID})
	}
	route, err := p.ps.AddRoute(p.as(ctx, sp.captain), team.ID, g.ID, sp.route, points)
	if err != nil {
		return fmt.Errorf("route: %w", err)
	}
	every := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	for _, t := range []patrol.TemplateInput{
		{Name: "早班", Days: every, Start: 8 * 60, End: 10 * 60, Min: 2, Max: 3, Weight: 1},
		{Name: "晚班", Days: every, Start: 19 * 60, End: 21 * 60, Min: 2, Max: 3, Weight: 1.5},
	} {
		t.TeamID, t.RouteID = team.ID, route.ID
		if _, err := p.ps.AddTemplate(p.as(ctx, sp.captain), t); err != nil {
			return fmt.Errorf("template: %w", err)
		}
	}
	month := first.Format("2006-01")
	if _, err := p.ps.GenerateRoster(p.as(ctx, sp.captain), team.ID, month); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if _, err := p.ps.PublishRoster(p.as(ctx, sp.captain), team.ID, month); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := p.patrolled(ctx, sp, team, route, month); err != nil {
		return err
	}
	return p.reports(ctx, sp, micros.Items[0])
}

// patrolled checks in the month's past morning shifts at every checkpoint;
// one patroller of the first is missed.
func (p *patrolSeed) patrolled(ctx context.Context, sp patrolSpec, team patrol.Team, route patrol.Route, month string) error {
	people := append([]string{sp.captain}, sp.members...)
	missed := false
	for _, email := range people {
		shifts, err := p.ps.MyShifts(p.as(ctx, email), team.ID, month)
		if err != nil {
			return err
		}
		for _, sh := range shifts {
			if !sh.End.Before(p.now) || sh.Start.In(p.loc).Hour() != 8 {
				continue
			}
			if !missed {
				missed = true
				*p.clock = sh.Start.Add(time.Hour)
				if _, err := p.ps.MarkMissed(p.as(ctx, sp.captain), sh.ID); err != nil {
					return fmt.Errorf("missed: %w", err)
				}
				continue
			}
			for i, cp := range route.Checkpoints {
				*p.clock = sh.Start.Add(time.Duration(5+25*i) * time.Minute)
				if _, err := p.ps.CheckIn(p.as(ctx, sp.captain), sh.ID, "", i); err != nil {
					return fmt.Errorf("check in at %s: %w", cp.Name, err)
				}
			}
		}
	}
	*p.clock = p.now
	return p.creditedBefore(ctx)
}

// creditedBefore marks the demo's walked shifts as already in the time bank:
// the volunteers' seeded balances stand for the community's history, so the
// jobs add nothing to them at start.
func (p *patrolSeed) creditedBefore(ctx context.Context) error {
	for {
		walked, err := p.ps.Uncredited(ctx, p.c.ID, p.now)
		if err != nil || len(walked) == 0 {
			return err
		}
		for _, w := range walked {
			if err := p.ps.MarkCredited(ctx, w.ID); err != nil {
				return err
			}
		}
	}
}

// reports files the community's reports in every triage state.
func (p *patrolSeed) reports(ctx context.Context, sp patrolSpec, mg community.MicroGrid) error {
	file := func(daysAgo int, who string, kind patrol.ReportKind, sev patrol.Severity, place, text string) (patrol.Report, error) {
		*p.clock = p.now.Add(-time.Duration(daysAgo) * 24 * time.Hour)
		r, err := p.ps.FileReport(p.as(ctx, who), patrol.ReportInput{CommunityID: p.c.ID, Kind: kind, MicroGridID: mg.ID, Place: place, Severity: sev, Text: text})
		if err != nil {
			return r, fmt.Errorf("report %s: %w", place, err)
		}
		return r, nil
	}
	triage := func(r patrol.Report, in patrol.TriageInput) error {
		in.ReportID = r.ID
		if _, err := p.ps.TriageReport(p.as(ctx, sp.worker), in); err != nil {
			return fmt.Errorf("triage %s: %w", r.Place, err)
		}
		return nil
	}
	member := sp.members[0]
	r, err := file(9, member, patrol.Hazard, patrol.Low, mg.Name+"路口", "路灯不亮，晚上看不清台阶")
	if err != nil {
		return err
	}
	if err := triage(r, patrol.TriageInput{Action: patrol.Resolved, Note: "已联系电工当场更换灯泡"}); err != nil {
		return err
	}
	if r, err = file(6, sp.captain, patrol.Hazard, patrol.High, mg.Name+"消防通道", "消防通道被电动车和杂物堵住"); err != nil {
		return err
	}
	if err := triage(r, patrol.TriageInput{Action: patrol.Referred, ReferredTo: "物业服务中心", Due: p.now.Add(-24 * time.Hour), Note: "请物业三天内清理"}); err != nil {
		return err
	}
	for i, text := range []string{"楼上楼下为漏水吵架，情绪激动", "两户为门口堆放杂物争执"} {
		if r, err = file(5-i, member, patrol.Dispute, patrol.Medium, fmt.Sprintf("%s %d 号", mg.Name, 12+i*3), text); err != nil {
			return err
		}
		if err := triage(r, patrol.TriageInput{Action: patrol.Mediation, Parties: []string{"沈家、姚家", "王家、陈家"}[i]}); err != nil {
			return err
		}
		r, err = p.ps.Report(p.as(ctx, sp.worker), r.ID)
		if err != nil {
			return err
		}
		if i == 0 {
			if err := p.mediate(ctx, sp, r.CaseID); err != nil {
				return err
			}
		}
	}
	if _, err := file(1, member, patrol.Other, patrol.Low, mg.Name+"健身广场", "健身器材螺丝松了"); err != nil {
		return err
	}
	// Two parking reports this month: a third would suggest a topic.
	for i := range 2 {
		if _, err := file(3-i, sp.members[1+i], patrol.Civility, patrol.Low, mg.Name+"村口", "车辆乱停，挡住了路口"); err != nil {
			return err
		}
	}
	*p.clock = p.now
	if p.s.Deliberation == nil {
		return nil
	}
	// A report the grid worker made a topic of, linked both ways.
	if sp.code != VillageCode {
		return nil // the urban community's topics are its three-party ones
	}
	if r, err = file(0, member, patrol.Hazard, patrol.Medium, mg.Name+"河埠头", "河埠头台阶松动，老人洗衣服容易滑倒"); err != nil {
		return err
	}
	*p.clock = p.now
	if _, err := p.s.Deliberation.EscalateReport(p.as(ctx, sp.worker), r.ID, deliberation.ProposeInput{Title: "修缮" + mg.Name + "河埠头台阶",
		Body: "巡防队员多次发现河埠头台阶松动，建议村里统一修缮。", Category: deliberation.PublicAffairs}); err != nil {
		return fmt.Errorf("escalate: %w", err)
	}
	return nil
}

// mediate has the 和事佬 take a case, meet the parties and record their
// agreement, which both confirm.
func (p *patrolSeed) mediate(ctx context.Context, sp patrolSpec, caseID domain.ID) error {
	m := p.as(ctx, sp.mediator)
	if _, err := p.ps.TakeCase(m, caseID); err != nil {
		return fmt.Errorf("take case: %w", err)
	}
	*p.clock = p.clock.Add(24 * time.Hour)
	if _, err := p.ps.RecordSession(m, caseID, "分别上门听取两家意见，请物业一起查看漏水点。"); err != nil {
		return err
	}
	if _, err := p.ps.CloseCase(m, caseID, patrol.CaseAgreed, "楼上一周内请人修好水管，楼下的天花板维修费用由楼上承担。", ""); err != nil {
		return err
	}
	for _, party := range []string{"沈家", "姚家"} {
		if _, err := p.ps.ConfirmOutcome(m, caseID, party); err != nil {
			return err
		}
	}
	return nil
}
