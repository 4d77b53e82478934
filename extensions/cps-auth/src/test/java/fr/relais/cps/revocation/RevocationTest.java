package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

import fr.relais.cps.Pki;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.TestPki;

class RevocationTest {

    private final CertificateAuthority ca = Pki.TEST.fortPersonnes();
    private final CrlParser parser = new CrlParser();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void revokedSerialsAreFoundAndOthersAreNot() throws Exception {
        BigInteger revoked = new BigInteger("63DAFFCFC8034BDCEA3D123663EE473E", 16);
        byte[] der = ca.crl().revoke(revoked).revoke(BigInteger.valueOf(5)).revokeRandom(1000)
                .thisUpdate(now).nextUpdate(now.plus(Duration.ofDays(1))).crlNumber(BigInteger.TEN).buildDer();
        CrlSnapshot snapshot = parser.parse(der, ca.certificate());
        assertThat(snapshot.revoked().size()).isEqualTo(1002);
        assertThat(snapshot.isRevoked(revoked)).isTrue();
        assertThat(snapshot.isRevoked(BigInteger.valueOf(5))).isTrue();
        assertThat(snapshot.isRevoked(BigInteger.valueOf(6))).isFalse();
        assertThat(snapshot.crlNumber()).isEqualTo(BigInteger.TEN);
        assertThat(snapshot.thisUpdate()).isEqualTo(now);
    }

    @Test
    void crlSignedByAnotherKeyIsRejected() {
        CertificateAuthority impostor = TestPki.generate().fortPersonnes();
        byte[] der = impostor.crl().revoke(BigInteger.ONE).thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer();
        assertThatThrownBy(() -> parser.parse(der, ca.certificate())).isInstanceOf(CrlException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void crlWithoutSignatureValueIsRejected() throws Exception {
        byte[] der = ca.crl().revoke(BigInteger.ONE).thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer();
        ASN1Sequence crl = ASN1Sequence.getInstance(der);
        byte[] unsigned = new DERSequence(new ASN1Encodable[] {crl.getObjectAt(0), crl.getObjectAt(1)})
                .getEncoded();
        assertThatThrownBy(() -> parser.parse(unsigned, ca.certificate())).isInstanceOf(CrlException.class);
    }

    @Test
    void signatureOfTheWrongLengthForTheAuthorityKeyIsRejected() {
        CertificateAuthority larger = TestPki.generate(TestPki.Options.defaults().withCaKeySize(3072)).fortPersonnes();
        byte[] der = larger.crl().revoke(BigInteger.ONE).thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer();
        assertThatThrownBy(() -> parser.parse(der, ca.certificate())).isInstanceOf(CrlException.class);
    }

    @Test
    void crlOfAnotherAuthorityIsRejected() {
        byte[] der = Pki.TEST.standardPersonnes().crl().thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer();
        assertThatThrownBy(() -> parser.parse(der, ca.certificate())).isInstanceOf(CrlException.class);
    }

    @Test
    void truncatedOrGarbageCrlIsRejected() {
        byte[] der = ca.crl().revoke(BigInteger.ONE).thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer();
        byte[] truncated = java.util.Arrays.copyOf(der, der.length - 10);
        assertThatThrownBy(() -> parser.parse(truncated, ca.certificate())).isInstanceOf(CrlException.class);
        assertThatThrownBy(() -> parser.parse("<html>503</html>".getBytes(), ca.certificate())).isInstanceOf(CrlException.class);
        der[der.length - 5] ^= 0x01;
        assertThatThrownBy(() -> parser.parse(der, ca.certificate())).isInstanceOf(CrlException.class);
    }

    @Test
    void checkerAppliesGraceThenFailsClosed() throws Exception {
        RevocationStore store = new RevocationStore();
        RevocationChecker checker = new RevocationChecker(store);
        X509Certificate authority = ca.certificate();
        assertThat(checker.check(BigInteger.ONE, authority, now, Duration.ofHours(72)))
                .isInstanceOf(RevocationStatus.NoCrl.class);

        Instant thisUpdate = now.minus(Duration.ofDays(2));
        store.offer(authority, parser.parse(ca.crl().revoke(BigInteger.TWO).thisUpdate(thisUpdate)
                .nextUpdate(thisUpdate.plus(Duration.ofDays(1))).buildDer(), authority));

        RevocationStatus inGrace = checker.check(BigInteger.ONE, authority, now, Duration.ofHours(72));
        assertThat(inGrace).isEqualTo(new RevocationStatus.Good(Duration.ofDays(2), true));
        assertThat(checker.check(BigInteger.ONE, authority, now, Duration.ofHours(12)))
                .isInstanceOf(RevocationStatus.Stale.class);
        assertThat(checker.check(BigInteger.TWO, authority, now, Duration.ofHours(12)))
                .isInstanceOf(RevocationStatus.Revoked.class);
    }

    @Test
    void storeKeepsTheLatestList() throws Exception {
        RevocationStore store = new RevocationStore();
        X509Certificate authority = ca.certificate();
        CrlSnapshot older = parser.parse(ca.crl().crlNumber(BigInteger.ONE).thisUpdate(now.minusSeconds(100))
                .nextUpdate(now.plusSeconds(3600)).buildDer(), authority);
        CrlSnapshot newer = parser.parse(ca.crl().crlNumber(BigInteger.TWO).revoke(BigInteger.TEN).thisUpdate(now)
                .nextUpdate(now.plusSeconds(3600)).buildDer(), authority);
        assertThat(store.offer(authority, newer)).isTrue();
        assertThat(store.offer(authority, older)).isFalse();
        assertThat(store.latest(authority)).contains(newer);
    }
}
