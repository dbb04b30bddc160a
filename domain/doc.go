// Package domain is the shared kernel of Yishi: coded errors with localized
// messages, the acting user carried in a context, IDs, roles and paging.
//
// It depends on the standard library only; every area package under domain/
// builds on it.
package domain
