package fr.relais.rpps.directory;

import java.util.StringJoiner;

/**
 * Builds the display lines of a structure address from the extraction's separate fields, the way a
 * French postal address is written: "12 B Rue DE LA RÉPUBLIQUE".
 */
public final class AddressLines {

    private AddressLines() {
    }

    /** Number, repetition index (bis, ter…), street type label, street name. */
    public static String street(String number, String repetitionIndex, String streetType, String streetName) {
        StringJoiner line = new StringJoiner(" ");
        String numbered = join(number, repetitionIndex);
        add(line, numbered);
        add(line, streetType);
        add(line, streetName);
        return blankToNull(line.toString());
    }

    /** Building, lieu-dit and the like: what the post office needs besides the street. */
    public static String complement(String geographicComplement, String distributionMention) {
        StringJoiner line = new StringJoiner(", ");
        add(line, geographicComplement);
        add(line, distributionMention);
        return blankToNull(line.toString());
    }

    /** The commune; the cedex office when the commune is absent (the cedex line already names a town). */
    public static String city(String communeLabel, String cedexOffice) {
        return communeLabel != null ? communeLabel : cedexOffice;
    }

    private static String join(String number, String repetitionIndex) {
        if (number == null) {
            return repetitionIndex;
        }
        return repetitionIndex == null ? number : number + " " + repetitionIndex;
    }

    private static void add(StringJoiner line, String part) {
        if (part != null && !part.isBlank()) {
            line.add(part.trim());
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
