package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mints the twin of the real ANS test card (Keycloak's ANS-cert.pem) and compares the two field by field on
 * the ASN.1 level. Only keys, serials, dates and the LDAP/OCSP parts Relais cannot serve may differ.
 */
class CardCertificateMatchesAnsTestCardTest {

    private static final List<ASN1ObjectIdentifier> PRIVATE_EXTENSIONS = List.of(
            new ASN1ObjectIdentifier("1.2.250.1.71.1.2.5"),
            new ASN1ObjectIdentifier("1.2.250.1.71.1.2.2"),
            new ASN1ObjectIdentifier("1.2.250.1.71.1.2.3"),
            new ASN1ObjectIdentifier("1.2.250.1.71.1.2.7"));

    private static Certificate real;
    private static Certificate minted;
    private static X509Certificate mintedX509;

    @BeforeAll
    static void mintTheTwin() throws Exception {
        real = Fixtures.asn1(Fixtures.resourceCertificate("/ans/ANS-test-card-auth.pem"));
        mintedX509 = Fixtures.PKI.card("899700252580")
                .givenName("NORBERT")
                .surname("KINE-CH")
                .title("Masseur-Kinésithérapeute")
                .professionCode(70)
                .cardType(CardType.CPS)
                .testCard(true)
                .cardId("8025000001/2800383626")
                .issue()
                .certificate();
        minted = Fixtures.asn1(mintedX509);
    }

    @Test
    void subjectHasTheSameRdnStructureTypesAndEncodings() throws Exception {
        RDN[] realRdns = real.getSubject().getRDNs();
        RDN[] mintedRdns = minted.getSubject().getRDNs();

        assertThat(mintedRdns).hasSameSizeAs(realRdns);
        for (int i = 0; i < realRdns.length; i++) {
            assertThat(mintedRdns[i].isMultiValued()).as("RDN %d multi-valued", i)
                    .isEqualTo(realRdns[i].isMultiValued());
            assertThat(encodingsByType(mintedRdns[i])).as("RDN %d string types", i)
                    .isEqualTo(encodingsByType(realRdns[i]));
            assertThat(valuesByType(mintedRdns[i])).as("RDN %d values", i).isEqualTo(valuesByType(realRdns[i]));
        }
        // Same identity in, so the DER must be identical too, down to the SET ordering.
        assertThat(minted.getSubject().getEncoded()).isEqualTo(real.getSubject().getEncoded());
    }

    @Test
    void multiValuedRdnHoldsCnGivenNameAndSurname() throws Exception {
        RDN last = minted.getSubject().getRDNs()[2];
        assertThat(Arrays.stream(last.getTypesAndValues()).map(AttributeTypeAndValue::getType))
                .containsExactlyInAnyOrder(
                        new ASN1ObjectIdentifier("2.5.4.3"),
                        new ASN1ObjectIdentifier("2.5.4.42"),
                        new ASN1ObjectIdentifier("2.5.4.4"));
    }

    @Test
    void issuerIsTheRealTestIssuerName() throws Exception {
        RDN[] realRdns = real.getIssuer().getRDNs();
        RDN[] mintedRdns = minted.getIssuer().getRDNs();

        assertThat(mintedRdns).hasSameSizeAs(realRdns);
        for (int i = 0; i < realRdns.length; i++) {
            assertThat(mintedRdns[i].isMultiValued()).isFalse();
            assertThat(encodingsByType(mintedRdns[i])).as("issuer RDN %d string types", i)
                    .isEqualTo(encodingsByType(realRdns[i]));
            assertThat(valuesByType(mintedRdns[i])).as("issuer RDN %d values", i).isEqualTo(valuesByType(realRdns[i]));
        }
        assertThat(minted.getIssuer().getEncoded()).isEqualTo(real.getIssuer().getEncoded());
    }

    @Test
    void keyUsageIsCriticalDigitalSignatureOnly() throws Exception {
        Extension realExtension = extension(real, Extension.keyUsage);
        Extension mintedExtension = extension(minted, Extension.keyUsage);

        assertThat(mintedExtension.isCritical()).isTrue().isEqualTo(realExtension.isCritical());
        assertThat(KeyUsage.getInstance(mintedExtension.getParsedValue()))
                .isEqualTo(KeyUsage.getInstance(realExtension.getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
    }

    @Test
    void extendedKeyUsagesAreTheSameInTheSameOrder() throws Exception {
        assertThat(ekus(minted)).isEqualTo(ekus(real))
                .containsExactly("1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.311.20.2.2");
    }

    @Test
    void basicConstraintsSayNotACa() throws Exception {
        Extension realExtension = extension(real, Extension.basicConstraints);
        Extension mintedExtension = extension(minted, Extension.basicConstraints);

        assertThat(mintedExtension.isCritical()).isEqualTo(realExtension.isCritical());
        BasicConstraints constraints = BasicConstraints.getInstance(mintedExtension.getParsedValue());
        assertThat(constraints.isCA()).isFalse();
        assertThat(constraints.getPathLenConstraint()).isNull();
        assertThat(mintedExtension.getExtnValue()).isEqualTo(realExtension.getExtnValue());
    }

    @Test
    void privateExtensionsHaveTheSameTypesValuesAndCriticality() throws Exception {
        for (ASN1ObjectIdentifier oid : PRIVATE_EXTENSIONS) {
            Extension realExtension = extension(real, oid);
            Extension mintedExtension = extension(minted, oid);

            assertThat(mintedExtension.isCritical()).as("%s critical", oid).isFalse();
            ASN1Primitive realValue = realExtension.getParsedValue().toASN1Primitive();
            ASN1Primitive mintedValue = mintedExtension.getParsedValue().toASN1Primitive();
            assertThat(mintedValue.getClass()).as("%s ASN.1 type", oid).isEqualTo(realValue.getClass());
            assertThat(mintedValue).as("%s value", oid).isEqualTo(realValue);
        }
    }

    @Test
    void subjectAltNameIsOneUpnOtherNameInUtf8() throws Exception {
        GeneralName realName = onlyName(real);
        GeneralName mintedName = onlyName(minted);

        assertThat(mintedName.getTagNo()).isEqualTo(realName.getTagNo()).isEqualTo(GeneralName.otherName);
        OtherName realUpn = OtherName.getInstance(realName.getName());
        OtherName mintedUpn = OtherName.getInstance(mintedName.getName());
        assertThat(mintedUpn.getTypeID()).isEqualTo(realUpn.getTypeID())
                .isEqualTo(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"));
        assertThat(mintedUpn.getValue().getClass()).isEqualTo(realUpn.getValue().getClass());
        assertThat(((ASN1String) mintedUpn.getValue()).getString())
                .isEqualTo(((ASN1String) realUpn.getValue()).getString())
                .isEqualTo("8.99700252580@carte-cps.fr");
    }

    @Test
    void crlDistributionPointIsAnHttpUrlNamedAfterTheIssuer() throws Exception {
        DistributionPoint realPoint = firstDistributionPoint(real);
        DistributionPoint mintedPoint = firstDistributionPoint(minted);

        for (DistributionPoint point : List.of(realPoint, mintedPoint)) {
            assertThat(point.getReasons()).isNull();
            assertThat(point.getCRLIssuer()).isNull();
            assertThat(point.getDistributionPoint().getType()).isEqualTo(DistributionPointName.FULL_NAME);
        }
        GeneralName realUrl = onlyName(realPoint);
        GeneralName mintedUrl = onlyName(mintedPoint);
        assertThat(mintedUrl.getTagNo()).isEqualTo(realUrl.getTagNo())
                .isEqualTo(GeneralName.uniformResourceIdentifier);
        assertThat(realUrl.getName().toString()).endsWith("/ACI-FO-PP-TEST.crl");
        assertThat(mintedUrl.getName().toString())
                .isEqualTo(Fixtures.PKI.options().crlBaseUrl() + "/ACI-FO-PP-TEST.crl")
                .startsWith("http://");
    }

    @Test
    void certificatePolicyIsTheFortPersonnesTestPolicyWithACpsUri() throws Exception {
        PolicyInformation realPolicy = onlyPolicy(real);
        PolicyInformation mintedPolicy = onlyPolicy(minted);

        assertThat(mintedPolicy.getPolicyIdentifier()).isEqualTo(realPolicy.getPolicyIdentifier())
                .isEqualTo(new ASN1ObjectIdentifier("1.2.250.1.213.1.7.2.1.1.1.1"));
        PolicyQualifierInfo realQualifier = PolicyQualifierInfo.getInstance(realPolicy.getPolicyQualifiers().getObjectAt(0));
        PolicyQualifierInfo mintedQualifier =
                PolicyQualifierInfo.getInstance(mintedPolicy.getPolicyQualifiers().getObjectAt(0));
        assertThat(mintedQualifier.getPolicyQualifierId()).isEqualTo(PolicyQualifierId.id_qt_cps);
        assertThat(mintedQualifier.getQualifier()).isEqualTo(realQualifier.getQualifier());
        assertThat(extension(minted, Extension.certificatePolicies).isCritical()).isFalse();
    }

    @Test
    void keyIdentifiersHaveTheSameForm() throws Exception {
        for (Certificate certificate : List.of(real, minted)) {
            AuthorityKeyIdentifier aki =
                    AuthorityKeyIdentifier.getInstance(extension(certificate, Extension.authorityKeyIdentifier).getParsedValue());
            assertThat(aki.getKeyIdentifierOctets()).hasSize(20);
            assertThat(aki.getAuthorityCertIssuer()).isNull();
            assertThat(aki.getAuthorityCertSerialNumber()).isNull();
            assertThat(extension(certificate, Extension.subjectKeyIdentifier).getParsedValue()
                    .toASN1Primitive().getEncoded().length).isEqualTo(22);
        }
    }

    @Test
    void extensionsComeInTheRealOrderWithTheRealCriticality() throws Exception {
        List<ASN1ObjectIdentifier> realOrder = Arrays.asList(real.getTBSCertificate().getExtensions().getExtensionOIDs());
        List<ASN1ObjectIdentifier> mintedOrder = Arrays.asList(minted.getTBSCertificate().getExtensions().getExtensionOIDs());

        List<ASN1ObjectIdentifier> realWithoutOmitted = realOrder.stream()
                .filter(mintedOrder::contains)
                .collect(Collectors.toList());
        assertThat(mintedOrder).isEqualTo(realWithoutOmitted);
        // Only the parts pointing at ANS's LDAP directory and OCSP responder are left out.
        assertThat(realOrder).containsAll(mintedOrder);
        assertThat(Set.copyOf(realOrder)).containsExactlyInAnyOrderElementsOf(concat(mintedOrder,
                List.of(Extension.freshestCRL, Extension.authorityInfoAccess)));
        for (ASN1ObjectIdentifier oid : mintedOrder) {
            assertThat(extension(minted, oid).isCritical()).as("%s critical", oid)
                    .isEqualTo(extension(real, oid).isCritical());
        }
    }

    @Test
    void signatureKeyAndSerialHaveTheRealShape() throws Exception {
        assertThat(minted.getSignatureAlgorithm()).isEqualTo(real.getSignatureAlgorithm());
        assertThat(minted.getVersionNumber()).isEqualTo(real.getVersionNumber()).isEqualTo(3);
        assertThat(((RSAPublicKey) mintedX509.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(minted.getSerialNumber().getValue().signum()).isPositive();
        assertThat(minted.getSerialNumber().getEncoded().length)
                .isEqualTo(real.getSerialNumber().getEncoded().length)
                .isEqualTo(18);
        assertThat(mintedX509.getNotBefore().toInstant().atZone(ZoneOffset.UTC).plusYears(3).toInstant())
                .isEqualTo(mintedX509.getNotAfter().toInstant());
    }

    private static Map<ASN1ObjectIdentifier, ASN1Encodable> valuesByType(RDN rdn) {
        return Arrays.stream(rdn.getTypesAndValues())
                .collect(Collectors.toMap(AttributeTypeAndValue::getType, AttributeTypeAndValue::getValue));
    }

    private static Map<ASN1ObjectIdentifier, Class<?>> encodingsByType(RDN rdn) {
        return Arrays.stream(rdn.getTypesAndValues()).collect(Collectors.toMap(
                AttributeTypeAndValue::getType, value -> value.getValue().toASN1Primitive().getClass()));
    }

    private static Extension extension(Certificate certificate, ASN1ObjectIdentifier oid) {
        Extensions extensions = certificate.getTBSCertificate().getExtensions();
        Extension extension = extensions.getExtension(oid);
        assertThat(extension).as("extension %s", oid).isNotNull();
        return extension;
    }

    private static List<String> ekus(Certificate certificate) {
        return Arrays.stream(ExtendedKeyUsage.getInstance(extension(certificate, Extension.extendedKeyUsage)
                        .getParsedValue()).getUsages())
                .map(usage -> usage.toOID().getId())
                .collect(Collectors.toList());
    }

    private static GeneralName onlyName(Certificate certificate) {
        GeneralName[] names = GeneralNames.getInstance(
                extension(certificate, Extension.subjectAlternativeName).getParsedValue()).getNames();
        assertThat(names).hasSize(1);
        return names[0];
    }

    private static GeneralName onlyName(DistributionPoint point) {
        GeneralName[] names = GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames();
        assertThat(names).hasSize(1);
        return names[0];
    }

    private static DistributionPoint firstDistributionPoint(Certificate certificate) {
        return CRLDistPoint.getInstance(extension(certificate, Extension.cRLDistributionPoints).getParsedValue())
                .getDistributionPoints()[0];
    }

    private static PolicyInformation onlyPolicy(Certificate certificate) {
        PolicyInformation[] policies = CertificatePolicies.getInstance(
                extension(certificate, Extension.certificatePolicies).getParsedValue()).getPolicyInformation();
        assertThat(policies).hasSize(1);
        return policies[0];
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toList());
    }
}
