package fr.relais.testpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentSigner;

/**
 * A version 2 CRL signed by one {@link CertificateAuthority}.
 *
 * <p>The DER is written by hand rather than through BouncyCastle's {@code X509v2CRLBuilder}, which keeps an
 * object graph per entry: filler entries from {@link #revokeRandom(int)} are only a count here and are
 * generated straight into the output buffer, so a million-entry CRL costs its own size (about 35 MB) twice
 * and no more. Use {@link #buildDer()} or {@link #writeDer(Path)} for such CRLs: {@link #build()} parses the
 * result into the JDK's {@link X509CRL}, which holds an object per entry.
 */
public final class CrlBuilder {

    private static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    private static final int SERIAL_OCTETS = 16;

    private final CertificateAuthority ca;
    private final List<byte[]> entries = new ArrayList<>();
    private final long fillerSeed = X509Support.random().nextLong();
    private long fillerCount;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private BigInteger crlNumber;
    private boolean noNextUpdate;
    private final List<Extension> extraExtensions = new ArrayList<>();

    CrlBuilder(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** Revoked now, without a reason code (RFC 5280 says to omit "unspecified"). */
    public CrlBuilder revoke(BigInteger serial) {
        entries.add(der(entry(serial, Instant.now())));
        return this;
    }

    /** @param reasonCode an RFC 5280 CRLReason, e.g. 1 keyCompromise, 4 superseded */
    public CrlBuilder revoke(BigInteger serial, Instant when, int reasonCode) {
        if (reasonCode < 0 || reasonCode > 10 || reasonCode == 7) {
            throw new IllegalArgumentException("Not an RFC 5280 CRL reason code: " + reasonCode);
        }
        ASN1EncodableVector entry = entry(serial, when);
        entry.add(new Extensions(new Extension(Extension.reasonCode, false,
                der(CRLReason.lookup(reasonCode)))));
        entries.add(der(entry));
        return this;
    }

    /**
     * Adds {@code count} entries with random serials shaped like real ones, revoked one day before
     * {@code thisUpdate}, to make the CRL as large as a production one.
     */
    public CrlBuilder revokeRandom(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Negative count: " + count);
        }
        fillerCount += count;
        return this;
    }

    /** Default: now. */
    public CrlBuilder thisUpdate(Instant thisUpdate) {
        this.thisUpdate = Objects.requireNonNull(thisUpdate);
        return this;
    }

    /** Default: a week after thisUpdate. */
    public CrlBuilder nextUpdate(Instant nextUpdate) {
        this.nextUpdate = Objects.requireNonNull(nextUpdate);
        return this;
    }

    /** No nextUpdate at all, which RFC 5280 forbids conforming issuers to do (§5.1.2.5). */
    public CrlBuilder withoutNextUpdate() {
        this.noNextUpdate = true;
        return this;
    }

    /**
     * A CRL extension after the authority key identifier and the CRL number, e.g. an issuing distribution
     * point or a delta CRL indicator.
     */
    public CrlBuilder extension(Extension extension) {
        extraExtensions.add(Objects.requireNonNull(extension));
        return this;
    }

    /**
     * Default: thisUpdate in epoch seconds, so successive CRLs keep increasing across demo runs without any
     * stored state.
     */
    public CrlBuilder crlNumber(BigInteger crlNumber) {
        this.crlNumber = Objects.requireNonNull(crlNumber);
        return this;
    }

