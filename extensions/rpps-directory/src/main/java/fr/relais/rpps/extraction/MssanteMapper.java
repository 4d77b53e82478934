package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.MssanteColumn.*;

/** One MSSanté row → an {@link MssanteAddress} for the handler. */
final class MssanteMapper implements RowSink<MssanteColumn> {

    private final ExtractionHandler handler;
    private long delivered;

    MssanteMapper(ExtractionHandler handler) {
        this.handler = handler;
    }

    @Override
    public Rejection accept(Row<MssanteColumn> row) {
        String address = row.get(ADDRESS);
        if (address == null || address.indexOf('@') <= 0) {
            return new Rejection(BadLineReason.MISSING_VALUE, "no usable mailbox address");
        }
        // Organisational mailboxes belong to no person: an empty idNat_PS is normal here, a malformed one is not.
        String idNat = row.get(ID_NAT);
        Rejection invalid = idNat == null ? null : IdNat.check(idNat);
        if (invalid != null) {
            return invalid;
        }
        String postalCode = row.get(POSTAL_CODE);
        String departement = row.get(DEPARTEMENT);
        handler.mssanteAddress(new MssanteAddress(row.get(MAILBOX_TYPE), address, idNat,
                row.get(STRUCTURE_ID_TYPE), row.get(STRUCTURE_ID), row.get(SERVICE), row.get(PRACTICE_CIVILITY),
                row.get(LAST_NAME), row.get(FIRST_NAME),
                Coded.of(row.get(PROFESSION_CODE), row.get(PROFESSION_LABEL)),
                Coded.of(row.get(CATEGORY_CODE), row.get(CATEGORY_LABEL)),
                Coded.of(row.get(SAVOIR_FAIRE_CODE), row.get(SAVOIR_FAIRE_LABEL)),
                row.get(DEMATERIALISATION), row.get(LEGAL_NAME), row.get(TRADE_NAME), postalCode,
                departement != null ? departement : Departements.fromPostalCode(postalCode),
                row.get(COUNTRY)));
        delivered++;
        return null;
    }

    long delivered() {
        return delivered;
    }
}
