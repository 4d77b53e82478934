package fr.relais.cps.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;
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

    @Test
    void crlWithoutNextUpdateIsRefusedSinceItCouldNeverBeFoundStale() {
        byte[] der = ca.crl().thisUpdate(now).withoutNextUpdate().buildDer();
        assertThatThrownBy(() -> parser.parse(der, ca.certificate())).isInstanceOf(CrlException.class)
                .hasMessageContaining("nextUpdate");
    }

    @Test
    void deltaCrlIsRefusedSinceItListsOnlyTheLatestRevocations() throws Exception {
        byte[] der = ca.crl().thisUpdate(now).nextUpdate(now.plusSeconds(3600))
                .extension(new Extension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.ONE).getEncoded())).buildDer();
        assertThatThrownBy(() -> parser.parse(der, ca.certificate())).isInstanceOf(CrlException.class)
                .hasMessageContaining("delta");
    }

    @Test
    void unknownCriticalExtensionMakesTheCrlUnusableButAnUnknownNonCriticalOneDoesNot() throws Exception {
        ASN1ObjectIdentifier unknown = new ASN1ObjectIdentifier("1.2.250.1.999.1");
        byte[] critical = ca.crl().thisUpdate(now).nextUpdate(now.plusSeconds(3600))
                .extension(new Extension(unknown, true, DERNull.INSTANCE.getEncoded())).buildDer();
        assertThatThrownBy(() -> parser.parse(critical, ca.certificate())).isInstanceOf(CrlException.class)
                .hasMessageContaining("1.2.250.1.999.1");
        byte[] informative = ca.crl().revoke(BigInteger.TEN).thisUpdate(now).nextUpdate(now.plusSeconds(3600))
                .extension(new Extension(unknown, false, DERNull.INSTANCE.getEncoded())).buildDer();
        assertThat(parser.parse(informative, ca.certificate()).isRevoked(BigInteger.TEN)).isTrue();
    }

    @Test
    void partialCrlsAreRefused() throws Exception {
        IssuingDistributionPoint someReasons = new IssuingDistributionPoint(null, false, false,
                new ReasonFlags(ReasonFlags.keyCompromise), false, false);
        IssuingDistributionPoint indirect = new IssuingDistributionPoint(null, false, false, null, true, false);
        IssuingDistributionPoint attributes = new IssuingDistributionPoint(null, false, false, null, false, true);
        for (IssuingDistributionPoint partial : List.of(someReasons, indirect, attributes)) {
            byte[] der = crlWith(partial).buildDer();
            assertThatThrownBy(() -> parser.parse(der, ca.certificate())).as(partial.toString()).isInstanceOf(CrlException.class);
        }
    }

    @Test
    void crlRestrictedToCardsOrToAuthoritiesDecidesOnlyForThem() throws Exception {
        CertificateAuthority root = Pki.TEST.fortRoot();
        List<X509Certificate> path = List.of(Pki.TEST.card("899700100011").issue().certificate(), ca.certificate(),
                root.certificate());
        IssuingDistributionPoint cardsOnly = new IssuingDistributionPoint(null, true, false, null, false, false);
        IssuingDistributionPoint authoritiesOnly = new IssuingDistributionPoint(null, false, true, null, false, false);

        RevocationStore store = new RevocationStore();
        RevocationChecker checker = new RevocationChecker(store);
        CrlSnapshot cardList = parser.parse(crlWith(cardsOnly).buildDer(), ca.certificate());
        assertThat(cardList.coverage()).isEqualTo(CrlSnapshot.Coverage.END_ENTITIES);
        store.offer(ca.certificate(), cardList);
        // The root's list is restricted to end entities: it says nothing of the intermediate authority.
        store.offer(root.certificate(), parser.parse(root.crl().thisUpdate(now).nextUpdate(now.plusSeconds(3600))
                .extension(new Extension(Extension.issuingDistributionPoint, true, cardsOnly.getEncoded())).buildDer(),
                root.certificate()));
        assertThat(checker.check(BigInteger.ONE, ca.certificate(), now, Duration.ofHours(72)))
                .isInstanceOf(RevocationStatus.Good.class);
        assertThat(checker.checkAuthorities(path, now, Duration.ofHours(72)))
                .extracting(RevocationChecker.AuthorityStatus::status).singleElement().isInstanceOf(RevocationStatus.NoCrl.class);

        // An authority-only list of the card's issuer cannot decide about a card.
        RevocationStore arlOnly = new RevocationStore();
        CrlSnapshot authorityList = parser.parse(crlWith(authoritiesOnly).crlNumber(BigInteger.TWO).buildDer(), ca.certificate());
        assertThat(authorityList.coverage()).isEqualTo(CrlSnapshot.Coverage.AUTHORITIES);
        arlOnly.offer(ca.certificate(), authorityList);
        assertThat(new RevocationChecker(arlOnly).check(BigInteger.ONE, ca.certificate(), now, Duration.ofHours(72)))
                .isInstanceOf(RevocationStatus.NoCrl.class);
    }

    @Test
    void intermediateAuthoritiesAreCheckedOnTheirRootsList() throws Exception {
        CertificateAuthority root = Pki.TEST.fortRoot();
        X509Certificate intermediate = ca.certificate();
        List<X509Certificate> path = List.of(Pki.TEST.card("899700100011").issue().certificate(), intermediate,
                root.certificate());
        RevocationStore store = new RevocationStore();
        RevocationChecker checker = new RevocationChecker(store);
        Duration grace = Duration.ofHours(72);

        List<RevocationChecker.AuthorityStatus> none = checker.checkAuthorities(path, now, grace);
        assertThat(none).singleElement().satisfies(status -> {
            assertThat(status.authority()).isEqualTo(intermediate);
            assertThat(status.status()).isInstanceOf(RevocationStatus.NoCrl.class);
        });

        store.offer(root.certificate(), parser.parse(root.crl().revoke(BigInteger.valueOf(99)).crlNumber(BigInteger.ONE)
                .thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer(), root.certificate()));
        assertThat(checker.checkAuthorities(path, now, grace)).extracting(RevocationChecker.AuthorityStatus::status)
                .containsExactly(new RevocationStatus.Good(Duration.ZERO, false));

        Instant lastWeek = now.minus(Duration.ofDays(7));
        CrlSnapshot overdue = parser.parse(root.crl().crlNumber(BigInteger.TWO).thisUpdate(lastWeek)
                .nextUpdate(lastWeek.plus(Duration.ofDays(5))).buildDer(), root.certificate());
        store.offer(root.certificate(), overdue);
        assertThat(checker.checkAuthorities(path, now, grace)).extracting(RevocationChecker.AuthorityStatus::status)
                .containsExactly(new RevocationStatus.Good(Duration.ofDays(7), true));
        assertThat(checker.checkAuthorities(path, now, Duration.ofHours(24)))
                .extracting(RevocationChecker.AuthorityStatus::status).singleElement().isInstanceOf(RevocationStatus.Stale.class);

        store.offer(root.certificate(), parser.parse(root.crl().revoke(intermediate.getSerialNumber())
                .crlNumber(BigInteger.valueOf(3)).thisUpdate(now).nextUpdate(now.plusSeconds(3600)).buildDer(), root.certificate()));
        assertThat(checker.checkAuthorities(path, now, grace)).extracting(RevocationChecker.AuthorityStatus::status)
                .singleElement().isInstanceOf(RevocationStatus.Revoked.class);
        // A card the root signed itself has no authority between them to check.
        assertThat(checker.checkAuthorities(List.of(path.get(0), root.certificate()), now, grace)).isEmpty();
    }

    private fr.relais.testpki.CrlBuilder crlWith(IssuingDistributionPoint distributionPoint) throws Exception {
        return ca.crl().thisUpdate(now).nextUpdate(now.plusSeconds(3600))
                .extension(new Extension(Extension.issuingDistributionPoint, true, distributionPoint.getEncoded()));
    }
}
