package fr.relais.continuity.keycloak.login;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.spi.health.Upstream;

/** Condition "upstream known down", for sub-flows that apply only during an outage. */
public final class UpstreamDownConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-condition-upstream-down";
    static final String UPSTREAM = "upstream";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(UPSTREAM).label("Upstream")
            .helpText("The outside service whose outage makes this condition true. The state comes from the Relais "
                    + "upstream health probes; \"unknown\" and \"degraded\" do not count as down. A value that names no "
                    + "upstream makes the condition true, as during an outage, and is logged as an error: the outage "
                    + "rules it guards (no password alone) are the stricter side.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(Arrays.stream(Upstream.values()).map(Enum::name).toList())
            .defaultValue(Upstream.PRO_SANTE_CONNECT.name())
            .add().build();

    /**
     * The configured upstream; Pro Santé Connect when the execution has no configuration; empty when the
     * setting names no upstream (a realm imported or edited through the admin API with a typo).
     */
    static Optional<Upstream> upstream(AuthenticatorConfigModel config) {
        String name = config == null ? null : config.getConfig().get(UPSTREAM);
        if (name == null || name.isBlank()) {
            return Optional.of(Upstream.PRO_SANTE_CONNECT);
        }
        return Arrays.stream(Upstream.values()).filter(u -> u.name().equals(name.trim())).findFirst();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - condition - upstream down";
    }

    @Override
    public String getHelpText() {
        return "True while the Relais upstream health probes find the chosen upstream (Pro Santé Connect by default) down. "
                + "Decided from the probes' last state: it never waits on the network.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return UpstreamDownCondition.INSTANCE;
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
