package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our TEST CAs against the real production ones: same DN layout, extensions, order and criticality. */
class CaCertificateMatchesIgcSanteTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("/igc-sante/ACR_FORT_20130625.cer", Fixtures.PKI.fortRoot()),
                Arguments.of("/igc-sante/AC_FORT_PERSONNES_20130625.cer", Fixtures.PKI.fortPersonnes()));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void subjectIsTheRealOneWithTest(String realResource, CertificateAuthority ca) throws Exception {
        Certificate real = Fixtures.asn1(Fixtures.resourceCertificate(realResource));
        Certificate minted = Fixtures.asn1(ca.certificate());

        assertThat(layout(minted.getSubject())).isEqualTo(layout(real.getSubject()));
        assertThat(values(minted.getSubject())).isEqualTo(values(real.getSubject()).stream()
                .map(value -> value.equals("IGC-SANTE") ? "IGC-SANTE TEST"
                        : value.startsWith("AC ") ? "TEST " + value : value)
                .collect(Collectors.toList()));
        assertThat(layout(minted.getIssuer())).isEqualTo(layout(real.getIssuer()));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void extensionsHaveTheRealOrderCriticalityAndContent(String realResource, CertificateAuthority ca)
            throws Exception {
        Certificate real = Fixtures.asn1(Fixtures.resourceCertificate(realResource));
        Certificate minted = Fixtures.asn1(ca.certificate());

        ASN1ObjectIdentifier[] realOids = real.getTBSCertificate().getExtensions().getExtensionOIDs();
        assertThat(minted.getTBSCertificate().getExtensions().getExtensionOIDs()).containsExactly(realOids);
        for (ASN1ObjectIdentifier oid : realOids) {
            assertThat(extension(minted, oid).isCritical()).as("%s critical", oid)
                    .isEqualTo(extension(real, oid).isCritical());
        }
        for (ASN1ObjectIdentifier oid : List.of(Extension.basicConstraints, Extension.keyUsage)) {
            assertThat(extension(minted, oid).getExtnValue()).as("%s", oid).isEqualTo(extension(real, oid).getExtnValue());
        }
        PolicyInformation policy = CertificatePolicies.getInstance(
                extension(minted, Extension.certificatePolicies).getParsedValue()).getPolicyInformation()[0];
        assertThat(policy.getPolicyIdentifier().getId()).isEqualTo("2.5.29.32.0");
        assertThat(policy.getPolicyQualifiers()).isNotNull();
    }

    @Test
    void everyCaIsConstrainedLikeTheRealOnes() throws Exception {
        for (CertificateAuthority ca : Fixtures.PKI.authorities()) {
            Certificate certificate = Fixtures.asn1(ca.certificate());
            BasicConstraints constraints =
                    BasicConstraints.getInstance(extension(certificate, Extension.basicConstraints).getParsedValue());
            assertThat(constraints.isCA()).as(ca.shortName()).isTrue();
            assertThat(KeyUsage.getInstance(extension(certificate, Extension.keyUsage).getParsedValue()))
                    .isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            if (ca.isRoot()) {
                assertThat(constraints.getPathLenConstraint()).as(ca.shortName()).isNull();
                assertThat(ca.certificate().getSubjectX500Principal())
                        .isEqualTo(ca.certificate().getIssuerX500Principal());
                continue;
            }
            assertThat(constraints.getPathLenConstraint()).as(ca.shortName()).isZero();
            GeneralName url = GeneralNames.getInstance(CRLDistPoint.getInstance(
                            extension(certificate, Extension.cRLDistributionPoints).getParsedValue())
                    .getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0];
            String rootShortName = ca.shortName().replaceFirst("^ACI-(\\w+)-.*$", "ACR-$1-TEST");
            assertThat(url.getName().toString()).isEqualTo(Fixtures.PKI.options().crlUrl(rootShortName));
        }
    }

    /** Attribute types and ASN.1 string types, RDN by RDN. */
    private static List<String> layout(X500Name name) {
        return Arrays.stream(name.getRDNs())
                .map(RDN::getFirst)
                .map(value -> value.getType().getId() + ":" + value.getValue().toASN1Primitive().getClass().getSimpleName())
                .collect(Collectors.toList());
    }

    private static List<String> values(X500Name name) {
        return Arrays.stream(name.getRDNs())
                .map(RDN::getFirst)
                .map(AttributeTypeAndValue::getValue)
                .map(value -> ((ASN1String) value).getString())
                .collect(Collectors.toList());
    }

    private static Extension extension(Certificate certificate, ASN1ObjectIdentifier oid) {
        Extension extension = certificate.getTBSCertificate().getExtensions().getExtension(oid);
        assertThat(extension).as("extension %s", oid).isNotNull();
        return extension;
    }
}
