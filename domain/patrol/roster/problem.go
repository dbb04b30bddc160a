package roster

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// chinaTime is China Standard Time, the zone used when the input names none.
var chinaTime = time.FixedZone("CST", 8*60*60)

// Limits on the input.
const (
	maxShiftLength = 24 * time.Hour
	restAfterNight = 12 * time.Hour
	maxWeight      = 1000
)

// milli is a weight or a load in thousandths: loads add up exactly.
type milli = int64

// exclusion causes: why a member cannot take a shift at all, in the order they
// are counted.
const (
	exNights = iota
	exDayOff
	exDateOff
	exUnavailable
	exCauses
)

// problem is an Input checked and prepared for building: members sorted by
// ID, shifts by start then ID.
type problem struct {
	members []*Member
	shifts  []*Shift
	zone    *time.Location

	from, to, ext []int64 // each shift in Unix seconds; ext is to, plus the rest after a night shift
	weight        []milli
	min, max      []int
	week          []int32 // the shift's week: its index among the weeks that have shifts
	weeks         int
	route         []int32 // index into routes
	day           []time.Weekday
	routes        []string // the shifts' route IDs, sorted

	elig     [][]int32         // elig[s]: members who can take shift s on their own, ascending
	eligOf   [][]int32         // eligOf[m]: shifts member m can take on their own, ascending
	isElig   []uint64          // bitset of m*len(shifts)+s
	excluded [][exCauses]int32 // excluded[s][c]: members kept off s, first by cause c
	pref     []int8            // pref[m*len(shifts)+s]: m's preference points for s
	limit    []int             // MaxPerWeek of each member
	prev     map[pairKey]bool  // previous partners; route -1 for any route
	partners [][]int32         // partners[m]: m's previous partners, ascending
	rng      *rand.Rand
}

// pairKey is a pair of members, a < b, on a route.
type pairKey struct{ route, a, b int32 }

func newPairKey(route, a, b int32) pairKey {
	if a > b {
		a, b = b, a
	}
	return pairKey{route, a, b}
}

// newProblem checks in and prepares it; it returns an Invalid *domain.Error
// about the first invalid field.
func newProblem(in Input) (*problem, error) {
	if err := validate(in); err != nil {
		return nil, err
	}
	p := &problem{zone: cmp.Or(in.Zone, chinaTime)}
	for i := range in.Members {
		p.members = append(p.members, &in.Members[i])
	}
	slices.SortFunc(p.members, func(a, b *Member) int { return cmp.Compare(a.ID, b.ID) })
	for i := range in.Shifts {
		p.shifts = append(p.shifts, &in.Shifts[i])
	}
	slices.SortFunc(p.shifts, func(a, b *Shift) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID))
	})

	sum := sha256.Sum256([]byte(in.Seed))
	p.rng = rand.New(rand.NewPCG(binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])))

	p.prepareShifts()
	p.prepareMembers()
	return p, nil
}

func (p *problem) prepareShifts() {
	n := len(p.shifts)
	p.from, p.to, p.ext = make([]int64, n), make([]int64, n), make([]int64, n)
	p.weight, p.min, p.max = make([]milli, n), make([]int, n), make([]int, n)
	p.week, p.route, p.day = make([]int32, n), make([]int32, n), make([]time.Weekday, n)
	var routes []string
	for _, sh := range p.shifts {
		routes = append(routes, sh.RouteID)
	}
	slices.Sort(routes)
	routes = slices.Compact(routes)
	weekNo := make([]int64, n)
	for s, sh := range p.shifts {
		p.from[s], p.to[s], p.ext[s] = sh.Start.Unix(), sh.End.Unix(), sh.End.Unix()
		if sh.Night {
			p.ext[s] += int64(restAfterNight / time.Second)
		}
		p.weight[s] = toMilli(sh.Weight)
		p.min[s], p.max[s] = sh.Min, sh.Max
		r, _ := slices.BinarySearch(routes, sh.RouteID)
		p.route[s] = int32(r)
		local := sh.Start.In(p.zone)
		p.day[s] = local.Weekday()
		weekNo[s] = weekOf(civilDay(local))
	}
	weeks := slices.Compact(slices.Sorted(slices.Values(weekNo)))
	p.weeks = len(weeks)
	for s := range weekNo {
		w, _ := slices.BinarySearch(weeks, weekNo[s])
		p.week[s] = int32(w)
	}
	p.routes = routes
}

func (p *problem) prepareMembers() {
	nm, ns := len(p.members), len(p.shifts)
	p.elig = make([][]int32, ns)
	p.eligOf = make([][]int32, nm)
	p.isElig = make([]uint64, (nm*ns+63)/64)
	p.excluded = make([][exCauses]int32, ns)
	p.pref = make([]int8, nm*ns)
	p.limit = make([]int, nm)
	p.prev = map[pairKey]bool{}
	p.partners = make([][]int32, nm)
	byID := make(map[string]int32, nm)
	for m, mb := range p.members {
		byID[mb.ID] = int32(m)
	}
	segs := make([][]segment, ns)
	for s, sh := range p.shifts {
		segs[s] = segments(sh.Start, sh.End, p.zone)
	}
	for m, mb := range p.members {
		p.limit[m] = mb.MaxPerWeek
		av := newAvailability(mb)
		for s, sh := range p.shifts {
			if c := av.exclude(sh, segs[s]); c >= 0 {
				p.excluded[s][c]++
				continue
			}
			p.elig[s] = append(p.elig[s], int32(m))
			p.eligOf[m] = append(p.eligOf[m], int32(s))
			k := m*ns + s
			p.isElig[k/64] |= 1 << (k % 64)
			p.pref[k] = av.points(sh, p.day[s])
		}
		for _, pt := range mb.Partners {
			o, ok := byID[pt.MemberID]
			if !ok || int(o) == m {
				continue
			}
			route := int32(-1)
			if pt.RouteID != "" {
				r, found := slices.BinarySearch(p.routes, pt.RouteID)
				if !found {
					continue
				}
				route = int32(r)
			}
			p.prev[newPairKey(route, int32(m), o)] = true
			p.partners[m] = append(p.partners[m], o)
			p.partners[o] = append(p.partners[o], int32(m))
		}
	}
	for m := range p.partners {
		slices.Sort(p.partners[m])
		p.partners[m] = slices.Compact(p.partners[m])
	}
}

