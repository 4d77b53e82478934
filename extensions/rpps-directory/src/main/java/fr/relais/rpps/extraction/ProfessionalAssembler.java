package fr.relais.rpps.extraction;

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

    private final ExtractionHandler handler;
    private final SavoirFaireIndex savoirFaireIndex;
    private Professional first;
    private final Set<SavoirFaire> savoirFaire = new LinkedHashSet<>();
    private final Set<Activity> activities = new LinkedHashSet<>();
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
        activities.addAll(row.activities());
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
        professionals++;
        activityCount += professional.activities().size();
        handler.professional(professional);
    }
}
