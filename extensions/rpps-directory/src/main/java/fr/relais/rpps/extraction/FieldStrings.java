package fr.relais.rpps.extraction;

import java.util.Arrays;

/**
 * The String of each field value, shared with an earlier field of the same column holding the same
 * characters while that one is still remembered.
 *
 * <p>The import runs in Keycloak's JVM next to the logins, and the young collections its allocation
 * causes pause every request (each pause lands in some directory read's latency). A national extraction
 * repeats most of its values: code/label pairs, FINESS and structure fields, the commune, and a
 * professional's identity on each of his consecutive lines. One String per field was most of what an
 * import allocated; a column's repeated value now costs a hash and a comparison instead.
 *
 * <p>Each column has its own small direct-mapped table, so a column of unique values (phone numbers)
 * only ever evicts its own entries. What is kept is bounded whatever the file holds: the first
 * {@value #MAX_COLUMNS} columns only (the extractions have 56), at most {@value #SLOTS} values per column,
 * none longer than {@value #MAX_LENGTH} characters.
 */
final class FieldStrings {

    /** Longer values (street names, legal names) rarely repeat enough to pay; a hostile line's huge field is never kept. */
    static final int MAX_LENGTH = 48;
    static final int SLOTS = 256;
    /** A hostile line of thousands of one-character fields must not make thousands of tables. */
    static final int MAX_COLUMNS = 128;

    private String[][] columns = new String[0][];

    /** The value of {@code length} characters at {@code offset} in field {@code column} of a line. */
    String of(int column, char[] chars, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH || column >= MAX_COLUMNS) {
            return new String(chars, offset, length);
        }
        // The slot comes from the length and four characters: enough to spread a column's distinct values,
        // and the comparison below checks every character anyway. Two values meeting in a slot cost a miss.
        int last = offset + length - 1;
        int hash = ((length * 31 + chars[offset]) * 31 + chars[offset + length / 2]) * 31 + chars[last];
        hash = hash * 31 + chars[last - length / 4];
        String[] slots = slots(column);
        int slot = hash * 0x9e3779b1 >>> Integer.numberOfLeadingZeros(SLOTS - 1);
        String known = slots[slot];
        if (known != null && sameCharacters(known, chars, offset, length)) {
            return known;
        }
        String value = new String(chars, offset, length);
        slots[slot] = value;
        return value;
    }

    private String[] slots(int column) {
        if (column >= columns.length) {
            columns = Arrays.copyOf(columns, Math.max(column + 1, columns.length * 2));
        }
        String[] slots = columns[column];
        if (slots == null) {
            slots = new String[SLOTS];
            columns[column] = slots;
        }
        return slots;
    }

    private static boolean sameCharacters(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
