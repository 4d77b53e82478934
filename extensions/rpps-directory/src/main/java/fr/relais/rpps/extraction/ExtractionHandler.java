package fr.relais.rpps.extraction;

/**
 * Receives the records as the reader streams them. Anything a method throws aborts the read and
 * reaches the caller of {@link RppsExtractionReader#read} unchanged.
 */
public interface ExtractionHandler {

    /** Called once per group of consecutive {@code Personne_activite} rows sharing an idNat_PS. */
    void professional(Professional professional);

    /** Called once per accepted line of an MSSanté extraction. */
    default void mssanteAddress(MssanteAddress address) {
    }
}
