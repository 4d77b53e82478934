package fr.relais.rpps.extraction;

/**
 * Postal and contact coordinates of the structure where an activity takes place, as published
 * ("coord. structure" columns). Absent values are {@code null}.
 *
 * @param departement département code ({@code 75}, {@code 2A}, {@code 974}), derived from the postal code
 *                    when it allows it, otherwise the département column of the extraction
 */
public record Address(
        String recipientComplement,
        String geographicComplement,
        String streetNumber,
        String repetitionIndex,
        Coded streetType,
        String streetName,
        String distributionMention,
        String cedexOffice,
        String postalCode,
        Coded commune,
        Coded country,
        String departement,
        String phone,
        String phone2,
        String fax,
        String email) {
}
