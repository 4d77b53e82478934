package fr.relais.cps.keycloak;

import java.net.URI;
import java.net.URISyntaxException;
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
import fr.relais.cps.revocation.OcspClient;
import fr.relais.cps.revocation.RevocationChecker;

/** The realm's card-login settings (the authenticator's configuration in the admin console). */
final class CardLoginConfig {

    static final String ACCEPTED_CARD_TYPES = "relais.cps.accepted-card-types";
    static final String TEST_MODE = "relais.cps.test-mode";
    static final String REVOCATION_CHECKING = "relais.cps.revocation-checking";
    static final String CRL_GRACE_HOURS = "relais.cps.crl-grace-hours";
    static final String OCSP = "relais.cps.ocsp";
    static final String OCSP_RESPONDER_URL = "relais.cps.ocsp-responder-url";
    static final String OCSP_TIMEOUT_MILLIS = "relais.cps.ocsp-timeout-ms";
    /** Short: OCSP is asked during the login, and the stored CRL answers when it is slow. */
    static final Duration DEFAULT_OCSP_TIMEOUT = Duration.ofMillis(1500);
    /** Beyond a year a stale CRL no longer says anything about revocation. */
    static final Duration MAX_CRL_GRACE = Duration.ofDays(365);

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
            .property().name(OCSP).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("Ask OCSP")
            .helpText("Also ask the authority's OCSP responder during the login, once the certificate chain is verified. "
                    + "A verified answer decides: \"good\" signs in, \"revoked\" refuses. A card listed on the stored CRL "
                    + "is refused whatever OCSP says, without asking. When the responder is slow, unreachable, answers "
                    + "\"unknown\" or sends a response that does not verify, the stored CRL decides as if OCSP were off. "
                    + "Events record revocation_source (crl, ocsp, crl-after-ocsp-failure) and ocsp_failure. Off by "
                    + "default: it puts a network call in every card login.")
            .defaultValue("false")
            .add()
            .property().name(OCSP_RESPONDER_URL).type(ProviderConfigProperty.STRING_TYPE)
            .label("OCSP responder URL")
            .helpText("http(s) URL of the OCSP responder to ask for every card, e.g. a local relay. Empty: the OCSP URL "
                    + "of the card certificate (authority information access), read only after the certificate is "
                    + "verified. Responses must still be signed by the card's authority or a responder it designated.")
            .add()
            .property().name(OCSP_TIMEOUT_MILLIS).type(ProviderConfigProperty.STRING_TYPE)
            .label("OCSP timeout (ms)")
            .helpText("Longest a login waits for the OCSP responder, connection and answer included, before the "
                    + "stored CRL decides. Default " + DEFAULT_OCSP_TIMEOUT.toMillis() + " ms; values above "
                    + OcspClient.MAX_TIMEOUT.toMillis() + " ms are capped.")
            .defaultValue(Long.toString(DEFAULT_OCSP_TIMEOUT.toMillis()))
            .add()
            .build();

    private final Map<String, String> values;

    CardLoginConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    /** @throws IllegalArgumentException naming the setting, when it names an unknown card type */
    CardPolicy policy() {
        String types = values.get(ACCEPTED_CARD_TYPES);
        Set<CardType> accepted = types == null ? CardPolicy.DEFAULT_ACCEPTED : EnumSet.noneOf(CardType.class);
        if (types != null) {
            for (String type : types.split("##")) {
                if (!type.isBlank()) {
                    // Refused rather than skipped: guessing could widen or narrow who signs in.
                    try {
                        accepted.add(CardType.valueOf(type.trim()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(ACCEPTED_CARD_TYPES + " names an unknown card type: " + type);
                    }
                }
            }
        }
        return new CardPolicy(accepted, Boolean.parseBoolean(values.getOrDefault(TEST_MODE, "false")));
    }

    boolean revocationChecking() {
        return Boolean.parseBoolean(values.getOrDefault(REVOCATION_CHECKING, "true"));
    }

    /** @throws IllegalArgumentException naming the setting, when it is not a usable number of hours */
    Duration crlGrace() {
        String hours = values.get(CRL_GRACE_HOURS);
        if (hours == null || hours.isBlank()) {
            return RevocationChecker.DEFAULT_GRACE;
        }
        long value;
        try {
            value = Long.parseLong(hours.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CRL_GRACE_HOURS + " is not a number of hours: " + hours);
        }
        if (value < 0 || value > MAX_CRL_GRACE.toHours()) {
            throw new IllegalArgumentException(CRL_GRACE_HOURS + " must be between 0 and " + MAX_CRL_GRACE.toHours()
                    + ": " + hours);
        }
        return Duration.ofHours(value);
    }

    boolean ocsp() {
        return Boolean.parseBoolean(values.getOrDefault(OCSP, "false"));
    }

    /**
     * @return null when the card certificate's own OCSP URL is to be used
     * @throws IllegalArgumentException naming the setting, when it is not an http(s) URL
     */
    URI ocspResponder() {
        String url = values.get(OCSP_RESPONDER_URL);
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(OCSP_RESPONDER_URL + " is not a URL: " + url);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(OCSP_RESPONDER_URL + " must be an http or https URL: " + url);
        }
        return uri;
    }

    /** @throws IllegalArgumentException naming the setting, when it is not a positive number of milliseconds */
    Duration ocspTimeout() {
        String millis = values.get(OCSP_TIMEOUT_MILLIS);
        if (millis == null || millis.isBlank()) {
            return DEFAULT_OCSP_TIMEOUT;
        }
        long value;
        try {
            value = Long.parseLong(millis.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OCSP_TIMEOUT_MILLIS + " is not a number of milliseconds: " + millis);
        }
        if (value <= 0) {
            throw new IllegalArgumentException(OCSP_TIMEOUT_MILLIS + " must be positive: " + millis);
        }
        Duration timeout = Duration.ofMillis(value);
        return timeout.compareTo(OcspClient.MAX_TIMEOUT) > 0 ? OcspClient.MAX_TIMEOUT : timeout;
    }
}
