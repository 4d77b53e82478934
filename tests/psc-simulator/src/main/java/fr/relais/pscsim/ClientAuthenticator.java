package fr.relais.pscsim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Client authentication at the token and introspection endpoints: client_secret_basic, client_secret_post, and
 * tls_client_auth (RFC 8705 §2.1: the client_id parameter names the client, the certificate's subject DN must be
 * the registered one). private_key_jwt is advertised by PSC's discovery but not supported, and not here either.
 */
final class ClientAuthenticator {

    private final SimContext context;

    ClientAuthenticator(SimContext context) {
        this.context = context;
    }

    /** Who the client is and how it proved it. */
    record Authenticated(ClientRegistration client, String method, String certificateThumbprint) {
    }

    /** A failed authentication; {@code basic} says whether to answer with a Basic challenge. */
    static final class Failure extends Exception {
        private final boolean basic;

        Failure(String message, boolean basic) {
            super(message);
            this.basic = basic;
        }

        boolean basic() {
            return basic;
        }
    }

    Authenticated authenticate(Call call) throws Failure {
        String formClientId = call.formParam("client_id");
        String authorization = call.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decodeBasic(authorization.substring(6).trim());
            if (formClientId != null && !formClientId.equals(credentials[0])) {
                throw new Failure("client_id differs from the Basic credentials", true);
            }
            return new Authenticated(checkSecret(credentials[0], credentials[1], true), "client_secret_basic", null);
        }
        String secret = call.formParam("client_secret");
        if (secret != null) {
            return new Authenticated(checkSecret(formClientId, secret, false), "client_secret_post", null);
        }
        X509Certificate certificate = call.clientCertificate();
        if (certificate != null) {
            ClientRegistration client = context.client(formClientId);
            if (client == null) {
                throw new Failure("Unknown client: " + formClientId, false);
            }
            if (!client.acceptsCertificateSubject(certificate.getSubjectX500Principal())) {
                throw new Failure("The client certificate subject " + certificate.getSubjectX500Principal().getName()
                        + " is not the one registered for " + client.clientId(), false);
            }
            return new Authenticated(client, "tls_client_auth", thumbprint(certificate));
        }
        throw new Failure("No client authentication (expected client_secret_basic, client_secret_post or "
                + "tls_client_auth)", false);
    }

    private ClientRegistration checkSecret(String clientId, String secret, boolean basic) throws Failure {
        ClientRegistration client = context.client(clientId);
        if (client == null) {
            throw new Failure("Unknown client: " + clientId, basic);
        }
        if (client.secret() == null) {
            throw new Failure("Client " + clientId + " must authenticate with tls_client_auth", basic);
        }
        if (!MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new Failure("Invalid client secret", basic);
        }
        return client;
    }

    /** RFC 6749 §2.3.1: both halves are form-urlencoded before being joined by ':'. */
    private static String[] decodeBasic(String encoded) throws Failure {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Failure("Malformed Basic credentials", true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new Failure("Malformed Basic credentials", true);
        }
        return new String[] {Urls.decode(decoded.substring(0, colon)), Urls.decode(decoded.substring(colon + 1))};
    }

    /** RFC 8705 §3.1: base64url SHA-256 of the DER certificate. */
    static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
