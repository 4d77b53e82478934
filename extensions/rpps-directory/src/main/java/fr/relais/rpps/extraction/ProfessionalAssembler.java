package fr.relais.rpps.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds consecutive Personne_activite rows of one idNat_PS into a single {@link Professional}.
 *
 * <p>The file repeats a professional's activity once per savoir-faire, so both lists are de-duplicated.
 * Only the group being built is held. Should the rows of one professional not be contiguous, that
 * professional is delivered once per run of rows; consumers upsert by idNat_PS, and the SavoirFaire
 * entries go with the first run.
 */
final class ProfessionalAssembler {

    private static final int LINEAR_LIMIT = 16;

    private final ExtractionHandler handler;
    private final SavoirFaireIndex savoirFaireIndex;
    private Professional first;
    private final Set<SavoirFaire> savoirFaire = new LinkedHashSet<>();
    /**
     * A professional has one to a few activities: comparing with those already kept costs less than hashing
     * each activity's forty fields. Past {@link #LINEAR_LIMIT} (only a file listing one person thousands of
     * times gets there) a hash set takes over, so such a file stays linear.
     */
    private final List<Activity> activities = new ArrayList<>();
    private Set<Activity> activitySet;
    private long professionals;
    private long activityCount;

    ProfessionalAssembler(ExtractionHandler handler, SavoirFaireIndex savoirFaireIndex) {
        this.handler = handler;
        this.savoirFaireIndex = savoirFaireIndex;
    }

    /** @param row a professional built from one line: at most one savoir-faire and one activity */
    void accept(Professional row) {
        if (first != null && !first.idNat().equals(row.idNat())) {
            flush();
        }
        if (first == null) {
            first = row;
        }
        savoirFaire.addAll(row.savoirFaire());
        for (Activity activity : row.activities()) {
            if (activitySet != null ? activitySet.add(activity) : !activities.contains(activity)) {
                activities.add(activity);
                if (activitySet == null && activities.size() > LINEAR_LIMIT) {
                    activitySet = new HashSet<>(activities);
                }
            }
        }
    }

    /** Delivers the last group; call once the file is read. */
    void finish() {
        if (first != null) {
            flush();
        }
    }

    long professionals() {
        return professionals;
    }

    long activities() {
        return activityCount;
    }

    private void flush() {
        savoirFaire.addAll(savoirFaireIndex.take(first.idNat()));
        Professional professional = new Professional(first.idNat(), first.identifierType(), first.identifier(),
                first.civility(), first.practiceCivility(), first.lastName(), first.firstName(), first.profession(),
                first.category(), List.copyOf(savoirFaire), List.copyOf(activities));
        first = null;
        savoirFaire.clear();
        activities.clear();
        activitySet = null;
        professionals++;
        activityCount += professional.activities().size();
        handler.professional(professional);
    }
}
