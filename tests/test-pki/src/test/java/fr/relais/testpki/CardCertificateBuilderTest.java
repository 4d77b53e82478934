package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.junit.jupiter.api.Test;

/** Defaults and overrides of the card builder beyond the ANS twin. */
class CardCertificateBuilderTest {

    @Test
    void defaultsAreATestMedecinCpsCard() throws Exception {
        X509Certificate card = Fixtures.PKI.card("810001045367").issue().certificate();

        assertThat(rdnValues(card)).containsExactly("C=FR", "title=Médecin",
                "CN=810001045367+GN=CARTE+SN=TEST");
        assertThat(integer(card, "1.2.250.1.71.1.2.2")).isZero();
        assertThat(integer(card, "1.2.250.1.71.1.2.7")).isEqualTo(10);
        assertThat(octets(card, "1.2.250.1.71.1.2.5")).containsExactly(0x80);
        assertThat(string(card, "1.2.250.1.71.1.2.3")).matches("8025000001/\\d{10}")
                .isEqualTo(string(Fixtures.PKI.card("810001045367").issue().certificate(), "1.2.250.1.71.1.2.3"));
        assertThat(upn(card)).isEqualTo("8.10001045367@carte-cps.fr");
        assertThat(card.getSerialNumber().bitLength()).isEqualTo(127);
    }

    @Test
    void titleDefaultsToTheLabelOfTheProfessionCode() throws Exception {
        X509Certificate card = Fixtures.PKI.card("810001045367").professionCode(60).issue().certificate();

        assertThat(rdnValues(card)).contains("title=Infirmier");
        assertThat(integer(card, "1.2.250.1.71.1.2.7")).isEqualTo(60);
        assertThatThrownBy(() -> Fixtures.PKI.card("810001045367").professionCode(1).issue())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overridesReachTheCertificate() throws Exception {
        Instant notBefore = Instant.parse("2020-07-01T12:46:52Z");
        Instant notAfter = Instant.parse("2023-07-01T12:46:52Z");
        X509Certificate card = Fixtures.PKI.card("899700252580")
                .cardType(CardType.CPF)
                .testCard(false)
                .serial(BigInteger.valueOf(42))
                .notBefore(notBefore)
                .notAfter(notAfter)
                .upn("someone@example.test")
                .crlDistributionPoint("http://localhost:8080/crl/fort.crl")
                .issue()
                .certificate();

        assertThat(integer(card, "1.2.250.1.71.1.2.2")).isEqualTo(1);
        assertThat(octets(card, "1.2.250.1.71.1.2.5")).containsExactly(0x00);
        assertThat(card.getSerialNumber()).isEqualTo(BigInteger.valueOf(42));
        assertThat(card.getNotBefore().toInstant()).isEqualTo(notBefore);
        assertThat(card.getNotAfter().toInstant()).isEqualTo(notAfter);
        assertThat(upn(card)).isEqualTo("someone@example.test");
        DistributionPoint[] points = CRLDistPoint.getInstance(extension(card, "2.5.29.31")).getDistributionPoints();
        assertThat(points).hasSize(1);
        assertThat(GeneralNames.getInstance(points[0].getDistributionPoint().getName()).getNames())
                .containsExactly(new GeneralName(GeneralName.uniformResourceIdentifier,
                        "http://localhost:8080/crl/fort.crl"));
    }

    /** The O/OU layout of CPE/CPA certificates is UNCONFIRMED; this pins what the builder does. */
    @Test
    void cpeCarriesItsStructureAndNoProfession() throws Exception {
        X509Certificate card = Fixtures.PKI.card("3750000001/EMP0001").issue().certificate();

        assertThat(rdnValues(card)).containsExactly("C=FR", "O=STRUCTURE DE TEST", "OU=1750000001",
                "title=Personnel d'établissement", "CN=3750000001/EMP0001+GN=CARTE+SN=TEST");
        assertThat(integer(card, "1.2.250.1.71.1.2.2")).isEqualTo(2);
        assertThat(card.getExtensionValue("1.2.250.1.71.1.2.7")).isNull();
        assertThat(policy(card)).isEqualTo("1.2.250.1.213.1.7.1.1.1.1.1");
    }

    @Test
    void cpaStructureCanBeNamed() throws Exception {
        X509Certificate card = Fixtures.PKI.card("500000000029751/CPAT0001")
                .cardType(CardType.CPA)
                .organization("CLINIQUE DU PARC")
                .givenName("PATRICE")
                .surname("MAITRE")
                .issue()
                .certificate();

        assertThat(rdnValues(card)).containsExactly("C=FR", "O=CLINIQUE DU PARC", "OU=300000000029751",
                "title=Personnel autorisé", "CN=500000000029751/CPAT0001+GN=PATRICE+SN=MAITRE");
        assertThat(integer(card, "1.2.250.1.71.1.2.2")).isEqualTo(3);
    }

    private static List<String> rdnValues(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return Arrays.stream(subject.getRDNs())
                .map(CardCertificateBuilderTest::render)
                .collect(Collectors.toList());
    }

    private static String render(RDN rdn) {
        Map<String, String> names = Map.of("2.5.4.6", "C", "2.5.4.10", "O", "2.5.4.11", "OU", "2.5.4.12", "title",
                "2.5.4.3", "CN", "2.5.4.42", "GN", "2.5.4.4", "SN");
        return Arrays.stream(rdn.getTypesAndValues())
                .map(value -> names.getOrDefault(value.getType().getId(), value.getType().getId()) + "="
                        + ((ASN1String) value.getValue()).getString())
                .sorted()
                .collect(Collectors.joining("+"));
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) throws Exception {
        byte[] value = certificate.getExtensionValue(oid);
        assertThat(value).as("extension %s", oid).isNotNull();
        return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets());
    }

    private static int integer(X509Certificate certificate, String oid) throws Exception {
        return ASN1Integer.getInstance(extension(certificate, oid)).intValueExact();
    }

    private static int[] octets(X509Certificate certificate, String oid) throws Exception {
        byte[] bytes = ASN1OctetString.getInstance(extension(certificate, oid)).getOctets();
        int[] unsigned = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = bytes[i] & 0xFF;
        }
        return unsigned;
    }

    private static String string(X509Certificate certificate, String oid) throws Exception {
        return ((ASN1String) extension(certificate, oid)).getString();
    }

    private static String upn(X509Certificate certificate) throws Exception {
        GeneralName name = GeneralNames.getInstance(extension(certificate, "2.5.29.17")).getNames()[0];
        return ((ASN1String) OtherName.getInstance(name.getName()).getValue()).getString();
    }

    private static String policy(X509Certificate certificate) throws Exception {
        return CertificatePolicies.getInstance(extension(certificate, "2.5.29.32")).getPolicyInformation()[0]
                .getPolicyIdentifier().getId();
    }
}
