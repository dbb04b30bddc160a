package domain

// Role is what a member may do in a community. Roles are held per community;
// a grid worker's role is held per grid.
type Role string

// Roles.
const (
	RoleResident        Role = "resident"
	RoleGridWorker      Role = "grid_worker"
	RoleCommittee       Role = "committee"
	RoleParty           Role = "party"        // the party organisation (its secretary or committee): screening and the directory
	RolePartyMember     Role = "party_member" // a party member: may be drawn for party seats, nothing more
	RoleSupervisor      Role = "supervisor"   // the village (residents') affairs supervision committee
	RoleMediator        Role = "mediator"     // a 和事佬 who mediates disputes reported on patrol
	RoleOwnersCommittee Role = "owners_committee"
	RoleOwnersLead      Role = "owners_lead" // names the owners' committee's delegates
	RolePropertyFirm    Role = "property_firm"
	RolePropertyLead    Role = "property_lead" // names the property firm's delegates
	RoleAdmin           Role = "admin"
)

// Roles lists every role in display order.
var Roles = []Role{RoleResident, RoleGridWorker, RoleCommittee, RoleParty, RolePartyMember, RoleSupervisor, RoleMediator,
	RoleOwnersCommittee, RoleOwnersLead, RolePropertyFirm, RolePropertyLead, RoleAdmin}

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
	case RolePartyMember:
		return Text{"党员", "party member"}
	case RoleSupervisor:
		return Text{"监督委员会", "supervision committee"}
	case RoleMediator:
		return Text{"和事佬调解员", "mediator"}
	case RoleOwnersCommittee:
		return Text{"业委会", "owners' committee"}
	case RoleOwnersLead:
		return Text{"业委会负责人", "owners' committee lead"}
	case RolePropertyFirm:
		return Text{"物业", "property firm"}
	case RolePropertyLead:
		return Text{"物业负责人", "property firm lead"}
	case RoleAdmin:
		return Text{"管理员", "admin"}
	}
	return Text{string(r), string(r)}
}
