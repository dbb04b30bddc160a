package volunteer

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// The time bank's transfers: each is written once with all its movements,
// which sum to zero, and never changed.

// insertTransfer stores a transfer; false when its ID is taken (a task is
// paid once). A transfer whose movements do not sum to zero is refused
// here, the last place before the ledger.
func (s *Service) insertTransfer(ctx context.Context, d transferDoc) (bool, error) {
	sum := 0
	for _, m := range d.Movements {
		sum += m.Minutes
	}
	if sum != 0 || len(d.Movements) < 2 {
		return false, domain.Errorf(domain.Internal, "转账不平衡", "a transfer must sum to zero")
	}
	return db.InsertOnce(ctx, s.db.Collection(transfersColl), d)
}

// findTransfer reads a transfer. Errors: NotFound.
func (s *Service) findTransfer(ctx context.Context, id domain.ID) (transferDoc, error) {
	return db.FindByID[transferDoc](ctx, s.db.Collection(transfersColl), string(id))
}

// insertCorrection writes a correction of a claim's minutes as they were
// read: the claim moves first, on the condition that its minutes are
// unchanged, so of two corrections at once the second is refused (false)
// instead of taking back more than was confirmed. The claim moves back if
// the transfer cannot be written.
func (s *Service) insertCorrection(ctx context.Context, d transferDoc, c claimDoc, delta int) (bool, error) {
	claims := s.db.Collection(claimsColl)
	ok, err := db.Update(ctx, claims, bson.M{"_id": string(c.ID), "state": string(Confirmed), "minutes": c.Minutes},
		bson.M{"$inc": bson.M{"minutes": delta}})
	if err != nil || !ok {
		return false, err
	}
	if _, err := s.insertTransfer(ctx, d); err != nil {
		if undo := db.UpdateByID(ctx, claims, string(c.ID), bson.M{"$inc": bson.M{"minutes": -delta}}); undo != nil {
			return false, errors.Join(err, undo)
		}
		return false, err
	}
	return true, nil
}

// findTransfersOf reads the transfers that move a volunteer's account, in
// the order written.
func (s *Service) findTransfersOf(ctx context.Context, communityID, userID domain.ID) ([]transferDoc, error) {
	return db.FindAll[transferDoc](ctx, s.db.Collection(transfersColl), bson.M{"community_id": string(communityID), "volunteer": string(userID)},
		options.Find().SetSort(bson.D{{Key: "at", Value: 1}, {Key: "_id", Value: 1}}))
}

// findTransfers reads a community's transfers.
func (s *Service) findTransfers(ctx context.Context, communityID domain.ID) ([]transferDoc, error) {
	return db.FindAll[transferDoc](ctx, s.db.Collection(transfersColl), bson.M{"community_id": string(communityID)})
}

// insertCertificate stores an issued certificate.
func (s *Service) insertCertificate(ctx context.Context, c Certificate) error {
	return db.Insert(ctx, s.db.Collection(certificatesColl), fromCertificate(c))
}

// findCertificateByCode reads a certificate by its code. Errors: NotFound.
func (s *Service) findCertificateByCode(ctx context.Context, code string) (Certificate, error) {
	d, err := db.FindOne[certificateDoc](ctx, s.db.Collection(certificatesColl), bson.M{"code": code})
	if domain.ErrorCode(err) == domain.NotFound {
		return Certificate{}, errCertificateNotFound
	}
	return toCertificate(d), err
}

// findCertificatesOf reads a volunteer's certificates, newest first.
func (s *Service) findCertificatesOf(ctx context.Context, communityID, userID domain.ID) ([]Certificate, error) {
	docs, err := db.FindAll[certificateDoc](ctx, s.db.Collection(certificatesColl), bson.M{"community_id": string(communityID), "volunteer": string(userID)},
		options.Find().SetSort(bson.D{{Key: "issued_at", Value: -1}}))
	out := make([]Certificate, len(docs))
	for i, d := range docs {
		out[i] = toCertificate(d)
	}
	return out, err
}
