package fr.relais.psc.domain;

import java.util.List;

/** PSC's {@code SubjectRefPro} userinfo claim: the professional's RPPS record (civilité, exercices). */
public record SubjectRefPro(String codeCivilite, List<Exercice> exercices) {

    public SubjectRefPro {
        codeCivilite = codeCivilite == null ? "" : codeCivilite;
        exercices = List.copyOf(exercices);
    }

    public static SubjectRefPro empty() {
        return new SubjectRefPro("", List.of());
    }

    /** Every (exercice, activity) pair, in PSC's order. */
    public List<Practice> practices() {
        return exercices.stream()
                .flatMap(e -> e.activities().stream().map(a -> new Practice(e, a)))
                .toList();
    }
}
