package fr.relais.testpki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** One CA of a {@link TestPki}: its certificate, its key and the chain up to its root. */
public final class CertificateAuthority {

    private final String shortName;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    CertificateAuthority(String shortName, PrivateKey privateKey, List<X509Certificate> chain) {
        this.shortName = Objects.requireNonNull(shortName, "shortName");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("A CA needs at least its own certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** This CA's certificate first, up to and including its root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The name ANS uses in CRL and certificate file names, e.g. "ACI-FO-PP-TEST". */
    public String shortName() {
        return shortName;
    }

    public boolean isRoot() {
        return chain.size() == 1;
    }

    /** A new CRL of this CA, empty until entries are added. */
    public CrlBuilder crl() {
        return new CrlBuilder(this);
    }

    /** A response to {@code requestDer}, an OCSP request about a certificate of this CA, signed by this CA. */
    public OcspResponseBuilder ocspResponse(byte[] requestDer) {
        return new OcspResponseBuilder(this, requestDer);
    }

    /**
     * A delegated OCSP responder certificate issued by this CA (RFC 6960 §4.2.2.2), valid for a year.
     *
     * @param ocspSigning false leaves out the id-kp-OCSPSigning purpose: a certificate of this CA that
     *     must not be accepted as a responder
     */
    public IssuedCertificate ocspResponder(boolean ocspSigning) {
        KeyPair keys = X509Support.newRsaKeyPair(2048);
        Instant start = X509Support.defaultNotBefore();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), X509Support.randomSerial(),
                Date.from(start), Date.from(X509Support.plus(start, Period.ofYears(1))),
                new X500Name("CN=" + shortName + " OCSP,O=RELAIS TEST,C=FR"), keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    ocspSigning ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode responder extensions", e);
        }
        X509Certificate responder = X509Support.sign(builder, privateKey);
        return new IssuedCertificate(responder, keys.getPrivate(), X509Support.chain(responder, this));
    }

    @Override
    public String toString() {
        return shortName + " (" + certificate().getSubjectX500Principal().getName() + ")";
    }
}
