package community

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// The organisation: streets, communities, grids and micro-grids. Each has an
// address code, unique among streets, among communities, and among the
// grids and micro-grids of one community.

// insertCoded stores a document with an address code. Errors: Conflict
// (ErrCodeTaken).
func (s *Service) insertCoded(ctx context.Context, coll string, doc any) error {
	won, err := db.InsertOnce(ctx, s.db.Collection(coll), doc)
	if err == nil && !won {
		return ErrCodeTaken
	}
	return err
}

// insertStreet stores a new street. Errors: Conflict (code taken).
func (s *Service) insertStreet(ctx context.Context, d streetDoc) error {
	return s.insertCoded(ctx, streetsColl, d)
}

// findStreet reads a street. Errors: NotFound.
func (s *Service) findStreet(ctx context.Context, id domain.ID) (Street, error) {
	d, err := db.FindByID[streetDoc](ctx, s.db.Collection(streetsColl), string(id))
	if db.IsNotFound(err) {
		return Street{}, errStreetNotFound
	}
	return toStreet(d), err
}

// findStreetByCode reads the street with an address code. Errors: NotFound.
func (s *Service) findStreetByCode(ctx context.Context, code string) (Street, error) {
	d, err := db.FindOne[streetDoc](ctx, s.db.Collection(streetsColl), bson.M{"code": code})
	if db.IsNotFound(err) {
		return Street{}, errStreetNotFound
	}
	return toStreet(d), err
}

