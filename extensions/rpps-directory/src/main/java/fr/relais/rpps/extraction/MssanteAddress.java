package fr.relais.rpps.extraction;

/**
 * One MSSanté mailbox from {@code Extraction_Correspondance_MSSante}.
 *
 * @param mailboxType    "Type de BAL": {@code PER} (a person) or {@code ORG} (a service)
 * @param idNat          idNat_PS of the holder; {@code null} for organisational mailboxes
 * @param structureId    "Identification Structure", qualified by {@link #structureIdType()}
 * @param departement    the département column, or the one derived from the postal code when it is empty
 */
public record MssanteAddress(
        String mailboxType,
        String address,
        String idNat,
        String structureIdType,
        String structureId,
        String service,
        String practiceCivility,
        String lastName,
        String firstName,
        Coded profession,
        Coded category,
        Coded savoirFaire,
        String dematerialisation,
        String legalName,
        String tradeName,
        String postalCode,
        String departement,
        String country) {
}
