package fr.relais.rpps.directory;

import java.util.Collection;

/** One practice situation of a professional, as stored. Absent values are {@code null}. */
public record ActivityRecord(
        String professionCode,
        String modeCode,
        String modeLabel,
        String sectorCode,
        String sectorLabel,
        String roleCode,
        String roleLabel,
        String activityKindCode,
        String activityKindLabel,
        String structureTechnicalId,
        String structureIdNat,
        String finessSite,
        String finessLegalEntity,
        String siret,
        String legalName,
        String tradeName,
        String addressLine,
        String addressComplement,
        String postalCode,
        String city,
        String country,
        String departement,
        String phone,
        String email) {

    /** The name people know the place by: trade name when there is one. */
    public String displayName() {
        return tradeName != null ? tradeName : legalName;
    }

    /** Whether the activity takes place at one of these FINESS numbers (site or legal entity). */
    public boolean atAnyOf(Collection<String> finess) {
        return finessSite != null && finess.contains(finessSite)
                || finessLegalEntity != null && finess.contains(finessLegalEntity);
    }
}
