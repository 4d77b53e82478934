package fr.relais.psc.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The organisation's table from PSC's {@code SubjectRole} codes to its own roles. PSC sends
 * {@code SubjectRole} as coded values {@code code^OID} (today the profession code under
 * {@code 1.2.250.1.213.1.1.5.5}, e.g. {@code 10^1.2.250.1.213.1.1.5.5} for a physician); the table is
 * keyed by the code, so an entry may be written with or without its OID.
 */
public final class SubjectRoleMapping {

    public static final String CLAIM = "SubjectRole";

    private final Map<String, Set<String>> rolesByCode;

    private SubjectRoleMapping(Map<String, Set<String>> rolesByCode) {
        this.rolesByCode = rolesByCode;
    }

    /**
     * @param table PSC role code (with or without {@code ^OID}) to role names; blank keys and names are
     *              dropped, names of one code are merged
     */
    public static SubjectRoleMapping of(Map<String, ? extends Collection<String>> table) {
        Map<String, Set<String>> byCode = new LinkedHashMap<>();
        table.forEach((key, roles) -> {
            String code = code(key);
            if (code.isEmpty() || roles == null) {
                return;
            }
            for (String role : roles) {
                if (role != null && !role.isBlank()) {
                    byCode.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(role.trim());
                }
            }
        });
        return new SubjectRoleMapping(byCode);
    }

    /**
     * The codes of a {@code SubjectRole} claim: an array of coded values, or a single one. Anything else
     * (absent, object, number) means no role.
     */
    public static Set<String> codes(JsonNode claim) {
        Set<String> codes = new LinkedHashSet<>();
        if (claim == null) {
            return codes;
        }
        Iterable<JsonNode> values = claim.isArray() ? claim : List.of(claim);
        for (JsonNode value : values) {
            if (value.isTextual() && !code(value.asText()).isEmpty()) {
                codes.add(code(value.asText()));
            }
        }
        return codes;
    }

    /** The roles the table gives to these codes. */
    public Set<String> rolesFor(Collection<String> codes) {
        Set<String> roles = new LinkedHashSet<>();
        codes.forEach(code -> roles.addAll(rolesByCode.getOrDefault(code(code), Set.of())));
        return roles;
    }

    /** Every role the table can give: the ones a FORCE synchronisation takes back when PSC no longer says so. */
    public Set<String> allRoles() {
        Set<String> roles = new LinkedHashSet<>();
        rolesByCode.values().forEach(roles::addAll);
        return roles;
    }

    private static String code(String codedValue) {
        if (codedValue == null) {
            return "";
        }
        int caret = codedValue.indexOf('^');
        return (caret < 0 ? codedValue : codedValue.substring(0, caret)).trim();
    }
}
