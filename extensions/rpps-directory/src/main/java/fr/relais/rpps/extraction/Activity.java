package fr.relais.rpps.extraction;

/**
 * One practice situation (situation d'exercice) of a professional at a structure.
 *
 * @param professionCode        profession exercised in this activity; a person registered for two
 *                              professions keeps the right one on each activity
 * @param structureTechnicalId  "Identifiant technique de la structure" ({@code F<FINESS>}, {@code C<SIRET>},
 *                              {@code R…})
 * @param structureIdNat        "Ancien identifiant de la structure": the structure idNat
 *                              ({@code 1}+FINESS, {@code 3}+SIRET, …)
 * @param role                  "fonction" (newer extractions only)
 * @param activityKind          "genre d'activité" (newer extractions only)
 */
public record Activity(
        String professionCode,
        Coded mode,
        Coded sector,
        Coded role,
        Coded activityKind,
        Coded pharmacistSection,
        String structureTechnicalId,
        String structureIdNat,
        String finessSite,
        String finessLegalEntity,
        String siret,
        String siren,
        String legalName,
        String tradeName,
        Address address,
        String registrationAuthority) {
}
