package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// financeValue is a version's finance figures with the version they belong
// to, so that its items can be read when the version came without them.
type financeValue struct {
	versionID domain.ID
	disclosure.Finance
}

// buildDisclosureVersions builds DisclosureVersion and what it holds:
// the power item, the finance figures and items, attachments and diffs.
func (b *builder) buildDisclosureVersions() {
	t := typesOf[disclosureTypes](b)
	power := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosurePower", Description: "What a power item (权力事项) discloses about the decision.",
		Fields: graphql.Fields{
			"decision":  {Type: nonNull(graphql.String), Description: "What was decided.", Resolve: field(func(p disclosure.Power) any { return p.Decision })},
			"decidedBy": {Type: nonNull(graphql.String), Description: "Who decided: a role or a body, such as 村民代表会议.", Resolve: field(func(p disclosure.Power) any { return p.DecidedBy })},
			"basis":     {Type: nonNull(graphql.String), Description: "The rule or resolution it rests on.", Resolve: field(func(p disclosure.Power) any { return p.Basis })},
			"amount":    yuanField("The money involved, \"0.00\" when none.", func(p disclosure.Power) int64 { return p.Amount }),
		}})
	t.item = graphql.NewObject(graphql.ObjectConfig{Name: "FinanceItem", Description: "One line of a finance disclosure.",
		Fields: graphql.Fields{
			"key": {Type: nonNull(graphql.String), Description: "The item's identity across versions: a correction that keeps it shows the item changed, not removed and added.",
				Resolve: field(func(it disclosure.Item) any { return it.ID })},
			"date":         {Type: nonNull(graphql.String), Description: "2006-01-02, within the period.", Resolve: field(func(it disclosure.Item) any { return it.Date.String() })},
			"direction":    {Type: nonNull(t.direction), Resolve: field(func(it disclosure.Item) any { return it.Direction })},
			"category":     {Type: nonNull(graphql.String), Description: "The code of its account (Community.financeCategories).", Resolve: field(func(it disclosure.Item) any { return it.Category })},
			"amount":       yuanField("Always more than zero: direction says which way it went.", func(it disclosure.Item) int64 { return it.Amount }),
			"counterparty": {Type: nonNull(graphql.String), Resolve: field(func(it disclosure.Item) any { return it.Counterparty })},
			"voucher":      {Type: nonNull(graphql.String), Description: "The voucher number (凭证号).", Resolve: field(func(it disclosure.Item) any { return it.Voucher })},
			"link":         {Type: graphql.ID, Description: "The global ID of the topic or resolution the money served; null for none.", Resolve: field(func(it disclosure.Item) any { return nilString(it.Link) })},
			"note":         {Type: nonNull(graphql.String), Resolve: field(func(it disclosure.Item) any { return it.Note })},
		}})
	finance := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureFinance", Description: "A finance version's figures, exact in fen: closingBalance = openingBalance + incomeTotal − expenseTotal.",
		Fields: graphql.Fields{
			"openingBalance": yuanField("The balance at the start of the period, equal to the previous period's published closing balance; may be negative.", func(f financeValue) int64 { return f.Opening }),
			"incomeTotal":    yuanField("The sum of the income items.", func(f financeValue) int64 { return f.Income }),
			"expenseTotal":   yuanField("The sum of the expense items.", func(f financeValue) int64 { return f.Expense }),
			"closingBalance": yuanField("The balance at the end of the period; may be negative.", func(f financeValue) int64 { return f.Closing }),
			"itemCount":      {Type: nonNull(graphql.Int), Resolve: field(func(f financeValue) any { return f.ItemCount })},
			"items": {Type: listOf(t.item), Description: "In date order. A version in a list comes without its items, which then cost a query.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					f, err := source[financeValue](p)
					if err != nil || f.Items != nil || f.ItemCount == 0 {
						return orEmpty(f.Items), err
					}
					v, err := b.svc.Disclosure.Version(p.Context, f.versionID)
					if err != nil || v.Content.Finance == nil {
						return []disclosure.Item{}, err
					}
					return orEmpty(v.Content.Finance.Items), nil
				}},
		}})
	t.attachment = graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureAttachment", Description: "A file a version links to, with the SHA-256 and size it had when attached: anyone can check that the file behind the link is still the one published.",
		Fields: graphql.Fields{
			"url":        {Type: nonNull(graphql.String), Resolve: field(func(a disclosure.Attachment) any { return a.URL })},
			"name":       {Type: nonNull(graphql.String), Resolve: field(func(a disclosure.Attachment) any { return a.Name })},
			"sha256":     {Type: nonNull(graphql.String), Description: "64 lowercase hex digits.", Resolve: field(func(a disclosure.Attachment) any { return a.SHA256 })},
			"size":       {Type: nonNull(graphql.Int), Description: "In bytes, at most 1 GiB.", Resolve: field(func(a disclosure.Attachment) any { return a.Size })},
			"attachedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(a disclosure.Attachment) any { return a.AttachedAt })},
		}})
	t.version = graphql.NewObject(graphql.ObjectConfig{
		Name:        "DisclosureVersion",
		Description: "One version of a disclosure. A published version never changes; a correction or withdrawal is a new version with a reason. Public once published; a draft is its editors' alone.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: b.fieldsOf("DisclosureVersion", func() graphql.Fields {
			return graphql.Fields{
				"id":         idField("DisclosureVersion", func(v disclosure.Version) domain.ID { return v.ID }),
				"disclosure": {Type: nonNull(t.disclosure), Resolve: loadField(disclosuresOf, func(v disclosure.Version) domain.ID { return v.DisclosureID })},
				"kind":       {Type: nonNull(t.kind), Resolve: field(func(v disclosure.Version) any { return v.Kind })},
				"period":     {Type: nonNull(t.period), Resolve: field(func(v disclosure.Version) any { return v.Period })},
				"number":     {Type: nonNull(graphql.Int), Description: "1, 2, 3… per disclosure.", Resolve: field(func(v disclosure.Version) any { return v.Number })},
				"type":       {Type: nonNull(t.versionType), Resolve: field(func(v disclosure.Version) any { return v.Type })},
				"state":      {Type: nonNull(t.versionState), Resolve: field(func(v disclosure.Version) any { return v.State })},
				"reason":     {Type: graphql.String, Description: "Why a correction or withdrawal was made; null for the first version.", Resolve: field(func(v disclosure.Version) any { return nilString(v.Reason) })},
				"title":      {Type: nonNull(graphql.String), Resolve: field(func(v disclosure.Version) any { return v.Content.Title })},
				"body":       {Type: nonNull(graphql.String), Resolve: field(func(v disclosure.Version) any { return v.Content.Body })},
				"power": {Type: power, Description: "A power item's decision; null for other kinds.", Resolve: field(func(v disclosure.Version) any {
					if v.Content.Power == nil {
						return nil
					}
					return *v.Content.Power
				})},
				"finance": {Type: finance, Description: "A finance version's figures; null for other kinds and for a withdrawal.", Resolve: field(func(v disclosure.Version) any {
					if v.Content.Finance == nil {
						return nil
					}
					return financeValue{versionID: v.ID, Finance: *v.Content.Finance}
				})},
				"attachments": {Type: listOf(t.attachment), Resolve: field(func(v disclosure.Version) any { return orEmpty(v.Content.Attachments) })},
				"contentHash": {Type: graphql.String, Description: "Hex SHA-256 of the version's canonical content, as the public record (公信链) holds it; null for a draft.",
					Resolve: field(func(v disclosure.Version) any { return nilString(v.ContentHash) })},
				"createdAt":   {Type: nonNull(graphql.DateTime), Resolve: field(func(v disclosure.Version) any { return v.CreatedAt })},
				"updatedAt":   {Type: nonNull(graphql.DateTime), Resolve: field(func(v disclosure.Version) any { return v.UpdatedAt })},
				"publishedAt": {Type: graphql.DateTime, Resolve: field(func(v disclosure.Version) any { return nilTime(v.PublishedAt) })},
				"readCount": {Type: nonNull(graphql.Int), Description: "Online reads of this version (countDisclosureRead).",
					Resolve: loadField(readCountsOf, func(v disclosure.Version) domain.ID { return v.ID })},
				"diff": {
					Type:        t.diff,
					Description: "What changed from the version against to this one; without against, from the published version before it (null for the first).",
					Args:        graphql.FieldConfigArgument{"against": {Type: graphql.ID, Description: "Another version of the same disclosure."}},
					Resolve:     b.resolveDiff,
				},
			}
		}),
	})
	b.buildDiff()
}

