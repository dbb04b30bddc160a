package graph

import (
	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// gridPart is grids and micro-grids.
var gridPart = part{
	records: map[string]string{"Grid": "网格", "MicroGrid": "微网格"},
	types: func(b *builder) {
		b.buildGrids()
		b.gridConn = b.connection("Grid", b.grid)
		b.microGridConn = b.connection("MicroGrid", b.microGrid)
		b.addNodes(publicNode(b.grid, b.svc.Communities.Grid), publicNode(b.microGrid, b.svc.Communities.MicroGrid))
	},
	mutations: (*builder).gridMutations,
}

func (b *builder) buildGrids() {
	b.grid = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Grid",
		Description: "A grid (网格) of a community.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        idField("Grid", func(g community.Grid) domain.ID { return g.ID }),
				"name":      {Type: nonNull(graphql.String), Resolve: field(func(g community.Grid) any { return g.Name })},
				"code":      {Type: nonNull(graphql.String), Resolve: field(func(g community.Grid) any { return g.Code })},
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(g community.Grid) domain.ID { return g.CommunityID })},
				"microGrids": {Type: nonNull(b.microGridConn), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (any, error) {
					g, err := source[community.Grid](p)
					if err != nil {
						return nil, err
					}
					page, err := pageFrom(p)
					if err != nil {
						return nil, err
					}
					l, err := b.svc.Communities.MicroGrids(p.Context, g.ID, page)
					return toConnection(l, func(m community.MicroGrid) domain.ID { return m.ID }), err
				}},
			}
		}),
	})
	b.microGrid = graphql.NewObject(graphql.ObjectConfig{
		Name:        "MicroGrid",
		Description: "A micro-grid (微网格): a building, stairwell or group of households.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":   idField("MicroGrid", func(m community.MicroGrid) domain.ID { return m.ID }),
				"name": {Type: nonNull(graphql.String), Resolve: field(func(m community.MicroGrid) any { return m.Name })},
				"code": {Type: nonNull(graphql.String), Resolve: field(func(m community.MicroGrid) any { return m.Code })},
				"grid": {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(m community.MicroGrid) domain.ID { return m.GridID })},
			}
		}),
	})
}

type createGridInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	Name        string    `json:"name"`
	Code        string    `json:"code"`
}

func (in createGridInput) toDomain() community.GridInput {
	return community.GridInput{Name: in.Name, Code: in.Code}
}

type renameGridInput struct {
	GridID domain.ID `json:"gridId" id:"Grid"`
	Name   string    `json:"name"`
}

type createMicroGridInput struct {
	GridID domain.ID `json:"gridId" id:"Grid"`
	Name   string    `json:"name"`
	Code   string    `json:"code"`
}

func (in createMicroGridInput) toDomain() community.GridInput {
	return community.GridInput{Name: in.Name, Code: in.Code}
}

type renameMicroGridInput struct {
	MicroGridID domain.ID `json:"microGridId" id:"MicroGrid"`
	Name        string    `json:"name"`
}

func (b *builder) gridMutations(f graphql.Fields) {
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	gridPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"grid": {Type: nonNull(b.grid)}})
	}
	microPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"microGrid": {Type: nonNull(b.microGrid)}})
	}
	f["createGrid"] = &graphql.Field{
		Type: nonNull(gridPayload("CreateGridPayload")),
		Args: inputArg("CreateGridInput", graphql.InputObjectConfigFieldMap{"communityId": id, "name": str, "code": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createGridInput](p)
			if err != nil {
				return nil, err
			}
			g, err := b.svc.Communities.CreateGrid(p.Context, in.CommunityID, in.toDomain())
			return map[string]any{"grid": g}, err
		}),
	}
	f["renameGrid"] = &graphql.Field{
		Type: nonNull(gridPayload("RenameGridPayload")),
		Args: inputArg("RenameGridInput", graphql.InputObjectConfigFieldMap{"gridId": id, "name": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[renameGridInput](p)
			if err != nil {
				return nil, err
			}
			g, err := b.svc.Communities.RenameGrid(p.Context, in.GridID, in.Name)
			return map[string]any{"grid": g}, err
		}),
	}
	f["createMicroGrid"] = &graphql.Field{
		Type: nonNull(microPayload("CreateMicroGridPayload")),
		Args: inputArg("CreateMicroGridInput", graphql.InputObjectConfigFieldMap{"gridId": id, "name": str, "code": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createMicroGridInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Communities.CreateMicroGrid(p.Context, in.GridID, in.toDomain())
			return map[string]any{"microGrid": m}, err
		}),
	}
	f["renameMicroGrid"] = &graphql.Field{
		Type: nonNull(microPayload("RenameMicroGridPayload")),
		Args: inputArg("RenameMicroGridInput", graphql.InputObjectConfigFieldMap{"microGridId": id, "name": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[renameMicroGridInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Communities.RenameMicroGrid(p.Context, in.MicroGridID, in.Name)
			return map[string]any{"microGrid": m}, err
		}),
	}
}

// gridsOf and microGridsOf load grids and micro-grids by ID.
var (
	gridsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, community.Grid] {
		return byIDs("Grid", s.Communities.GridsByID)
	})
	microGridsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, community.MicroGrid] {
		return byIDs("MicroGrid", s.Communities.MicroGridsByID)
	})
)
