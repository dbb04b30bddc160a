package graph

// GraphGlobalID lets the external tests build global IDs.
var GraphGlobalID = globalID

// LocalID lets the external tests read global IDs.
var LocalID = localID
