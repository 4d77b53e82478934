package fr.relais.pscsim;

import java.util.List;
import java.util.Objects;

/**
 * A person who can "log in" to the simulator, with what PSC would say about them.
 *
 * @param idNat the national identifier ({@code SubjectNameID}, {@code preferred_username}), e.g. "899700100011"
 * @param codeCivilite "M" or "MME"
 * @param givenName {@code given_name}
 * @param familyName {@code family_name}
 * @param idOrigin {@code otherIds[0].origine}: "RPPS", or "EDIT" for ANS test identities
 * @param exercices {@code SubjectRefPro.exercices}
 */
public record Professional(String idNat, String codeCivilite, String givenName, String familyName, String idOrigin,
        List<Exercice> exercices) {

    public Professional {
        Objects.requireNonNull(idNat, "idNat");
        if (idNat.isBlank()) {
            throw new IllegalArgumentException("Blank idNat");
        }
        codeCivilite = codeCivilite == null ? "" : codeCivilite;
        givenName = givenName == null ? "" : givenName;
        familyName = familyName == null ? "" : familyName;
        idOrigin = idOrigin == null || idOrigin.isBlank() ? "RPPS" : idOrigin;
        exercices = exercices == null ? List.of() : List.copyOf(exercices);
    }

    /** "Claire MARTIN". */
    public String displayName() {
        return (givenName + " " + familyName).trim();
    }

    /** The profession code of the first exercice, or "" when there is none. */
    public String mainProfessionCode() {
        return exercices.isEmpty() ? "" : exercices.get(0).codeProfession();
    }
}
