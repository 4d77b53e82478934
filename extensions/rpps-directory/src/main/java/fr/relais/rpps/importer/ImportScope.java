package fr.relais.rpps.importer;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import fr.relais.rpps.extraction.Activity;
import fr.relais.rpps.extraction.Professional;

/**
 * Which professionals of the national extraction a site keeps: those with at least one activity at one
 * of the given FINESS numbers (site or legal entity) or in one of the given départements. A kept
 * professional keeps all their activities, so that their tokens still describe every practice. With
 * neither list, the whole country is kept.
 */
public record ImportScope(Set<String> finess, Set<String> departements) {

    public static final ImportScope WHOLE_COUNTRY = new ImportScope(Set.of(), Set.of());

    public ImportScope {
        finess = normalise(finess);
        departements = normalise(departements);
    }

    public static ImportScope of(Collection<String> finess, Collection<String> departements) {
        return new ImportScope(Set.copyOf(finess), Set.copyOf(departements));
    }

    public boolean wholeCountry() {
        return finess.isEmpty() && departements.isEmpty();
    }

    public boolean accepts(Professional professional) {
        if (wholeCountry()) {
            return true;
        }
        for (Activity activity : professional.activities()) {
            if (contains(finess, activity.finessSite()) || contains(finess, activity.finessLegalEntity())) {
                return true;
            }
            if (activity.address() != null && contains(departements, activity.address().departement())) {
                return true;
            }
        }
        return false;
    }

    /** For the import record and the logs, in French like everything operators read. */
    public String describe() {
        if (wholeCountry()) {
            return "toute la France";
        }
        StringBuilder text = new StringBuilder();
        if (!finess.isEmpty()) {
            text.append("FINESS ").append(String.join(", ", finess.stream().sorted().toList()));
        }
        if (!departements.isEmpty()) {
            if (text.length() > 0) {
                text.append(" ; ");
            }
            text.append("départements ").append(String.join(", ", departements.stream().sorted().toList()));
        }
        return text.toString();
    }

    private static boolean contains(Set<String> values, String value) {
        return value != null && values.contains(value.toUpperCase(Locale.ROOT));
    }

    /** "2a" and " 75 " mean 2A and 75: operators type these lists by hand. */
    private static Set<String> normalise(Set<String> values) {
        return values == null ? Set.of() : values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
