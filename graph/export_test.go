package graph

// GraphGlobalID lets the external tests build global IDs.
var GraphGlobalID = globalID

// LocalID lets the external tests read global IDs.
var LocalID = localID

// HoldSlot takes one of the handler's execution slots until release.
func (h *Handler) HoldSlot() (release func()) {
	h.slots <- struct{}{}
	return func() { <-h.slots }
}
