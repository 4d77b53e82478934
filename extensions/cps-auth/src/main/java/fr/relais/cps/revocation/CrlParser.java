package fr.relais.cps.revocation;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Reads a DER CRL in one pass over its bytes, verifying its signature with the issuing authority's
 * key and collecting revoked serials into a compact {@link SerialSet}. General-purpose parsers build
 * an object per entry, which for a national card CRL means seconds and hundreds of megabytes.
 */
public final class CrlParser {

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int CONTEXT_0 = 0xa0;
    /** The critical CRL extensions this reader acts on; any other one makes the CRL unusable. */
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD_CRITICAL = Set.of(
            Extension.issuingDistributionPoint, Extension.cRLNumber, Extension.authorityKeyIdentifier);

    public CrlSnapshot parse(byte[] der, X509Certificate authority) throws CrlException {
        try {
            Der crl = new Der(der, 0, der.length);
            Der.Element certificateList = crl.next(SEQUENCE);
            if (crl.hasMore()) {
                throw new CrlException("trailing bytes after the CRL");
            }
            Der body = certificateList.content();
            Der.Element tbs = body.next(SEQUENCE);
            Der.Element signatureAlgorithm = body.next(SEQUENCE);
            Der.Element signatureValue = body.next(0x03);
            verifySignature(der, tbs, signatureAlgorithm, signatureValue, authority);
            return readTbs(tbs.content(), authority);
        } catch (RuntimeException | IOException e) {
            // BouncyCastle reports bad encodings and unverifiable signatures (e.g. a signature of the wrong
            // length for the key) with assorted runtime exceptions: each one is a refused CRL, never a crash.
            throw new CrlException("malformed CRL: " + e.getMessage(), e);
        }
    }

    private static void verifySignature(byte[] der, Der.Element tbs, Der.Element algorithm, Der.Element signature,
                                        X509Certificate authority) throws CrlException, IOException {
        try {
            AlgorithmIdentifier algorithmId = AlgorithmIdentifier.getInstance(algorithm.toPrimitive());
            ContentVerifier verifier = new JcaContentVerifierProviderBuilder().build(authority.getPublicKey()).get(algorithmId);
            try (OutputStream out = verifier.getOutputStream()) {
                out.write(der, tbs.start(), tbs.end() - tbs.start());
            }
            byte[] signatureBytes = DERBitString.getInstance(signature.toPrimitive()).getOctets();
            if (!verifier.verify(signatureBytes)) {
                throw new CrlException("signature does not verify with the key of "
                        + authority.getSubjectX500Principal().getName());
            }
        } catch (OperatorCreationException e) {
            throw new CrlException("unsupported signature algorithm", e);
        }
    }

