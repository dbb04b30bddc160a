package seed

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// The village's volunteer service: 助老服务队 of 15 led by 陈桂芳, with
// their skills and weeks; six weeks of tasks done, checked in and out,
// confirmed and rated (so the time bank has balances, and one volunteer a
// no-show); and needs in every state today: a resident's own waiting for
// the grid worker, one declined, one cancelled, one in progress, one filled,
// one with its last slot open, a weekly one, one paid from a volunteer's
// credit, and the one the parking resolution's action item called for
// ("节假日由志愿者引导停车").

// The team's leader and its members, as demo accounts.
const (
	teamLeader  = "chen.guifang@xiaogucheng.example"  // 陈桂芳
	volNurse    = "fang.hongying@xiaogucheng.example" // 方红英, whose credential is checked
	gridWorker2 = "chen.zhigang@xiaogucheng.example"  // 网格员, grids 4–6
)

// volunteerSpec is a volunteer of the team.
type volunteerSpec struct {
	email  string
	skills []volunteer.SkillLevel
	days   []time.Weekday // available 08:00–12:00 and 13:00–17:00
	hours  int            // weekly limit
}

func lv(code string, level int) volunteer.SkillLevel {
	return volunteer.SkillLevel{Code: code, Level: level}
}

var (
	weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	everyDay = []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	weekends = []time.Weekday{time.Saturday, time.Sunday}
)

var teamSpecs = []volunteerSpec{
	{teamLeader, []volunteer.SkillLevel{lv("elderly_care", 3), lv("errands", 2)}, everyDay, 10},
	{"shen.yuee@xiaogucheng.example", []volunteer.SkillLevel{lv("elderly_care", 2), lv("haircut", 3)}, weekdays, 8},
	{"yao.wei@xiaogucheng.example", []volunteer.SkillLevel{lv("plumbing_electrical", 3), lv("appliance_repair", 2)}, weekends, 6},
	{"pan.suzhen@xiaogucheng.example", []volunteer.SkillLevel{lv("elderly_care", 2), lv("counselling", 1)}, everyDay, 8},
	{"chu.guoping@xiaogucheng.example", []volunteer.SkillLevel{lv("traffic", 2), lv("environment", 2)}, everyDay, 6},
	{"yu.xiaoli@xiaogucheng.example", []volunteer.SkillLevel{lv("tutoring", 3), lv("performing_arts", 2)}, weekends, 4},
	{"wang.haijun@xiaogucheng.example", []volunteer.SkillLevel{lv("traffic", 3), lv("elderly_care", 1)}, everyDay, 10},
	{volNurse, []volunteer.SkillLevel{{Code: "medical_care", Level: 3, Credential: "护士执业证书 202233010076"}, lv("elderly_care", 2)}, weekdays, 6},
	{"shen.yongming@xiaogucheng.example", []volunteer.SkillLevel{{Code: "legal_advice", Level: 2, Credential: "律师执业证 13301201810234567"}, lv("translation", 1)}, weekends, 4},
	{"xu.lihua@xiaogucheng.example", []volunteer.SkillLevel{lv("elderly_care", 3), lv("disability_support", 2)}, weekdays, 12},
	{"zhang.zhiqiang@xiaogucheng.example", []volunteer.SkillLevel{lv("environment", 3), lv("traffic", 1)}, everyDay, 8},
	{"yang.xiulan@xiaogucheng.example", []volunteer.SkillLevel{lv("elderly_care", 2), lv("errands", 2)}, everyDay, 8},
	{"zhu.jianlin@xiaogucheng.example", []volunteer.SkillLevel{lv("appliance_repair", 3)}, weekdays, 6},
	{"wu.meihua@xiaogucheng.example", []volunteer.SkillLevel{lv("performing_arts", 3), lv("elderly_care", 1)}, everyDay, 6},
	{"jiang.deming@xiaogucheng.example", []volunteer.SkillLevel{lv("elderly_care", 2), lv("traffic", 2)}, everyDay, 8},
}

