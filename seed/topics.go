package seed

import (
	"context"
	"fmt"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// topicSpec is a demo topic: who proposes it, who supports it, what is
// said, and how screening decides it.
type topicSpec struct {
	Title, Body string
	Category    deliberation.Category
	Grids       []int
	Proposer    string   // email
	Supporters  []string // emails
	Comments    []commentSpec
	// Screen, when set, decides the topic (it must have reached screening).
	Screen *deliberation.ScreenInput
	// ScreenBy is the email of the party or committee member who decides.
	ScreenBy string
	// AsCommittee proposes it as the committee.
	AsCommittee bool
	// MergeInto names the topic (by title) it is merged into.
	MergeInto string
}

type commentSpec struct {
	By, Body string
	Reply    *commentSpec
}

const (
	secretary = "yu.guoqiang@xiaogucheng.example"  // 党总支书记
	director  = "yao.jianming@xiaogucheng.example" // 村委会主任
)

// villageResidents are the demo residents who support topics.
var villageResidents = []string{
	"yu.jianguo@xiaogucheng.example", "shen.yuee@xiaogucheng.example", "yao.wei@xiaogucheng.example",
	"pan.suzhen@xiaogucheng.example", "chu.guoping@xiaogucheng.example", "yu.xiaoli@xiaogucheng.example",
	"chen.guifang@xiaogucheng.example", "wang.haijun@xiaogucheng.example", "fang.hongying@xiaogucheng.example",
	"shen.yongming@xiaogucheng.example", "xu.lihua@xiaogucheng.example", "zhang.zhiqiang@xiaogucheng.example",
}

// topics are the village's demo topics, one in each state a topic can be in
// at seeding time (a closed one needs its window to pass).
var topics = []topicSpec{
	{
		Title: "村口停车难", Category: deliberation.PublicAffairs, Grids: []int{0, 1},
		Body:     "村口到古城片的路边白天停满了车，周末游客多时公交车都过不去，老人和孩子过马路很危险。建议划定停车位，设置临时停车场，节假日安排志愿者引导。",
		Proposer: "yu.jianguo@xiaogucheng.example", Supporters: villageResidents[1:11],
		Comments: []commentSpec{
			{By: "shen.yuee@xiaogucheng.example", Body: "同意！早上送孙子上学，车都开不出去。",
				Reply: &commentSpec{By: "yu.jianguo@xiaogucheng.example", Body: "是的，上周还有两辆车刮了。"}},
			{By: "wang.haijun@xiaogucheng.example", Body: "村委会后面的空地可以改成临时停车场。"},
		},
		Screen:   &deliberation.ScreenInput{Decision: deliberation.Accept, Body: deliberation.VillagersCouncil, Note: "涉及全村出行，交村民议事会协商。"},
		ScreenBy: secretary,
	},
	{
		Title: "垃圾分类亭改造", Category: deliberation.Environment, Grids: []int{2},
		Body:     "前山片的垃圾分类亭太小，厨余桶经常满出来，夏天气味很大。希望加一个桶，并装个洗手池。",
		Proposer: "zhang.zhiqiang@xiaogucheng.example", Supporters: villageResidents[6:10],
		Comments: []commentSpec{{By: "yang.xiulan@xiaogucheng.example", Body: "还可以装个遮雨棚。"}},
	},
	{
		Title: "溪口片路灯更新", Category: deliberation.PublicAffairs, Grids: []int{1},
		Body:     "溪口片的路灯多数是十几年前装的，亮度低，坏了很久没人修。建议统一更换为节能路灯。",
		Proposer: "chen.guifang@xiaogucheng.example", Supporters: villageResidents[3:6],
	},
	{
		Title: "桥头那盏路灯不亮", Category: deliberation.PublicAffairs, Grids: []int{1},
		Body:     "桥头的路灯坏了一个多月，晚上走路看不清。",
		Proposer: "fang.hongying@xiaogucheng.example", Supporters: villageResidents[0:10],
		Screen:   &deliberation.ScreenInput{Decision: deliberation.Merge, Note: "与“溪口片路灯更新”是同一件事，合并办理，附议一并转入。"},
		ScreenBy: director, MergeInto: "溪口片路灯更新",
	},
	{
		Title: "广场舞音量太大", Category: deliberation.Disputes, Grids: []int{0},
		Body:     "每天晚上广场舞放到九点半，音响声音太大，影响学生写作业。",
		Proposer: "yao.wei@xiaogucheng.example", Supporters: villageResidents[:10],
		Screen:   &deliberation.ScreenInput{Decision: deliberation.Refer, Note: "转村“和事佬”调解队与舞蹈队协商音量和时间。"},
		ScreenBy: director,
	},
	{
		Title: "要求村里出资修缮私人祖屋", Category: deliberation.OtherCategory, Grids: []int{3},
		Body:     "我家祖屋年久失修，希望村集体出钱修缮。",
		Proposer: "shen.yongming@xiaogucheng.example", Supporters: villageResidents[:10],
		Screen:   &deliberation.ScreenInput{Decision: deliberation.Reject, Note: "属于私人财产，不在村集体资金使用范围内；可咨询镇里的危旧房改造补助政策。"},
		ScreenBy: secretary,
	},
	{
		Title: "开办老年食堂", Category: deliberation.PublicWelfare, Grids: []int{0, 1, 2, 3, 4, 5},
		Body:        "村里八十岁以上老人有四十多位，不少独居。村两委提议利用老村委楼开办老年食堂，每天提供午餐，请大家议一议。",
		AsCommittee: true, Proposer: director,
	},
}

// seedTopics creates the village's demo topics through the deliberation
// service, as the people named in them, and returns their IDs by title.
func seedTopics(ctx context.Context, s Services, users map[string]domain.ID) (map[string]domain.ID, error) {
	c, err := s.Communities.CommunityByCode(ctx, VillageCode)
	if err != nil {
		return nil, err
	}
	grids, err := s.Communities.Grids(ctx, c.ID, domain.Page{First: domain.MaxPageSize})
	if err != nil {
		return nil, err
	}
	as := func(email string) context.Context {
		return domain.NewContextWithActor(ctx, domain.Actor{UserID: users[email]})
	}
	byTitle := map[string]domain.ID{}
	for _, spec := range topics {
		var gridIDs []domain.ID
		for _, g := range spec.Grids {
			gridIDs = append(gridIDs, grids.Items[g].ID)
		}
		t, err := s.Deliberation.Propose(as(spec.Proposer), deliberation.ProposeInput{
			CommunityID: c.ID, Title: spec.Title, Body: spec.Body, Category: spec.Category, GridIDs: gridIDs, AsCommittee: spec.AsCommittee,
		})
		if err != nil {
			return nil, fmt.Errorf("topic %s: %w", spec.Title, err)
		}
		byTitle[spec.Title] = t.ID
		for _, who := range spec.Supporters {
			if _, err := s.Deliberation.Support(as(who), t.ID); err != nil && domain.ErrorCode(err) != domain.Conflict {
				return nil, fmt.Errorf("support %s: %w", spec.Title, err)
			}
		}
		for _, cs := range spec.Comments {
			cm, err := s.Deliberation.AddComment(as(cs.By), deliberation.CommentInput{TopicID: t.ID, Body: cs.Body})
			if err != nil {
				return nil, fmt.Errorf("comment on %s: %w", spec.Title, err)
			}
			if cs.Reply != nil {
				if _, err := s.Deliberation.AddComment(as(cs.Reply.By), deliberation.CommentInput{TopicID: t.ID, ParentID: cm.ID, Body: cs.Reply.Body}); err != nil {
					return nil, fmt.Errorf("reply on %s: %w", spec.Title, err)
				}
			}
		}
		if spec.Screen != nil {
			in := *spec.Screen
			in.TopicID = t.ID
			if spec.MergeInto != "" {
				in.Into = byTitle[spec.MergeInto]
			}
			if _, err := s.Deliberation.Screen(as(spec.ScreenBy), in); err != nil {
				return nil, fmt.Errorf("screen %s: %w", spec.Title, err)
			}
		}
	}
	return byTitle, nil
}
