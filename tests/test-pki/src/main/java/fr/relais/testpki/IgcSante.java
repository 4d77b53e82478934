package fr.relais.testpki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Identifiers and naming rules taken from the real IGC-Santé certificates (the ANS test card and the
 * production CA certificates decoded in the project's domain notes). Everything here that was not seen in a
 * real certificate says so.
 */
final class IgcSante {

    /** TRE_G01 CategorieProduit: OCTET STRING, 0x80 = test card, 0x00 = real card. */
    static final ASN1ObjectIdentifier EXT_CARD_CATEGORY = new ASN1ObjectIdentifier("1.2.250.1.71.1.2.5");
    /** TRE_G02 TypeProduit: INTEGER card type (see {@link CardType}). */
    static final ASN1ObjectIdentifier EXT_CARD_TYPE = new ASN1ObjectIdentifier("1.2.250.1.71.1.2.2");
    /** PrintableString, most likely the card identifier (emitter/serial). */
    static final ASN1ObjectIdentifier EXT_CARD_ID = new ASN1ObjectIdentifier("1.2.250.1.71.1.2.3");
    /** TRE_G15 ProfessionSante: INTEGER profession code. */
    static final ASN1ObjectIdentifier EXT_PROFESSION = new ASN1ObjectIdentifier("1.2.250.1.71.1.2.7");

    static final ASN1ObjectIdentifier MS_UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
    static final String UPN_DOMAIN = "carte-cps.fr";

    /** The policy of the real test card, issued by TEST AC IGC-SANTE FORT PERSONNES. */
    static final ASN1ObjectIdentifier POLICY_FORT_PERSONNES_AUTH_TEST =
            new ASN1ObjectIdentifier("1.2.250.1.213.1.7.2.1.1.1.1");
    /**
     * UNCONFIRMED: no STANDARD card certificate was available; this assumes the digit after "1.7." is the
     * assurance level (2 = FORT) and uses 1 for STANDARD.
     */
    static final ASN1ObjectIdentifier POLICY_STANDARD_PERSONNES_AUTH_TEST =
            new ASN1ObjectIdentifier("1.2.250.1.213.1.7.1.1.1.1.1");
    /** CPS qualifier of the test card; production CAs point to ".../PC" instead. */
    static final String CPS_URI_TEST = "http://igc-sante.esante.gouv.fr/PC%20TEST";

    private IgcSante() {
    }

    /** DN of a TEST CA, in the DER order and string types of the real CA certificates. */
    static X500Name caName(String commonName) {
        return new X500Name(new RDN[] {
                country(),
                utf8(BCStyle.O, "ASIP-SANTE"),
                utf8(BCStyle.OU, "0002 187512751"),
                utf8(BCStyle.OU, "IGC-SANTE TEST"),
                utf8(BCStyle.CN, commonName)});
    }

    /** The real certificates encode C as PrintableString and every other attribute as UTF8String. */
    static RDN country() {
        return new RDN(BCStyle.C, new DERPrintableString("FR"));
    }

    static RDN utf8(ASN1ObjectIdentifier type, String value) {
        return new RDN(utf8Value(type, value));
    }

    static AttributeTypeAndValue utf8Value(ASN1ObjectIdentifier type, String value) {
        return new AttributeTypeAndValue(type, new DERUTF8String(value));
    }
}
