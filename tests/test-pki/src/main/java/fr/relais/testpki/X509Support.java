package fr.relais.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Plumbing shared by CA, card and server certificates. It relies on the JDK's default providers only, so
 * using the library never registers BouncyCastle as a JCA provider in the caller's JVM.
 */
final class X509Support {

    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    /** Backdating absorbs clock skew between the test JVM and containers that check the certificate. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private X509Support() {
    }

    static SecureRandom random() {
        return RANDOM;
    }

    static KeyPair newRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA-" + bits + " key", e);
        }
    }

    /** A NIST P-256 key, the curve every TLS client supports. */
    static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }

    /**
     * 16 random bytes with the top bit cleared and the next one set: always a positive INTEGER of exactly
     * 16 octets, the shape of the real card serial numbers.
     */
    static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7F) | 0x40);
        return new BigInteger(1, bytes);
    }

    static Instant defaultNotBefore() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    }

    static Instant plus(Instant start, Period period) {
        return start.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + key.getAlgorithm() + " key", e);
        }
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot convert the certificate", e);
        }
    }

    static SubjectKeyIdentifier subjectKeyIdentifier(PublicKey key) {
        return extensionUtils().createSubjectKeyIdentifier(key);
    }

    /** Key identifier only, as in the real certificates (no issuer name and serial). */
    static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer) {
        byte[] value = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value == null) {
            return new AuthorityKeyIdentifier(subjectKeyIdentifier(issuer.getPublicKey()).getKeyIdentifier());
        }
        byte[] ski = ASN1OctetString.getInstance(ASN1OctetString.getInstance(value).getOctets()).getOctets();
        return new AuthorityKeyIdentifier(ski);
    }

    /** The certificate followed by its issuer's chain. */
    static List<X509Certificate> chain(X509Certificate certificate, CertificateAuthority issuer) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return chain;
    }

    static CRLDistPoint crlDistributionPoint(String url) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    static AuthorityInformationAccess caIssuers(String url) {
        return authorityInformationAccess(url, null);
    }

    /** Either URL may be null; at least one must be set. */
    static AuthorityInformationAccess authorityInformationAccess(String caIssuersUrl, String ocspUrl) {
        List<AccessDescription> descriptions = new ArrayList<>();
        if (caIssuersUrl != null) {
            descriptions.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
        }
        if (ocspUrl != null) {
            descriptions.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
        return new AuthorityInformationAccess(descriptions.toArray(AccessDescription[]::new));
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
