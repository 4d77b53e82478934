package fr.relais.cps.profile;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * Reads a CPx authentication certificate (IGC-Santé profile) into a {@link CardProfile}. The
 * identifier comes from the CN attribute found by walking the subject's RDNs (CPS cards put it in one
 * multi-valued RDN with GN and SN), never from splitting a rendered DN string.
 */
public final class CardProfileParser {

    /** Real card certificates are about 1.5 KB; anything far larger is not one. */
    public static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

    static final String EXT_CARD_TYPE = "1.2.250.1.71.1.2.2";
    static final String EXT_CARD_ID = "1.2.250.1.71.1.2.3";
    static final String EXT_CARD_CATEGORY = "1.2.250.1.71.1.2.5";
    static final String EXT_PROFESSION = "1.2.250.1.71.1.2.7";
    private static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");

    /** Type prefix, then the identifier; structure forms carry "/" before the internal number. */
    private static final Pattern ID_NAT = Pattern.compile("[0-9][0-9A-Za-z]{1,30}(/[0-9A-Za-z]{1,30})?");

    public ProfileResult parse(byte[] der) {
        if (der == null || der.length == 0) {
            return rejected(ProfileRejection.MALFORMED_CERTIFICATE, "empty input");
        }
        if (der.length > MAX_CERTIFICATE_BYTES) {
            return rejected(ProfileRejection.OVERSIZED_CERTIFICATE, der.length + " bytes");
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return parse(certificate);
        } catch (CertificateException | RuntimeException e) {
            return rejected(ProfileRejection.MALFORMED_CERTIFICATE, e.getClass().getSimpleName());
        }
    }

    public ProfileResult parse(X509Certificate certificate) {
        try {
            if (certificate.getEncoded().length > MAX_CERTIFICATE_BYTES) {
                return rejected(ProfileRejection.OVERSIZED_CERTIFICATE, certificate.getEncoded().length + " bytes");
            }
            return read(certificate);
        } catch (ProfileException e) {
            return rejected(e.reason, e.getMessage());
        } catch (CertificateException | RuntimeException e) {
            // BouncyCastle signals structural surprises with IllegalArgumentException and friends.
            return rejected(ProfileRejection.MALFORMED_CERTIFICATE, e.getClass().getSimpleName());
        }
    }

