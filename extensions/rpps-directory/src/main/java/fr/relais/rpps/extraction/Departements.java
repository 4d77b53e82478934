package fr.relais.rpps.extraction;

/** Département of a French postal code, as used to tell which organisation an activity belongs to. */
final class Departements {

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
        if (postalCode == null || postalCode.length() != 5 || !postalCode.chars().allMatch(Departements::isDigit)) {
            return null;
        }
        String firstTwo = postalCode.substring(0, 2);
        return switch (firstTwo) {
            case "00" -> null;
            case "20" -> switch (postalCode.charAt(2)) {
                case '0', '1' -> "2A";
                case '2', '6' -> "2B";
                default -> null;
            };
            case "97", "98" -> postalCode.startsWith("980") ? null : postalCode.substring(0, 3);
            default -> firstTwo;
        };
    }

    /** The postal code decides when it can; the extraction's own column is the fallback (cedex, abroad). */
    static String of(String postalCode, String departementColumn) {
        String derived = fromPostalCode(postalCode);
        return derived != null ? derived : departementColumn;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
