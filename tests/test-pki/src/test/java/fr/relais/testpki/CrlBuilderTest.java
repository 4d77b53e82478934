package fr.relais.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.ASN1TaggedObjectParser;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlBuilderTest {

    private static final int MILLION = 1_000_000;

    @Test
    void crlListsTheRevokedCardsAndVerifiesWithTheCaKey() throws Exception {
        CertificateAuthority ca = Fixtures.PKI.fortPersonnes();
        BigInteger revoked = Fixtures.PKI.card("810001045367").issue().certificate().getSerialNumber();
        BigInteger compromised = Fixtures.PKI.card("810001045368").issue().certificate().getSerialNumber();
        BigInteger valid = Fixtures.PKI.card("810001045369").issue().certificate().getSerialNumber();
        Instant when = Instant.parse("2025-03-01T07:00:00Z");
        Instant thisUpdate = Instant.parse("2025-03-02T07:00:00Z");

        X509CRL crl = ca.crl()
                .revoke(revoked)
                .revoke(compromised, when, 1)
                .thisUpdate(thisUpdate)
                .nextUpdate(thisUpdate.plus(Duration.ofDays(1)))
                .crlNumber(BigInteger.valueOf(1234))
                .build();

        crl.verify(ca.certificate().getPublicKey());
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(thisUpdate);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(thisUpdate.plus(Duration.ofDays(1)));
        assertThat(crl.getRevokedCertificates()).hasSize(2);
        assertThat(crl.getRevokedCertificate(revoked)).isNotNull();
        assertThat(crl.getRevokedCertificate(revoked).getRevocationReason()).isNull();
        X509CRLEntry entry = crl.getRevokedCertificate(compromised);
        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(when);
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(valid)).isNull();
        assertThat(extensionValue(crl, "2.5.29.20", ASN1Integer.class).getValue()).isEqualTo(1234);
        assertThat(AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                crl.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifierOctets())
                .isEqualTo(ASN1OctetString.getInstance(ASN1OctetString.getInstance(
                        ca.certificate().getExtensionValue("2.5.29.14")).getOctets()).getOctets());
    }

    @Test
    void emptyCrlHasNoEntriesAndDefaultsToAWeek() throws Exception {
        X509CRL crl = Fixtures.PKI.fortRoot().crl().build();

        crl.verify(Fixtures.PKI.fortRoot().certificate().getPublicKey());
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofDays(7));
        assertThat(extensionValue(crl, "2.5.29.20", ASN1Integer.class).getValue())
                .isEqualTo(BigInteger.valueOf(crl.getThisUpdate().toInstant().getEpochSecond()));
    }

    @Test
    void randomEntriesMixWithExplicitOnes(@TempDir Path dir) throws Exception {
        BigInteger serial = new BigInteger("63DAFFCFC8034BDCEA3D123663EE473E", 16);
        Path file = dir.resolve("ACI-FO-PP-TEST.crl");

        Fixtures.PKI.fortPersonnes().crl().revokeRandom(500).revoke(serial).revokeRandom(500).writeDer(file);

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
        crl.verify(Fixtures.PKI.fortPersonnes().certificate().getPublicKey());
        assertThat(crl.getRevokedCertificates()).hasSize(1001);
        assertThat(crl.getRevokedCertificate(serial)).isNotNull();
        assertThat(crl.getRevokedCertificates())
                .allSatisfy(entry -> assertThat(entry.getSerialNumber().bitLength()).isEqualTo(127));
    }

    /**
     * The JDK's X509CRL keeps an object per entry (it needs more than 512 MB of heap for a million), so this
     * walks the DER with BouncyCastle's streaming parser instead, one entry in memory at a time.
     */
    @Test
    void millionEntryCrlIsFastToBuildAndValid() throws Exception {
        CertificateAuthority ca = Fixtures.PKI.fortPersonnes();
        BigInteger serial = Fixtures.PKI.card("810001045367").issue().certificate().getSerialNumber();

        long start = System.nanoTime();
        byte[] der = ca.crl().revoke(serial).revokeRandom(MILLION - 1).buildDer();
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("1,000,000-entry CRL built in %d ms, %d bytes%n", buildMillis, der.length);

        ASN1SequenceParser certificateList = (ASN1SequenceParser) new ASN1StreamParser(der).readObject();
        ASN1SequenceParser tbs = (ASN1SequenceParser) certificateList.readObject();
        for (int field = 0; field < 5; field++) {
            tbs.readObject().toASN1Primitive(); // version, signature, issuer, thisUpdate, nextUpdate
        }
        ASN1SequenceParser revoked = (ASN1SequenceParser) tbs.readObject();
        int entries = 0;
        boolean found = false;
        for (ASN1Encodable entry = revoked.readObject(); entry != null; entry = revoked.readObject()) {
            ASN1Sequence parsed = ASN1Sequence.getInstance(entry.toASN1Primitive());
            found |= ASN1Integer.getInstance(parsed.getObjectAt(0)).getValue().equals(serial);
            entries++;
        }
        assertThat(entries).isEqualTo(MILLION);
        assertThat(found).isTrue();
        ASN1TaggedObjectParser extensions = (ASN1TaggedObjectParser) tbs.readObject();
        assertThat(extensions.getTagNo()).isZero();
        extensions.toASN1Primitive();
        certificateList.readObject().toASN1Primitive(); // signatureAlgorithm
        byte[] signature = ASN1BitString.getInstance(certificateList.readObject().toASN1Primitive()).getOctets();

        int tbsStart = contentStart(der, 0);
        int tbsEnd = contentStart(der, tbsStart) + contentLength(der, tbsStart);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(ca.certificate().getPublicKey());
        verifier.update(der, tbsStart, tbsEnd - tbsStart);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(buildMillis).isLessThan(5_000);
    }

    @Test
    void rejectsUnknownReasonCodes() {
        assertThatThrownBy(() -> Fixtures.PKI.fortPersonnes().crl().revoke(BigInteger.ONE, Instant.now(), 7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int contentStart(byte[] der, int offset) {
        int first = der[offset + 1] & 0xFF;
        return offset + 2 + (first < 0x80 ? 0 : first & 0x7F);
    }

    private static int contentLength(byte[] der, int offset) {
        int first = der[offset + 1] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = length << 8 | der[offset + 2 + i] & 0xFF;
        }
        return length;
    }

    private static <T> T extensionValue(X509CRL crl, String oid, Class<T> type) throws Exception {
        return type.cast(ASN1Primitive.fromByteArray(
                ASN1OctetString.getInstance(crl.getExtensionValue(oid)).getOctets()));
    }
}