    private static CrlSnapshot readTbs(Der tbs, X509Certificate authority) throws CrlException, IOException {
        if (tbs.peekTag() == INTEGER) {
            tbs.next(INTEGER);  // version
        }
        tbs.next(SEQUENCE);  // signature algorithm, repeated inside the signed part
        Der.Element issuerElement = tbs.next(SEQUENCE);
        X500Principal issuer = new X500Principal(issuerElement.bytes());
        if (!issuer.equals(authority.getSubjectX500Principal())) {
            throw new CrlException("CRL issued by " + issuer.getName() + ", expected "
                    + authority.getSubjectX500Principal().getName());
        }
        Instant thisUpdate = time(tbs.nextAny());
        Instant nextUpdate = null;
        if (tbs.hasMore() && (tbs.peekTag() == 0x17 || tbs.peekTag() == 0x18)) {
            nextUpdate = time(tbs.nextAny());
        }
        if (nextUpdate == null) {
            // RFC 5280 §5.1.2.5: conforming issuers always name one; without it the list could never be
            // found stale, and a lost CRL server would go unnoticed for ever.
            throw new CrlException("the CRL has no nextUpdate, so it could never be known out of date");
        }
        SerialSet.Builder revoked = new SerialSet.Builder();
        if (tbs.hasMore() && tbs.peekTag() == SEQUENCE) {
            Der entries = tbs.next(SEQUENCE).content();
            while (entries.hasMore()) {
                Der entry = entries.next(SEQUENCE).content();
                Der.Element serial = entry.next(INTEGER);
                revoked.add(serial.source(), serial.contentStart(), serial.end());
            }
        }
        BigInteger crlNumber = null;
        CrlSnapshot.Coverage coverage = CrlSnapshot.Coverage.ALL;
        if (tbs.hasMore() && tbs.peekTag() == CONTEXT_0) {
            Extensions extensions = Extensions.getInstance(tbs.next(CONTEXT_0).content().next(SEQUENCE).toPrimitive());
            if (extensions.getExtension(Extension.deltaCRLIndicator) != null) {
                throw new CrlException("delta CRLs are not used: provide the full CRL");
            }
            for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
                if (!UNDERSTOOD_CRITICAL.contains(oid)) {
                    // RFC 5280 §5.2: a CRL with a critical extension the reader cannot process must not be used.
                    throw new CrlException("critical CRL extension " + oid.getId() + " is not understood");
                }
            }
            Extension number = extensions.getExtension(Extension.cRLNumber);
            if (number != null) {
                crlNumber = CRLNumber.getInstance(number.getParsedValue()).getCRLNumber();
            }
            Extension distributionPoint = extensions.getExtension(Extension.issuingDistributionPoint);
            if (distributionPoint != null) {
                coverage = coverage(IssuingDistributionPoint.getInstance(distributionPoint.getParsedValue()));
            }
        }
        return new CrlSnapshot(issuer, thisUpdate, nextUpdate, crlNumber, coverage, revoked.build());
    }

    /**
     * A partial list (some reasons only, another authority's certificates, attribute certificates) cannot
     * decide alone whether a card is revoked; a list restricted to end entities or to authorities can, for
     * those certificates only. A distribution point name is not matched against the card's: IGC-Santé
     * publishes one list per authority, not lists split by distribution point.
     */
    private static CrlSnapshot.Coverage coverage(IssuingDistributionPoint distributionPoint) throws CrlException {
        if (distributionPoint.getOnlySomeReasons() != null) {
            throw new CrlException("the CRL covers only some revocation reasons: provide the full CRL");
        }
        if (distributionPoint.isIndirectCRL()) {
            throw new CrlException("indirect CRLs are not used: provide the authority's own CRL");
        }
        if (distributionPoint.onlyContainsAttributeCerts()) {
            throw new CrlException("the CRL covers attribute certificates only");
        }
        if (distributionPoint.onlyContainsUserCerts()) {
            return CrlSnapshot.Coverage.END_ENTITIES;
        }
        return distributionPoint.onlyContainsCACerts() ? CrlSnapshot.Coverage.AUTHORITIES : CrlSnapshot.Coverage.ALL;
    }

    private static Instant time(Der.Element element) throws IOException {
        return Time.getInstance(element.toPrimitive()).getDate().toInstant();
    }

    /** A cursor over definite-length DER elements of a byte range. */
    static final class Der {
        private final byte[] source;
        private int position;
        private final int limit;

        Der(byte[] source, int from, int to) {
            this.source = source;
            this.position = from;
            this.limit = to;
        }

        boolean hasMore() {
            return position < limit;
        }

        int peekTag() {
            if (!hasMore()) {
                throw new IllegalArgumentException("missing element at " + position);
            }
            return source[position] & 0xff;
        }

        Element next(int expectedTag) {
            int tag = peekTag();
            if (tag != expectedTag) {
                throw new IllegalArgumentException("expected tag 0x" + Integer.toHexString(expectedTag) + ", found 0x"
                        + Integer.toHexString(tag) + " at " + position);
            }
            return nextAny();
        }

        Element nextAny() {
            if (position + 2 > limit) {
                throw new IllegalArgumentException("truncated element at " + position);
            }
            int start = position;
            int cursor = position + 1;
            int first = source[cursor++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int octets = first & 0x7f;
                if (octets == 0 || octets > 4) {
                    throw new IllegalArgumentException("unsupported length encoding at " + start);
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    if (cursor >= limit) {
                        throw new IllegalArgumentException("truncated length at " + start);
                    }
                    length = (length << 8) | (source[cursor++] & 0xff);
                }
            }
            long end = cursor + length;
            if (end > limit) {
                throw new IllegalArgumentException("element at " + start + " overruns its container");
            }
            position = (int) end;
            return new Element(source, start, cursor, (int) end);
        }

        record Element(byte[] source, int start, int contentStart, int end) {
            Der content() {
                return new Der(source, contentStart, end);
            }

            byte[] bytes() {
                return Arrays.copyOfRange(source, start, end);
            }

            ASN1Primitive toPrimitive() throws IOException {
                return ASN1Primitive.fromByteArray(bytes());
            }
        }
    }
}
