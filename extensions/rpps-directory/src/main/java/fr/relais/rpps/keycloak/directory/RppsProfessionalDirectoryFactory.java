package fr.relais.rpps.keycloak.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.rpps.directory.TimeToLive;
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

    static final String ACCOUNT_CACHE_SECONDS = "account-cache-seconds";
    static final int DEFAULT_ACCOUNT_CACHE_SECONDS = 300;
    /** About 100 bytes an entry: a few megabytes at most, more accounts than any establishment has. */
    private static final int ACCOUNT_CACHE_ENTRIES = 50_000;

    private AccountIdCache accounts;

    @Override
    public ProfessionalDirectory create(KeycloakSession session) {
        return new RppsProfessionalDirectory(session, Clock.systemUTC(), accounts);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        int seconds = config.getInt(ACCOUNT_CACHE_SECONDS, DEFAULT_ACCOUNT_CACHE_SECONDS);
        if (seconds < 0) {
            throw new IllegalArgumentException("spi-relais-professional-directory--" + PROVIDER_ID + "--"
                    + ACCOUNT_CACHE_SECONDS + " must be 0 (off) or a number of seconds, not " + seconds);
        }
        accounts = new AccountIdCache(TimeToLive.of(Duration.ofSeconds(seconds), ACCOUNT_CACHE_ENTRIES));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ACCOUNT_CACHE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                    .defaultValue(DEFAULT_ACCOUNT_CACHE_SECONDS)
                    .helpText("Durée (secondes) pendant laquelle un nœud retient quel compte porte un idNat_PS, pour ne pas "
                            + "interroger la base à chaque connexion par carte ou PSC d'un compte créé à la main ou par les RH. "
                            + "Le compte est relu et son idNat_PS revérifié à chaque connexion ; seul un second compte doté plus "
                            + "tard du même idNat_PS peut rester inaperçu pendant cette durée. 0 : désactivé. / Seconds a node "
                            + "remembers which account carries an idNat_PS; 0 turns it off.")
                    .add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
