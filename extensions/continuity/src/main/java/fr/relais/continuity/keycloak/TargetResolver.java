package fr.relais.continuity.keycloak;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;

import fr.relais.continuity.health.TargetSetting;
import fr.relais.spi.health.Upstream;

/**
 * Turns the target settings into addresses. With {@code auto}, the addresses come from the
 * configuration that actually uses the upstream, so that operators configure each address once:
 * the realms' Pro Santé Connect identity providers, and the CPS card login's CRL URLs. Only
 * Keycloak's public model is read (identity provider models, server config), never another
 * module's classes.
 */
final class TargetResolver {

    private static final Logger LOG = Logger.getLogger(TargetResolver.class);

    /** PSC publishes its metadata at this non-standard path (domain notes, psc-and-rie.md §1.1). */
    static final String PSC_DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";
    /** The CPS card authenticator (extensions/cps-auth) and its server option naming the CRL URLs. */
    static final String CARD_AUTHENTICATOR = "relais-cps-card";
    static final String CARD_CRL_URLS = "crl-urls";

    private final UpstreamHealthServerConfig config;
    /** Problems already logged, so a misconfigured provider does not fill the log every round. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    TargetResolver(UpstreamHealthServerConfig config) {
        this.config = config;
    }

    Map<Upstream, List<URI>> resolve(KeycloakSession session, Set<Upstream> upstreams) {
        Map<Upstream, List<URI>> targets = new EnumMap<>(Upstream.class);
        for (Upstream upstream : upstreams) {
            TargetSetting setting = config.targets(upstream);
            targets.put(upstream, setting.auto() ? auto(session, upstream) : setting.urls());
        }
        return targets;
    }

    private List<URI> auto(KeycloakSession session, Upstream upstream) {
        return switch (upstream) {
            case PRO_SANTE_CONNECT -> pscIdentityProviders(session);
            case CRL_SOURCES -> cardLoginCrlUrls(session);
            case RPPS_SOURCE -> List.of();
        };
    }

    /** Discovery and keys of every enabled PSC identity provider, as the provider itself computes them. */
    private List<URI> pscIdentityProviders(KeycloakSession session) {
        Set<URI> urls = new LinkedHashSet<>();
        RealmModel previous = session.getContext().getRealm();
        try {
            for (RealmModel realm : session.realms().getRealmsStream().toList()) {
                session.getContext().setRealm(realm);
                for (IdentityProviderModel model : session.identityProviders().getAllStream().toList()) {
                    if (model.isEnabled() && PscIdentityProviders.TYPE.equals(model.getProviderId())) {
                        addPscEndpoints(session, realm, model, urls);
                    }
                }
            }
        } finally {
            session.getContext().setRealm(previous);
        }
        return new ArrayList<>(urls);
    }

    private void addPscEndpoints(KeycloakSession session, RealmModel realm, IdentityProviderModel model, Set<URI> urls) {
        String where = realm.getName() + "/" + model.getAlias();
        try {
            IdentityProviderFactory<?> factory = (IdentityProviderFactory<?>) session.getKeycloakSessionFactory()
                    .getProviderFactory(IdentityProvider.class, model.getProviderId());
            if (factory == null) {
                return;
            }
            // The provider derives its endpoints from the PSC environment; ask it rather than guess.
            if (factory.create(session, model).getConfig() instanceof OIDCIdentityProviderConfig oidc) {
                if (oidc.getIssuer() != null && !oidc.getIssuer().isBlank()) {
                    urls.addAll(TargetSetting.parseUrls(stripSlash(oidc.getIssuer()) + PSC_DISCOVERY_PATH));
                }
                if (oidc.getJwksUrl() != null && !oidc.getJwksUrl().isBlank()) {
                    urls.addAll(TargetSetting.parseUrls(oidc.getJwksUrl()));
                }
            }
        } catch (RuntimeException e) {
            if (reported.add(where + e.getMessage())) {
                LOG.warnf("Fournisseur Pro Santé Connect %s : adresses non sondables (%s) / PSC provider %s cannot be probed",
                        where, e.getMessage(), where);
            }
        }
    }

    /** The card login's configured CRL URLs, or its default when unset; none if card login is not deployed. */
    private List<URI> cardLoginCrlUrls(KeycloakSession session) {
        String configured = Config.scope("authenticator", CARD_AUTHENTICATOR).get(CARD_CRL_URLS);
        if (configured == null) {
            ProviderFactory<?> card = session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, CARD_AUTHENTICATOR);
            if (card == null) {
                return List.of();
            }
            configured = card.getConfigMetadata().stream()
                    .filter(p -> CARD_CRL_URLS.equals(p.getName()))
                    .map(ProviderConfigProperty::getDefaultValue)
                    .filter(v -> v != null)
                    .map(Object::toString)
                    .findFirst().orElse("");
        }
        try {
            return TargetSetting.parseUrls(configured);
        } catch (IllegalArgumentException e) {
            if (reported.add("crl" + configured)) {
                LOG.warnf("URL de CRL non sondable : %s / CRL URL cannot be probed", e.getMessage());
            }
            return List.of();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
