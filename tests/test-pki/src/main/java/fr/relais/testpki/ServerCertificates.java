package fr.relais.testpki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.util.IPAddress;

/** TLS server certificates, the kind ELEMENTAIRE ORGANISATIONS issues to health-sector services. */
final class ServerCertificates {

    /**
     * Within the 398 days browsers allow public TLS certificates (Apple also caps locally trusted ones, at 825
     * days), so the demo certificate is accepted by every browser.
     */
    private static final Duration VALIDITY = Duration.ofDays(397);

    private ServerCertificates() {
    }

    /** @param keys an RSA key pair, as IGC-Santé issues, or an EC one, as the appliance generates for itself */
    static IssuedCertificate issue(CertificateAuthority ca, TestPki.Options options, KeyPair keys, String... dnsNamesOrIps) {
        if (dnsNamesOrIps == null || dnsNamesOrIps.length == 0) {
            throw new IllegalArgumentException("A server certificate needs at least one DNS name or IP address");
        }
        X500Name subject = new X500Name(new RDN[] {
                IgcSante.country(),
                IgcSante.utf8(BCStyle.O, "RELAIS TEST"),
                IgcSante.utf8(BCStyle.CN, dnsNamesOrIps[0])});
        Instant notBefore = X509Support.defaultNotBefore();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                X509Support.randomSerial(), Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)), subject,
                keys.getPublic());

        GeneralName[] names = new GeneralName[dnsNamesOrIps.length];
        for (int i = 0; i < names.length; i++) {
            String name = dnsNamesOrIps[i];
            names[i] = new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name);
        }
        String caIssuersUrl = options.caIssuersUrl(ca.shortName());
        try {
            builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    X509Support.subjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    X509Support.authorityKeyIdentifier(ca.certificate()));
            // keyEncipherment keeps RSA key exchange possible for old TLS clients; an EC key only signs.
            boolean rsa = "RSA".equals(keys.getPublic().getAlgorithm());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.cRLDistributionPoints, false,
                    X509Support.crlDistributionPoint(options.crlUrl(ca.shortName())));
            if (caIssuersUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, X509Support.caIssuers(caIssuersUrl));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode server certificate extensions", e);
        }

        X509Certificate certificate = X509Support.sign(builder, ca.privateKey());
        return new IssuedCertificate(certificate, keys.getPrivate(), X509Support.chain(certificate, ca));
    }
}
