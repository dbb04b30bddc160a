package disclosure

import (
	"context"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Category is an account of the chart that finance items are booked to: a
// top-level account of the fixed chart, or a sub-category of one.
type Category struct {
	Code      string
	Parent    string // the top-level account's code; empty for one
	Direction Direction
	Label     domain.Text
	Custom    bool // added by the community's committee
}

// chartOfAccounts is the fixed chart of a village collective's books,
// with the sub-categories every community has.
var chartOfAccounts = []Category{
	{Code: "operating_income", Direction: Income, Label: domain.Text{ZH: "经营收入", EN: "Operating income"}},
	{Code: "contract_income", Direction: Income, Label: domain.Text{ZH: "发包及上交收入", EN: "Contracting and remittance income"}},
	{Code: "investment_income", Direction: Income, Label: domain.Text{ZH: "投资收益", EN: "Investment income"}},
	{Code: "subsidy_income", Direction: Income, Label: domain.Text{ZH: "补助收入", EN: "Subsidies received"}},
	{Code: "other_income", Direction: Income, Label: domain.Text{ZH: "其他收入", EN: "Other income"}},
	{Code: "operating_expense", Direction: Expense, Label: domain.Text{ZH: "经营支出", EN: "Operating expenses"}},
	{Code: "admin_expense", Direction: Expense, Label: domain.Text{ZH: "管理费用", EN: "Administrative expenses"}},
	{Code: "admin_expense/pay", Parent: "admin_expense", Direction: Expense, Label: domain.Text{ZH: "干部报酬", EN: "Cadres' pay"}},
	{Code: "admin_expense/office", Parent: "admin_expense", Direction: Expense, Label: domain.Text{ZH: "办公费", EN: "Office costs"}},
	{Code: "welfare_expense", Direction: Expense, Label: domain.Text{ZH: "公益支出", EN: "Public welfare spending"}},
	{Code: "welfare_expense/garbage", Parent: "welfare_expense", Direction: Expense, Label: domain.Text{ZH: "垃圾清运", EN: "Garbage collection"}},
	{Code: "welfare_expense/roads", Parent: "welfare_expense", Direction: Expense, Label: domain.Text{ZH: "道路维护", EN: "Road maintenance"}},
	{Code: "welfare_expense/greenery", Parent: "welfare_expense", Direction: Expense, Label: domain.Text{ZH: "绿化养护", EN: "Greenery upkeep"}},
	{Code: "welfare_expense/lighting", Parent: "welfare_expense", Direction: Expense, Label: domain.Text{ZH: "路灯照明", EN: "Street lighting"}},
	{Code: "welfare_expense/water", Parent: "welfare_expense", Direction: Expense, Label: domain.Text{ZH: "水利设施", EN: "Water works"}},
	{Code: "other_expense", Direction: Expense, Label: domain.Text{ZH: "其他支出", EN: "Other expenses"}},
}

// maxCustomCategories is how many sub-categories a community may add.
const maxCustomCategories = 100

var errUnknownParent = domain.InvalidField("parent", "请选择一个一级科目", "choose a top-level account")

// Categories lists a community's chart of accounts: the fixed chart with
// its sub-categories, then the community's own, each after its account.
// The chart is public. Errors: NotFound (community).
func (s *Service) Categories(ctx context.Context, communityID domain.ID) ([]Category, error) {
	if _, err := s.comms.Community(ctx, communityID); err != nil {
		return nil, err
	}
	custom, err := s.findCategories(ctx, communityID)
	if err != nil {
		return nil, err
	}
	out := append(slices.Clone(chartOfAccounts), custom...)
	return regroup(out), nil
}

// regroup moves each account's sub-categories (fixed and custom) right
// after it, keeping their order.
func regroup(list []Category) []Category {
	out := make([]Category, 0, len(list))
	for _, c := range list {
		if c.Parent != "" {
			continue
		}
		out = append(out, c)
		for _, k := range list {
			if k.Parent == c.Code {
				out = append(out, k)
			}
		}
	}
	return out
}

// chart returns a community's accounts by code.
func (s *Service) chart(ctx context.Context, communityID domain.ID) (map[string]Category, error) {
	custom, err := s.findCategories(ctx, communityID)
	out := make(map[string]Category, len(chartOfAccounts)+len(custom))
	for _, c := range chartOfAccounts {
		out[c.Code] = c
	}
	for _, c := range custom {
		out[c.Code] = c
	}
	return out, err
}

// AddCategory adds a sub-category under a top-level account of the chart,
// for the committee. A name is taken once per account and community.
// Errors: Unauthenticated, Forbidden, NotFound (community), Invalid
// (parent, name 1–20 runes, more than 100 sub-categories), Conflict (the
// name is taken).
func (s *Service) AddCategory(ctx context.Context, communityID domain.ID, parent, name string) (Category, error) {
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return Category{}, err
	}
	if _, err := s.access(ctx, c.ID, editor(KindFinance)); err != nil {
		return Category{}, err
	}
	var top *Category
	for i, k := range chartOfAccounts {
		if k.Code == parent && k.Parent == "" {
			top = &chartOfAccounts[i]
		}
	}
	if top == nil {
		return Category{}, errUnknownParent
	}
	if name, err = text.Line("name", domain.Text{ZH: "科目名称", EN: "category name"}, name, 1, 20); err != nil {
		return Category{}, err
	}
	existing, err := s.findCategories(ctx, c.ID)
	if err != nil {
		return Category{}, err
	}
	if len(existing) >= maxCustomCategories {
		return Category{}, domain.InvalidField("name", "每个社区最多自设 %d 个子科目", "a community may add at most %d sub-categories", maxCustomCategories)
	}
	for _, k := range chartOfAccounts {
		if k.Parent == parent && k.Label.ZH == name {
			return Category{}, errCategoryTaken
		}
	}
	d := categoryDoc{
		ID: categoryID(c.ID, parent, name), CommunityID: c.ID, Code: parent + "/" + string(domain.NewID()),
		Parent: parent, Direction: string(top.Direction), Name: name,
		CreatedBy: domain.ActorFromContext(ctx).UserID, CreatedAt: s.now().UTC().Truncate(time.Millisecond),
	}
	won, err := s.insertCategory(ctx, d)
	if err != nil {
		return Category{}, err
	}
	if !won {
		return Category{}, errCategoryTaken
	}
	return toCategory(d), nil
}

var errCategoryTaken = &domain.Error{Code: domain.Conflict, Field: "name", Message: domain.Text{ZH: "该科目下已有同名子科目", EN: "this account already has a sub-category of that name"}}
