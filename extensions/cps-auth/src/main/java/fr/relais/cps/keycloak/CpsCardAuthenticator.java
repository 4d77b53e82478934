package fr.relais.cps.keycloak;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.x509.X509ClientCertificateLookup;

import fr.relais.cps.policy.CardPolicy;
import fr.relais.cps.policy.PolicyRefusal;
import fr.relais.cps.profile.CardProfile;
import fr.relais.cps.profile.CardProfileParser;
import fr.relais.cps.profile.ProfileResult;
import fr.relais.cps.revocation.OcspAnswer;
import fr.relais.cps.revocation.OcspClient;
import fr.relais.cps.revocation.OcspFailure;
import fr.relais.cps.revocation.RevocationChecker;
import fr.relais.cps.revocation.RevocationStatus;
import fr.relais.cps.revocation.RevocationVerdict;
import fr.relais.cps.trust.CardChainValidator;
import fr.relais.cps.trust.TrustResult;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Signs a professional in from the CPx card certificate presented over mutual TLS: profile, chain to
 * a configured IGC-Santé authority, realm card policy, revocation from stored CRLs, then the directory
 * by idNat_PS. Nothing in here touches the network, except the OCSP request of a realm that turns
 * OCSP on, bounded by its short timeout.
 */
final class CpsCardAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(CpsCardAuthenticator.class);
    private static final String TEMPLATE = "relais-card-refused.ftl";
    /** Form field of the refusal page: the professional chose to sign in another way. */
    private static final String OTHER_MEANS = "other-means";

    private final CardProfileParser parser;
    private final CardChainValidator validator;
    private final RevocationChecker revocation;
    private final OcspClient ocsp;

    CpsCardAuthenticator(CardProfileParser parser, CardChainValidator validator, RevocationChecker revocation,
                         OcspClient ocsp) {
        this.parser = parser;
        this.validator = validator;
        this.revocation = revocation;
        this.ocsp = ocsp;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        X509Certificate card = presentedCertificate(context);
        if (card == null) {
            if (cardIsTheOnlyWay(context)) {
                // Nothing else can sign this professional in: say what to check rather than a generic error.
                context.getEvent().detail(CardEventDetails.MEANS, CardEventDetails.MEANS_CARD);
                refuse(context, CardRefusal.NO_CARD, "no client certificate presented");
            } else {
                // No card in the reader (or no reader): the other means of the flow take over.
                context.attempted();
            }
            return;
        }
        CardLoginConfig config = new CardLoginConfig(context.getAuthenticatorConfig());
        CardPolicy policy;
        Duration crlGrace;
        try {
            policy = config.policy();
            crlGrace = config.crlGrace();
        } catch (IllegalArgumentException misconfigured) {
            // Fails closed: no card signs in until the realm's settings are fixed.
            LOG.errorf("Connexion par carte refusée : configuration de l'authentificateur inutilisable (%1$s). "
                    + "Card login refused: unusable authenticator configuration (%1$s).", misconfigured.getMessage());
            context.getEvent().clone().detail(CardEventDetails.REASON, misconfigured.getMessage()).error(Errors.INVALID_CONFIG);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            return;
        }
        EventBuilder event = context.getEvent().detail(CardEventDetails.MEANS, CardEventDetails.MEANS_CARD)
                .detail(CardEventDetails.SERIAL, card.getSerialNumber().toString(16))
                .detail(CardEventDetails.ISSUER, card.getIssuerX500Principal().getName());

        ProfileResult profileResult = parser.parse(card);
        if (profileResult instanceof ProfileResult.Rejected rejected) {
            refuse(context, CardRefusal.of(rejected.reason()), rejected.reason() + ": " + rejected.detail());
            return;
        }
        CardProfile profile = ((ProfileResult.Parsed) profileResult).profile();
        event.detail(CardEventDetails.ID_NAT_PS, profile.idNatPs()).detail(CardEventDetails.CARD_TYPE, profile.cardType().name());

        Instant now = Instant.now();
        TrustResult trust = validator.validate(card, now);
        if (trust instanceof TrustResult.Untrusted untrusted) {
            refuse(context, CardRefusal.of(untrusted.reason()), untrusted.reason() + ": " + untrusted.detail());
            return;
        }
        TrustResult.Trusted trusted = (TrustResult.Trusted) trust;
        Optional<PolicyRefusal> policyRefusal = policy.check(profile, trusted.testHierarchy());
        if (policyRefusal.isPresent()) {
            refuse(context, CardRefusal.of(policyRefusal.get()), policyRefusal.get().name());
            return;
        }
        if (config.revocationChecking() && !revocationAllows(context, config, card, trusted, now, crlGrace, event)) {
            return;
        }

        RealmModel realm = context.getRealm();
        Optional<UserModel> user = context.getSession().getProvider(ProfessionalDirectory.class)
                .findByIdNatPs(realm, profile.idNatPs());
        if (user.isEmpty()) {
            refuse(context, CardRefusal.UNKNOWN_PROFESSIONAL, "no user with this idNat_PS");
            return;
        }
        if (!user.get().isEnabled()) {
            context.setUser(user.get());
            refuse(context, CardRefusal.ACCOUNT_DISABLED, "account disabled");
            return;
        }
        context.setUser(user.get());
        context.getAuthenticationSession().setUserSessionNote(CardEventDetails.NOTE_AMR, CardEventDetails.CARD_AMR);
        context.getAuthenticationSession().setUserSessionNote(CardEventDetails.NOTE_ACR, CardEventDetails.ACR_MIE_2FA);
        context.getAuthenticationSession().setUserSessionNote(CardEventDetails.MEANS, CardEventDetails.MEANS_CARD);
        context.success();
    }

    /**
     * Revocation of the card's issuing authorities (by their issuers' stored CRLs), then of the card (by
     * its issuer's stored CRL, and OCSP when the realm turns it on). Refuses the login when it returns false.
     */
    private boolean revocationAllows(AuthenticationFlowContext context, CardLoginConfig config, X509Certificate card,
                                     TrustResult.Trusted trusted, Instant now, Duration crlGrace, EventBuilder event) {
        boolean authoritiesInGrace = false;
        for (RevocationChecker.AuthorityStatus authority : revocation.checkAuthorities(trusted.path(), now, crlGrace)) {
            String name = authority.authority().getSubjectX500Principal().getName();
            String root = authority.authority().getIssuerX500Principal().getName();
            if (authority.status() instanceof RevocationStatus.Good good) {
                authoritiesInGrace |= good.inGrace();
                continue;
            }
            event.detail(CardEventDetails.REVOCATION_SOURCE, RevocationVerdict.Source.CRL.label);
            if (authority.status() instanceof RevocationStatus.Revoked) {
                LOG.errorf("Connexion par carte refusée : l'autorité %1$s est révoquée par la liste de %2$s. "
                        + "Card login refused: authority %1$s is revoked on the CRL of %2$s.", name, root);
                refuse(context, CardRefusal.REVOKED, "issuing authority " + name + " listed on the CRL of " + root);
            } else if (authority.status() instanceof RevocationStatus.Stale stale) {
                LOG.errorf("Connexion par carte refusée : la liste des autorités révoquées de %1$s a dépassé sa date de mise à "
                        + "jour de %2$s, au-delà du délai de grâce ; rétablissez sa source ou déposez une liste récente. "
                        + "Card login refused: the CRL of %1$s (revoked authorities) is %2$s past its nextUpdate, beyond the "
                        + "grace window; restore its source or drop a fresh CRL file.", root, stale.overdue());
                refuse(context, CardRefusal.REVOCATION_UNAVAILABLE, "CRL of " + root + " stale beyond grace");
            } else {
                LOG.warnf("Connexion par carte refusée : aucune liste des autorités révoquées de %1$s n'est enregistrée "
                        + "(vérification de %2$s) ; ajoutez son URL à crl-urls ou déposez son fichier dans crl-drop-folder. "
                        + "Card login refused: no CRL of %1$s (revoked authorities, checked for %2$s) is stored; add its URL "
                        + "to crl-urls or drop its file in crl-drop-folder.", root, name);
                refuse(context, CardRefusal.REVOCATION_UNAVAILABLE, "no CRL stored for " + root);
            }
            return false;
        }
        X509Certificate issuer = trusted.issuer();
        // Only now, with the chain verified, may a URL taken from the certificate be contacted.
        Supplier<OcspAnswer> ocsp = config.ocsp() ? () -> askOcsp(config, card, issuer) : null;
        RevocationVerdict verdict = revocation.check(card.getSerialNumber(), issuer, now, crlGrace, ocsp);
        recordRevocation(event, verdict, authoritiesInGrace);
        switch (verdict.outcome()) {
            case REVOKED -> {
                refuse(context, CardRefusal.REVOKED, verdict.source() == RevocationVerdict.Source.OCSP
                        ? "revoked according to OCSP" : "listed on the CRL");
                return false;
            }
            case NO_CRL -> {
                LOG.warnf("Card login refused: no CRL stored for %s. Check the CRL sources or drop a CRL file "
                        + "(spi-authenticator--relais-cps-card--crl-urls / crl-drop-folder).", issuer.getSubjectX500Principal().getName());
                refuse(context, CardRefusal.REVOCATION_UNAVAILABLE, "no CRL stored for the issuer");
                return false;
            }
            case CRL_STALE -> {
                LOG.errorf("Card login refused: the CRL of %s is %s past its nextUpdate, beyond the grace window. "
                        + "Restore access to the CRL source or drop a fresh CRL file.", issuer.getSubjectX500Principal().getName(),
                        ((RevocationStatus.Stale) verdict.crl()).overdue());
                refuse(context, CardRefusal.REVOCATION_UNAVAILABLE, "CRL stale beyond grace");
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /** The refusal page's only button: continue with the flow's other means. */
    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(OTHER_MEANS)) {
            context.attempted();
            return;
        }
        authenticate(context);
    }

    private static X509Certificate presentedCertificate(AuthenticationFlowContext context) {
        try {
            X509ClientCertificateLookup lookup = context.getSession().getProvider(X509ClientCertificateLookup.class);
            // This step verifies the card itself and explains every refusal, so it reads the card as presented.
            X509Certificate[] chain = lookup instanceof CardTlsCertificateLookup cardTls
                    ? cardTls.presentedChain(context.getHttpRequest())
                    : lookup.getCertificateChain(context.getHttpRequest());
            return chain == null || chain.length == 0 ? null : chain[0];
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.debugf("No usable client certificate: %s", e.getMessage());
            return null;
        }
    }

    /**
     * Whether the login cannot get past this step without a card: the step is REQUIRED and so is every
     * sub-flow holding it, up to the top-level flow (a card-only flow bound to a sensitive client). A
     * CONDITIONAL sub-flow counts as required: it is only being run because its condition held.
     */
    private static boolean cardIsTheOnlyWay(AuthenticationFlowContext context) {
        AuthenticationExecutionModel execution = context.getExecution();
        String topLevelFlowId = context.getTopLevelFlow().getId();
        RealmModel realm = context.getRealm();
        while (execution != null) {
            if (!(execution.isRequired() || execution.isConditional())) {
                return false;
            }
            if (topLevelFlowId.equals(execution.getParentFlow())) {
                return true;
            }
            execution = realm.getAuthenticationExecutionByFlowId(execution.getParentFlow());
        }
        return false;
    }

    private static void refuse(AuthenticationFlowContext context, CardRefusal refusal, String reason) {
        context.getEvent().clone().detail(CardEventDetails.REASON, reason).error(refusal.eventError);
        context.failureChallenge(AuthenticationFlowError.INVALID_USER, context.form()
                .setError(refusal.messageKey)
                .setAttribute("relaisCardRefusal", refusal.messageKey)
                .setAttribute("relaisCardTitle", refusal.titleKey)
                .setAttribute("relaisOtherMeans", !cardIsTheOnlyWay(context))
                .setStatus(Response.Status.UNAUTHORIZED)
                .createForm(TEMPLATE));
    }

    private OcspAnswer askOcsp(CardLoginConfig config, X509Certificate card, X509Certificate issuer) {
        OcspAnswer answer;
        try {
            answer = ocsp.check(card, issuer, config.ocspResponder(), config.ocspTimeout());
        } catch (IllegalArgumentException misconfigured) {
            answer = new OcspAnswer.Failed(OcspFailure.MISCONFIGURED, misconfigured.getMessage());
        }
        if (answer instanceof OcspAnswer.Failed failed) {
            LOG.warnf("OCSP gave no usable answer for card %s (%s: %s); the stored CRL decides",
                    card.getSerialNumber().toString(16), failed.failure().label, failed.detail());
        }
        return answer;
    }

    /** @param authoritiesInGrace an issuing authority was found unrevoked on a CRL past its nextUpdate, within grace */
    private static void recordRevocation(EventBuilder event, RevocationVerdict verdict, boolean authoritiesInGrace) {
        event.detail(CardEventDetails.REVOCATION_SOURCE, verdict.source().label);
        if (verdict.ocspFailure() != null) {
            event.detail(CardEventDetails.OCSP_FAILURE, verdict.ocspFailure().failure().label);
        }
        RevocationStatus crl = verdict.crl();
        if (crl instanceof RevocationStatus.Good good) {
            event.detail(CardEventDetails.CRL_AGE, seconds(good.crlAge()));
        } else if (crl instanceof RevocationStatus.Revoked revoked) {
            event.detail(CardEventDetails.CRL_AGE, seconds(revoked.crlAge()));
        } else if (crl instanceof RevocationStatus.Stale stale) {
            event.detail(CardEventDetails.CRL_AGE, seconds(stale.crlAge()));
        }
        if (verdict.outcome() == RevocationVerdict.Outcome.NOT_REVOKED) {
            event.detail(CardEventDetails.REVOCATION_GRACE, Boolean.toString(verdict.inGrace() || authoritiesInGrace));
        }
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(0, duration.toSeconds()));
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
