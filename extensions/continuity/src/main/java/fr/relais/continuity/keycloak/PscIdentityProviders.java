package fr.relais.continuity.keycloak;

import java.util.List;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The identity providers that depend on Pro Santé Connect: those of the Relais PSC provider type
 * (extensions/psc-broker). Read from Keycloak's public model only, never from that module's classes.
 */
public final class PscIdentityProviders {

    /** Provider type of the Relais Pro Santé Connect identity provider. */
    public static final String TYPE = "relais-psc";

    private PscIdentityProviders() {
    }

    /** Aliases of the enabled PSC identity providers the login page of the session's current realm offers. */
    public static List<String> enabledAliases(KeycloakSession session) {
        // The login page's own list, which Keycloak caches: the whole list would be a database query per page.
        return session.identityProviders().getForLogin(IdentityProviderStorageProvider.FetchMode.REALM_ONLY, null)
                .filter(model -> TYPE.equals(model.getProviderId()))  // the login list holds enabled providers only
                .map(IdentityProviderModel::getAlias)
                .toList();
    }

    /** Whether this alias names a Pro Santé Connect identity provider of the session's current realm. */
    public static boolean isPsc(KeycloakSession session, String alias) {
        if (alias == null || alias.isBlank()) {
            return false;
        }
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        return model != null && TYPE.equals(model.getProviderId());
    }
}
