package fr.relais.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import fr.relais.testpki.CardCertificateBuilder;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.IssuedCertificate;
import fr.relais.testpki.Pem;
import fr.relais.testpki.TestPki;

/**
 * The local installation's IGC-Santé look-alike PKI, made once and kept in {@code pki/}: the server's
 * TLS certificate, the trust store of accepted card CAs, and one PKCS#12 card per demo professional.
 */
public final class DemoPki {

    private final Path dir;
    private final TestPki pki;
    private final char[] password;
    private final Map<DemoProfessional, IssuedCertificate> cards;

    private DemoPki(Path dir, TestPki pki, char[] password, Map<DemoProfessional, IssuedCertificate> cards) {
        this.dir = dir;
        this.pki = pki;
        this.password = password;
        this.cards = cards;
    }

    public static DemoPki loadOrCreate(Path dir, String password) {
        char[] secret = password.toCharArray();
        Path hierarchy = dir.resolve("hierarchy");
        try {
            if (Files.isDirectory(hierarchy)) {
                return load(dir, TestPki.load(hierarchy, secret), secret);
            }
            TestPki pki = TestPki.generate();
            Files.createDirectories(dir.resolve("cards"));
            pki.save(hierarchy, secret);
            // An ECDSA P-256 key, as the appliance generates for itself: logins are measured on what ships.
            IssuedCertificate server = pki.ecServerCertificate("localhost", "127.0.0.1");
            Files.writeString(dir.resolve("server.pem"), server.certificatePem() + chainPem(server));
            Files.writeString(dir.resolve("server-key.pem"), server.privateKeyPem());
            Pem.writeTrustStorePem(dir.resolve("test-roots.pem"), pki.trustAnchors());
            writeTrustStore(dir.resolve("card-ca-truststore.p12"), cardAuthorities(pki), secret);
            for (DemoProfessional professional : DemoProfessional.ALL) {
                CardCertificateBuilder builder = pki.card(professional.idNatPs())
                        .givenName(professional.givenName())
                        .surname(professional.surname())
                        .title(professional.title())
                        .cardType(professional.cardType())
                        .testCard(true);
                if (professional.professionCode() != null) {
                    builder.professionCode(professional.professionCode());
                }
                builder.issue().writePkcs12(cardFile(dir, professional), professional.username(), secret);
            }
            return load(dir, pki, secret);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the demo PKI in " + dir, e);
        }
    }

    private static DemoPki load(Path dir, TestPki pki, char[] password) throws IOException, GeneralSecurityException {
        Pem.writeTrustStorePem(dir.resolve("card-authorities.pem"), cardAuthorities(pki));
        Map<DemoProfessional, IssuedCertificate> cards = new LinkedHashMap<>();
        for (DemoProfessional professional : DemoProfessional.ALL) {
            cards.put(professional, readPkcs12(cardFile(dir, professional), password));
        }
        return new DemoPki(dir, pki, password, cards);
    }

    private static List<X509Certificate> cardAuthorities(TestPki pki) {
        return pki.authorities().stream().map(CertificateAuthority::certificate).toList();
    }

    private static String chainPem(IssuedCertificate certificate) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate ca : certificate.chain().subList(1, certificate.chain().size())) {
            pem.append(Pem.of(ca));
        }
        return pem.toString();
    }

    private static void writeTrustStore(Path file, List<X509Certificate> certificates, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (X509Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static IssuedCertificate readPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        List<X509Certificate> chain = java.util.Arrays.stream(store.getCertificateChain(alias))
                .map(X509Certificate.class::cast).toList();
        return new IssuedCertificate(chain.get(0), (java.security.PrivateKey) store.getKey(alias, password), chain);
    }

    static Path cardFile(Path dir, DemoProfessional professional) {
        return dir.resolve("cards").resolve(professional.username() + ".p12");
    }

    public Path dir() {
        return dir;
    }

    public TestPki hierarchy() {
        return pki;
    }

    public Path serverCertificate() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server-key.pem");
    }

    /** The TEST roots, for a browser that should trust the local server certificate. */
    public Path rootsPem() {
        return dir.resolve("test-roots.pem");
    }

    public Path cardTrustStore() {
        return dir.resolve("card-ca-truststore.p12");
    }

    /** Every TEST authority, for the card authenticator's {@code test-authorities} option. */
    public Path cardAuthoritiesPem() {
        return dir.resolve("card-authorities.pem");
    }

    /**
     * Writes the CRLs a card login needs (each card-issuing TEST authority's and its root's), valid for a week
     * from now, into {@code folder}: the card authenticator's drop folder on the local machine, which has no
     * CRL server.
     */
    public void writeFreshCrls(Path folder) {
        pki.writeFreshCrls(folder, Duration.ofDays(7));
    }

    public Path cardFile(DemoProfessional professional) {
        return cardFile(dir, professional);
    }

    public IssuedCertificate card(DemoProfessional professional) {
        return cards.get(professional);
    }

    /** A card of a visitor of the demo extraction (no account in the realm), issued anew on each call. */
    public IssuedCertificate card(DemoExtraction.Visitor visitor) {
        return pki.card(visitor.idNatPs()).givenName(visitor.givenName()).surname(visitor.surname())
                .title(visitor.professionLabel()).professionCode(visitor.professionCode()).issue();
    }

    /** TLS context that trusts the local server and presents no client certificate. */
    public SSLContext serverTrust() {
        return sslContext(null);
    }

    /** TLS context that trusts the local server and presents {@code card} when asked. */
    public SSLContext presenting(IssuedCertificate card) {
        return sslContext(card);
    }

    private SSLContext sslContext(IssuedCertificate clientCertificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate root : pki.trustAnchors()) {
                trust.setCertificateEntry("root-" + i++, root);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientCertificate != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("card", clientCertificate.privateKey(), password,
                        clientCertificate.chain().toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
