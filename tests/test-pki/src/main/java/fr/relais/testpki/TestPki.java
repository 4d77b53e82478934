package fr.relais.testpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * An IGC-Santé look-alike PKI: three TEST roots (FORT, STANDARD, ELEMENTAIRE) and the intermediates Relais
 * meets, FORT PERSONNES (CPS/CPF cards), STANDARD PERSONNES (CPE/CPA cards) and ELEMENTAIRE ORGANISATIONS
 * (server certificates). Names, DN layout and CA extensions copy the real 2013 IGC-Santé CAs with "TEST", as
 * ANS's own test hierarchy does; the keys are ours, so nothing minted here is trusted by a real relying party.
 */
public final class TestPki {

    private static final String KEYSTORE_FILE = "test-pki.p12";
    private static final String OPTIONS_FILE = "test-pki.properties";

    private final Options options;
    private final Map<CaProfile, CertificateAuthority> authorities;

    private TestPki(Options options, Map<CaProfile, CertificateAuthority> authorities) {
        this.options = options;
        this.authorities = authorities;
    }

    /** A new hierarchy with {@link Options#defaults()}. */
    public static TestPki generate() {
        return generate(Options.defaults());
    }

    public static TestPki generate(Options options) {
        Objects.requireNonNull(options, "options");
        Map<CaProfile, CertificateAuthority> authorities = new EnumMap<>(CaProfile.class);
        for (CaProfile profile : CaProfile.values()) {
            CertificateAuthority parent = profile.parent() == null ? null : authorities.get(profile.parent());
            authorities.put(profile, CaCertificates.mint(profile, parent, options));
        }
        return new TestPki(options, authorities);
    }

    public Options options() {
        return options;
    }

    public CertificateAuthority fortRoot() {
        return authorities.get(CaProfile.FORT_ROOT);
    }

    public CertificateAuthority fortPersonnes() {
        return authorities.get(CaProfile.FORT_PERSONNES);
    }

    public CertificateAuthority standardRoot() {
        return authorities.get(CaProfile.STANDARD_ROOT);
    }

    public CertificateAuthority standardPersonnes() {
        return authorities.get(CaProfile.STANDARD_PERSONNES);
    }

    public CertificateAuthority elementaireRoot() {
        return authorities.get(CaProfile.ELEMENTAIRE_ROOT);
    }

    public CertificateAuthority elementaireOrganisations() {
        return authorities.get(CaProfile.ELEMENTAIRE_ORGANISATIONS);
    }

    /** Every CA, each root just before its intermediate. */
    public List<CertificateAuthority> authorities() {
        return List.copyOf(authorities.values());
    }

    /** The authorities whose CRLs a card login's revocation check reads: each card issuer and its root. */
    public List<CertificateAuthority> cardAuthoritiesAndRoots() {
        return List.of(fortRoot(), fortPersonnes(), standardRoot(), standardPersonnes());
    }

