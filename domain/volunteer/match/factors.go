package match

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// Factor maxima; they add up to 100.
const (
	maxSkills       = 25
	maxAvailability = 20
	maxDistance     = 20
	maxFairness     = 15
	maxReliability  = 10
	maxWeeklyLimit  = 10
)

// fairHours is the service in 30 days at which fairness gives no points.
const fairHours = 30

// factors appends v's six factors for o to dst; avail is the minutes of the
// window v is available.
func (o *occurrence) factors(dst []Factor, v *Volunteer, avail int) []Factor {
	return append(dst, o.skills(v), o.availability(avail), o.distance(v), fairness(v), reliability(v), o.weekly(v))
}

func (o *occurrence) skills(v *Volunteer) Factor {
	var zhBuf, enBuf [4]string
	zh, en := zhBuf[:0], enBuf[:0]
	pts, above := 10.0, 0
	for i, r := range o.Required {
		_, lv := holding(v, r, o.credential[i])
		above += lv - max(r.Level, 1)
		zh = append(zh, "具备必需技能 "+skillZH(r, lv))
		en = append(en, "has required skill "+skillEN(r, lv))
	}
	if len(o.Required) == 0 {
		zh, en = append(zh, "无必需技能"), append(en, "no required skill")
	}
	pts += float64(min(max(above, 0), 5))
	held := 0
	for _, p := range o.Preferred {
		switch st, lv := holding(v, p, o.Sensitive && p.Credentialed); st {
		case holds:
			held++
			zh = append(zh, "具备优选技能 "+skillZH(p, lv))
			en = append(en, "has preferred skill "+skillEN(p, lv))
		case unverified:
			zh = append(zh, "优选技能 "+p.zh()+" 资质未核验")
			en = append(en, "credential for preferred skill "+p.en()+" not verified")
		default:
			zh = append(zh, "缺少优选技能 "+p.zh())
			en = append(en, "lacks preferred skill "+p.en())
		}
	}
	if len(o.Preferred) == 0 {
		pts += 10
	} else {
		pts += 10 * float64(held) / float64(len(o.Preferred))
	}
	return factor(KeySkills, pts, maxSkills, strings.Join(zh, "；"), strings.Join(en, "; "))
}

func (o *occurrence) availability(avail int) Factor {
	pts := maxAvailability * float64(min(avail, o.minutes)) / float64(o.minutes)
	if avail >= o.minutes {
		return factor(KeyAvailability, pts, maxAvailability, "整个时段有空", "available for the whole window")
	}
	return factor(KeyAvailability, pts, maxAvailability,
		"可服务 "+hours(avail)+"/"+hours(o.minutes)+" 小时",
		"available "+hours(avail)+" of "+hours(o.minutes)+" h")
}

// distances are the distance factor's outcomes for o, best first.
func (o *occurrence) distances() [5]Factor {
	return [5]Factor{
		factor(KeyDistance, 20, maxDistance, "不限网格", "anywhere in the community"),
		factor(KeyDistance, 20, maxDistance, "住在同一微网格", "lives in the same micro-grid"),
		factor(KeyDistance, 12, maxDistance, "住在同一网格", "lives in the same grid"),
		factor(KeyDistance, 6, maxDistance, "愿意服务该网格", "will serve this grid"),
		factor(KeyDistance, 0, maxDistance, "其他网格", "lives in another grid"),
	}
}

func (o *occurrence) distance(v *Volunteer) Factor {
	switch {
	case o.Grid == "" && o.MicroGrid == "":
		return o.dist[0]
	case o.MicroGrid != "" && v.HomeMicroGrid == o.MicroGrid:
		return o.dist[1]
	case o.Grid != "" && v.HomeGrid == o.Grid:
		return o.dist[2]
	case o.Grid != "" && slices.Contains(v.Grids, o.Grid):
		return o.dist[3]
	}
	return o.dist[4]
}

func fairness(v *Volunteer) Factor {
	m := max(v.RecentMinutes, 0)
	pts := maxFairness * (1 - float64(min(m, fairHours*60))/(fairHours*60))
	zh, en := "较多", "a lot"
	switch {
	case m < 8*60:
		zh, en = "较少", "little"
	case m < 20*60:
		zh, en = "适中", "moderate"
	}
	return factor(KeyFairness, pts, maxFairness,
		"近30天服务 "+hours(m)+" 小时，"+zh,
		"served "+hours(m)+" h in the last 30 days ("+en+")")
}

func reliability(v *Volunteer) Factor {
	ns, lc := max(v.NoShows, 0), max(v.LateCancels, 0)
	pts := max(maxReliability-4*ns-lc, 0)
	if ns == 0 && lc == 0 {
		return factor(KeyReliability, float64(pts), maxReliability, "无爽约或临时取消记录", "no no-shows or late cancellations")
	}
	return factor(KeyReliability, float64(pts), maxReliability,
		"爽约 "+strconv.Itoa(ns)+" 次，临时取消 "+strconv.Itoa(lc)+" 次",
		strconv.Itoa(ns)+" no-shows, "+strconv.Itoa(lc)+" late cancellations")
}

