package fr.relais.rpps.extraction;

import java.util.regex.Pattern;

/** Checks on idNat_PS, the key every record is joined on. */
final class IdNat {

    // A type digit then the number; ADELI numbers of Corsica carry 2A/2B, hence letters.
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9][0-9A-Za-z]{2,29}");

    private IdNat() {
    }

    /** @return {@code null} if the value can serve as a key, or why not */
    static Rejection check(String idNat) {
        if (idNat == null) {
            return new Rejection(BadLineReason.INVALID_IDENTIFIER, "empty idNat_PS");
        }
        if (!WELL_FORMED.matcher(idNat).matches()) {
            return new Rejection(BadLineReason.INVALID_IDENTIFIER, "malformed idNat_PS '" + idNat + "'");
        }
        return null;
    }
}
