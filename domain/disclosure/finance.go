package disclosure

import (
	"fmt"
	"net/url"
	"slices"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Direction says whether money came in or went out.
type Direction string

// Directions of a finance item.
const (
	Income  Direction = "income"
	Expense Direction = "expense"
)

// Label returns the direction's name for people.
func (d Direction) Label() domain.Text {
	if d == Income {
		return domain.Text{ZH: "收入", EN: "Income"}
	}
	return domain.Text{ZH: "支出", EN: "Expense"}
}

// Item is one line of a finance disclosure. Amount is in fen, always more
// than zero: Direction says which way it went.
type Item struct {
	// ID keeps an item's identity across versions, so that a correction
	// shows which items changed. New items get one when saved.
	ID           string
	Date         Date
	Direction    Direction
	Category     string // a code of the chart of accounts (Categories)
	Amount       int64
	Counterparty string
	Voucher      string // the voucher number (凭证号)
	// Link is the global ID of the topic or resolution the money served,
	// if any.
	Link string
	Note string
}

// Finance is a finance version's figures: the items and the totals that
// follow from them, exact in fen. Closing = Opening + Income − Expense.
type Finance struct {
	Opening   int64
	Income    int64
	Expense   int64
	Closing   int64
	ItemCount int
	// Items are in date order; lists of versions leave them out (nil) and
	// keep ItemCount.
	Items []Item
}

// FinanceInput is what the committee enters for a finance version.
type FinanceInput struct {
	Opening int64 // fen; may be negative
	Items   []Item
}

// MaxItems is how many items a finance version may hold.
const MaxItems = 2000

// checkFinance checks a finance version's items against its period and the
// community's chart of accounts, gives new items an ID and sums them.
// Items may keep only the IDs in known (those of the version being edited
// and of the version it corrects). Errors: Invalid (items[i].field,
// openingBalance).
func checkFinance(in FinanceInput, period Period, chart map[string]Category, known map[string]bool) (Finance, error) {
	if len(in.Items) > MaxItems {
		return Finance{}, domain.InvalidField("items", "明细最多 %d 条", "at most %d items", MaxItems)
	}
	if err := checkBalance("openingBalance", in.Opening); err != nil {
		return Finance{}, err
	}
	f := Finance{Opening: in.Opening, ItemCount: len(in.Items), Items: make([]Item, len(in.Items))}
	seen := map[string]bool{}
	for i, it := range in.Items {
		field := func(name string) string { return fmt.Sprintf("items[%d].%s", i, name) }
		var err error
		switch {
		case it.ID == "":
			it.ID = string(domain.NewID())
		case !known[it.ID] || seen[it.ID]:
			return Finance{}, domain.InvalidField(field("id"), "明细编号无效", "unknown or repeated item id")
		}
		seen[it.ID] = true
		if !period.Contains(it.Date) {
			return Finance{}, domain.InvalidField(field("date"), "日期须在本期（%s 至 %s）之内", "the date must be within the period (%s to %s)", period.First(), period.Last())
		}
		if it.Direction != Income && it.Direction != Expense {
			return Finance{}, domain.InvalidField(field("direction"), "请选择收入或支出", "choose income or expense")
		}
		cat, ok := chart[it.Category]
		switch {
		case !ok:
			return Finance{}, domain.InvalidField(field("category"), "未知的科目", "unknown category")
		case cat.Direction != it.Direction:
			return Finance{}, domain.InvalidText(field("category"), domain.Text{
				ZH: fmt.Sprintf("科目“%s”不属于%s", cat.Label.ZH, it.Direction.Label().ZH),
				EN: fmt.Sprintf("the category %q is not for %s", cat.Label.EN, it.Direction),
			})
		}
		if err := checkFen(field("amount"), it.Amount); err != nil {
			return Finance{}, err
		}
		if it.Counterparty, err = text.Body(field("counterparty"), it.Counterparty, 0, 100); err != nil {
			return Finance{}, err
		}
		if it.Voucher, err = text.Body(field("voucher"), it.Voucher, 0, 40); err != nil {
			return Finance{}, err
		}
		if it.Note, err = text.Body(field("note"), it.Note, 0, 200); err != nil {
			return Finance{}, err
		}
		if it.Link != "" {
			if typ, id, ok := domain.ParseGlobalID(it.Link); !ok || (typ != "Topic" && typ != "Resolution") || !id.Valid() {
				return Finance{}, domain.InvalidField(field("link"), "关联须为议题或决议", "the link must be a topic or a resolution")
			}
		}
		if it.Direction == Income {
			f.Income += it.Amount
		} else {
			f.Expense += it.Amount
		}
		if f.Income > MaxFen || f.Expense > MaxFen {
			return Finance{}, domain.InvalidField(field("amount"), "合计金额过大（最多 %s 元）", "the total is too large (at most %s yuan)", FormatYuan(MaxFen))
		}
		f.Items[i] = it
	}
	f.Closing = f.Opening + f.Income - f.Expense
	if err := checkBalance("openingBalance", f.Closing); err != nil {
		return Finance{}, err
	}
	sortItems(f.Items)
	return f, nil
}

// sortItems puts items in date order, keeping the order entered within a
// day.
func sortItems(items []Item) {
	slices.SortStableFunc(items, func(a, b Item) int { return a.Date.Compare(b.Date) })
}

// checkURL checks a link typed or pasted: http or https, at most 2,000
// bytes. Errors: Invalid about field.
func checkURL(field, s string) (string, error) {
	s = text.Clean(s)
	u, err := url.Parse(s)
	if err != nil || len(s) > 2000 || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", domain.InvalidField(field, "链接须以 http:// 或 https:// 开头", "the link must start with http:// or https://")
	}
	return s, nil
}