// volSeed seeds the village's volunteer service on its own clock.
type volSeed struct {
	s     Services
	vs    *volunteer.Service // on clock
	clock *clock
	c     community.Community
	loc   *time.Location
	users map[string]domain.ID
	now   time.Time
	micro map[string]community.MicroGrid // by name
	team  volunteer.Team
}

// seedVolunteers gives the village its volunteer service, unless it has a
// team, walking the six weeks before now.
func seedVolunteers(ctx context.Context, s Services, users map[string]domain.ID, topicIDs map[string]domain.ID) error {
	c, err := s.Communities.CommunityByCode(ctx, VillageCode)
	if err != nil {
		return err
	}
	teams, err := s.Volunteers.Teams(as(ctx, users[director]), c.ID)
	if err != nil || len(teams) > 0 {
		return err
	}
	now := time.Now()
	clk := &clock{t: now.AddDate(0, 0, -50), limit: now}
	v := &volSeed{s: s, vs: s.Volunteers.WithClock(clk.now), clock: clk, c: c, loc: c.Location(), users: users, now: now, micro: map[string]community.MicroGrid{}}
	if err := v.places(ctx); err != nil {
		return err
	}
	for _, step := range []func(context.Context) error{v.setUp, v.history, v.today} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return v.callForHands(ctx, topicIDs["村口停车难"])
}

// places reads the village's micro-grids by name.
func (v *volSeed) places(ctx context.Context) error {
	grids, err := v.s.Communities.Grids(ctx, v.c.ID, domain.Page{First: 20})
	if err != nil {
		return err
	}
	for _, g := range grids.Items {
		ms, err := v.s.Communities.MicroGrids(ctx, g.ID, domain.Page{First: 20})
		if err != nil {
			return err
		}
		for _, m := range ms.Items {
			v.micro[m.Name] = m
		}
	}
	return nil
}

// microOf is the micro-grid a demo account lives in.
func (v *volSeed) microOf(ctx context.Context, email string) domain.ID {
	m, err := v.s.Communities.Member(as(ctx, v.users[director]), v.c.ID, v.users[email])
	if err != nil {
		return ""
	}
	return m.MicroGridID
}

func (v *volSeed) as(ctx context.Context, email string) context.Context {
	return as(ctx, v.users[email])
}

// day is hour:minute, days from today in the village's zone.
func (v *volSeed) day(days, hour, minute int) time.Time {
	l := v.now.In(v.loc)
	return time.Date(l.Year(), l.Month(), l.Day()+days, hour, minute, 0, 0, v.loc)
}

// setUp forms the team 50 days ago: the committee creates it, the members
// opt in, the leader confirms them, the committee checks the nurse's
// credential, and the time-bank exchange is turned on.
func (v *volSeed) setUp(ctx context.Context) error {
	var err error
	if v.team, err = v.vs.CreateTeam(v.as(ctx, director), volunteer.TeamInput{CommunityID: v.c.ID, Name: "助老服务队", Leaders: []domain.ID{v.users[teamLeader]}}); err != nil {
		return fmt.Errorf("team: %w", err)
	}
	for _, sp := range teamSpecs {
		in := volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, Skills: sp.skills, MaxMinutesPerWeek: sp.hours * 60, Dialects: []string{"余杭话"}}
		for _, d := range sp.days {
			in.Weekly = append(in.Weekly, volunteer.Slot{Weekday: d, Start: 8 * 60, End: 12 * 60}, volunteer.Slot{Weekday: d, Start: 13 * 60, End: 17 * 60})
		}
		if _, err := v.vs.Join(v.as(ctx, sp.email), in); err != nil {
			return fmt.Errorf("join %s: %w", sp.email, err)
		}
		if _, err := v.vs.Confirm(v.as(ctx, teamLeader), v.c.ID, v.users[sp.email]); err != nil {
			return fmt.Errorf("confirm %s: %w", sp.email, err)
		}
	}
	if _, err := v.vs.VerifyCredential(v.as(ctx, director), v.c.ID, v.users[volNurse], "medical_care"); err != nil {
		return err
	}
	// One more opts in today and waits for the leader.
	if _, err := v.vs.SetSettings(v.as(ctx, director), v.c.ID, volunteer.Settings{Exchange: true}); err != nil {
		return err
	}
	return nil
}

