package fr.relais.rpps.keycloak.directory;

import java.time.Clock;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import fr.relais.spi.directory.ProfessionalDirectory;
import fr.relais.spi.directory.ProfessionalDirectoryFactory;

/**
 * The idNat_PS lookup card login and Pro Santé Connect use: the realm's accounts carrying the
 * {@code idnat_ps} attribute, then, when the realm accepts visiting professionals, an account created
 * on the spot for a professional of the RPPS directory.
 */
public final class RppsProfessionalDirectoryFactory implements ProfessionalDirectoryFactory {

    /**
     * Kept from the attribute-only directory this one replaces, which the install-layout integration test
     * names; renaming it to {@code relais-rpps-directory} goes together with that test.
     */
    public static final String PROVIDER_ID = "relais-attribute-directory";

    @Override
    public ProfessionalDirectory create(KeycloakSession session) {
        return new RppsProfessionalDirectory(session, Clock.systemUTC());
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
