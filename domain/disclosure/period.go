package disclosure

import (
	"fmt"
	"strconv"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Date is a calendar day, not an instant: periods and finance items are
// dated in the community's zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date written 2006-01-02.
func ParseDate(s string) (Date, bool) {
	if len(s) != 10 {
		return Date{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, false
	}
	return dateOf(t), true
}

// DateOf returns the day t falls on in loc.
func DateOf(t time.Time, loc *time.Location) Date { return dateOf(t.In(loc)) }

func dateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// String writes the date as 2006-01-02 (empty for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Valid reports whether d is a day of the calendar in the years 1900 to
// 9999.
func (d Date) Valid() bool {
	return d.Year >= 1900 && d.Year <= 9999 && d == dateOf(d.utc())
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date {
	return dateOf(time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC))
}

// Compare returns -1, 0 or 1 as d is before, on or after e.
func (d Date) Compare(e Date) int {
	return d.utc().Compare(e.utc())
}

// Start returns the first instant of the day in loc.
func (d Date) Start(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

func (d Date) utc() time.Time { return d.Start(time.UTC) }

// Unit is how long a period is.
type Unit string

// Period units.
const (
	Month   Unit = "month"   // 2026-10
	Quarter Unit = "quarter" // 2026-Q4
	Day     Unit = "day"     // 2026-10-15: an event or a decision
)

// Period is a disclosure's period as written: a month "2026-10", a quarter
// "2026-Q4" or a day "2026-10-15". Only ParsePeriod's canonical forms are
// periods; the methods of anything else return zero values.
type Period string

// MonthPeriod returns the month of d.
func MonthPeriod(d Date) Period { return Period(fmt.Sprintf("%04d-%02d", d.Year, d.Month)) }

// QuarterPeriod returns the quarter of d.
func QuarterPeriod(d Date) Period {
	return Period(fmt.Sprintf("%04d-Q%d", d.Year, (int(d.Month)-1)/3+1))
}

// DayPeriod returns the day d as a period.
func DayPeriod(d Date) Period { return Period(d.String()) }

// PeriodOf returns the period of unit u that holds d.
func PeriodOf(u Unit, d Date) Period {
	switch u {
	case Month:
		return MonthPeriod(d)
	case Quarter:
		return QuarterPeriod(d)
	}
	return DayPeriod(d)
}

// ParsePeriod reads a period in its canonical form. Errors: Invalid
// (field period).
func ParsePeriod(s string) (Period, error) {
	p := Period(s)
	if _, _, _, ok := p.parse(); !ok {
		return "", domain.InvalidField("period", "期间格式应为 2026-10（月）、2026-Q4（季度）或 2026-10-15（日）", "the period must be written 2026-10 (a month), 2026-Q4 (a quarter) or 2026-10-15 (a day)")
	}
	return p, nil
}

// parse splits p into its unit and its first and last days.
func (p Period) parse() (u Unit, first, last Date, ok bool) {
	s := string(p)
	year := func(s string) (int, bool) {
		y, err := strconv.Atoi(s)
		return y, err == nil && len(s) == 4 && y >= 1900 && y <= 9999
	}
	switch {
	case len(s) == 7 && s[4] == '-' && s[5] == 'Q':
		y, ok := year(s[:4])
		q := int(s[6] - '0')
		if !ok || q < 1 || q > 4 {
			return "", Date{}, Date{}, false
		}
		first = Date{y, time.Month(3*q - 2), 1}
		return Quarter, first, lastOfMonth(Date{y, time.Month(3 * q), 1}), true
	case len(s) == 7 && s[4] == '-':
		y, ok := year(s[:4])
		m, err := strconv.Atoi(s[5:])
		if !ok || err != nil || s[5] < '0' || s[5] > '1' || m < 1 || m > 12 {
			return "", Date{}, Date{}, false
		}
		first = Date{y, time.Month(m), 1}
		return Month, first, lastOfMonth(first), true
	case len(s) == 10:
		d, ok := ParseDate(s)
		if _, yok := year(s[:4]); !ok || !yok {
			return "", Date{}, Date{}, false
		}
		return Day, d, d, true
	}
	return "", Date{}, Date{}, false
}

func lastOfMonth(d Date) Date {
	return dateOf(time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC))
}

// Unit returns the period's unit.
func (p Period) Unit() Unit { u, _, _, _ := p.parse(); return u }

// First returns the period's first day.
func (p Period) First() Date { _, f, _, _ := p.parse(); return f }

// Last returns the period's last day.
func (p Period) Last() Date { _, _, l, _ := p.parse(); return l }

// Contains reports whether d falls within the period.
func (p Period) Contains(d Date) bool {
	_, f, l, ok := p.parse()
	return ok && f.Compare(d) <= 0 && d.Compare(l) <= 0
}

// Prev returns the period of the same unit just before p.
func (p Period) Prev() Period { return PeriodOf(p.Unit(), p.First().AddDays(-1)) }

// Next returns the period of the same unit just after p.
func (p Period) Next() Period { return PeriodOf(p.Unit(), p.Last().AddDays(1)) }

// Label returns the period for people: 2026年10月, 2026年第4季度,
// 2026年10月15日.
func (p Period) Label() domain.Text {
	u, f, _, ok := p.parse()
	switch {
	case !ok:
		return domain.Text{ZH: string(p), EN: string(p)}
	case u == Month:
		return domain.Text{ZH: fmt.Sprintf("%d年%d月", f.Year, f.Month), EN: fmt.Sprintf("%s %d", f.Month, f.Year)}
	case u == Quarter:
		q := (int(f.Month)-1)/3 + 1
		return domain.Text{ZH: fmt.Sprintf("%d年第%d季度", f.Year, q), EN: fmt.Sprintf("Q%d %d", q, f.Year)}
	}
	return domain.Text{ZH: fmt.Sprintf("%d年%d月%d日", f.Year, f.Month, f.Day), EN: f.String()}
}