// task is a past need and who served it.
type task struct {
	days       int // from today, negative
	title      string
	skill      string
	micro      string
	address    string
	hours      int
	volunteers []string
	noShow     string // one who did not come
	stars      int
	helped     string // a resident's email, who rates it
}

var pastTasks = []task{
	{-42, "陪同俞阿毛老人理发", "elderly_care", "古城一组", "古城一组 8 号", 2, []string{"shen.yuee@xiaogucheng.example"}, "", 5, ""},
	{-38, "溪口片河道垃圾清理", "environment", "溪口组", "溪口片河埠头", 3, []string{"zhang.zhiqiang@xiaogucheng.example", "chu.guoping@xiaogucheng.example"}, "", 0, ""},
	{-35, "为独居老人上门测血压", "medical_care", "古城二组", "古城二组 15 号", 2, []string{volNurse}, "", 5, ""},
	{-31, "帮姚金宝老人代购生活用品", "errands", "竹林组", "竹林组 21 号", 2, []string{"yang.xiulan@xiaogucheng.example"}, "", 4, ""},
	{-27, "村口路段早高峰交通劝导", "traffic", "古城一组", "村口公交站", 2, []string{"wang.haijun@xiaogucheng.example", "jiang.deming@xiaogucheng.example"}, "jiang.deming@xiaogucheng.example", 0, ""},
	{-24, "修理文化礼堂的音响", "appliance_repair", "古城二组", "文化礼堂", 3, []string{"zhu.jianlin@xiaogucheng.example"}, "", 0, ""},
	{-20, "陪同沈桂英老人复诊", "elderly_care", "上溪组", "上溪组 6 号", 3, []string{"xu.lihua@xiaogucheng.example"}, "", 5, ""},
	{-16, "老年活动室文艺排练", "performing_arts", "古城一组", "老年活动室", 2, []string{"wu.meihua@xiaogucheng.example", "yu.xiaoli@xiaogucheng.example"}, "", 0, ""},
	{-12, "独居老人上门探访", "elderly_care", "古城三组", "古城三组 4 号", 2, []string{teamLeader, "pan.suzhen@xiaogucheng.example"}, "", 4, ""},
	{-8, "为独居老人上门测血压", "medical_care", "古城一组", "古城一组 12 号", 2, []string{volNurse}, "", 5, ""},
	{-5, "帮老人更换厨房水龙头", "plumbing_electrical", "古城二组", "古城二组 9 号", 1, []string{"yao.wei@xiaogucheng.example"}, "", 5, ""},
	{-3, "陪同俞阿毛老人理发", "elderly_care", "古城一组", "古城一组 8 号", 2, []string{"shen.yuee@xiaogucheng.example", teamLeader}, "", 5, ""},
}

