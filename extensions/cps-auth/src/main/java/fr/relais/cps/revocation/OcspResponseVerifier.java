package fr.relais.cps.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Verifies an OCSP response about one card certificate whose chain is already verified: signed by the
 * card's issuing CA or by a responder certificate that CA issued for OCSP signing, about the very
 * certificate asked about, and fresh. Anything else is a {@link OcspAnswer.Failed}, never an answer.
 */
public final class OcspResponseVerifier {

    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** Tolerated difference between the responder's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * A response with neither our nonce nor a nextUpdate says nothing about when it stops being true;
     * older than this, it is not taken as current.
     */
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofHours(1);

    private final DigestCalculatorProvider digests;

    public OcspResponseVerifier() {
        try {
            digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public OcspAnswer verify(byte[] der, OcspRequest request, X509Certificate issuer, Instant now) {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return failed(OcspFailure.UNSUCCESSFUL, "responder status " + response.getStatus());
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
                return failed(OcspFailure.MALFORMED, "not a basic OCSP response");
            }
            basic = b;
        } catch (IOException | OCSPException | RuntimeException e) {
            return failed(OcspFailure.MALFORMED, String.valueOf(e.getMessage()));
        }

        X509Certificate signer = signer(basic, issuer, now);
        if (signer == null) {
            return failed(OcspFailure.UNTRUSTED_RESPONDER, "responder " + describe(basic.getResponderId())
                    + " is neither " + issuer.getSubjectX500Principal().getName() + " nor delegated by it");
        }
        try {
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()))) {
                return failed(OcspFailure.BAD_SIGNATURE, "signature does not verify with the key of "
                        + signer.getSubjectX500Principal().getName());
            }
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return failed(OcspFailure.BAD_SIGNATURE, String.valueOf(e.getMessage()));
        }

        SingleResp single = answerAbout(basic, request.certificateId(), issuer);
        if (single == null) {
            return failed(OcspFailure.WRONG_CERTIFICATE, "no answer about serial " + request.certificateId().getSerialNumber().toString(16));
        }
        OcspAnswer.Failed stale = freshness(basic, single, request, now);
        if (stale != null) {
            return stale;
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new OcspAnswer.Good(single.getThisUpdate().toInstant());
        }
        if (status instanceof RevokedStatus revoked) {
            return new OcspAnswer.Revoked(revoked.getRevocationTime().toInstant());
        }
        return failed(OcspFailure.UNKNOWN_STATUS, "the responder does not know this certificate");
    }

    /** The issuer itself, or a delegated responder certificate included in the response; null if neither. */
    private X509Certificate signer(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        RespID responder = basic.getResponderId();
        if (names(responder, issuer)) {
            return issuer;
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                X509Certificate candidate = converter.getCertificate(holder);
                if (names(responder, candidate) && isDelegatedResponder(candidate, issuer, now)) {
                    return candidate;
                }
            } catch (CertificateException | RuntimeException unusable) {
                // An unreadable certificate cannot be the responder; others may be.
            }
        }
        return null;
    }

    private boolean names(RespID responder, X509Certificate certificate) {
        try {
            return responder.equals(new RespID(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())))
                    || responder.equals(new RespID(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()),
                    digests.get(CertificateID.HASH_SHA1)));
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    /** RFC 6960 §4.2.2.2: issued directly by the CA that issued the card, for OCSP signing, valid now. */
    private static boolean isDelegatedResponder(X509Certificate candidate, X509Certificate issuer, Instant now) {
        if (!candidate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            candidate.verify(issuer.getPublicKey());
            candidate.checkValidity(Date.from(now));
            List<String> purposes = candidate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(OCSP_SIGNING);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Matched by serial and by the issuer's name and key hashes recomputed with the response's own hash
     * algorithm: responders may answer with another hash than the one asked with.
     */
    private SingleResp answerAbout(BasicOCSPResp basic, CertificateID asked, X509Certificate issuer) {
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            try {
                if (id.getSerialNumber().equals(asked.getSerialNumber())
                        && id.matchesIssuer(new JcaX509CertificateHolder(issuer), digests)) {
                    return single;
                }
            } catch (OCSPException | GeneralSecurityException | RuntimeException e) {
                // A hash algorithm we cannot compute cannot prove the match.
            }
        }
        return null;
    }

    private static OcspAnswer.Failed freshness(BasicOCSPResp basic, SingleResp single, OcspRequest request, Instant now) {
        Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null && !Arrays.equals(nonce.getExtnValue().getOctets(), request.nonceValue())) {
            return failed(OcspFailure.NOT_FRESH, "the nonce is not the one sent");
        }
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
            return failed(OcspFailure.NOT_FRESH, "thisUpdate " + thisUpdate + " is in the future");
        }
        Date nextUpdate = single.getNextUpdate();
        if (nextUpdate != null && now.isAfter(nextUpdate.toInstant().plus(CLOCK_SKEW))) {
            return failed(OcspFailure.NOT_FRESH, "past its nextUpdate " + nextUpdate.toInstant());
        }
        if (nonce == null && nextUpdate == null && thisUpdate.isBefore(now.minus(MAX_AGE_WITHOUT_NEXT_UPDATE))) {
            return failed(OcspFailure.NOT_FRESH, "thisUpdate " + thisUpdate + " is too old without a nonce or nextUpdate");
        }
        return null;
    }

    private static String describe(RespID responder) {
        X500Name name = responder.toASN1Primitive().getName();
        return name != null ? name.toString() : "by key hash";
    }

    private static OcspAnswer.Failed failed(OcspFailure failure, String detail) {
        return new OcspAnswer.Failed(failure, detail);
    }
}
