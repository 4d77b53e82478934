package fr.relais.rpps.health;

/** A departure or profession change the import recorded ({@code RELAIS_RPPS_CHANGE}). */
public record DirectoryChange(String idNat, String kind, String oldProfession, String newProfession, long changedAt) {
}
