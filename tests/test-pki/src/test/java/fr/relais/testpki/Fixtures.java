package fr.relais.testpki;

import java.io.InputStream;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.Certificate;

/** Shared by the test classes: one hierarchy per test JVM, since RSA key generation dominates run time. */
final class Fixtures {

    static final TestPki PKI = TestPki.generate();

    private Fixtures() {
    }

    static X509Certificate resourceCertificate(String name) throws Exception {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing test resource " + name);
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static Certificate asn1(X509Certificate certificate) throws Exception {
        return Certificate.getInstance(certificate.getEncoded());
    }

    /** PKIX validation without revocation; the path excludes the root, as PKIX expects. */
    static PKIXCertPathValidatorResult validate(List<X509Certificate> chain, Collection<X509Certificate> roots)
            throws Exception {
        Set<TrustAnchor> anchors = roots.stream()
                .map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toSet());
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(factory.generateCertPath(chain.subList(0, chain.size() - 1)), parameters);
    }
}
