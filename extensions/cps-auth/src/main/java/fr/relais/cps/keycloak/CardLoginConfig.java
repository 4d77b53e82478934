package fr.relais.cps.keycloak;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.cps.policy.CardPolicy;
import fr.relais.cps.profile.CardType;
import fr.relais.cps.revocation.RevocationChecker;

/** The realm's card-login settings (the authenticator's configuration in the admin console). */
final class CardLoginConfig {

    static final String ACCEPTED_CARD_TYPES = "relais.cps.accepted-card-types";
    static final String TEST_MODE = "relais.cps.test-mode";
    static final String REVOCATION_CHECKING = "relais.cps.revocation-checking";
    static final String CRL_GRACE_HOURS = "relais.cps.crl-grace-hours";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ACCEPTED_CARD_TYPES).type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .label("Accepted card types")
            .helpText("Card types that may sign in (certificate extension 1.2.250.1.71.1.2.2). The default keeps the "
                    + "nominative cards of professionals, CPS and CPF: RIE v2 accepts only RPPS-based nominative means, "
                    + "so structure cards (CPE, CPA) are refused with a message saying so unless you add them here.")
            .options(Arrays.stream(CardType.values()).map(Enum::name).toList())
            .defaultValue(String.join("##", CardPolicy.DEFAULT_ACCEPTED.stream().map(Enum::name).toList()))
            .add()
            .property().name(TEST_MODE).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("Test mode")
            .helpText("Accept \"CPx de TEST\" cards (extension 1.2.250.1.71.1.2.5). Only for test realms: test cards are "
                    + "handed out to software vendors and must never open a production service. The TEST authorities "
                    + "must also be enabled on the server (spi-authenticator--relais-cps-card--test-authorities).")
            .defaultValue("false")
            .add()
            .property().name(REVOCATION_CHECKING).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("Check revocation")
            .helpText("Refuse cards listed on their authority's CRL. CRLs are downloaded in the background and stored in "
                    + "the database; a login never waits for a download. Turn off only to diagnose.")
            .defaultValue("true")
            .add()
            .property().name(CRL_GRACE_HOURS).type(ProviderConfigProperty.STRING_TYPE)
            .label("CRL grace (hours)")
            .helpText("How long after a CRL's nextUpdate logins still rely on it when no newer CRL could be fetched "
                    + "(internet or CRL server down). Such logins are marked revocation_grace=true in their event. "
                    + "Past this window card logins are refused and the user is told to contact IT. Default 72 hours.")
            .defaultValue(Long.toString(RevocationChecker.DEFAULT_GRACE.toHours()))
            .add()
            .build();

    private final Map<String, String> values;

    CardLoginConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    CardPolicy policy() {
        String types = values.get(ACCEPTED_CARD_TYPES);
        Set<CardType> accepted = types == null ? CardPolicy.DEFAULT_ACCEPTED : EnumSet.noneOf(CardType.class);
        if (types != null) {
            for (String type : types.split("##")) {
                if (!type.isBlank()) {
                    accepted.add(CardType.valueOf(type.trim()));
                }
            }
        }
        return new CardPolicy(accepted, Boolean.parseBoolean(values.getOrDefault(TEST_MODE, "false")));
    }

    boolean revocationChecking() {
        return Boolean.parseBoolean(values.getOrDefault(REVOCATION_CHECKING, "true"));
    }

    Duration crlGrace() {
        String hours = values.get(CRL_GRACE_HOURS);
        return hours == null || hours.isBlank() ? RevocationChecker.DEFAULT_GRACE : Duration.ofHours(Long.parseLong(hours.trim()));
    }
}
