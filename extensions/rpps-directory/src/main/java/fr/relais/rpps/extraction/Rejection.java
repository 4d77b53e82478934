package fr.relais.rpps.extraction;

/** Why a well-formed line still cannot become a record. */
record Rejection(BadLineReason reason, String detail) {
}
