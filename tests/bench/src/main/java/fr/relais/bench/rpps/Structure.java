package fr.relais.bench.rpps;

/** Where an activity takes place: an establishment with FINESS numbers, or a cabinet with a SIRET. */
record Structure(
        String sectorCode,
        String sectorLabel,
        String siret,
        String siren,
        String finessSite,
        String finessLegalEntity,
        String technicalId,
        String legalName,
        String tradeName,
        String recipientComplement,
        Places.Address address,
        String structureIdNat) {
}
