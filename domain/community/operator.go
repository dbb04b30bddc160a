package community

import (
	"context"
	"fmt"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// IsOperator reports whether the actor is a platform operator: the system
// itself, or a user whose verified email is among Config.Operators. An
// unverified account with an operator's email is not one, so no one can
// become an operator by signing up with that address first.
func (s *Service) IsOperator(ctx context.Context) (bool, error) {
	actor := domain.ActorFromContext(ctx)
	switch {
	case actor.System:
		return true, nil
	case !actor.LoggedIn() || len(s.operators) == 0:
		return false, nil
	}
	u, err := s.accounts.User(ctx, actor.UserID)
	if err != nil {
		return false, err
	}
	return u.EmailVerified && s.operators[strings.ToLower(u.Email)], nil
}

var errNotOperator = domain.Errorf(domain.Forbidden, "只有平台运营方可以开通街道和社区，请提交开通申请", "only the platform's operators open streets and communities; send a request instead")

// requireOperator refuses an actor who is no operator. Errors:
// Unauthenticated, Forbidden.
func (s *Service) requireOperator(ctx context.Context) error {
	actor := domain.ActorFromContext(ctx)
	if !actor.System && !actor.LoggedIn() {
		return domain.ErrUnauthenticated
	}
	ok, err := s.IsOperator(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return errNotOperator
	}
	return nil
}

// Provinces' two-digit codes (GB/T 2260), the start of every address code.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true,
}

// cleanDivisionCode checks a statistical division code (统计用区划代码) of
// n digits: a street (乡镇、街道) has 9, a village or community (村、居委会)
// 12. These codes carry no check digit: the province prefix is checked, and
// a community's code must extend its street's.
func cleanDivisionCode(code string, n int, what domain.Text) (string, error) {
	code = strings.TrimSpace(code)
	ok := len(code) == n && provinces[code[:min(2, len(code))]]
	for _, c := range code {
		ok = ok && c >= '0' && c <= '9'
	}
	if !ok {
		e := domain.InvalidField("code", "", "")
		e.Message = domain.Text{ZH: fmt.Sprintf("%s须为 %d 位数字的统计用区划代码", what.ZH, n), EN: fmt.Sprintf("the %s must be a %d-digit statistical division code", what.EN, n)}
		return "", e
	}
	return code, nil
}

var (
	streetCode    = domain.Text{ZH: "街道（乡镇）代码", EN: "street (township) code"}
	communityCode = domain.Text{ZH: "村（社区）代码", EN: "village (community) code"}
)
