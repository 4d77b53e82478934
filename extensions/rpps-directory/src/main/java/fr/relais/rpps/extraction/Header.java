package fr.relais.rpps.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each logical column sits in one file, found by header name: ANS has reordered, added and
 * respelled columns between extraction versions, so positions are never assumed.
 */
final class Header<E extends Enum<E> & Column> {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private final int[] positions;
    private final int size;
    private final boolean trailingSeparator;
    private final List<String> unmappedColumns;

    private Header(int[] positions, int size, boolean trailingSeparator, List<String> unmappedColumns) {
        this.positions = positions;
        this.size = size;
        this.trailingSeparator = trailingSeparator;
        this.unmappedColumns = unmappedColumns;
    }

    /**
     * @param names the header fields; the empty one produced by the trailing {@code |} is ignored
     */
    static <E extends Enum<E> & Column> Header<E> of(String fileName, String[] names, Class<E> columnType)
            throws ExtractionException {
        E[] columns = columnType.getEnumConstants();
        Map<String, E> byName = new HashMap<>();
        for (E column : columns) {
            for (String name : column.headerNames()) {
                byName.put(normalise(name), column);
            }
        }
        boolean trailingSeparator = names.length > 1 && names[names.length - 1].isBlank();
        int size = trailingSeparator ? names.length - 1 : names.length;
        int[] positions = new int[columns.length];
        Arrays.fill(positions, -1);
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            E column = byName.get(normalise(names[i]));
            if (column == null) {
                unmapped.add(names[i].strip());
            } else if (positions[column.ordinal()] < 0) {
                positions[column.ordinal()] = i;
            }
        }
        List<String> missing = new ArrayList<>();
        for (E column : columns) {
            if (column.required() && positions[column.ordinal()] < 0) {
                missing.add(column.headerNames().get(0));
            }
        }
        if (!missing.isEmpty()) {
            throw new ExtractionException(ExtractionException.Kind.MISSING_COLUMNS,
                    fileName + " lacks the column(s) " + missing + "; its header has " + size + " columns: "
                            + String.join("|", Arrays.asList(names).subList(0, size)));
        }
        return new Header<>(positions, size, trailingSeparator, List.copyOf(unmapped));
    }

    /**
     * Case, accents, apostrophes and punctuation vary between publications ("coord. Structure",
     * "d’exercice"); none of them changes the meaning of a column.
     */
    static String normalise(String name) {
        String unaccented = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Number of named columns. */
    int size() {
        return size;
    }

    List<String> unmappedColumns() {
        return unmappedColumns;
    }

    /**
     * Number of values on a data line, not counting the empty field after a trailing {@code |} when the
     * header has one too.
     */
    int valueCount(String[] fields) {
        return trailingSeparator && fields.length > 0 && fields[fields.length - 1].isEmpty()
                ? fields.length - 1 : fields.length;
    }

    /**
     * Whether a data line has exactly the header's shape. Data lines must end like the header: were a
     * missing trailing {@code |} tolerated, a line that lost a value in the middle and ends with an empty
     * column would pass with every later value shifted one column to the left.
     */
    boolean fits(String[] fields) {
        return fields.length == (trailingSeparator ? size + 1 : size) && valueCount(fields) == size;
    }

    /** The stripped value, or {@code null} when empty or when this file has no such column. */
    String value(String[] fields, E column) {
        int position = positions[column.ordinal()];
        if (position < 0) {
            return null;
        }
        String value = fields[position].strip();
        return value.isEmpty() ? null : value;
    }
}
