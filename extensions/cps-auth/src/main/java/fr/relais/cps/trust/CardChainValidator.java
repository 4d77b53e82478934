package fr.relais.cps.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * Checks that a card certificate chains to one of the configured authorities, using only the
 * authorities' own certificates: nothing the client sent besides its leaf is trusted, and nothing is
 * fetched (no AIA, no CRL distribution point), so a forged certificate cannot make Relais contact a
 * URL of its choosing.
 */
public final class CardChainValidator {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;

    private final Map<X500Principal, List<X509Certificate>> authoritiesBySubject = new HashMap<>();
    private final List<String> acceptedPolicyPrefixes;
    private final Set<X509Certificate> testAuthorities;

    /**
     * @param authorities            roots and intermediate authorities, all trusted
     * @param acceptedPolicyPrefixes the card certificate must carry a policy OID starting with one of
     *                               these (IGC-Santé policies live under 1.2.250.1.213.1.)
     */
    public CardChainValidator(Collection<X509Certificate> authorities, List<String> acceptedPolicyPrefixes) {
        this(authorities, List.of(), acceptedPolicyPrefixes);
    }

    /**
     * @param testAuthorities those of the authorities that are TEST ones: cards they issued are reported as test
     *                        cards, since their own test-card extension may not say so
     */
    public CardChainValidator(Collection<X509Certificate> authorities, Collection<X509Certificate> testAuthorities,
                              List<String> acceptedPolicyPrefixes) {
        for (X509Certificate authority : authorities) {
            authoritiesBySubject.computeIfAbsent(authority.getSubjectX500Principal(), k -> new ArrayList<>()).add(authority);
        }
        this.testAuthorities = Set.copyOf(testAuthorities);
        this.acceptedPolicyPrefixes = List.copyOf(acceptedPolicyPrefixes);
    }

    public TrustResult validate(X509Certificate card, Instant at) {
        if (card.getBasicConstraints() != -1) {
            return untrusted(TrustRejection.NOT_AN_END_ENTITY, "the certificate is a CA certificate");
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(card);
        X509Certificate current = card;
        // IGC-Santé is two levels deep; the bound keeps a hostile configuration from looping.
        for (int depth = 0; depth < 5; depth++) {
            X509Certificate issuer = signerOf(current);
            if (issuer == null) {
                return untrusted(TrustRejection.UNKNOWN_CA, "no configured authority signed "
                        + current.getSubjectX500Principal().getName());
            }
            if (isSelfSigned(issuer)) {
                TrustResult result = validatePath(path, issuer, at);
                if (result != null) {
                    return result;
                }
                path.add(issuer);
                boolean testHierarchy = path.stream().anyMatch(testAuthorities::contains);
                return checkUsage(card, path, testHierarchy);
            }
            path.add(issuer);
            current = issuer;
        }
        return untrusted(TrustRejection.INVALID_PATH, "chain too long");
    }

    private X509Certificate signerOf(X509Certificate certificate) {
        for (X509Certificate candidate : authoritiesBySubject.getOrDefault(certificate.getIssuerX500Principal(), List.of())) {
            try {
                certificate.verify(candidate.getPublicKey());
                return candidate;
            } catch (GeneralSecurityException | RuntimeException wrongKey) {
                // Same name, other key: keep looking; a look-alike authority ends as UNKNOWN_CA.
            }
        }
        return null;
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** @return null when the path is valid, else the rejection */
    private static TrustResult validatePath(List<X509Certificate> path, X509Certificate root, Instant at) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            if (!root.getNotAfter().toInstant().isAfter(at) || root.getNotBefore().toInstant().isAfter(at)) {
                return untrusted(TrustRejection.CA_NOT_VALID, "root outside its validity");
            }
            return null;
        } catch (CertPathValidatorException e) {
            boolean onCard = e.getIndex() == 0;
            if (e.getReason() == BasicReason.EXPIRED) {
                return untrusted(onCard ? TrustRejection.EXPIRED : TrustRejection.CA_NOT_VALID, e.getMessage());
            }
            if (e.getReason() == BasicReason.NOT_YET_VALID) {
                return untrusted(onCard ? TrustRejection.NOT_YET_VALID : TrustRejection.CA_NOT_VALID, e.getMessage());
            }
            return untrusted(TrustRejection.INVALID_PATH, String.valueOf(e.getMessage()));
        } catch (GeneralSecurityException e) {
            return untrusted(TrustRejection.INVALID_PATH, e.getMessage());
        }
    }

    private TrustResult checkUsage(X509Certificate card, List<X509Certificate> path, boolean testHierarchy) {
        boolean[] keyUsage = card.getKeyUsage();
        if (keyUsage == null || !keyUsage[DIGITAL_SIGNATURE]) {
            return untrusted(TrustRejection.KEY_USAGE, "digitalSignature not allowed");
        }
        try {
            List<String> extendedKeyUsage = card.getExtendedKeyUsage();
            if (extendedKeyUsage == null || !extendedKeyUsage.contains(CLIENT_AUTH)) {
                return untrusted(TrustRejection.EXTENDED_KEY_USAGE, "clientAuth not allowed");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return untrusted(TrustRejection.EXTENDED_KEY_USAGE, "unreadable extended key usage");
        }
        if (!hasAcceptedPolicy(card)) {
            return untrusted(TrustRejection.POLICY, "no accepted certificate policy");
        }
        return new TrustResult.Trusted(path, testHierarchy);
    }

    private boolean hasAcceptedPolicy(X509Certificate card) {
        byte[] wrapped = card.getExtensionValue(Extension.certificatePolicies.getId());
        if (wrapped == null) {
            return false;
        }
        try {
            CertificatePolicies policies = CertificatePolicies.getInstance(ASN1OctetString.getInstance(wrapped).getOctets());
            for (PolicyInformation policy : policies.getPolicyInformation()) {
                String oid = policy.getPolicyIdentifier().getId();
                if (acceptedPolicyPrefixes.stream().anyMatch(oid::startsWith)) {
                    return true;
                }
            }
        } catch (RuntimeException malformed) {
            return false;
        }
        return false;
    }

    private static TrustResult untrusted(TrustRejection reason, String detail) {
        return new TrustResult.Untrusted(reason, detail);
    }
}
