package domain

// Paging limits for list queries.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Page asks for up to First records after the record with ID After, in
// ascending ID order (creation order). After is a cursor, not necessarily
// an ID made by NewID: composite keys page the same way.
type Page struct {
	First int
	After ID
}

// Validate checks the page size (1–100) and the cursor.
func (p Page) Validate() error {
	if p.First < 1 || p.First > MaxPageSize {
		return InvalidField("first", "每页数量须在 1 到 %d 之间", "first must be between 1 and %d", MaxPageSize)
	}
	if len(p.After) > 128 {
		return InvalidField("after", "分页游标无效", "invalid cursor")
	}
	return nil
}

// List is one page of records with the total count of matching records.
type List[T any] struct {
	Items       []T
	HasNextPage bool
	TotalCount  int
}