// history walks the six weeks of tasks: posted two days ahead by the
// committee, claimed, checked in by the place's code and out, confirmed
// by the leader the next morning (a no-show marked instead), and rated.
func (v *volSeed) history(ctx context.Context) error {
	for _, tk := range pastTasks {
		v.clock.set(v.day(tk.days-2, 10, 0))
		start := v.day(tk.days, 9, 0)
		if tk.skill == "plumbing_electrical" {
			start = v.day(tk.days, 14, 0)
		}
		mg, ok := v.micro[tk.micro]
		if !ok {
			return fmt.Errorf("no micro-grid %s", tk.micro)
		}
		n, err := v.vs.PostNeed(v.as(ctx, director), volunteer.NeedInput{CommunityID: v.c.ID, Title: tk.title, Required: []string{tk.skill},
			Start: start, End: start.Add(time.Duration(tk.hours) * time.Hour), MicroGridID: mg.ID, Address: tk.address, Slots: len(tk.volunteers)})
		if err != nil {
			return fmt.Errorf("post %s: %w", tk.title, err)
		}
		occ, err := v.vs.Occurrences(v.as(ctx, director), n.ID)
		if err != nil {
			return err
		}
		var claims []*volunteer.Claim
		for _, email := range tk.volunteers {
			r, err := v.vs.Claim(v.as(ctx, email), occ[0].ID)
			if err != nil || r.Claim == nil {
				return fmt.Errorf("claim %s by %s: %w", tk.title, email, err)
			}
			claims = append(claims, r.Claim)
		}
		v.clock.set(start.Add(-10 * time.Minute))
		for i, c := range claims {
			if tk.volunteers[i] == tk.noShow {
				continue
			}
			if _, err := v.vs.CheckIn(v.as(ctx, tk.volunteers[i]), c.ID, n.CheckInCode); err != nil {
				return fmt.Errorf("check in: %w", err)
			}
		}
		v.clock.set(start.Add(time.Duration(tk.hours)*time.Hour + 5*time.Minute))
		for i, c := range claims {
			if tk.volunteers[i] == tk.noShow {
				if _, err := v.vs.MarkNoShow(v.as(ctx, teamLeader), c.ID); err != nil {
					return fmt.Errorf("no-show: %w", err)
				}
				continue
			}
			if _, err := v.vs.CheckOut(v.as(ctx, tk.volunteers[i]), c.ID, n.CheckInCode); err != nil {
				return fmt.Errorf("check out: %w", err)
			}
		}
		v.clock.set(v.day(tk.days+1, 9, 0))
		for i, c := range claims {
			if tk.volunteers[i] != tk.noShow {
				by := teamLeader
				if tk.volunteers[i] == teamLeader {
					by = director // no one confirms their own hours
				}
				if _, err := v.vs.ConfirmHours(v.as(ctx, by), c.ID, tk.hours*60); err != nil {
					return fmt.Errorf("confirm: %w", err)
				}
			}
		}
		if tk.stars > 0 {
			if _, err := v.vs.Rate(v.as(ctx, director), occ[0].ID, tk.stars, "辛苦了，谢谢志愿者"); err != nil {
				return fmt.Errorf("rate: %w", err)
			}
		}
	}
	return nil
}

