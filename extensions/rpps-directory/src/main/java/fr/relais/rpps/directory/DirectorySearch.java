package fr.relais.rpps.directory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an administrator's user search asks of the directory. The admin console sends free text
 * ({@code search}) or {@code attribute:value} pairs; this maps them to the few lookups the tables are
 * indexed for, and to nothing for searches that would scan the country ("*", one letter).
 *
 * @param kind  which index answers
 * @param value the idNat_PS or RPPS/ADELI number, the name key prefix, the profession code, the FINESS number
 */
public record DirectorySearch(Kind kind, String value) {

    public enum Kind {
        /** idNat_PS, RPPS number or ADELI number, exactly. */
        IDENTIFIER,
        /** Prefix of "LAST NAME FIRST NAME" (see {@link SearchNames}). */
        NAME,
        PROFESSION,
        FINESS
    }

    /** The admin console's free-text parameter (Keycloak's {@code UserModel.SEARCH}). */
    public static final String SEARCH_PARAMETER = "keycloak.session.realm.users.query.search";

    private static final Pattern IDENTIFIER = Pattern.compile("[0-9][0-9A-Za-z]{8,29}");
    private static final int MIN_NAME_LENGTH = 2;

    /**
     * @param parameters the query the admin console or REST caller sent to Keycloak's user search
     */
    public static Optional<DirectorySearch> from(Map<String, String> parameters) {
        String idNat = parameters.get("idnat_ps");
        if (idNat != null && !idNat.isBlank()) {
            return Optional.of(new DirectorySearch(Kind.IDENTIFIER, idNat.trim()));
        }
        String profession = parameters.get(RppsAttributes.PROFESSION_CODE);
        if (profession != null && !profession.isBlank()) {
            return Optional.of(new DirectorySearch(Kind.PROFESSION, profession.trim()));
        }
        String finess = parameters.get(RppsAttributes.FINESS);
        if (finess != null && !finess.isBlank()) {
            return Optional.of(new DirectorySearch(Kind.FINESS, finess.trim().toUpperCase(Locale.ROOT)));
        }
        return freeText(parameters.get(SEARCH_PARAMETER));
    }

    /** Free text: an identifier when it looks like one, otherwise the beginning of a name. */
    public static Optional<DirectorySearch> freeText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // The console wraps terms in '*' for a "contains" search and sends '*' alone to list everyone.
        String term = text.replace("*", "").replace("\"", "").trim();
        if (IDENTIFIER.matcher(term).matches()) {
            return Optional.of(new DirectorySearch(Kind.IDENTIFIER, term));
        }
        String key = SearchNames.key(term);
        if (key.length() < MIN_NAME_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new DirectorySearch(Kind.NAME, key));
    }

    /** Whether the search targets the directory's own attributes, which local storage cannot match. */
    public boolean byDirectoryAttribute() {
        return kind == Kind.PROFESSION || kind == Kind.FINESS;
    }
}
