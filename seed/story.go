package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// The Xiaogucheng story, on 村口停车难 (accepted by seedTopics): a panel
// drawn with a published seed, a villagers' council with check-in,
// statements and an online vote, a motion that passes, a resolution whose
// two action items reach 100 %, and residents' ratings. And in 青春坊社区, a
// three-party meeting where the property firm votes no and the motion
// fails.

const (
	urbanCommittee = "lin.huimin@qingchunfang.example" // 居委会主任
	urbanOwners    = "wu.jianguo@qingchunfang.example"
	urbanFirm      = "he.lijuan@qingchunfang.example"
	gridWorker1    = "qian.xiaoyan@xiaogucheng.example" // 网格员, grids 1–3
)

// seedStory plays the story through the deliberation service.
func seedStory(ctx context.Context, s Services, users map[string]domain.ID, topicIDs map[string]domain.ID) error {
	as := func(email string) context.Context {
		return domain.NewContextWithActor(ctx, domain.Actor{UserID: users[email]})
	}
	asID := func(id domain.ID) context.Context { return domain.NewContextWithActor(ctx, domain.Actor{UserID: id}) }
	ds := s.Deliberation
	parking := topicIDs["村口停车难"]
	t, err := ds.Topic(as(secretary), parking)
	if err != nil {
		return err
	}
	// 谁来议: two affected residents from each of the two grids, by lot, and
	// the party secretary nominated.
	var rules []deliberation.SeatRule
	for _, g := range t.GridIDs {
		rules = append(rules, deliberation.SeatRule{Kind: deliberation.AffectedResidents, GridID: g, Min: 2, Max: 3})
	}
	rules = append(rules, deliberation.SeatRule{Kind: deliberation.PartyMembers, Min: 1, Max: 1})
	if _, err := ds.SetSeatRules(as(secretary), parking, rules); err != nil {
		return fmt.Errorf("seat rules: %w", err)
	}
	// The party secretary is nominated before the seed is published: after
	// it, no one the lot could draw can be nominated.
	if _, err := ds.Nominate(as(director), parking, users[secretary], deliberation.PartyMembers, ""); err != nil {
		return fmt.Errorf("nominate: %w", err)
	}
	if _, err := ds.PublishSeed(as(secretary), parking); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	for _, g := range t.GridIDs {
		if _, err := ds.DrawSeats(as(secretary), deliberation.DrawInput{TopicID: parking, Kind: deliberation.AffectedResidents, GridID: g, Count: 2}); err != nil {
			return fmt.Errorf("draw: %w", err)
		}
	}
	seats, err := ds.Seats(as(secretary), parking)
	if err != nil {
		return err
	}
	var panel []domain.ID
	for _, st := range seats {
		if _, err := ds.RespondToSeat(asID(st.UserID), parking, true); err != nil {
			return fmt.Errorf("accept seat: %w", err)
		}
		panel = append(panel, st.UserID)
	}
	if _, err := ds.ConfirmPanel(as(secretary), parking); err != nil {
		return fmt.Errorf("confirm panel: %w", err)
	}
	// 怎么议: the council meets; members check in, speak, and vote online.
	m, err := ds.ScheduleMeeting(as(director), deliberation.MeetingInput{CommunityID: t.CommunityID, Kind: deliberation.Council,
		Title: "村民议事会：村口停车难", Place: "小古城村村委会二楼会议室", StartsAt: time.Now().Add(time.Hour), TopicIDs: []domain.ID{parking}})
	if err != nil {
		return fmt.Errorf("meeting: %w", err)
	}
	for _, id := range panel {
		if _, err := ds.CheckIn(asID(id), m.ID, m.CheckInCode); err != nil {
			return fmt.Errorf("check in: %w", err)
		}
	}
	if _, err := ds.StartMeeting(as(director), m.ID); err != nil {
		return err
	}
	statements := []struct {
		who     domain.ID
		stance  deliberation.Stance
		summary string
	}{
		{panel[0], deliberation.For, "村委会后面的空地平整后可停三十辆车，建议改成临时停车场。"},
		{panel[1], deliberation.Against, "担心停车场离住户太近，晚上有噪音。"},
		{users[secretary], deliberation.Neutral, "入口可以设在远离住户的一侧，节假日安排志愿者引导。"},
	}
	for _, st := range statements {
		if _, err := ds.RecordStatement(as(director), m.ID, parking, st.who, st.stance, st.summary); err != nil {
			return fmt.Errorf("statement: %w", err)
		}
	}
	motion, err := ds.OpenMotion(as(director), deliberation.MotionInput{TopicID: parking, Text: "将村委会后空地改建为临时停车场，入口设在东侧，节假日由志愿者引导停车",
		Method: deliberation.MajorityCast, Deadline: time.Now().Add(48 * time.Hour)})
	if err != nil {
		return fmt.Errorf("motion: %w", err)
	}
	for i, id := range panel {
		choice := deliberation.Yes
		if i == 1 {
			choice = deliberation.No
		}
		if err := ds.Vote(asID(id), motion.ID, choice); err != nil {
			return fmt.Errorf("vote: %w", err)
		}
	}
	if _, err := ds.CloseMotion(as(director), motion.ID); err != nil {
		return err
	}
	if _, err := ds.SetMinutes(as(director), m.ID, "村民议事会就村口停车难进行协商。与会代表五人，发言三人。动议“将村委会后空地改建为临时停车场”经线上表决，四票赞成、一票反对，获得通过。"); err != nil {
		return err
	}
	// 议的效力: the resolution, two action items done, ratings, an objection
	// answered.
	res, err := ds.Adopt(as(director), motion.ID)
	if err != nil {
		return fmt.Errorf("adopt: %w", err)
	}
	items := []deliberation.ItemInput{
		{ResolutionID: res.ID, Title: "平整空地、划停车位", OwnerID: users[gridWorker1], Due: time.Now().AddDate(0, 0, 14), Weight: 3},
		{ResolutionID: res.ID, Title: "设置指示牌、安排节假日志愿者", OwnerParty: deliberation.ResidentsCommittee, Due: time.Now().AddDate(0, 0, 21), Weight: 1},
	}
	for _, in := range items {
		it, err := ds.AddActionItem(as(director), in)
		if err != nil {
			return fmt.Errorf("action item: %w", err)
		}
		if _, err := ds.UpdateActionItem(as(director), it.ID, 50, "已开工", ""); err != nil {
			return err
		}
		if _, err := ds.UpdateActionItem(as(director), it.ID, 100, "已完成", ""); err != nil {
			return err
		}
	}
	for i, who := range villageResidents[:8] {
		if err := ds.Rate(as(who), res.ID, 4+i%2); err != nil && domain.ErrorCode(err) != domain.Forbidden {
			return fmt.Errorf("rate: %w", err)
		}
	}
	// In its notice period a resident objects and the committee answers;
	// it takes effect, and can be closed, when the five days are over.
	obj, err := ds.Object(as(villageResidents[2]), res.ID, "节假日停车的志愿者从哪里来？希望提前公布名单。")
	if err != nil {
		return fmt.Errorf("object: %w", err)
	}
	if _, err := ds.AnswerObjection(as(director), obj.ID, "志愿者由各网格报名，名单将在村务公开栏公布。"); err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	return seedThreeParty(ctx, s, users)
}

