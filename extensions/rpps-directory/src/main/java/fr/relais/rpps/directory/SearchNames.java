package fr.relais.rpps.directory;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key names are searched by: upper case, without accents or punctuation, words separated by one
 * space. The import stores {@code key(last name + " " + first name)} and a search term goes through the
 * same function, so "lefevre h", "Lefèvre-H" and "LEFÈVRE H" all find HÉLÈNE LEFÈVRE by prefix.
 *
 * <p>The import computes this 740,000 times in a row, hence a character loop over a table of the
 * accented Latin letters French names use, rather than normalising and regex-replacing every name.
 */
public final class SearchNames {

    /** Folded form of U+0000–U+017F: letters upper-cased without accent, digits kept, anything else a space. */
    private static final String[] FOLDED = new String[0x180];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = fold(c);
        }
    }

    private SearchNames() {
    }

    public static String key(String lastName, String firstName) {
        return key((lastName == null ? "" : lastName) + " " + (firstName == null ? "" : firstName));
    }

    public static String key(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String folded = c < FOLDED.length ? FOLDED[c] : fold(c);
            if (folded.isEmpty()) {
                continue;  // a combining accent of decomposed input: belongs to the previous letter
            }
            if (folded.equals(" ")) {
                pendingSpace = key.length() > 0;
                continue;
            }
            if (pendingSpace) {
                key.append(' ');
                pendingSpace = false;
            }
            key.append(folded);
        }
        return key.toString();
    }

    private static String fold(char c) {
        switch (c) {
            case 'Œ', 'œ':
                return "OE";
            case 'Æ', 'æ':
                return "AE";
            case 'ß':
                return "SS";
            default:
                break;
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(1);
        for (int i = 0; i < base.length(); i++) {
            char b = base.charAt(i);
            if (b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
                kept.append(b);
            }
        }
        return kept.length() == 0 ? " " : kept.toString();
    }
}