func (o *occurrence) weekly(v *Volunteer) Factor {
	if v.MaxWeekMinutes <= 0 {
		return factor(KeyWeeklyLimit, maxWeeklyLimit, maxWeeklyLimit, "未设每周上限", "no weekly limit")
	}
	week := max(v.WeekMinutes, 0)
	after := week + o.minutes
	pts := maxWeeklyLimit * max(1-float64(after)/float64(v.MaxWeekMinutes), 0)
	return factor(KeyWeeklyLimit, pts, maxWeeklyLimit,
		"本周已承诺 "+hours(week)+" 小时，加上本次共 "+hours(after)+" 小时（上限 "+hours(v.MaxWeekMinutes)+" 小时）",
		hours(week)+" h committed this week, "+hours(after)+" h with this need (limit "+hours(v.MaxWeekMinutes)+" h)")
}

// reasons appends to dst the explanations of the failed constraints f of v
// for o.
func (o *occurrence) reasons(dst []Reason, v *Volunteer, f fails, sc *scratch) []Reason {
	for i, c := range failCodes {
		if f&(1<<i) == 0 {
			continue
		}
		r := Reason{Code: c}
		switch c {
		case Paused:
			r.Text = txt("已暂停服务", "has paused volunteering")
		case Claimed:
			r.Text = txt("已认领该需求", "already claimed this need")
		case MissingSkill:
			var zhBuf, enBuf [4]string
			zh, en := zhBuf[:0], enBuf[:0]
			for j, n := range o.Required {
				if st, lv := holding(v, n, o.credential[j]); st == lacks && lv > 0 {
					zh = append(zh, n.zh()+"（需"+strconv.Itoa(n.Level)+"级，现为"+strconv.Itoa(lv)+"级）")
					en = append(en, n.en()+" (level "+strconv.Itoa(n.Level)+" needed, has "+strconv.Itoa(lv)+")")
				} else if st == lacks {
					zh = append(zh, skillZH(n, n.Level))
					en = append(en, skillEN(n, n.Level))
				}
			}
			r.Text = txt("缺少必需技能 "+strings.Join(zh, "、"), "lacks required skill "+strings.Join(en, ", "))
		case Unverified:
			r.Text = txt("敏感需求仅限身份已核验的志愿者", "a sensitive need takes only volunteers with verified identity")
		case UnverifiedCredential:
			var zhBuf, enBuf [4]string
			zh, en := zhBuf[:0], enBuf[:0]
			for j, n := range o.Required {
				if st, _ := holding(v, n, o.credential[j]); st == unverified {
					zh, en = append(zh, n.zh()), append(en, n.en())
				}
			}
			r.Text = txt(strings.Join(zh, "、")+" 资质尚未核验，敏感需求不计入",
				"credential for "+strings.Join(en, ", ")+" not verified, which a sensitive need requires")
		case Unavailable:
			if o.available(v, sc, false) > 0 {
				r.Text = txt("该时段外出", "away during the window")
			} else {
				r.Text = txt("该时段不在可服务时间内", "no weekly availability in the window")
			}
		case Busy:
			r.Text = txt("同一时段已有其他安排", "already committed at that time")
		case WeeklyLimit:
			week := max(v.WeekMinutes, 0)
			r.Text = txt(
				"本周已承诺 "+hours(week)+" 小时，加上本次 "+hours(o.minutes)+" 小时超过上限 "+hours(v.MaxWeekMinutes)+" 小时",
				hours(week)+" h committed this week; "+hours(o.minutes)+" h more exceeds the limit of "+hours(v.MaxWeekMinutes)+" h")
		}
		dst = append(dst, r)
	}
	return dst
}

func factor(key string, pts, maxPts float64, zh, en string) Factor {
	return Factor{Key: key, Points: round1(pts), Max: maxPts, Detail: txt(zh, en)}
}

func txt(zh, en string) domain.Text { return domain.Text{ZH: zh, EN: en} }

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// hours formats minutes as hours with at most one decimal, rounded half up:
// 150 is "2.5", 120 is "2".
func hours(minutes int) string {
	sign := ""
	if minutes < 0 {
		sign, minutes = "-", -minutes
	}
	tenths := (minutes*10 + 30) / 60
	if tenths%10 == 0 {
		return sign + strconv.Itoa(tenths/10)
	}
	return sign + strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10)
}

func (s SkillNeed) zh() string { return cmp.Or(s.Label.ZH, s.Label.EN, s.Name) }
func (s SkillNeed) en() string { return cmp.Or(s.Label.EN, s.Label.ZH, s.Name) }

// skillZH and skillEN name s at level, if any.
func skillZH(s SkillNeed, level int) string {
	if level <= 0 {
		return s.zh()
	}
	return s.zh() + "（" + strconv.Itoa(level) + "级）"
}

func skillEN(s SkillNeed, level int) string {
	if level <= 0 {
		return s.en()
	}
	return s.en() + " (level " + strconv.Itoa(level) + ")"
}
