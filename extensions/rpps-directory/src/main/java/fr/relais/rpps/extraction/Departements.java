package fr.relais.rpps.extraction;

/** Département of a French postal code, as used to tell which organisation an activity belongs to. */
final class Departements {

    /**
     * "00" to "99": a national import asks for the département of every line; the stream and substring
     * this took before were about 190 of the ~8,500 bytes the import allocated per professional (JFR).
     */
    private static final String[] TWO_DIGITS = new String[100];

    static {
        for (int i = 0; i < TWO_DIGITS.length; i++) {
            TWO_DIGITS[i] = (i < 10 ? "0" : "") + i;
        }
    }

    private Departements() {
    }

    /**
     * {@code 75011} → {@code 75}; overseas {@code 97411} → {@code 974}; Corsica {@code 20000}–{@code 20199}
     * → {@code 2A}, {@code 202xx} and {@code 206xx} → {@code 2B} (postal codes kept the pre-1976 "20").
     *
     * @return {@code null} for anything that is not a French five-digit postal code, and for Monaco
     *         ({@code 980xx}), which is not a département
     */
    static String fromPostalCode(String postalCode) {
        if (postalCode == null || postalCode.length() != 5 || !digits(postalCode)) {
            return null;
        }
        int firstTwo = (postalCode.charAt(0) - '0') * 10 + postalCode.charAt(1) - '0';
        return switch (firstTwo) {
            case 0 -> null;
            case 20 -> switch (postalCode.charAt(2)) {
                case '0', '1' -> "2A";
                case '2', '6' -> "2B";
                default -> null;
            };
            case 97, 98 -> postalCode.startsWith("980") ? null : postalCode.substring(0, 3);
            default -> TWO_DIGITS[firstTwo];
        };
    }

    /** The postal code decides when it can; the extraction's own column is the fallback (cedex, abroad). */
    static String of(String postalCode, String departementColumn) {
        String derived = fromPostalCode(postalCode);
        return derived != null ? derived : departementColumn;
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
