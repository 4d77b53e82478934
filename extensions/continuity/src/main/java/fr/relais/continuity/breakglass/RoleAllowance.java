package fr.relais.continuity.breakglass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles an emergency session keeps in its tokens: those named at activation, and only if the
 * professional actually holds them (the filter removes, it never adds). A realm role is written
 * {@code role}, a client role {@code clientId/role}.
 */
public record RoleAllowance(Set<String> allowed) {

    public RoleAllowance {
        allowed = Set.copyOf(allowed);
    }

    /** Parses the stored form: space- or comma-separated names. */
    public static RoleAllowance parse(String text) {
        Set<String> roles = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    roles.add(part.trim());
                }
            }
        }
        return new RoleAllowance(roles);
    }

    public String format() {
        return String.join(" ", allowed.stream().sorted().toList());
    }

    public boolean allowsRealmRole(String role) {
        return allowed.contains(role);
    }

    public boolean allowsClientRole(String clientId, String role) {
        return allowed.contains(clientId + "/" + role);
    }

    /** The realm roles of a token that may stay. */
    public List<String> keepRealmRoles(Collection<String> roles) {
        List<String> kept = new ArrayList<>();
        for (String role : roles) {
            if (allowsRealmRole(role)) {
                kept.add(role);
            }
        }
        return kept;
    }

    /** The roles of one client in a token that may stay. */
    public List<String> keepClientRoles(String clientId, Collection<String> roles) {
        List<String> kept = new ArrayList<>();
        for (String role : roles) {
            if (allowsClientRole(clientId, role)) {
                kept.add(role);
            }
        }
        return kept;
    }
}
