package fr.relais.rpps.importer;

/** Another import holds the directory; this one did not start and left no record. */
public final class ImportBusyException extends Exception {

    public ImportBusyException() {
        super("Un import de l'annuaire RPPS est déjà en cours.");
    }
}
