package fr.relais.rpps.extraction;

import java.util.List;

/**
 * A professional assembled from the consecutive {@code Personne_activite} rows that share one idNat_PS,
 * with the savoir-faire of those rows and of the {@code SavoirFaire} file.
 *
 * <p>Identity, profession and category come from the first row of the group; each {@link Activity}
 * keeps the profession of its own row.
 *
 * @param idNat            idNat_PS, the national key: {@link #identifierType()} code followed by {@link #identifier()}
 * @param civility         civil-status civility ({@code M}, {@code MME})
 * @param practiceCivility civility of practice ({@code DR}, {@code PR}, …)
 * @param lastName         nom d'exercice
 * @param firstName        prénom d'exercice
 * @param activities       distinct activities, in file order; empty for a professional without activity
 */
public record Professional(
        String idNat,
        IdentifierType identifierType,
        String identifier,
        Coded civility,
        Coded practiceCivility,
        String lastName,
        String firstName,
        Coded profession,
        Coded category,
        List<SavoirFaire> savoirFaire,
        List<Activity> activities) {

    public Professional {
        savoirFaire = List.copyOf(savoirFaire);
        activities = List.copyOf(activities);
    }

    /** The RPPS number (11 digits), or {@code null} for a professional known only by ADELI. */
    public String rppsNumber() {
        return identifierType == IdentifierType.RPPS ? identifier : null;
    }

    /** The ADELI number (9 characters), or {@code null} for a professional registered in RPPS. */
    public String adeliNumber() {
        return identifierType == IdentifierType.ADELI ? identifier : null;
    }
}
