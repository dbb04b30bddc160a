package graph

// GraphGlobalID lets the external tests build global IDs.
var GraphGlobalID = globalID
