package domain

// Role is what a member may do in a community. Roles are held per community;
// a grid worker's role is held per grid.
type Role string

// Roles.
const (
	RoleResident        Role = "resident"
	RoleGridWorker      Role = "grid_worker"
	RoleCommittee       Role = "committee"
	RoleParty           Role = "party"
	RoleOwnersCommittee Role = "owners_committee"
	RolePropertyFirm    Role = "property_firm"
	RoleAdmin           Role = "admin"
)

// Roles lists every role in display order.
var Roles = []Role{RoleResident, RoleGridWorker, RoleCommittee, RoleParty, RoleOwnersCommittee, RolePropertyFirm, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// Label returns the role's name for people.
func (r Role) Label() Text {
	switch r {
	case RoleResident:
		return Text{"居民", "resident"}
	case RoleGridWorker:
		return Text{"网格员", "grid worker"}
	case RoleCommittee:
		return Text{"村（居）委会", "committee"}
	case RoleParty:
		return Text{"党组织", "party organisation"}
	case RoleOwnersCommittee:
		return Text{"业委会", "owners' committee"}
	case RolePropertyFirm:
		return Text{"物业", "property firm"}
	case RoleAdmin:
		return Text{"管理员", "admin"}
	}
	return Text{string(r), string(r)}
}