    private ProfileResult read(X509Certificate certificate) throws ProfileException {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> commonNames = new ArrayList<>();
        String givenName = null;
        String surname = null;
        String title = null;
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                ASN1ObjectIdentifier type = attribute.getType();
                if (type.equals(BCStyle.CN)) {
                    commonNames.add(text(attribute.getValue(), "CN"));
                } else if (type.equals(BCStyle.GIVENNAME)) {
                    givenName = text(attribute.getValue(), "GN");
                } else if (type.equals(BCStyle.SURNAME)) {
                    surname = text(attribute.getValue(), "SN");
                } else if (type.equals(BCStyle.T)) {
                    title = text(attribute.getValue(), "title");
                }
            }
        }
        if (commonNames.isEmpty()) {
            throw new ProfileException(ProfileRejection.MISSING_COMMON_NAME, "subject has no CN");
        }
        if (commonNames.size() > 1) {
            throw new ProfileException(ProfileRejection.AMBIGUOUS_COMMON_NAME, commonNames.size() + " CN attributes");
        }
        String idNat = commonNames.get(0);
        if (!ID_NAT.matcher(idNat).matches()) {
            throw new ProfileException(ProfileRejection.INVALID_IDENTIFIER, "CN is not an idNat_PS");
        }
        IdentifierType identifierType = IdentifierType.ofPrefix(idNat.charAt(0))
                .orElseThrow(() -> new ProfileException(ProfileRejection.INVALID_IDENTIFIER,
                        "unknown identifier type " + idNat.charAt(0)));
        if (identifierType == IdentifierType.RPPS && !idNat.matches("8[0-9]{11}")) {
            throw new ProfileException(ProfileRejection.INVALID_IDENTIFIER, "an RPPS idNat_PS is 8 followed by 11 digits");
        }

        int typeCode = integerExtension(certificate, EXT_CARD_TYPE)
                .orElseThrow(() -> new ProfileException(ProfileRejection.MISSING_CARD_TYPE, "no card type extension"));
        CardType cardType = CardType.ofCode(typeCode)
                .orElseThrow(() -> new ProfileException(ProfileRejection.UNKNOWN_CARD_TYPE, "card type " + typeCode));
        if (cardType.structureIssued() != identifierType.structureBased()) {
            throw new ProfileException(ProfileRejection.INCONSISTENT_IDENTIFIER,
                    cardType + " card with a " + identifierType + " identifier");
        }
        boolean testCard = testCategory(certificate);
        Integer profession = integerExtension(certificate, EXT_PROFESSION).orElse(null);
        String cardId = stringExtension(certificate, EXT_CARD_ID);

        return new ProfileResult.Parsed(new CardProfile(idNat, identifierType, givenName, surname, title, profession,
                cardType, testCard, cardId, upn(certificate), certificate.getSerialNumber(),
                certificate.getIssuerX500Principal().getName()));
    }

    /** TRE_G01: "00"/"02"/"03" real products, "80"/"82"/"83" their TEST counterparts. */
    private static boolean testCategory(X509Certificate certificate) throws ProfileException {
        ASN1Primitive value = extension(certificate, EXT_CARD_CATEGORY);
        if (value == null) {
            throw new ProfileException(ProfileRejection.MISSING_CARD_CATEGORY, "no card category extension");
        }
        if (!(value instanceof ASN1OctetString octets) || octets.getOctets().length != 1) {
            throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, "card category is not one octet");
        }
        int category = octets.getOctets()[0] & 0xff;
        return switch (category) {
            case 0x00, 0x02, 0x03 -> false;
            case 0x80, 0x82, 0x83 -> true;
            default -> throw new ProfileException(ProfileRejection.UNKNOWN_CARD_CATEGORY,
                    "card category " + Integer.toHexString(category));
        };
    }

    private static java.util.Optional<Integer> integerExtension(X509Certificate certificate, String oid)
            throws ProfileException {
        ASN1Primitive value = extension(certificate, oid);
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!(value instanceof ASN1Integer integer) || integer.getValue().bitLength() > 16) {
            throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, oid + " is not a small INTEGER");
        }
        return java.util.Optional.of(integer.intValueExact());
    }

    private static String stringExtension(X509Certificate certificate, String oid) throws ProfileException {
        ASN1Primitive value = extension(certificate, oid);
        return value == null ? null : text(value, oid);
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) throws ProfileException {
        byte[] wrapped = certificate.getExtensionValue(oid);
        if (wrapped == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, oid + " is not valid DER");
        }
    }

    /**
     * Read from the raw extension rather than getSubjectAlternativeNames(), whose otherName encoding
     * depends on the certificate's provider (the JDK gives the OtherName SEQUENCE, BouncyCastle, used by
     * Keycloak's proxy certificate lookups, the tagged GeneralName).
     */
    private static String upn(X509Certificate certificate) throws ProfileException {
        ASN1Primitive value = extension(certificate, Extension.subjectAlternativeName.getId());
        if (value == null) {
            return null;
        }
        GeneralName[] names;
        try {
            names = GeneralNames.getInstance(value).getNames();
        } catch (IllegalArgumentException e) {
            throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, "unreadable subjectAltName");
        }
        for (GeneralName name : names) {
            if (name.getTagNo() != GeneralName.otherName) {
                continue;
            }
            OtherName otherName;
            try {
                otherName = OtherName.getInstance(name.getName());
            } catch (IllegalArgumentException e) {
                throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, "unreadable otherName");
            }
            if (UPN.equals(otherName.getTypeID())) {
                ASN1Encodable upn = otherName.getValue();
                if (upn instanceof ASN1TaggedObject tagged) {
                    upn = tagged.getExplicitBaseObject();
                }
                return text(upn, "UPN");
            }
        }
        return null;
    }

    private static String text(ASN1Encodable value, String what) throws ProfileException {
        if (value instanceof ASN1String string && !(value instanceof org.bouncycastle.asn1.DERBitString)) {
            String text = string.getString();
            if (text.isBlank() || text.length() > 256) {
                throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, what + " is blank or too long");
            }
            return text;
        }
        throw new ProfileException(ProfileRejection.UNEXPECTED_ENCODING, what + " is not a string");
    }

    private static ProfileResult rejected(ProfileRejection reason, String detail) {
        return new ProfileResult.Rejected(reason, detail);
    }

    private static final class ProfileException extends Exception {
        private final ProfileRejection reason;

        ProfileException(ProfileRejection reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
