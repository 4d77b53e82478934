package fr.relais.cps.keycloak;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

import fr.relais.cps.profile.CardProfileParser;
import fr.relais.cps.revocation.OcspClient;
import fr.relais.cps.revocation.RevocationChecker;
import fr.relais.cps.trust.CardChainValidator;
import fr.relais.cps.trust.IgcSanteAuthorities;

/**
 * CPS card login. Holds the server-wide pieces (trusted authorities, the CRL store and its background
 * jobs); each login gets a light authenticator reading the realm's settings.
 */
public final class CpsCardAuthenticatorFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "relais-cps-card";

    /** Nodes pick up a CRL stored by another node within this delay. */
    private static final long SYNC_INTERVAL_MILLIS = 15_000;

    private CardLoginServerConfig serverConfig;
    private CardRevocationService revocationService;
    private CpsCardAuthenticator authenticator;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - CPS card";
    }

    @Override
    public String getHelpText() {
        return "Signs a health professional in with the IGC-Santé authentication certificate of their CPS/CPx card, "
                + "presented over mutual TLS (or by a trusted reverse proxy through the X.509 certificate lookup SPI). "
                + "The certificate must chain to a trusted IGC-Santé authority, be of an accepted card type and not be "
                + "revoked according to the CRLs stored in the database; the professional is found by the idNat_PS of "
                + "the certificate's CN. OCSP can be turned on per realm (off by default), bounded by a short timeout, "
                + "with the stored CRL deciding whenever OCSP gives no usable answer. Without a card, as an ALTERNATIVE, "
                + "the flow's other alternatives run; as REQUIRED "
                + "(a card-only flow: this step and every sub-flow holding it REQUIRED), the professional gets a page "
                + "saying what to check and the event error relais_no_card. Apart from OCSP when on, nothing is fetched during login.";
    }

    @Override
    public String getReferenceCategory() {
        return "cps-card";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CardLoginConfig.PROPERTIES;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return CardLoginServerConfig.METADATA;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {
        serverConfig = CardLoginServerConfig.from(config);
        revocationService = new CardRevocationService(serverConfig.authorities());
        authenticator = new CpsCardAuthenticator(new CardProfileParser(),
                new CardChainValidator(serverConfig.authorities(), serverConfig.testAuthorities(), List.of(IgcSanteAuthorities.POLICY_ARC)),
                new RevocationChecker(revocationService.store()), new OcspClient());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                scheduleJobs(factory);
            }
        });
    }

    private void scheduleJobs(KeycloakSessionFactory factory) {
        // Logins after a restart use the CRLs stored before it, without waiting for any download.
        KeycloakModelUtils.runJobInTransaction(factory, revocationService::syncFromDatabase);
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            long download = serverConfig.crlRefreshInterval().toMillis();
            CrlDownloadTask downloadTask = new CrlDownloadTask(revocationService, serverConfig);
            timer.schedule(new ClusterAwareScheduledTaskRunner(factory, downloadTask, download), 1_000, download,
                    downloadTask.getTaskName());
            CrlSyncTask syncTask = new CrlSyncTask(revocationService);
            timer.schedule(new ScheduledTaskRunner(factory, syncTask), SYNC_INTERVAL_MILLIS, SYNC_INTERVAL_MILLIS,
                    syncTask.getTaskName());
        });
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return revocationService.operationalInfo();
    }

    @Override
    public void close() {
    }
}
