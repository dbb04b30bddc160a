package domain_test

import (
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
)

func TestUniqueIDs(t *testing.T) {
	got, err := domain.UniqueIDs("ids", []domain.ID{"b", "a", "b", "b", "c", "a"}, 3)
	if err != nil || !slices.Equal(got, []domain.ID{"b", "a", "c"}) {
		t.Errorf("UniqueIDs = %v, %v; want [b a c]", got, err)
	}
	_, err = domain.UniqueIDs("ids", []domain.ID{"a", "b", "c", "d"}, 3)
	if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Field != "ids" {
		t.Errorf("4 distinct IDs, max 3: %v, want Invalid on ids", err)
	}
}

func TestTimeWithin(t *testing.T) {
	now := time.Date(2026, 11, 27, 6, 0, 0, 0, time.UTC)
	far, _ := time.Parse(time.RFC3339, "9999-12-31T23:59:59-23:59")
	tests := []struct {
		name string
		t    time.Time
		ok   bool
	}{
		{"OKNow", now, true},
		{"OKNineYearsOn", now.AddDate(9, 0, 0), true},
		{"OKMonthBack", now.AddDate(0, -1, 0), true},
		{"ErrElevenYearsOn", now.AddDate(11, 0, 0), false},
		{"ErrYear10000", far, false},
		{"ErrBefore1900", time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"ErrTwoYearsBack", now.AddDate(-2, 0, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.TimeWithin("due", tt.t, now, domain.YearBack, domain.TenYearsOn)
			if (err == nil) != tt.ok {
				t.Fatalf("TimeWithin(%v) = %v, want ok=%v", tt.t, err, tt.ok)
			}
			if e, isE := domain.AsError(err); err != nil && (!isE || e.Field != "due" || e.Code != domain.Invalid) {
				t.Errorf("error = %v, want Invalid on due", err)
			}
		})
	}
}
