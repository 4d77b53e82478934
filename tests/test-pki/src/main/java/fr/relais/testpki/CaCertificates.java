package fr.relais.testpki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Mints CA certificates with the profile of the real IGC-Santé 2013 CAs. */
final class CaCertificates {

    private static final ASN1ObjectIdentifier ANY_POLICY = Extension.certificatePolicies.branch("0");

    private CaCertificates() {
    }

    static CertificateAuthority mint(CaProfile profile, CertificateAuthority parent, TestPki.Options options) {
        KeyPair keys = X509Support.newRsaKeyPair(options.caKeySize());
        X500Name subject = IgcSante.caName(profile.commonName());
        BigInteger serial = X509Support.randomSerial();
        Instant notBefore = X509Support.defaultNotBefore();
        SubjectKeyIdentifier ski = X509Support.subjectKeyIdentifier(keys.getPublic());

        X509v3CertificateBuilder builder;
        AuthorityKeyIdentifier aki;
        if (parent == null) {
            Instant notAfter = X509Support.plus(notBefore, options.caValidity());
            builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(notBefore), Date.from(notAfter),
                    subject, keys.getPublic());
            aki = new AuthorityKeyIdentifier(ski.getKeyIdentifier());
        } else {
            // The real intermediates expire one day before their root.
            Instant notAfter = parent.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1));
            builder = new JcaX509v3CertificateBuilder(parent.certificate(), serial, Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic());
            aki = X509Support.authorityKeyIdentifier(parent.certificate());
        }

        try {
            builder.addExtension(Extension.basicConstraints, true,
                    parent == null ? new BasicConstraints(true) : new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                    new PolicyInformation(ANY_POLICY,
                            new DERSequence(new PolicyQualifierInfo(IgcSante.CPS_URI_TEST)))));
            if (parent != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        X509Support.crlDistributionPoint(options.crlUrl(parent.shortName())));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, ski);
            builder.addExtension(Extension.authorityKeyIdentifier, false, aki);
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode CA extensions", e);
        }

        X509Certificate certificate =
                X509Support.sign(builder, parent == null ? keys.getPrivate() : parent.privateKey());
        return new CertificateAuthority(profile.shortName(), keys.getPrivate(),
                parent == null ? List.of(certificate) : X509Support.chain(certificate, parent));
    }
}