// eligible reports whether member m can take shift s on their own.
func (p *problem) eligible(m int32, s int) bool {
	k := int(m)*len(p.shifts) + s
	return p.isElig[k/64]&(1<<(k%64)) != 0
}

// prefers returns m's preference points for s.
func (p *problem) prefers(m int32, s int) int {
	return int(p.pref[int(m)*len(p.shifts)+s])
}

// conflict reports whether one member cannot take both shifts s and t: they
// overlap, or one starts less than 12 hours after the other, a night shift,
// ends. Stretching each night shift's end by the rest makes this an overlap.
func (p *problem) conflict(s, t int) bool {
	return p.from[s] < p.ext[t] && p.from[t] < p.ext[s]
}

// continued reports whether the pair k patrolled its route together before
// this roster.
func (p *problem) continued(k pairKey) bool {
	return p.prev[k] || p.prev[pairKey{-1, k.a, k.b}]
}

// toMilli converts a valid weight to thousandths.
func toMilli(w float64) milli { return milli(math.Round(w * 1000)) }

// fromMilli converts thousandths back.
func fromMilli(x milli) float64 { return float64(x) / 1000 }

// civilDay returns the days from 1970-01-01 to t's date on t's clock.
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// weekOf returns the week of a civil day, weeks starting on Monday: day 0,
// 1970-01-01, was a Thursday.
func weekOf(day int64) int64 {
	d := day + 3
	if d < 0 {
		return (d - 6) / 7
	}
	return d / 7
}

// validate returns an Invalid *domain.Error about the first invalid field of
// in, members first.
func validate(in Input) error {
	ids := make(map[string]bool, len(in.Members))
	for i, mb := range in.Members {
		f := func(name string) string { return fieldName("members", i, name) }
		switch {
		case mb.ID == "":
			return domain.InvalidField(f("id"), "队员编号不能为空", "a member needs an ID")
		case ids[mb.ID]:
			return domain.InvalidField(f("id"), "队员编号 %s 重复", "member ID %s appears twice", mb.ID)
		case mb.MaxPerWeek < 0:
			return domain.InvalidField(f("maxPerWeek"), "每周班次上限不能为负数", "the weekly limit cannot be negative")
		}
		ids[mb.ID] = true
		for j, sl := range mb.Weekly {
			if !validDay(sl.Day) || sl.Start < 0 || sl.End > 1440 || sl.Start >= sl.End {
				return domain.InvalidField(fieldName(f("weekly"), j, ""),
					"可巡逻时段无效：须在同一天内，开始早于结束", "invalid weekly slot: it must lie within a day, its start before its end")
			}
		}
		for _, days := range []struct {
			name string
			list []time.Weekday
		}{{"daysOff", mb.DaysOff}, {"preferDays", mb.PreferDays}} {
			for j, d := range days.list {
				if !validDay(d) {
					return domain.InvalidField(fieldName(f(days.name), j, ""), "星期无效", "invalid weekday")
				}
			}
		}
		for j, d := range mb.DatesOff {
			if !d.valid() {
				return domain.InvalidField(fieldName(f("datesOff"), j, ""), "日期无效", "invalid date")
			}
		}
	}
	ids = make(map[string]bool, len(in.Shifts))
	for i, sh := range in.Shifts {
		f := func(name string) string { return fieldName("shifts", i, name) }
		switch {
		case sh.ID == "":
			return domain.InvalidField(f("id"), "班次编号不能为空", "a shift needs an ID")
		case ids[sh.ID]:
			return domain.InvalidField(f("id"), "班次编号 %s 重复", "shift ID %s appears twice", sh.ID)
		case !sh.End.After(sh.Start):
			return domain.InvalidField(f("end"), "班次 %s 的结束时间须晚于开始时间", "shift %s must end after it starts", sh.ID)
		case sh.End.Sub(sh.Start) > maxShiftLength:
			return domain.InvalidField(f("end"), "班次 %s 超过 24 小时", "shift %s lasts more than 24 hours", sh.ID)
		case sh.Max < 1:
			return domain.InvalidField(f("max"), "班次 %s 至少要有一个岗位", "shift %s needs at least one position", sh.ID)
		case sh.Min < 0 || sh.Min > sh.Max:
			return domain.InvalidField(f("min"), "班次 %s 的最少人数须在 0 到最多人数之间", "shift %s needs a minimum between 0 and its maximum", sh.ID)
		case !(sh.Weight > 0) || sh.Weight > maxWeight || toMilli(sh.Weight) < 1:
			return domain.InvalidField(f("weight"), "班次 %s 的权重须为 0.001 到 1000 之间的正数", "shift %s needs a weight from 0.001 to 1000", sh.ID)
		}
		ids[sh.ID] = true
	}
	return nil
}

func fieldName(list string, i int, name string) string {
	s := list + "[" + strconv.Itoa(i) + "]"
	if name != "" {
		s += "." + name
	}
	return s
}

func validDay(d time.Weekday) bool { return d >= time.Sunday && d <= time.Saturday }

func (d Date) valid() bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return d.Year >= 1900 && d.Year <= 9999 && t.Year() == d.Year && t.Month() == d.Month && t.Day() == d.Day
}
