package fr.relais.testpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * An OCSP response (RFC 6960) of one {@link CertificateAuthority} to a given request: by default a
 * "good" answer signed by the CA itself, valid for an hour, echoing the request's nonce. Each setter
 * breaks one property a relying party must check, for negative tests.
 */
public final class OcspResponseBuilder {

    /** The certificate status a responder can give. */
    public enum Status { GOOD, REVOKED, UNKNOWN }

    private final CertificateAuthority ca;
    private final OCSPReq request;
    private Status status = Status.GOOD;
    private Instant revokedAt;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private boolean noNextUpdate;
    private boolean echoNonce = true;
    private BigInteger serial;
    private IssuedCertificate delegatedResponder;
    private PrivateKey signingKey;

    OcspResponseBuilder(CertificateAuthority ca, byte[] requestDer) {
        this.ca = ca;
        try {
            this.request = new OCSPReq(requestDer);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not an OCSP request", e);
        }
        if (request.getRequestList().length != 1) {
            throw new IllegalArgumentException("Expected a request about one certificate");
        }
    }

    public OcspResponseBuilder status(Status status) {
        this.status = Objects.requireNonNull(status);
        if (status == Status.REVOKED && revokedAt == null) {
            revokedAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        }
        return this;
    }

    public OcspResponseBuilder revoked(Instant when) {
        this.revokedAt = Objects.requireNonNull(when);
        this.status = Status.REVOKED;
        return this;
    }

    /** Default: now. */
    public OcspResponseBuilder thisUpdate(Instant thisUpdate) {
        this.thisUpdate = Objects.requireNonNull(thisUpdate);
        return this;
    }

    /** Default: an hour after thisUpdate. */
    public OcspResponseBuilder nextUpdate(Instant nextUpdate) {
        this.nextUpdate = Objects.requireNonNull(nextUpdate);
        return this;
    }

    /** No nextUpdate: "newer information is always available" (RFC 6960 §4.2.2.1). */
    public OcspResponseBuilder withoutNextUpdate() {
        this.noNextUpdate = true;
        return this;
    }

    /** As responders behind caches do: the request's nonce is not echoed. */
    public OcspResponseBuilder withoutNonce() {
        this.echoNonce = false;
        return this;
    }

    /** Answers about another serial of the same CA than the one asked about. */
    public OcspResponseBuilder forSerial(BigInteger serial) {
        this.serial = Objects.requireNonNull(serial);
        return this;
    }

    /** Signed by a delegated responder (see {@link CertificateAuthority#ocspResponder}), whose certificate is included. */
    public OcspResponseBuilder signedBy(IssuedCertificate responder) {
        this.delegatedResponder = Objects.requireNonNull(responder);
        return this;
    }

    /** Keeps the responder's name but signs with another key: a signature that does not verify. */
    public OcspResponseBuilder signingKey(PrivateKey key) {
        this.signingKey = Objects.requireNonNull(key);
        return this;
    }

    public byte[] buildDer() {
        Instant produced = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant issued = thisUpdate != null ? thisUpdate : produced;
        Instant next = noNextUpdate ? null : nextUpdate != null ? nextUpdate : issued.plus(Duration.ofHours(1));
        X509Certificate signer = delegatedResponder != null ? delegatedResponder.certificate() : ca.certificate();
        PrivateKey key = signingKey != null ? signingKey
                : delegatedResponder != null ? delegatedResponder.privateKey() : ca.privateKey();
        try {
            CertificateID asked = request.getRequestList()[0].getCertID();
            CertificateID answered = serial == null ? asked : CertificateID.deriveCertificateID(asked, serial);
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(X500Name.getInstance(signer.getSubjectX500Principal().getEncoded())));
            builder.addResponse(answered, certificateStatus(), Date.from(issued), next == null ? null : Date.from(next),
                    null);
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoNonce && nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            List<X509CertificateHolder> certificates = new ArrayList<>();
            if (delegatedResponder != null) {
                certificates.add(new JcaX509CertificateHolder(delegatedResponder.certificate()));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(X509Support.signer(key),
                    certificates.toArray(X509CertificateHolder[]::new), Date.from(produced))).getEncoded();
        } catch (OCSPException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot build the OCSP response", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unsuccessful response, e.g. {@link OCSPRespBuilder#TRY_LATER}: a status and nothing signed. */
    public static byte[] unsuccessful(int responseStatus) {
        try {
            return new OCSPRespBuilder().build(responseStatus, null).getEncoded();
        } catch (OCSPException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CertificateStatus certificateStatus() {
        return switch (status) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
            case UNKNOWN -> new UnknownStatus();
        };
    }

    /** The serial number the request asks about. */
    public BigInteger askedSerial() {
        return request.getRequestList()[0].getCertID().getSerialNumber();
    }
}