    public X509CRL build() {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(buildDer()));
        } catch (CertificateException | CRLException e) {
            throw new IllegalStateException("The JDK cannot parse the CRL just built", e);
        }
    }

    public byte[] buildDer() {
        Instant issued = thisUpdate != null ? thisUpdate : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant next = nextUpdate != null ? nextUpdate : issued.plus(DEFAULT_VALIDITY);
        BigInteger number = crlNumber != null ? crlNumber : BigInteger.valueOf(issued.getEpochSecond());
        ContentSigner signer = X509Support.signer(ca.privateKey());

        byte[] version = der(new ASN1Integer(1));
        byte[] algorithm = der(signer.getAlgorithmIdentifier());
        byte[] issuer = ca.certificate().getSubjectX500Principal().getEncoded();
        byte[] times = noNextUpdate ? der(time(issued)) : concat(der(time(issued)), der(time(next)));
        List<Extension> crlExtensions = new ArrayList<>(List.of(
                new Extension(Extension.authorityKeyIdentifier, false,
                        der(X509Support.authorityKeyIdentifier(ca.certificate()))),
                new Extension(Extension.cRLNumber, false, der(new CRLNumber(number)))));
        crlExtensions.addAll(extraExtensions);
        byte[] extensions = der(new DERTaggedObject(true, 0, new Extensions(crlExtensions.toArray(Extension[]::new))));
        byte[] fillerTime = der(time(issued.minus(Duration.ofDays(1))));
        int fillerLength = 2 + 2 + SERIAL_OCTETS + fillerTime.length;

        long revokedLength = fillerCount * fillerLength;
        for (byte[] entry : entries) {
            revokedLength += entry.length;
        }
        long tbsContent = version.length + algorithm.length + issuer.length + times.length + extensions.length
                + (revokedLength == 0 ? 0 : headerLength(revokedLength) + revokedLength);
        ByteBuffer tbs = ByteBuffer.allocate(checkedSize(headerLength(tbsContent) + tbsContent));
        putHeader(tbs, 0x30, tbsContent);
        tbs.put(version).put(algorithm).put(issuer).put(times);
        if (revokedLength > 0) {
            putHeader(tbs, 0x30, revokedLength);
            entries.forEach(tbs::put);
            putFillers(tbs, fillerTime, fillerLength);
        }
        tbs.put(extensions);

        byte[] signature = sign(signer, tbs.array());
        long outerContent = tbs.capacity() + algorithm.length + headerLength(signature.length + 1L)
                + signature.length + 1L;
        ByteBuffer crl = ByteBuffer.allocate(checkedSize(headerLength(outerContent) + outerContent));
        putHeader(crl, 0x30, outerContent);
        crl.put(tbs.array()).put(algorithm);
        putHeader(crl, 0x03, signature.length + 1L);
        crl.put((byte) 0).put(signature);
        return crl.array();
    }

    public void writeDer(Path file) {
        try {
            Files.write(file, buildDer());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Each filler is SEQUENCE { INTEGER of exactly 16 octets, revocation time }. */
    private void putFillers(ByteBuffer out, byte[] time, int entryLength) {
        SplittableRandom random = new SplittableRandom(fillerSeed);
        for (long i = 0; i < fillerCount; i++) {
            out.put((byte) 0x30).put((byte) (entryLength - 2)).put((byte) 0x02).put((byte) SERIAL_OCTETS);
            // Positive, with the next bit set so that no leading octet can be dropped.
            out.putLong(random.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL | 0x4000_0000_0000_0000L);
            out.putLong(random.nextLong());
            out.put(time);
        }
    }

    private static ASN1EncodableVector entry(BigInteger serial, Instant when) {
        ASN1EncodableVector entry = new ASN1EncodableVector();
        entry.add(new ASN1Integer(serial));
        entry.add(time(when));
        return entry;
    }

    /** UTCTime until 2049, GeneralizedTime after, as RFC 5280 requires. */
    private static Time time(Instant instant) {
        return new Time(Date.from(instant));
    }

    private static byte[] sign(ContentSigner signer, byte[] tbs) {
        try (OutputStream out = signer.getOutputStream()) {
            out.write(tbs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.getSignature();
    }

    private static void putHeader(ByteBuffer out, int tag, long length) {
        out.put((byte) tag);
        if (length < 0x80) {
            out.put((byte) length);
            return;
        }
        int octets = lengthOctets(length);
        out.put((byte) (0x80 | octets));
        for (int i = octets - 1; i >= 0; i--) {
            out.put((byte) (length >>> (8 * i)));
        }
    }

    private static long headerLength(long length) {
        return length < 0x80 ? 2 : 2 + lengthOctets(length);
    }

    private static int lengthOctets(long length) {
        return (Long.SIZE - Long.numberOfLeadingZeros(length) + 7) / 8;
    }

    private static int checkedSize(long size) {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("CRL too large for one byte array: " + size + " bytes");
        }
        return (int) size;
    }

    private static byte[] der(ASN1EncodableVector sequence) {
        return der(new DERSequence(sequence));
    }

    private static byte[] der(ASN1Object object) {
        try {
            return object.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
