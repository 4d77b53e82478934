package fr.relais.psc.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the practice at the organisation: a professional may work at several places (a GP with a
 * surgery and a post of coordinating doctor at the EHPAD), and the organisation's applications need
 * the one exercised here. A site FINESS match wins over a legal-entity match; PSC's order breaks ties.
 */
public final class PracticeSelector {

    private final Set<String> finess;

    /** @param finess the organisation's FINESS numbers (sites or legal entities), blanks ignored */
    public PracticeSelector(List<String> finess) {
        Set<String> cleaned = new LinkedHashSet<>();
        for (String f : finess) {
            if (f != null && !f.isBlank()) {
                cleaned.add(f.trim());
            }
        }
        this.finess = Set.copyOf(cleaned);
    }

    public boolean isConfigured() {
        return !finess.isEmpty();
    }

    public Optional<Practice> select(SubjectRefPro refPro) {
        List<Practice> practices = refPro.practices();
        for (Practice p : practices) {
            Activity a = p.activity();
            if (finess.contains(a.numeroFinessSite())
                    || a.identifiantTechniqueDeLaStructure().startsWith("F")
                    && finess.contains(a.identifiantTechniqueDeLaStructure().substring(1))) {
                return Optional.of(p);
            }
        }
        for (Practice p : practices) {
            if (finess.contains(p.activity().numeroFinessEtablissementJuridique())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
