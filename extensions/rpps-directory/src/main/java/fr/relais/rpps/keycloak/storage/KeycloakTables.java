package fr.relais.rpps.keycloak.storage;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.util.JpaUtils;

import fr.relais.rpps.store.RppsTables;

/** The RPPS tables in the schema Keycloak uses, qualified the way Keycloak qualifies its own native SQL. */
public final class KeycloakTables {

    private KeycloakTables() {
    }

    public static RppsTables of(EntityManager em) {
        String qualified = JpaUtils.getTableNameForNativeQuery("RELAIS_RPPS_PROFESSIONAL", em);
        int dot = qualified.lastIndexOf('.');
        return new RppsTables(dot < 0 ? null : qualified.substring(0, dot));
    }
}