// orEmpty turns a nil slice into an empty one, for a non-null list.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (b *builder) buildDiff() {
	t := typesOf[disclosureTypes](b)
	fieldChange := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureFieldChange", Description: "A one-line field's value before and after.",
		Fields: graphql.Fields{
			"field": {Type: nonNull(graphql.String), Description: "title, type, reason, power.decision, power.decidedBy, power.basis or power.amount (in yuan).",
				Resolve: field(func(c disclosure.FieldChange) any { return c.Field })},
			"from": {Type: nonNull(graphql.String), Resolve: field(func(c disclosure.FieldChange) any { return c.From })},
			"to":   {Type: nonNull(graphql.String), Resolve: field(func(c disclosure.FieldChange) any { return c.To })},
		}})
	line := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureDiffLine", Description: "A line of the body, kept, added or removed.",
		Fields: graphql.Fields{
			"op":   {Type: nonNull(t.lineOp), Resolve: field(func(l disclosure.LineChange) any { return l.Op })},
			"text": {Type: nonNull(graphql.String), Resolve: field(func(l disclosure.LineChange) any { return l.Text })},
		}})
	amount := graphql.NewObject(graphql.ObjectConfig{Name: "AmountChange", Description: "A figure before and after, in yuan with two decimals.",
		Fields: graphql.Fields{
			"from":    yuanField("Before.", func(a disclosure.AmountChange) int64 { return a.From }),
			"to":      yuanField("After.", func(a disclosure.AmountChange) int64 { return a.To }),
			"changed": {Type: nonNull(graphql.Boolean), Resolve: field(func(a disclosure.AmountChange) any { return a.Changed() })},
		}})
	itemChange := graphql.NewObject(graphql.ObjectConfig{Name: "FinanceItemChange", Description: "An item before and after, with the fields that changed.",
		Fields: graphql.Fields{
			"from": {Type: nonNull(t.item), Resolve: field(func(c disclosure.ItemChange) any { return c.From })},
			"to":   {Type: nonNull(t.item), Resolve: field(func(c disclosure.ItemChange) any { return c.To })},
			"fields": {Type: listOf(graphql.String), Description: "Of date, direction, category, amount, counterparty, voucher, link, note.",
				Resolve: field(func(c disclosure.ItemChange) any { return c.Fields })},
		}})
	financeDiff := graphql.NewObject(graphql.ObjectConfig{Name: "FinanceDiff", Description: "What changed in the items (matched by key) and the totals.",
		Fields: graphql.Fields{
			"added":          {Type: listOf(t.item), Resolve: field(func(d disclosure.FinanceDiff) any { return orEmpty(d.Added) })},
			"removed":        {Type: listOf(t.item), Resolve: field(func(d disclosure.FinanceDiff) any { return orEmpty(d.Removed) })},
			"changed":        {Type: listOf(itemChange), Resolve: field(func(d disclosure.FinanceDiff) any { return orEmpty(d.Changed) })},
			"openingBalance": {Type: nonNull(amount), Resolve: field(func(d disclosure.FinanceDiff) any { return d.Opening })},
			"incomeTotal":    {Type: nonNull(amount), Resolve: field(func(d disclosure.FinanceDiff) any { return d.Income })},
			"expenseTotal":   {Type: nonNull(amount), Resolve: field(func(d disclosure.FinanceDiff) any { return d.Expense })},
			"closingBalance": {Type: nonNull(amount), Resolve: field(func(d disclosure.FinanceDiff) any { return d.Closing })},
		}})
	t.diff = graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureDiff", Description: "What changed from one version of a disclosure to another.",
		Fields: graphql.Fields{
			"from":   {Type: nonNull(t.version), Resolve: field(func(d disclosure.Diff) any { return d.From })},
			"to":     {Type: nonNull(t.version), Resolve: field(func(d disclosure.Diff) any { return d.To })},
			"fields": {Type: listOf(fieldChange), Description: "The one-line fields that changed.", Resolve: field(func(d disclosure.Diff) any { return orEmpty(d.Fields) })},
			"lines":  {Type: listOf(line), Description: "The body, line by line.", Resolve: field(func(d disclosure.Diff) any { return orEmpty(d.Lines) })},
			"finance": {Type: financeDiff, Description: "Null when neither version has finance figures.", Resolve: field(func(d disclosure.Diff) any {
				if d.Finance == nil {
					return nil
				}
				return *d.Finance
			})},
			"attachmentsAdded":   {Type: listOf(t.attachment), Resolve: field(func(d disclosure.Diff) any { return orEmpty(d.AttachmentsAdded) })},
			"attachmentsRemoved": {Type: listOf(t.attachment), Resolve: field(func(d disclosure.Diff) any { return orEmpty(d.AttachmentsRemoved) })},
		}})
}

// resolveDiff diffs a version against another, by default the published
// version before it.
func (b *builder) resolveDiff(p graphql.ResolveParams) (any, error) {
	v, err := source[disclosure.Version](p)
	if err != nil {
		return nil, err
	}
	var against domain.ID
	if _, given := p.Args["against"]; given {
		if against, err = argID(p, "against", "DisclosureVersion"); err != nil {
			return nil, err
		}
	} else {
		versions, err := b.svc.Disclosure.Versions(p.Context, v.DisclosureID)
		if err != nil {
			return nil, err
		}
		for _, o := range versions {
			if o.Number < v.Number && o.State == disclosure.VersionPublished {
				against = o.ID
			}
		}
		if against == "" {
			return nil, nil
		}
	}
	d, err := b.svc.Disclosure.Diff(p.Context, against, v.ID)
	return d, asInputField(err, "to", "against")
}
