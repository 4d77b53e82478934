package fr.relais.testpki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Mints the authentication certificate of a CPx card, laid out like the real ANS test card: subject
 * {@code C=FR, title=<profession>, {CN=<idNat_PS> + GN + SN}} in that DER order, all UTF8String except C;
 * critical keyUsage digitalSignature; EKU clientAuth + smart-card logon; UPN otherName SAN
 * {@code <type>.<identifier>@carte-cps.fr}; HTTP CRL distribution point; the ASIP private extensions
 * 1.2.250.1.71.1.2.5 / .2 / .3 / .7. The LDAP distribution point and Freshest CRL of the real card are left
 * out: nothing in Relais can serve them; the OCSP URL only when {@link #ocspUrl(String)} names a responder.
 *
 * <p>Defaults: card type CPS, or CPE when the identifier contains "/" (CPE/CPA identifiers look like
 * {@code 3<FINESS>/<internal id>}); profession 10 (Médecin) for CPS/CPF and none for CPE/CPA; title = the
 * DICO G15 label of the profession code; names "CARTE TEST"; a test card (0x80); validity from one hour ago
 * for {@link TestPki.Options#leafValidity()}.
 *
 * <p>CPE/CPA certificates additionally carry the structure as {@code O=<name>, OU=<structure idNat>} between
 * C and title. This is UNCONFIRMED: it follows older third-party CPE/CPA examples, not a verified production
 * certificate; {@code OU} defaults to the structure identifier derived from the card identifier (person
 * prefix 3/4/5 of FINESS/SIREN/SIRET becomes structure prefix 1/2/3). Their title defaults to a made-up
 * "Personnel d'établissement" / "Personnel autorisé", and their policy OID is a guess (see
 * {@link IgcSante#POLICY_STANDARD_PERSONNES_AUTH_TEST}).
 */
public final class CardCertificateBuilder {

    /** The emitter part of the real test card's identifier "8025000001/2800383626". */
    private static final String CARD_ID_EMITTER = "8025000001";
    private static final String DEFAULT_ORGANIZATION = "STRUCTURE DE TEST";
    private static final Map<Character, Character> STRUCTURE_PREFIX_OF_PERSON_PREFIX =
            Map.of('1', '0', '3', '1', '4', '2', '5', '3', '6', '4');

    private final TestPki pki;
    private final String idNatPs;
    private String givenName = "CARTE";
    private String surname = "TEST";
    private String title;
    private Integer professionCode;
    private CardType cardType;
    private boolean testCard = true;
    private String cardId;
    private String crlDistributionPoint;
    private String ocspUrl;
    private Instant notBefore;
    private Instant notAfter;
    private BigInteger serial;
    private CertificateAuthority issuer;
    private String upn;
    private String organization;
    private String organizationalUnit;
    private boolean signatureKeyUsage;

    CardCertificateBuilder(TestPki pki, String idNatPs) {
        this.pki = pki;
        if (idNatPs == null || idNatPs.length() < 2) {
            throw new IllegalArgumentException("idNat_PS must be a type prefix followed by an identifier");
        }
        this.idNatPs = idNatPs;
    }

    public CardCertificateBuilder givenName(String givenName) {
        this.givenName = Objects.requireNonNull(givenName);
        return this;
    }

    public CardCertificateBuilder surname(String surname) {
        this.surname = Objects.requireNonNull(surname);
        return this;
    }

    /** Profession label of the subject title attribute, e.g. "Infirmier". */
    public CardCertificateBuilder title(String title) {
        this.title = Objects.requireNonNull(title);
        return this;
    }

    /** TRE_G15 code in extension 1.2.250.1.71.1.2.7, e.g. 60 for Infirmier. */
    public CardCertificateBuilder professionCode(int professionCode) {
        this.professionCode = professionCode;
        return this;
    }

    /** Card type of extension 1.2.250.1.71.1.2.2; also picks the issuing CA unless {@link #issuer} is set. */
    public CardCertificateBuilder cardType(CardType cardType) {
        this.cardType = Objects.requireNonNull(cardType);
        return this;
    }

    /** Extension 1.2.250.1.71.1.2.5: 0x80 for a test card (default), 0x00 for a real one. */
    public CardCertificateBuilder testCard(boolean testCard) {
        this.testCard = testCard;
        return this;
    }

    /** PrintableString of extension 1.2.250.1.71.1.2.3; by default derived from the identifier. */
    public CardCertificateBuilder cardId(String cardId) {
        this.cardId = Objects.requireNonNull(cardId);
        return this;
    }

    public CardCertificateBuilder crlDistributionPoint(String url) {
        this.crlDistributionPoint = Objects.requireNonNull(url);
        return this;
    }

    /** Adds an OCSP responder URL to the authority information access extension, as real cards carry. */
    public CardCertificateBuilder ocspUrl(String url) {
        this.ocspUrl = Objects.requireNonNull(url);
        return this;
    }

    public CardCertificateBuilder notBefore(Instant notBefore) {
        this.notBefore = Objects.requireNonNull(notBefore);
        return this;
    }

    public CardCertificateBuilder notAfter(Instant notAfter) {
        this.notAfter = Objects.requireNonNull(notAfter);
        return this;
    }

    public CardCertificateBuilder serial(BigInteger serial) {
        this.serial = Objects.requireNonNull(serial);
        return this;
    }

    /** Signs with this CA instead of the PERSONNES CA of the card type, e.g. an impostor CA. */
    public CardCertificateBuilder issuer(CertificateAuthority issuer) {
        this.issuer = Objects.requireNonNull(issuer);
        return this;
    }

    public CardCertificateBuilder upn(String upn) {
        this.upn = Objects.requireNonNull(upn);
        return this;
    }

    /** Structure name (subject O); set by default on CPE/CPA only. UNCONFIRMED layout, see class comment. */
    public CardCertificateBuilder organization(String organization) {
        this.organization = Objects.requireNonNull(organization);
        return this;
    }

    /** Structure identifier (subject OU); set by default on CPE/CPA only. UNCONFIRMED layout. */
    public CardCertificateBuilder organizationalUnit(String organizationalUnit) {
        this.organizationalUnit = Objects.requireNonNull(organizationalUnit);
        return this;
    }

    /**
     * keyUsage nonRepudiation instead of digitalSignature, as on a card's signature certificate: a
     * certificate not meant for authentication.
     */
    public CardCertificateBuilder signatureKeyUsage() {
        this.signatureKeyUsage = true;
        return this;
    }

    public IssuedCertificate issue() {
        CardType type = cardType != null ? cardType : idNatPs.contains("/") ? CardType.CPE : CardType.CPS;
        CertificateAuthority ca = issuer != null ? issuer : pki.personnesCaFor(type);
        Integer profession = professionCode != null ? professionCode
                : type.healthProfessional() ? Integer.valueOf(Professions.MEDECIN) : null;
        TestPki.Options options = pki.options();

        KeyPair keys = X509Support.newRsaKeyPair(options.leafKeySize());
        Instant start = notBefore != null ? notBefore : X509Support.defaultNotBefore();
        Instant end = notAfter != null ? notAfter : X509Support.plus(start, options.leafValidity());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                serial != null ? serial : X509Support.randomSerial(), Date.from(start), Date.from(end),
                subject(type, profession), keys.getPublic());

        String crlUrl = crlDistributionPoint != null ? crlDistributionPoint : options.crlUrl(ca.shortName());
        String caIssuersUrl = options.caIssuersUrl(ca.shortName());
        // Same extension order as the real card, for parsers that (wrongly) depend on it.
        try {
            builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    X509Support.subjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    X509Support.authorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(signatureKeyUsage ? KeyUsage.nonRepudiation : KeyUsage.digitalSignature));
            builder.addExtension(Extension.certificatePolicies, false, policies(type));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_smartcardlogon}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                    GeneralName.otherName, new OtherName(IgcSante.MS_UPN, new DERUTF8String(resolveUpn())))));
            builder.addExtension(Extension.cRLDistributionPoints, false, X509Support.crlDistributionPoint(crlUrl));
            if (caIssuersUrl != null || ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false,
                        X509Support.authorityInformationAccess(caIssuersUrl, ocspUrl));
            }
            builder.addExtension(IgcSante.EXT_CARD_CATEGORY, false,
                    new DEROctetString(new byte[] {testCard ? (byte) 0x80 : 0x00}));
            builder.addExtension(IgcSante.EXT_CARD_TYPE, false, new ASN1Integer(type.code()));
            builder.addExtension(IgcSante.EXT_CARD_ID, false, new DERPrintableString(resolveCardId(), true));
            if (profession != null) {
                builder.addExtension(IgcSante.EXT_PROFESSION, false, new ASN1Integer(profession));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode card extensions", e);
        }

        X509Certificate certificate = X509Support.sign(builder, ca.privateKey());
        return new IssuedCertificate(certificate, keys.getPrivate(), X509Support.chain(certificate, ca));
    }

    private X500Name subject(CardType type, Integer profession) {
        List<RDN> rdns = new ArrayList<>();
        rdns.add(IgcSante.country());
        String o = organization != null ? organization : type.healthProfessional() ? null : DEFAULT_ORGANIZATION;
        String ou = organizationalUnit != null ? organizationalUnit
                : type.healthProfessional() ? null : structureIdNat();
        if (o != null) {
            rdns.add(IgcSante.utf8(BCStyle.O, o));
        }
        if (ou != null) {
            rdns.add(IgcSante.utf8(BCStyle.OU, ou));
        }
        rdns.add(IgcSante.utf8(BCStyle.T, resolveTitle(type, profession)));
        rdns.add(new RDN(new AttributeTypeAndValue[] {
                IgcSante.utf8Value(BCStyle.CN, idNatPs),
                IgcSante.utf8Value(BCStyle.GIVENNAME, givenName),
                IgcSante.utf8Value(BCStyle.SURNAME, surname)}));
        return new X500Name(rdns.toArray(RDN[]::new));
    }

    private String resolveTitle(CardType type, Integer profession) {
        if (title != null) {
            return title;
        }
        if (profession != null) {
            return Professions.label(profession).orElseThrow(() -> new IllegalStateException(
                    "No DICO G15 label for profession code " + profession + "; set title() explicitly"));
        }
        return type == CardType.CPA ? "Personnel autorisé" : "Personnel d'établissement";
    }

    /** Null when the card identifier carries no structure part. */
    private String structureIdNat() {
        int slash = idNatPs.indexOf('/');
        Character prefix = STRUCTURE_PREFIX_OF_PERSON_PREFIX.get(idNatPs.charAt(0));
        return slash < 0 || prefix == null ? null : prefix + idNatPs.substring(1, slash);
    }

    private String resolveUpn() {
        if (upn != null) {
            return upn;
        }
        return idNatPs.charAt(0) + "." + idNatPs.substring(1) + "@" + IgcSante.UPN_DOMAIN;
    }

    /** The emitter of the real test card, then 10 digits stable for a given idNat_PS. */
    private String resolveCardId() {
        if (cardId != null) {
            return cardId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idNatPs.getBytes(StandardCharsets.UTF_8));
            long number = new BigInteger(1, digest).mod(BigInteger.TEN.pow(10)).longValue();
            return CARD_ID_EMITTER + "/" + String.format("%010d", number);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static CertificatePolicies policies(CardType type) {
        ASN1ObjectIdentifier policy = type.healthProfessional()
                ? IgcSante.POLICY_FORT_PERSONNES_AUTH_TEST
                : IgcSante.POLICY_STANDARD_PERSONNES_AUTH_TEST;
        return new CertificatePolicies(new PolicyInformation(policy,
                new DERSequence(new PolicyQualifierInfo(IgcSante.CPS_URI_TEST))));
    }
}
