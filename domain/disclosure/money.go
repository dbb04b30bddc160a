package disclosure

import (
	"strconv"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// Money is int64 fen (分), never a float. People enter and read it as yuan
// with two decimals; MaxFen keeps every amount and total exact in any
// JSON reader (a double holds integers up to 2^53 exactly).

// MaxFen is the largest amount, balance or total in fen: 2^53.
const MaxFen int64 = 1 << 53

// ParseYuan reads a non-negative amount of yuan, such as "1234.50",
// "1234.5", "1234" or "1,234.50" (commas only between groups of three
// digits), into fen. It refuses a sign, more than two decimals, anything
// that is not a number and more than MaxFen fen. Errors: Invalid about
// field.
func ParseYuan(field, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		return 0, domain.InvalidField(field, "金额不能为负数", "the amount must not be negative")
	}
	return parseYuan(field, s)
}

// ParseBalance reads a balance of yuan into fen as ParseYuan does, but
// allows a leading minus sign. Errors: Invalid about field.
func ParseBalance(field, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		fen, err := parseYuan(field, rest)
		return -fen, err
	}
	return parseYuan(field, s)
}

func parseYuan(field, s string) (int64, error) {
	notNumber := domain.InvalidField(field, "金额应写成元，最多两位小数，例如 1234.50", "write the amount in yuan with at most two decimals, such as 1234.50")
	whole, frac, dotted := strings.Cut(s, ".")
	if dotted && len(frac) > 2 {
		return 0, domain.InvalidField(field, "金额最多两位小数（到分）", "the amount has at most two decimals (fen)")
	}
	if whole == "" || (dotted && frac == "") || !digits(frac) {
		return 0, notNumber
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, notNumber
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, notNumber
			}
		}
		whole = strings.Join(groups, "")
	}
	if !digits(whole) {
		return 0, notNumber
	}
	tooBig := domain.InvalidField(field, "金额过大", "the amount is too large")
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 14 { // 2^53 fen is about 9.0e13 yuan: 14 digits
		return 0, tooBig
	}
	yuan, _ := strconv.ParseInt("0"+whole, 10, 64)
	for len(frac) < 2 {
		frac += "0"
	}
	cents, _ := strconv.ParseInt(frac, 10, 64)
	fen := yuan*100 + cents
	if fen > MaxFen {
		return 0, tooBig
	}
	return fen, nil
}

// digits reports whether s holds only ASCII digits (true for "").
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FormatYuan writes fen as yuan with two decimals: 123450 is "1234.50",
// -5 is "-0.05".
func FormatYuan(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign, u = "-", -u
	}
	cents := u % 100
	return sign + strconv.FormatUint(u/100, 10) + "." + string(rune('0'+cents/10)) + string(rune('0'+cents%10))
}

// checkFen refuses an amount outside 1..MaxFen fen. Errors: Invalid about
// field.
func checkFen(field string, fen int64) error {
	switch {
	case fen <= 0:
		return domain.InvalidField(field, "金额须大于零", "the amount must be more than zero")
	case fen > MaxFen:
		return domain.InvalidField(field, "金额过大（最多 %s 元）", "the amount is too large (at most %s yuan)", FormatYuan(MaxFen))
	}
	return nil
}

// checkBalance refuses a balance beyond ±MaxFen fen. Errors: Invalid
// about field.
func checkBalance(field string, fen int64) error {
	if fen > MaxFen || fen < -MaxFen {
		return domain.InvalidField(field, "余额超出范围（最多 %s 元）", "the balance is out of range (at most %s yuan)", FormatYuan(MaxFen))
	}
	return nil
}
