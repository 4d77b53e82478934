package fr.relais.pscsim;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA with server and client certificates (EC P-256: fast to generate). */
final class TestCertificates {

    final KeyPair caKeys;
    final X509Certificate ca;

    private TestCertificates(KeyPair caKeys, X509Certificate ca) {
        this.caKeys = caKeys;
        this.ca = ca;
    }

    static TestCertificates newCa(String cn) {
        KeyPair keys = ecKeys();
        X500Name name = name("CN=" + cn + ",O=PSC SIMULATOR TEST,C=FR");
        return new TestCertificates(keys, sign(name, keys.getPrivate(), name, keys, true, null));
    }

    /** A key and chain for TLS on localhost. */
    Issued server() {
        KeyPair keys = ecKeys();
        return new Issued(keys.getPrivate(), sign(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                caKeys.getPrivate(), name("CN=localhost,O=PSC SIMULATOR TEST,C=FR"), keys, false,
                KeyPurposeId.id_kp_serverAuth, "localhost"), ca);
    }

    /** A client certificate with this subject DN, e.g. an IGC-Santé ORG AUTH_CLI look-alike. */
    Issued client(String subjectDn) {
        KeyPair keys = ecKeys();
        return new Issued(keys.getPrivate(), sign(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                caKeys.getPrivate(), name(subjectDn), keys, false, KeyPurposeId.id_kp_clientAuth), ca);
    }

    record Issued(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
    }

    /** A client context presenting {@code identity} (may be null) and trusting {@code trusted}. */
    static SSLContext clientContext(Issued identity, X509Certificate trusted) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (identity != null) {
                keys.setKeyEntry("client", identity.key(), new char[0],
                        new Certificate[] {identity.certificate(), identity.issuer()});
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, new char[0]);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trusted);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parsed as Java does (RFC 2253, leaf first), so that the certificate shows the DN exactly as written. */
    private static X500Name name(String dn) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name issuer, PrivateKey issuerKey, X500Name subject, KeyPair keys,
            boolean ca, KeyPurposeId purpose, String... dnsNames) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (dnsNames.length > 0) {
                GeneralName[] names = new GeneralName[dnsNames.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a test certificate", e);
        }
    }
}