// seedThreeParty: in 青春坊社区, the residents' committee, the owners'
// committee and the property firm meet on a lift renewal; the firm votes
// no, so the motion fails.
func seedThreeParty(ctx context.Context, s Services, users map[string]domain.ID) error {
	as := func(email string) context.Context {
		return domain.NewContextWithActor(ctx, domain.Actor{UserID: users[email]})
	}
	c, err := s.Communities.CommunityByCode(ctx, urban.Code)
	if err != nil {
		return err
	}
	ds := s.Deliberation
	t, err := ds.Propose(as(urbanCommittee), deliberation.ProposeInput{CommunityID: c.ID, Title: "3 幢电梯更新改造", Category: deliberation.PropertyMgmt,
		Body: "3 幢电梯已使用二十年，近半年故障七次。居委会提议三方商议动用专项维修资金更新电梯。", AsCommittee: true})
	if err != nil {
		return fmt.Errorf("urban topic: %w", err)
	}
	if _, err := ds.Screen(as(urbanCommittee), deliberation.ScreenInput{TopicID: t.ID, Decision: deliberation.Accept, Body: deliberation.ThreePartyMeeting}); err != nil {
		return err
	}
	m, err := ds.ScheduleMeeting(as(urbanCommittee), deliberation.MeetingInput{CommunityID: c.ID, Kind: deliberation.ThreeParties,
		Title: "三方联动会议：3 幢电梯更新", Place: "青春坊社区党群服务中心", StartsAt: time.Now().Add(time.Hour), TopicIDs: []domain.ID{t.ID}})
	if err != nil {
		return fmt.Errorf("three-party meeting: %w", err)
	}
	for _, who := range []string{urbanCommittee, urbanOwners, urbanFirm} {
		if _, err := ds.CheckIn(as(who), m.ID, m.CheckInCode); err != nil {
			return fmt.Errorf("three-party check in: %w", err)
		}
	}
	motion, err := ds.OpenMotion(as(urbanCommittee), deliberation.MotionInput{TopicID: t.ID, Text: "动用专项维修资金更新 3 幢电梯，物业承担前期检测费用",
		Method: deliberation.ThreeParty, Deadline: time.Now().Add(24 * time.Hour)})
	if err != nil {
		return fmt.Errorf("three-party motion: %w", err)
	}
	for who, choice := range map[string]deliberation.Choice{urbanCommittee: deliberation.Yes, urbanOwners: deliberation.Yes, urbanFirm: deliberation.No} {
		if err := ds.Vote(as(who), motion.ID, choice); err != nil {
			return fmt.Errorf("three-party vote: %w", err)
		}
	}
	_, err = ds.CloseMotion(as(urbanCommittee), motion.ID)
	return err
}
