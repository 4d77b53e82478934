package fr.relais.testpki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

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

    @Override
    public String toString() {
        return shortName + " (" + certificate().getSubjectX500Principal().getName() + ")";
    }
}