// findStreets reads streets by ID in one query; unknown IDs are left out.
func (s *Service) findStreets(ctx context.Context, ids []domain.ID) (map[domain.ID]Street, error) {
	docs, err := db.FindAll[streetDoc](ctx, s.db.Collection(streetsColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	return byID(docs, err, toStreet, func(s Street) domain.ID { return s.ID })
}

// listStreets reads a page of streets in creation order. Errors: Invalid
// (page).
func (s *Service) listStreets(ctx context.Context, page domain.Page) (domain.List[Street], error) {
	docs, next, total, err := db.FindPage[streetDoc](ctx, s.db.Collection(streetsColl), bson.M{}, page)
	return list(docs, next, total, toStreet), err
}

// insertCommunity stores a new community. Errors: Conflict (code taken).
func (s *Service) insertCommunity(ctx context.Context, d communityDoc) error {
	return s.insertCoded(ctx, communitiesColl, d)
}

// findCommunity reads a community. Errors: NotFound.
func (s *Service) findCommunity(ctx context.Context, id domain.ID) (Community, error) {
	d, err := db.FindByID[communityDoc](ctx, s.db.Collection(communitiesColl), string(id))
	if db.IsNotFound(err) {
		return Community{}, errCommunityNotFound
	}
	return toCommunity(d), err
}

// findCommunityByCode reads the community with an address code.
// Errors: NotFound.
func (s *Service) findCommunityByCode(ctx context.Context, code string) (Community, error) {
	d, err := db.FindOne[communityDoc](ctx, s.db.Collection(communitiesColl), bson.M{"code": code})
	if db.IsNotFound(err) {
		return Community{}, errCommunityNotFound
	}
	return toCommunity(d), err
}

// findCommunities reads communities by ID in one query; unknown IDs are
// left out.
func (s *Service) findCommunities(ctx context.Context, ids []domain.ID) (map[domain.ID]Community, error) {
	docs, err := db.FindAll[communityDoc](ctx, s.db.Collection(communitiesColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	return byID(docs, err, toCommunity, func(c Community) domain.ID { return c.ID })
}

// listCommunities reads a page of the communities f selects, in creation
// order. Errors: Invalid (page).
func (s *Service) listCommunities(ctx context.Context, f CommunityFilter, page domain.Page) (domain.List[Community], error) {
	filter := bson.M{}
	if f.StreetID != nil {
		filter["street_id"] = string(*f.StreetID)
	}
	docs, next, total, err := db.FindPage[communityDoc](ctx, s.db.Collection(communitiesColl), filter, page)
	return list(docs, next, total, toCommunity), err
}

// setSettings replaces a community's settings.
func (s *Service) setSettings(ctx context.Context, communityID domain.ID, st Settings) error {
	_, err := db.Update(ctx, s.db.Collection(communitiesColl), bson.M{"_id": string(communityID)},
		bson.M{"$set": bson.M{"settings": fromSettings(st)}})
	return err
}

// insertGrid stores a new grid. Errors: Conflict (code taken in the
// community).
func (s *Service) insertGrid(ctx context.Context, d gridDoc) error {
	return s.insertCoded(ctx, gridsColl, d)
}

// renameGrid sets a grid's name.
func (s *Service) renameGrid(ctx context.Context, id domain.ID, name string) error {
	_, err := db.Update(ctx, s.db.Collection(gridsColl), bson.M{"_id": string(id)}, bson.M{"$set": bson.M{"name": name}})
	return err
}

// findGrid reads a grid. Errors: NotFound.
func (s *Service) findGrid(ctx context.Context, id domain.ID) (Grid, error) {
	d, err := db.FindByID[gridDoc](ctx, s.db.Collection(gridsColl), string(id))
	if db.IsNotFound(err) {
		return Grid{}, errGridNotFound
	}
	return toGrid(d), err
}

// findGrids reads grids by ID in one query; unknown IDs are left out.
func (s *Service) findGrids(ctx context.Context, ids []domain.ID) (map[domain.ID]Grid, error) {
	docs, err := db.FindAll[gridDoc](ctx, s.db.Collection(gridsColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	return byID(docs, err, toGrid, func(g Grid) domain.ID { return g.ID })
}

// listGrids reads a page of a community's grids in creation order.
// Errors: Invalid (page).
func (s *Service) listGrids(ctx context.Context, communityID domain.ID, page domain.Page) (domain.List[Grid], error) {
	docs, next, total, err := db.FindPage[gridDoc](ctx, s.db.Collection(gridsColl), bson.M{"community_id": string(communityID)}, page)
	return list(docs, next, total, toGrid), err
}

// insertMicroGrid stores a new micro-grid. Errors: Conflict (code taken in
// the community).
func (s *Service) insertMicroGrid(ctx context.Context, d microGridDoc) error {
	return s.insertCoded(ctx, microGridsColl, d)
}

// renameMicroGrid sets a micro-grid's name.
func (s *Service) renameMicroGrid(ctx context.Context, id domain.ID, name string) error {
	_, err := db.Update(ctx, s.db.Collection(microGridsColl), bson.M{"_id": string(id)}, bson.M{"$set": bson.M{"name": name}})
	return err
}

// findMicroGrid reads a micro-grid. Errors: NotFound.
func (s *Service) findMicroGrid(ctx context.Context, id domain.ID) (MicroGrid, error) {
	d, err := db.FindByID[microGridDoc](ctx, s.db.Collection(microGridsColl), string(id))
	if db.IsNotFound(err) {
		return MicroGrid{}, errMicroGridNotFound
	}
	return toMicroGrid(d), err
}

// findMicroGrids reads micro-grids by ID in one query; unknown IDs are left
// out.
func (s *Service) findMicroGrids(ctx context.Context, ids []domain.ID) (map[domain.ID]MicroGrid, error) {
	docs, err := db.FindAll[microGridDoc](ctx, s.db.Collection(microGridsColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	return byID(docs, err, toMicroGrid, func(m MicroGrid) domain.ID { return m.ID })
}

// listMicroGrids reads a page of a grid's micro-grids in creation order.
// Errors: Invalid (page).
func (s *Service) listMicroGrids(ctx context.Context, gridID domain.ID, page domain.Page) (domain.List[MicroGrid], error) {
	docs, next, total, err := db.FindPage[microGridDoc](ctx, s.db.Collection(microGridsColl), bson.M{"grid_id": string(gridID)}, page)
	return list(docs, next, total, toMicroGrid), err
}