    /**
     * Writes what a card login's revocation check needs, nothing revoked and valid for {@code validity} from
     * now: the CRL of each card-issuing authority and the CRL of its root (the ARL, which lists revoked
     * authorities), as {@code <short name>.crl} files, as an operator drops them on a site without internet.
     */
    public void writeFreshCrls(Path folder, Duration validity) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
        Instant now = Instant.now();
        for (CertificateAuthority authority : cardAuthoritiesAndRoots()) {
            authority.crl().thisUpdate(now).nextUpdate(now.plus(validity)).crlNumber(BigInteger.valueOf(now.getEpochSecond()))
                    .writeDer(folder.resolve(authority.shortName() + ".crl"));
        }
    }

    /** The three roots. */
    public List<X509Certificate> trustAnchors() {
        List<X509Certificate> roots = new ArrayList<>();
        for (CertificateAuthority ca : authorities.values()) {
            if (ca.isRoot()) {
                roots.add(ca.certificate());
            }
        }
        return List.copyOf(roots);
    }

    /** A card authentication certificate for this idNat_PS, e.g. "899700252580" or "3750000001/EMP0001". */
    public CardCertificateBuilder card(String idNatPs) {
        return new CardCertificateBuilder(this, idNatPs);
    }

    /**
     * A TLS server certificate (serverAuth, SAN DNS/IP, CN = first name) from ELEMENTAIRE ORGANISATIONS, with
     * an RSA key of the options' leaf size, as IGC-Santé issues them.
     */
    public IssuedCertificate serverCertificate(String... dnsNamesOrIps) {
        return ServerCertificates.issue(elementaireOrganisations(), options, X509Support.newRsaKeyPair(options.leafKeySize()),
                dnsNamesOrIps);
    }

    /** The same with an ECDSA P-256 key, the kind the appliance generates for itself at its first start. */
    public IssuedCertificate ecServerCertificate(String... dnsNamesOrIps) {
        return ServerCertificates.issue(elementaireOrganisations(), options, X509Support.newP256KeyPair(), dnsNamesOrIps);
    }

    /**
     * Writes the CA keys and chains to {@code dir/test-pki.p12} (one entry per CA, aliased by short name) and
     * the options to {@code dir/test-pki.properties}, creating the directory if needed.
     */
    public void save(Path dir, char[] password) {
        KeyStore store = Pkcs12.empty();
        try {
            for (CertificateAuthority ca : authorities.values()) {
                store.setKeyEntry(ca.shortName(), ca.privateKey(), password,
                        ca.chain().toArray(X509Certificate[]::new));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the CA keys", e);
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(KEYSTORE_FILE), Pkcs12.toBytes(store, password));
            try (OutputStream out = Files.newOutputStream(dir.resolve(OPTIONS_FILE))) {
                options.toProperties().store(out, "Relais test PKI options");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the test PKI to " + dir, e);
        }
    }

    /** Reads back what {@link #save(Path, char[])} wrote. */
    public static TestPki load(Path dir, char[] password) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(OPTIONS_FILE))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test PKI options in " + dir, e);
        }
        KeyStore store = Pkcs12.read(dir.resolve(KEYSTORE_FILE), password);
        Map<CaProfile, CertificateAuthority> authorities = new EnumMap<>(CaProfile.class);
        try {
            for (CaProfile profile : CaProfile.values()) {
                PrivateKey key = (PrivateKey) store.getKey(profile.shortName(), password);
                Certificate[] chain = store.getCertificateChain(profile.shortName());
                if (key == null || chain == null) {
                    throw new IllegalStateException(dir.resolve(KEYSTORE_FILE) + " has no " + profile.shortName());
                }
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                authorities.put(profile, new CertificateAuthority(profile.shortName(), key, certificates));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA keys in " + dir, e);
        }
        return new TestPki(Options.fromProperties(properties), authorities);
    }

    CertificateAuthority personnesCaFor(CardType type) {
        return type.healthProfessional() ? fortPersonnes() : standardPersonnes();
    }

    /**
     * How a {@link TestPki} is minted. Immutable; start from {@link #defaults()} and use the {@code with...}
     * methods.
     *
     * @param caKeySize RSA modulus size of the CA keys (the real IGC-Santé CAs use 4096)
     * @param leafKeySize RSA modulus size of card keys and of RSA server keys (real cards use 2048)
     * @param caValidity validity of the roots; intermediates end one day earlier, as the real ones do
     * @param leafValidity default validity of card certificates (3 years on real cards)
     * @param crlBaseUrl HTTP base of the CRL distribution points: {@code <base>/<CA short name>.crl}
     * @param caIssuersBaseUrl when not null, leaf certificates get an AIA caIssuers URL
     *     {@code <base>/<CA short name>.cer}, as real cards do
     */
    public record Options(int caKeySize, int leafKeySize, Period caValidity, Period leafValidity, String crlBaseUrl,
            String caIssuersBaseUrl) {

        /**
         * A reserved (RFC 6761) host rather than the real igc-sante.esante.gouv.fr, so that a relying party that
         * fetches CRLs never downloads ANS's real ones, which our test keys did not sign.
         */
        public static final String DEFAULT_CRL_BASE_URL = "http://pki.relais.test/CRL";

        public Options {
            requireKeySize(caKeySize);
            requireKeySize(leafKeySize);
            Objects.requireNonNull(caValidity, "caValidity");
            Objects.requireNonNull(leafValidity, "leafValidity");
            crlBaseUrl = stripTrailingSlash(Objects.requireNonNull(crlBaseUrl, "crlBaseUrl"));
            caIssuersBaseUrl = caIssuersBaseUrl == null ? null : stripTrailingSlash(caIssuersBaseUrl);
        }

        /** RSA 2048 everywhere for speed, 20-year CAs, 3-year cards, CRLs under {@link #DEFAULT_CRL_BASE_URL}. */
        public static Options defaults() {
            return new Options(2048, 2048, Period.ofYears(20), Period.ofYears(3), DEFAULT_CRL_BASE_URL, null);
        }

        /** Sets both CA and leaf key sizes. */
        public Options withKeySize(int bits) {
            return new Options(bits, bits, caValidity, leafValidity, crlBaseUrl, caIssuersBaseUrl);
        }

        public Options withCaKeySize(int bits) {
            return new Options(bits, leafKeySize, caValidity, leafValidity, crlBaseUrl, caIssuersBaseUrl);
        }

        public Options withLeafKeySize(int bits) {
            return new Options(caKeySize, bits, caValidity, leafValidity, crlBaseUrl, caIssuersBaseUrl);
        }

        public Options withCaValidity(Period validity) {
            return new Options(caKeySize, leafKeySize, validity, leafValidity, crlBaseUrl, caIssuersBaseUrl);
        }

        public Options withLeafValidity(Period validity) {
            return new Options(caKeySize, leafKeySize, caValidity, validity, crlBaseUrl, caIssuersBaseUrl);
        }

        public Options withCrlBaseUrl(String url) {
            return new Options(caKeySize, leafKeySize, caValidity, leafValidity, url, caIssuersBaseUrl);
        }

        public Options withCaIssuersBaseUrl(String url) {
            return new Options(caKeySize, leafKeySize, caValidity, leafValidity, crlBaseUrl, url);
        }

        /** Where certificates issued by the CA of this short name say its CRL is published. */
        public String crlUrl(String caShortName) {
            return crlBaseUrl + "/" + caShortName + ".crl";
        }

        /** Null when AIA is disabled. */
        String caIssuersUrl(String caShortName) {
            return caIssuersBaseUrl == null ? null : caIssuersBaseUrl + "/" + caShortName + ".cer";
        }

        Properties toProperties() {
            Properties properties = new Properties();
            properties.setProperty("caKeySize", Integer.toString(caKeySize));
            properties.setProperty("leafKeySize", Integer.toString(leafKeySize));
            properties.setProperty("caValidity", caValidity.toString());
            properties.setProperty("leafValidity", leafValidity.toString());
            properties.setProperty("crlBaseUrl", crlBaseUrl);
            if (caIssuersBaseUrl != null) {
                properties.setProperty("caIssuersBaseUrl", caIssuersBaseUrl);
            }
            return properties;
        }

        static Options fromProperties(Properties properties) {
            return new Options(
                    Integer.parseInt(required(properties, "caKeySize")),
                    Integer.parseInt(required(properties, "leafKeySize")),
                    Period.parse(required(properties, "caValidity")),
                    Period.parse(required(properties, "leafValidity")),
                    required(properties, "crlBaseUrl"),
                    properties.getProperty("caIssuersBaseUrl"));
        }

        private static String required(Properties properties, String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("Missing TestPki option " + key);
            }
            return value;
        }

        private static void requireKeySize(int bits) {
            if (bits < 1024) {
                throw new IllegalArgumentException("RSA key size too small: " + bits);
            }
        }

        private static String stripTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