// today posts the needs of today and the days ahead, in every state.
func (v *volSeed) today(ctx context.Context) error {
	v.clock.set(v.day(-1, 10, 0))
	post := func(who string, in volunteer.NeedInput) (volunteer.Need, error) {
		in.CommunityID = v.c.ID
		n, err := v.vs.PostNeed(v.as(ctx, who), in)
		if err != nil {
			return n, fmt.Errorf("post %s: %w", in.Title, err)
		}
		return n, nil
	}
	first := func(n volunteer.Need) (volunteer.Occurrence, error) {
		occ, err := v.vs.Occurrences(v.as(ctx, director), n.ID)
		if err != nil {
			return volunteer.Occurrence{}, err
		}
		return occ[0], nil
	}
	claim := func(email string, o volunteer.Occurrence) error {
		_, err := v.vs.Claim(v.as(ctx, email), o.ID)
		return err
	}
	g1, g3 := v.micro["古城一组"], v.micro["古城三组"]
	// In progress: traffic guidance that began half an hour ago.
	start := v.now.Add(-30 * time.Minute).Truncate(time.Minute)
	traffic, err := post(director, volunteer.NeedInput{Title: "村口路段交通劝导", Required: []string{"traffic"}, Start: start, End: start.Add(2 * time.Hour),
		MicroGridID: g1.ID, Address: "村口公交站", Slots: 2})
	if err != nil {
		return err
	}
	o, err := first(traffic)
	if err != nil {
		return err
	}
	if err := claim("wang.haijun@xiaogucheng.example", o); err != nil {
		return err
	}
	v.clock.set(start.Add(10 * time.Minute))
	if claims, err := v.vs.Claims(v.as(ctx, director), o.ID); err != nil || len(claims) != 1 {
		return fmt.Errorf("traffic claims (%d): %w", len(claims), err)
	} else if _, err := v.vs.CheckIn(v.as(ctx, "wang.haijun@xiaogucheng.example"), claims[0].ID, traffic.CheckInCode); err != nil {
		return fmt.Errorf("check in: %w", err)
	}
	// A weekly visit, two a week for four weeks.
	visit := v.day(2, 9, 30)
	if _, err := post(director, volunteer.NeedInput{Title: "每周上门探访独居老人", Description: "陪老人聊聊天，看看家里水电、煤气是否安全。",
		Required: []string{"elderly_care"}, Preferred: []string{"counselling"}, Start: visit, End: visit.Add(90 * time.Minute), Weekly: true, Occurrences: 4,
		MicroGridID: g3.ID, Address: "古城三组 4 号", Slots: 2}); err != nil {
		return err
	}
	// Filled: errands for an assisted resident, posted by the grid worker.
	for3 := v.day(3, 9, 0)
	errands, err := post(gridWorker1, volunteer.NeedInput{Title: "帮姚金宝老人代购药品", Required: []string{"errands"}, Start: for3, End: for3.Add(time.Hour),
		MicroGridID: v.micro["竹林组"].ID, Address: "竹林组 21 号", Slots: 1, For: v.assisted(ctx, "姚金宝")})
	if err != nil {
		return err
	}
	if o, err = first(errands); err != nil {
		return err
	}
	if err := claim("yang.xiulan@xiaogucheng.example", o); err != nil {
		return err
	}
	// The last of three slots open: dumplings for the winter solstice.
	dumplings := v.day(4, 14, 0)
	solstice, err := post(director, volunteer.NeedInput{Title: "冬至为独居老人包饺子", Required: []string{"elderly_care"}, Start: dumplings, End: dumplings.Add(3 * time.Hour),
		MicroGridID: g1.ID, Address: "老年活动室", Slots: 3})
	if err != nil {
		return err
	}
	if o, err = first(solstice); err != nil {
		return err
	}
	for _, email := range []string{"xu.lihua@xiaogucheng.example", "pan.suzhen@xiaogucheng.example"} {
		if err := claim(email, o); err != nil {
			return err
		}
	}
	// A resident's own need, waiting for the grid worker.
	tv := v.day(5, 15, 0)
	if _, err := post("hu.yumei@xiaogucheng.example", volunteer.NeedInput{Title: "家里电视机没有图像，请人帮忙看看", Required: []string{"appliance_repair"},
		Start: tv, End: tv.Add(time.Hour), MicroGridID: v.microOf(ctx, "hu.yumei@xiaogucheng.example"), Address: "后坞组 7 号", Slots: 1}); err != nil {
		return err
	}
	// Declined by the grid worker, with the reason.
	school := v.day(2, 16, 0)
	pickup, err := post("yao.jiayi@xiaogucheng.example", volunteer.NeedInput{Title: "帮忙接孩子放学", Required: []string{"errands"},
		Start: school, End: school.Add(time.Hour), MicroGridID: v.microOf(ctx, "yao.jiayi@xiaogucheng.example"), Address: "径山镇中心小学", Slots: 1})
	if err != nil {
		return err
	}
	if _, err := v.vs.DecideNeed(v.as(ctx, gridWorker2), pickup.ID, false, "接送孩子不属于志愿服务范围，可联系村里的四点半课堂"); err != nil {
		return fmt.Errorf("decline: %w", err)
	}
	// Cancelled for the rain.
	sat := v.day(daysTo(v.now.In(v.loc), time.Saturday), 8, 0)
	river, err := post(director, volunteer.NeedInput{Title: "周末清理溪口河道垃圾", Required: []string{"environment"}, Start: sat, End: sat.Add(3 * time.Hour),
		MicroGridID: v.micro["溪口组"].ID, Address: "溪口片河埠头", Slots: 4})
	if err != nil {
		return err
	}
	if _, err := v.vs.CancelNeed(v.as(ctx, director), river.ID, "周末有雨，改到下周再清理"); err != nil {
		return err
	}
	// The nurse pays from her credit for someone to sit with her mother.
	care := v.day(6, 9, 0)
	own, err := post(volNurse, volunteer.NeedInput{Title: "周末帮忙照看卧床的母亲半天", Required: []string{"elderly_care"}, Start: care, End: care.Add(3 * time.Hour),
		MicroGridID: v.microOf(ctx, volNurse), Address: "上溪组 3 号", Slots: 1, PayWithCredit: true})
	if err != nil {
		return err
	}
	if _, err := v.vs.DecideNeed(v.as(ctx, gridWorker1), own.ID, true, ""); err != nil {
		return fmt.Errorf("approve: %w", err)
	}
	// One more opts in and waits for the leader.
	_, err = v.vs.Join(v.as(ctx, "qian.yuhan@xiaogucheng.example"), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, MaxMinutesPerWeek: 240,
		Skills: []volunteer.SkillLevel{lv("tutoring", 2)}, Weekly: []volunteer.Slot{{Weekday: time.Saturday, Start: 9 * 60, End: 12 * 60}}})
	if err != nil {
		return fmt.Errorf("join: %w", err)
	}
	return nil
}

