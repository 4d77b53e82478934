package fr.relais.rpps.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import fr.relais.spi.directory.ProfessionalDirectory;
import fr.relais.spi.directory.ProfessionalDirectoryFactory;

/**
 * The directory before any RPPS import exists: professionals are the realm's own users that carry the
 * {@code idnat_ps} attribute (set by an administrator or by HR provisioning).
 */
public final class AttributeProfessionalDirectoryFactory implements ProfessionalDirectoryFactory {

    public static final String PROVIDER_ID = "relais-attribute-directory";

    @Override
    public ProfessionalDirectory create(KeycloakSession session) {
        return new AttributeProfessionalDirectory(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
