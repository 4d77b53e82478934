package fr.relais.pscsim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Comparing a configured subject DN with a certificate's. */
final class DistinguishedNames {

    private DistinguishedNames() {
    }

    /**
     * Equal as X.500 names (case and spacing do not matter), in either order: Java writes DNs leaf first
     * ("CN=..., O=..., C=FR") while openssl prints them root first ("C = FR, O = ..., CN = ..."), and an operator
     * copies whichever they have at hand.
     */
    static boolean same(X500Principal configured, X500Principal actual) {
        if (configured.equals(actual)) {
            return true;
        }
        List<Rdn> reversed = new ArrayList<>(rdns(configured));
        Collections.reverse(reversed);
        return reversed.equals(rdns(actual));
    }

    private static List<Rdn> rdns(X500Principal principal) {
        try {
            return new LdapName(principal.getName(X500Principal.CANONICAL)).getRdns();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }
}