// assisted returns the user ID of an assisted resident of the village.
func (v *volSeed) assisted(ctx context.Context, name string) domain.ID {
	l, err := v.s.Communities.Members(as(ctx, v.users[director]), v.c.ID, community.MemberFilter{Search: name}, domain.Page{First: 5})
	if err != nil || len(l.Items) == 0 {
		return ""
	}
	return l.Items[0].UserID
}

// daysTo is how many days from t to the next weekday d (7 when t is one).
func daysTo(t time.Time, d time.Weekday) int {
	n := (int(d) - int(t.Weekday()) + 7) % 7
	if n == 0 {
		n = 7
	}
	return n
}

// callForHands has the parking resolution's action item call for six
// volunteers to guide parking on the coming Saturday.
func (v *volSeed) callForHands(ctx context.Context, parking domain.ID) error {
	if parking == "" || v.s.Deliberation == nil {
		return nil
	}
	rs, err := v.s.Deliberation.Resolutions(as(ctx, v.users[director]), v.c.ID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(rs, func(r deliberation.Resolution) bool { return r.TopicID == parking })
	if i < 0 {
		return nil
	}
	items, err := v.s.Deliberation.ActionItems(as(ctx, v.users[director]), rs[i].ID)
	if err != nil {
		return err
	}
	j := slices.IndexFunc(items, func(it deliberation.ActionItem) bool { return it.Title == "设置指示牌、安排节假日志愿者" })
	if j < 0 {
		return nil
	}
	sat := v.day(daysTo(v.now.In(v.loc), time.Saturday), 9, 0)
	_, err = v.s.Deliberation.CallForHands(as(ctx, v.users[director]), items[j].ID, volunteer.NeedInput{Title: "节假日由志愿者引导停车",
		Description: "临时停车场启用后的第一个周末，请志愿者在村口和停车场入口引导车辆。", Required: []string{"traffic"},
		Start: sat, End: sat.Add(4 * time.Hour), MicroGridID: v.micro["古城一组"].ID, Address: "村委会后临时停车场东侧入口", Slots: 6})
	if err != nil {
		return fmt.Errorf("call for hands: %w", err)
	}
	return nil
}
