package disclosure

import (
	"context"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// Diff is what changed from one version of a disclosure to another, as
// plain data for the page to show.
type Diff struct {
	From, To Version // without their finance items
	// Fields are the one-line fields that changed: title, reason, type and
	// a power item's power.decision, power.decidedBy, power.basis,
	// power.amount (in yuan).
	Fields []FieldChange
	// Lines is the body, line by line, each kept, added or removed.
	Lines              []LineChange
	Finance            *FinanceDiff // when either version has finance figures
	AttachmentsAdded   []Attachment
	AttachmentsRemoved []Attachment
}

// FieldChange is a field's value before and after.
type FieldChange struct {
	Field    string
	From, To string
}

// LineOp says what happened to a line.
type LineOp string

// Line operations.
const (
	LineKept    LineOp = "kept"
	LineAdded   LineOp = "added"
	LineRemoved LineOp = "removed"
)

// LineChange is one line of a diff of the body.
type LineChange struct {
	Op   LineOp
	Text string
}

// FinanceDiff is what changed in a finance version's items and totals.
// Items are matched by ID.
type FinanceDiff struct {
	Added   []Item
	Removed []Item
	Changed []ItemChange
	Opening AmountChange
	Income  AmountChange
	Expense AmountChange
	Closing AmountChange
}

// ItemChange is an item before and after, with the fields that changed.
type ItemChange struct {
	From, To Item
	Fields   []string // date, direction, category, amount, counterparty, voucher, link, note
}

// AmountChange is a figure in fen before and after.
type AmountChange struct{ From, To int64 }

// Changed reports whether the figure changed.
func (a AmountChange) Changed() bool { return a.From != a.To }

// Diff compares two versions of one disclosure that the actor may read.
// Errors: NotFound, Invalid (versions of different disclosures).
func (s *Service) Diff(ctx context.Context, fromID, toID domain.ID) (Diff, error) {
	a, err := s.Version(ctx, fromID)
	if err != nil {
		return Diff{}, err
	}
	b, err := s.Version(ctx, toID)
	if err != nil {
		return Diff{}, err
	}
	if a.DisclosureID != b.DisclosureID {
		return Diff{}, domain.InvalidField("to", "只能比较同一公开事项的版本", "compare versions of one disclosure")
	}
	return DiffVersions(a, b), nil
}

// DiffVersions compares version a with version b.
func DiffVersions(a, b Version) Diff {
	d := Diff{From: headOf(a), To: headOf(b)}
	field := func(name, from, to string) {
		if from != to {
			d.Fields = append(d.Fields, FieldChange{Field: name, From: from, To: to})
		}
	}
	field("title", a.Content.Title, b.Content.Title)
	field("type", string(a.Type), string(b.Type))
	field("reason", a.Reason, b.Reason)
	pa, pb := a.Content.Power, b.Content.Power
	if pa == nil {
		pa = &Power{}
	}
	if pb == nil {
		pb = &Power{}
	}
	field("power.decision", pa.Decision, pb.Decision)
	field("power.decidedBy", pa.DecidedBy, pb.DecidedBy)
	field("power.basis", pa.Basis, pb.Basis)
	if pa.Amount != pb.Amount {
		field("power.amount", FormatYuan(pa.Amount), FormatYuan(pb.Amount))
	}
	d.Lines = diffLines(lines(a.Content.Body), lines(b.Content.Body))
	if a.Content.Finance != nil || b.Content.Finance != nil {
		d.Finance = diffFinance(a.Content.Finance, b.Content.Finance)
	}
	d.AttachmentsAdded, d.AttachmentsRemoved = diffAttachments(a.Content.Attachments, b.Content.Attachments)
	return d
}

// headOf is v without its finance items.
func headOf(v Version) Version {
	if v.Content.Finance != nil {
		f := *v.Content.Finance
		f.Items = nil
		v.Content.Finance = &f
	}
	return v
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// maxDiffCells bounds the table of the line diff: past it, the lines
// between the common head and tail show as removed, then added.
const maxDiffCells = 4 << 20

// diffLines diffs a against b by their longest common subsequence of
// lines, after taking off the lines they start and end with in common.
func diffLines(a, b []string) []LineChange {
	var out []LineChange
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		out = append(out, LineChange{LineKept, a[head]})
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	out = append(out, diffMiddle(ma, mb)...)
	for _, l := range a[len(a)-tail:] {
		out = append(out, LineChange{LineKept, l})
	}
	return out
}

// diffMiddle diffs lines that differ at both ends.
func diffMiddle(a, b []string) []LineChange {
	var out []LineChange
	if len(a)*len(b) > maxDiffCells {
		for _, l := range a {
			out = append(out, LineChange{LineRemoved, l})
		}
		for _, l := range b {
			out = append(out, LineChange{LineAdded, l})
		}
		return out
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, LineChange{LineKept, a[i]})
			i, j = i+1, j+1
		case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			out = append(out, LineChange{LineRemoved, a[i]})
			i++
		default:
			out = append(out, LineChange{LineAdded, b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, LineChange{LineRemoved, a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, LineChange{LineAdded, b[j]})
	}
	return out
}

// diffFinance compares two versions' finance figures; nil is none.
func diffFinance(a, b *Finance) *FinanceDiff {
	if a == nil {
		a = &Finance{}
	}
	if b == nil {
		b = &Finance{}
	}
	d := &FinanceDiff{
		Opening: AmountChange{a.Opening, b.Opening}, Income: AmountChange{a.Income, b.Income},
		Expense: AmountChange{a.Expense, b.Expense}, Closing: AmountChange{a.Closing, b.Closing},
	}
	before := make(map[string]Item, len(a.Items))
	for _, it := range a.Items {
		before[it.ID] = it
	}
	after := make(map[string]bool, len(b.Items))
	for _, it := range b.Items {
		after[it.ID] = true
		old, ok := before[it.ID]
		if !ok {
			d.Added = append(d.Added, it)
			continue
		}
		if fields := itemChanges(old, it); len(fields) > 0 {
			d.Changed = append(d.Changed, ItemChange{From: old, To: it, Fields: fields})
		}
	}
	for _, it := range a.Items {
		if !after[it.ID] {
			d.Removed = append(d.Removed, it)
		}
	}
	return d
}

// itemChanges names the fields in which two versions of an item differ.
func itemChanges(a, b Item) []string {
	var out []string
	for _, f := range []struct {
		name string
		same bool
	}{
		{"date", a.Date == b.Date}, {"direction", a.Direction == b.Direction}, {"category", a.Category == b.Category},
		{"amount", a.Amount == b.Amount}, {"counterparty", a.Counterparty == b.Counterparty}, {"voucher", a.Voucher == b.Voucher},
		{"link", a.Link == b.Link}, {"note", a.Note == b.Note},
	} {
		if !f.same {
			out = append(out, f.name)
		}
	}
	return out
}

// diffAttachments returns the attachments of b not in a and those of a
// not in b, a file being its link and hash.
func diffAttachments(a, b []Attachment) (added, removed []Attachment) {
	key := func(x Attachment) string { return x.URL + "\x00" + x.SHA256 }
	in := func(list []Attachment, x Attachment) bool {
		for _, y := range list {
			if key(x) == key(y) {
				return true
			}
		}
		return false
	}
	for _, x := range b {
		if !in(a, x) {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !in(b, x) {
			removed = append(removed, x)
		}
	}
	return added, removed
}
