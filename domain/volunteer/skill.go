package volunteer

import (
	"context"
	"fmt"
	"slices"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Skill is a kind of help in the taxonomy: one of the base set, or a local
// one the committee added (its code starts with "local-").
type Skill struct {
	Code string
	Name domain.Text
	// Credentialed skills (医疗护理, 法律咨询) need a credential that a
	// committee member verifies before they count for a sensitive need.
	Credentialed bool
}

// BaseSkills is the taxonomy every community starts with.
var BaseSkills = []Skill{
	{Code: "elderly_care", Name: domain.Text{ZH: "助老", EN: "elderly care"}},
	{Code: "disability_support", Name: domain.Text{ZH: "助残", EN: "disability support"}},
	{Code: "medical_care", Name: domain.Text{ZH: "医疗护理", EN: "medical care"}, Credentialed: true},
	{Code: "counselling", Name: domain.Text{ZH: "心理疏导", EN: "counselling"}},
	{Code: "legal_advice", Name: domain.Text{ZH: "法律咨询", EN: "legal advice"}, Credentialed: true},
	{Code: "appliance_repair", Name: domain.Text{ZH: "家电维修", EN: "appliance repair"}},
	{Code: "plumbing_electrical", Name: domain.Text{ZH: "水电维修", EN: "plumbing and wiring"}},
	{Code: "tutoring", Name: domain.Text{ZH: "教育辅导", EN: "tutoring"}},
	{Code: "performing_arts", Name: domain.Text{ZH: "文艺", EN: "performing arts"}},
	{Code: "environment", Name: domain.Text{ZH: "环境整治", EN: "clean-up"}},
	{Code: "traffic", Name: domain.Text{ZH: "交通劝导", EN: "traffic guidance"}},
	{Code: "haircut", Name: domain.Text{ZH: "理发", EN: "haircuts"}},
	{Code: "errands", Name: domain.Text{ZH: "代购代办", EN: "errands"}},
	{Code: "translation", Name: domain.Text{ZH: "翻译/方言", EN: "translation and dialects"}},
}

// Skill levels: 1 (can help), 2 (experienced), 3 (professional).
const (
	MinLevel = 1
	MaxLevel = 3
	// MaxLocalSkills bounds a community's local skills.
	MaxLocalSkills = 30
)

// Skills returns a community's taxonomy: the base set, then its local
// skills in the order added. Anyone may read it. Errors: NotFound (the
// community).
func (s *Service) Skills(ctx context.Context, communityID domain.ID) ([]Skill, error) {
	if _, err := s.comms.Community(ctx, communityID); err != nil {
		return nil, err
	}
	local, err := s.findLocalSkills(ctx, communityID)
	if err != nil {
		return nil, err
	}
	return append(slices.Clone(BaseSkills), local...), nil
}

// skillSet is a community's taxonomy by code.
type skillSet map[string]Skill

func (s *Service) skillSet(ctx context.Context, communityID domain.ID) (skillSet, error) {
	all, err := s.Skills(ctx, communityID)
	if err != nil {
		return nil, err
	}
	set := make(skillSet, len(all))
	for _, k := range all {
		set[k.Code] = k
	}
	return set, nil
}

// check refuses a code outside the taxonomy: Invalid about field.
func (set skillSet) check(field, code string) error {
	if _, ok := set[code]; !ok {
		return domain.InvalidField(field, "“%s”不在本社区的技能目录中", "%q is not a skill of the community's taxonomy", code)
	}
	return nil
}

// checkList checks a need's skill list: known codes, no repeats, at most
// max. Errors: Invalid (field, field[i]).
func (set skillSet) checkList(field string, codes []string, max int) ([]string, error) {
	if len(codes) > max {
		return nil, domain.InvalidField(field, "最多 %d 项技能", "at most %d skills", max)
	}
	out := make([]string, 0, len(codes))
	for i, c := range codes {
		if err := set.check(fmt.Sprintf("%s[%d]", field, i), c); err != nil {
			return nil, err
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// AddLocalSkill adds a skill to a community's taxonomy, such as 竹编 or 茶艺
// where the village has them. Only the committee may. Errors:
// Unauthenticated, Forbidden, Invalid (name; MaxLocalSkills reached),
// Conflict (the name is taken).
func (s *Service) AddLocalSkill(ctx context.Context, communityID domain.ID, name string, credentialed bool) (Skill, error) {
	if _, err := s.requireCommittee(ctx, communityID); err != nil {
		return Skill{}, err
	}
	name, err := text.Line("name", domain.Text{ZH: "技能名称", EN: "skill name"}, name, 1, 20)
	if err != nil {
		return Skill{}, err
	}
	all, err := s.Skills(ctx, communityID)
	if err != nil {
		return Skill{}, err
	}
	if len(all)-len(BaseSkills) >= MaxLocalSkills {
		return Skill{}, domain.InvalidField("name", "本地技能最多 %d 项", "at most %d local skills", MaxLocalSkills)
	}
	for _, k := range all {
		if k.Name.ZH == name || k.Name.EN == name {
			return Skill{}, domain.Errorf(domain.Conflict, "已有技能“%s”", "the skill %q exists", name)
		}
	}
	k := Skill{Code: "local-" + string(domain.NewID()), Name: domain.Text{ZH: name, EN: name}, Credentialed: credentialed}
	won, err := s.insertLocalSkill(ctx, communityID, k)
	if err != nil {
		return Skill{}, err
	}
	if !won {
		return Skill{}, domain.Errorf(domain.Conflict, "已有技能“%s”", "the skill %q exists", name)
	}
	return k, nil
}
