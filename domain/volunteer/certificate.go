package volunteer

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/ledger"
)

// Certificate is a volunteer service certificate (志愿服务证明): a
// volunteer's confirmed hours and tasks over a period, as the time bank
// holds them when it is issued. Its code makes the verification link
// printed as a QR code; its totals go into the public record, without the
// volunteer's name.
type Certificate struct {
	ID          domain.ID
	Code        string // 16 letters and digits: the verification link's key
	CommunityID domain.ID
	Volunteer   domain.ID
	From, To    string // 2006-01-02, both included, in the community's zone
	Minutes     int
	Tasks       int
	IssuedAt    time.Time
	IssuedBy    domain.ID
	RecordSeq   int64 // its entry in the public record; -1 when not recorded
}

// certificateType is the global ID type of a certificate in the record.
const certificateType = "VolunteerCertificate"

// IssueCertificate issues a certificate of a volunteer's service over a
// period: the volunteer themself, or a coordinator. The totals are the
// confirmed transfers of the period (corrections included); one is issued
// per period, and asking again gives it back. Errors:
// Unauthenticated, Forbidden, Invalid (from, to: dates, the end before
// the start, more than five years, in the future).
func (s *Service) IssueCertificate(ctx context.Context, communityID, userID domain.ID, from, to string) (Certificate, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Certificate{}, err
	}
	if a.UserID != userID && !a.coordinator() {
		return Certificate{}, errNotCoordinator
	}
	_, loc := s.zoneOf(ctx, communityID)
	start, err := time.ParseInLocation(time.DateOnly, from, loc)
	if err != nil {
		return Certificate{}, domain.InvalidField("from", "日期须写作 2026-01-01", "write the date as 2026-01-01")
	}
	end, err := time.ParseInLocation(time.DateOnly, to, loc)
	if err != nil {
		return Certificate{}, domain.InvalidField("to", "日期须写作 2026-12-31", "write the date as 2026-12-31")
	}
	switch {
	case end.Before(start):
		return Certificate{}, domain.InvalidField("to", "结束日期不能早于开始日期", "the last day cannot come before the first")
	case end.Sub(start) > 5*366*24*time.Hour:
		return Certificate{}, domain.InvalidField("to", "证明期间最长五年", "a certificate covers at most five years")
	case start.After(s.now()):
		return Certificate{}, domain.InvalidField("from", "开始日期还没到", "the first day has not come")
	}
	ts, err := s.findTransfersOf(ctx, communityID, userID)
	if err != nil {
		return Certificate{}, err
	}
	// One certificate a period: asked again, the one issued is given back,
	// so asking cannot fill the public record.
	if have, err := s.findCertificatesOf(ctx, communityID, userID); err != nil {
		return Certificate{}, err
	} else if i := slices.IndexFunc(have, func(c Certificate) bool { return c.From == from && c.To == to }); i >= 0 {
		return have[i], nil
	}
	c := Certificate{ID: domain.NewID(), Code: newCertificateCode(), CommunityID: communityID, Volunteer: userID, From: from, To: to,
		IssuedAt: s.now(), IssuedBy: a.UserID, RecordSeq: -1}
	tasks := map[domain.ID]bool{}
	for _, t := range ts {
		if t.Kind == string(ExchangeTransfer) || t.At.Before(start) || !t.At.Before(end.AddDate(0, 0, 1)) {
			continue
		}
		for _, m := range t.Movements {
			if m.Account == userID {
				c.Minutes += m.Minutes
			}
		}
		if t.Kind == string(ServiceTransfer) {
			tasks[t.ClaimID] = true
		}
	}
	c.Tasks = len(tasks)
	c.RecordSeq = s.recordCertificate(ctx, c)
	if err := s.insertCertificate(ctx, c); err != nil {
		return Certificate{}, err
	}
	return c, nil
}

// recordCertificate puts a certificate's totals in the public record and
// returns the entry's number; -1 when there is no record or it failed (the
// certificate stands without it).
func (s *Service) recordCertificate(ctx context.Context, c Certificate) int64 {
	if s.record == nil {
		return -1
	}
	body, err := json.Marshal(map[string]any{"certificate": c.Code, "from": c.From, "to": c.To, "minutes": c.Minutes, "tasks": c.Tasks})
	if err != nil {
		return -1
	}
	e, _, err := s.record.AppendOnce(ctx, c.CommunityID, ledger.Entry{Type: ledger.Certificate, Subject: domain.GlobalID(certificateType, c.ID),
		Role: "volunteer_service", At: c.IssuedAt, Payload: body})
	if err != nil {
		s.log.ErrorContext(ctx, "public record: a certificate was not recorded", "err", err)
		return -1
	}
	return e.Seq
}

// newCertificateCode returns 16 random letters and digits.
func newCertificateCode() string {
	var b [10]byte
	_, _ = rand.Read(b[:])
	return base32.StdEncoding.EncodeToString(b[:])
}

// CertificateByCode returns a certificate to anyone who has its code, as
// the QR code's link gives it: logged out too, so that a school or an
// employer can check it. Errors: NotFound.
func (s *Service) CertificateByCode(ctx context.Context, code string) (Certificate, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) != 16 {
		return Certificate{}, errCertificateNotFound
	}
	return s.findCertificateByCode(ctx, code)
}

// Certificates lists a volunteer's certificates, newest first: to themself
// and coordinators. Errors: Unauthenticated, Forbidden.
func (s *Service) Certificates(ctx context.Context, communityID, userID domain.ID) ([]Certificate, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if a.UserID != userID && !a.coordinator() {
		return nil, errNotCoordinator
	}
	return s.findCertificatesOf(ctx, communityID, userID)
}

var errCertificateNotFound = domain.ErrNotFound("志愿服务证明", "certificate")
