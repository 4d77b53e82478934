package fr.relais.rpps.extraction;


/** Checks on idNat_PS, the key every record is joined on. */
final class IdNat {

    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 30;

    private IdNat() {
    }

    /** @return {@code null} if the value can serve as a key, or why not */
    static Rejection check(String idNat) {
        if (idNat == null) {
            return new Rejection(BadLineReason.INVALID_IDENTIFIER, "empty idNat_PS");
        }
        if (!wellFormed(idNat)) {
            return new Rejection(BadLineReason.INVALID_IDENTIFIER, "malformed idNat_PS '" + idNat + "'");
        }
        return null;
    }

    /**
     * A type digit then 2 to 29 digits or ASCII letters (ADELI numbers of Corsica carry 2A/2B). Spelt out
     * rather than a regular expression: every one of the national file's 1.2 million lines passes here,
     * in the import thread next to the logins, where the regex match was 5 % of the thread's work.
     */
    private static boolean wellFormed(String idNat) {
        int length = idNat.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH || !isDigit(idNat.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = idNat.charAt(i);
            if (!isDigit(c) && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
