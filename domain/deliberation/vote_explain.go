package deliberation

import (
	"fmt"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// Rule says in one line how a motion passes: its method and its quorum.
func (m Motion) Rule() domain.Text {
	var t domain.Text
	switch m.Method {
	case MajorityCast:
		t = domain.Text{ZH: "赞成票多于反对票即通过", EN: "Passes with more yes than no votes"}
	case MajorityPanel:
		t = domain.Text{ZH: "赞成票超过全体投票人的一半即通过", EN: "Passes with yes from more than half of all voters"}
	case TwoThirds:
		t = domain.Text{ZH: "赞成票达到所投票数的三分之二即通过", EN: "Passes with yes from at least two-thirds of the votes cast"}
	case Consensus:
		t = domain.Text{ZH: "无人反对且至少一人赞成即通过", EN: "Passes when no one votes no and someone votes yes"}
	case ThreeParty:
		t = domain.Text{ZH: "居委会、业委会、物业三方各自赞成多于反对才通过", EN: "Passes only when each of the three parties has more yes than no"}
	}
	if m.QuorumDen > 0 {
		t.ZH += fmt.Sprintf("；至少 %d/%d 的投票人参与才有效", m.QuorumNum, m.QuorumDen)
		t.EN += fmt.Sprintf("; valid only if at least %d/%d of the voters take part", m.QuorumNum, m.QuorumDen)
		if m.Method == ThreeParty {
			t.ZH = strings.Replace(t.ZH, "的投票人", "的各方代表", 1)
			t.EN = strings.Replace(t.EN, "of the voters", "of each party's delegates", 1)
		}
	}
	return t
}

// Reason says in plain words why a closed motion failed; empty when it
// passed or is still open. A secret ballot's reason names no count.
func (r Result) Reason() domain.Text {
	switch {
	case r.Open || r.Passed:
		return domain.Text{}
	case !r.Quorum && r.Method == ThreeParty:
		return domain.Text{ZH: "有一方参与投票的代表不足法定人数，表决无效", EN: "A party's delegates fell short of the quorum, so the vote does not count"}
	case !r.Quorum:
		return domain.Text{ZH: fmt.Sprintf("参与投票的人数不足法定人数（%d/%d 人投票），表决无效", r.Cast, r.Voters),
			EN: fmt.Sprintf("Too few voters took part (%d of %d), so the vote does not count", r.Cast, r.Voters)}
	}
	switch r.Method {
	case MajorityCast:
		return domain.Text{ZH: "赞成票没有多于反对票", EN: "Yes votes did not outnumber no votes"}
	case MajorityPanel:
		return domain.Text{ZH: "赞成票没有超过全体投票人的一半", EN: "Yes votes did not reach more than half of all voters"}
	case TwoThirds:
		return domain.Text{ZH: "赞成票不足所投票数的三分之二", EN: "Yes votes fell short of two-thirds of the votes cast"}
	case Consensus:
		if r.Hidden || r.No > 0 {
			return domain.Text{ZH: "有人反对或无人赞成，未达成一致", EN: "Someone voted no, or no one voted yes: no consensus"}
		}
		return domain.Text{ZH: "无人赞成", EN: "No one voted yes"}
	case ThreeParty:
		var zh, en []string
		for _, p := range []Party{ResidentsCommittee, OwnersParty, PropertyParty} {
			if !r.Agreed[p] {
				l := p.Label()
				zh, en = append(zh, l.ZH), append(en, l.EN)
			}
		}
		return domain.Text{ZH: strings.Join(zh, "、") + "一方未同意（赞成票没有多于反对票）", EN: "Not agreed by " + strings.Join(en, ", ") + " (no more yes than no)"}
	}
	return domain.Text{ZH: "未通过", EN: "Did not pass"}
}

// Label names a party for people.
func (p Party) Label() domain.Text {
	switch p {
	case ResidentsCommittee:
		return domain.Text{ZH: "居委会", EN: "the residents' committee"}
	case OwnersParty:
		return domain.Text{ZH: "业委会", EN: "the owners' committee"}
	case PropertyParty:
		return domain.Text{ZH: "物业", EN: "the property firm"}
	}
	return domain.Text{ZH: string(p), EN: string(p)}
}
