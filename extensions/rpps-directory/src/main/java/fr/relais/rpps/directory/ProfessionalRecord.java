package fr.relais.rpps.directory;

import java.util.List;

/**
 * A professional as stored in the directory, with their activities in file order.
 *
 * @param identifierType {@code 8} for RPPS, {@code 0} for ADELI: the first character of idNat_PS
 * @param identifier     the RPPS or ADELI number
 * @param updatedAt      when an import last wrote this professional (epoch ms)
 */
public record ProfessionalRecord(
        String idNat,
        String identifierType,
        String identifier,
        String civilityCode,
        String civilityLabel,
        String practiceCivilityCode,
        String practiceCivilityLabel,
        String lastName,
        String firstName,
        String professionCode,
        String professionLabel,
        String categoryCode,
        String categoryLabel,
        List<SavoirFaireCodec.Entry> savoirFaire,
        List<ActivityRecord> activities,
        long updatedAt) {

    public static final String RPPS = "8";
    public static final String ADELI = "0";

    public ProfessionalRecord {
        savoirFaire = List.copyOf(savoirFaire);
        activities = List.copyOf(activities);
    }

    public String rppsNumber() {
        return RPPS.equals(identifierType) ? identifier : null;
    }

    public String adeliNumber() {
        return ADELI.equals(identifierType) ? identifier : null;
    }
}
