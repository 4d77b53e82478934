package fr.relais.rpps.importer;

import fr.relais.rpps.extraction.ExtractionHandler;
import fr.relais.rpps.extraction.Professional;

/** Receives the reader's professionals and streams those in scope into the staging table. */
final class StagingLoader implements ExtractionHandler {

    /** Carries a database failure through the reader, which lets handler exceptions through unchanged. */
    static final class LoadFailure extends RuntimeException {
        LoadFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final StagingWriter writer;
    private final ImportScope scope;
    private final long maxProfessionals;
    private final StagingRows rows = new StagingRows();
    private long professionals;
    private long activities;
    private long outOfScope;

    StagingLoader(StagingWriter writer, ImportScope scope, long maxProfessionals) {
        this.writer = writer;
        this.scope = scope;
        this.maxProfessionals = maxProfessionals;
    }

    @Override
    public void professional(Professional professional) {
        if (!scope.accepts(professional)) {
            outOfScope++;
            return;
        }
        if (professionals == maxProfessionals) {
            throw new LoadFailure(new IllegalStateException("plus de " + maxProfessionals + " professionnels dans le "
                    + "périmètre (" + scope.describe() + "), trop pour la base H2 du mode local, qui tient l'import en "
                    + "mémoire dans Keycloak. Restreignez le périmètre (scope-departements, scope-finess) ou utilisez "
                    + "PostgreSQL."));
        }
        try {
            rows.write(professional, writer::write);
        } catch (Exception e) {
            throw new LoadFailure(e);
        }
        professionals++;
        activities += professional.activities().size();
    }

    long professionals() {
        return professionals;
    }

    long activities() {
        return activities;
    }

    long outOfScope() {
        return outOfScope;
    }

    long truncatedValues() {
        return rows.truncatedValues();
    }
}
