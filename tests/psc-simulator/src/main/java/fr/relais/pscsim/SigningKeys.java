package fr.relais.pscsim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The realm key (published in the JWKS) and, for the bad-signature fault, an impostor key under the same
 * {@code kid}: a relying party that picks the key by kid and checks the signature must reject those tokens.
 */
final class SigningKeys {

    private final RSAKey key;
    private volatile RSAKey impostor;

    private SigningKeys(RSAKey key) {
        this.key = key;
    }

    /** Uses the given key, or generates one whose kid is its RFC 7638 thumbprint (Keycloak's kids look alike). */
    static SigningKeys create(RSAKey configured) {
        if (configured != null) {
            if (!configured.isPrivate()) {
                throw new IllegalArgumentException("The signing key has no private part");
            }
            RSAKey key = configured.getKeyID() != null ? configured : withThumbprintKid(configured);
            return new SigningKeys(key);
        }
        return new SigningKeys(withThumbprintKid(generate(null)));
    }

    String kid() {
        return key.getKeyID();
    }

    /** What the JWKS endpoint publishes. */
    JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }

    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** Signs with the realm key, or with the impostor key when {@code forged}. */
    String sign(JWTClaimsSet claims, boolean forged) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(forged ? impostor() : key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** Whether the realm key signed this JWT. */
    boolean verifies(SignedJWT jwt) {
        try {
            return JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    && jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private RSAKey impostor() {
        RSAKey current = impostor;
        if (current == null) {
            synchronized (this) {
                if (impostor == null) {
                    // Generated on first use: most runs never need it, and RSA generation is slow.
                    impostor = generate(key.getKeyID());
                }
                current = impostor;
            }
        }
        return current;
    }

    private static RSAKey generate(String kid) {
        try {
            RSAKeyGenerator generator = new RSAKeyGenerator(2048);
            generator.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
            if (kid != null) {
                generator.keyID(kid);
            }
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static RSAKey withThumbprintKid(RSAKey key) {
        try {
            return new RSAKey.Builder(key)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(key.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute a key thumbprint", e);
        }
    }
}
