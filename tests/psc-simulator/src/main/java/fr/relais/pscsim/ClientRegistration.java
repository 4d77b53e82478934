package fr.relais.pscsim;

import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A relying party registered with the simulator. A client with a secret authenticates with client_secret_basic
 * or client_secret_post; a client with a certificate subject DN authenticates with tls_client_auth (RFC 8705);
 * a client with both accepts either.
 *
 * @param clientId the client_id
 * @param secret the client secret, or null for an mTLS-only client
 * @param redirectUris accepted redirect_uri values: exact, or a prefix ending with {@code *}, or {@code *} alone
 * @param postLogoutRedirectUris accepted post_logout_redirect_uri values, same syntax; empty means "the
 *     redirect URIs", as in Keycloak
 * @param tlsSubjectDn the subject DN of the client certificate (compared as X.500 names, not as strings), or null
 * @param userinfoFormat how userinfo answers this client
 */
public record ClientRegistration(String clientId, String secret, List<String> redirectUris,
        List<String> postLogoutRedirectUris, String tlsSubjectDn, UserinfoFormat userinfoFormat) {

    public ClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("Blank clientId");
        }
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        secret = secret == null || secret.isEmpty() ? null : secret;
        tlsSubjectDn = tlsSubjectDn == null || tlsSubjectDn.isBlank() ? null : tlsSubjectDn;
        if (tlsSubjectDn != null) {
            // Fail at registration rather than at the first token request.
            new X500Principal(tlsSubjectDn);
        }
        if (secret == null && tlsSubjectDn == null) {
            throw new IllegalArgumentException("Client " + clientId + " needs a secret or a certificate subject DN");
        }
        userinfoFormat = userinfoFormat == null ? UserinfoFormat.JSON : userinfoFormat;
    }

    /** A client_secret_basic/post client answered with JSON userinfo. */
    public static ClientRegistration withSecret(String clientId, String secret, String... redirectUris) {
        return new ClientRegistration(clientId, secret, List.of(redirectUris), List.of(), null, UserinfoFormat.JSON);
    }

    /** A tls_client_auth client whose certificate has this subject DN. */
    public static ClientRegistration withCertificate(String clientId, String subjectDn, String... redirectUris) {
        return new ClientRegistration(clientId, null, List.of(redirectUris), List.of(), subjectDn,
                UserinfoFormat.JSON);
    }

    public ClientRegistration withUserinfoFormat(UserinfoFormat format) {
        return new ClientRegistration(clientId, secret, redirectUris, postLogoutRedirectUris, tlsSubjectDn, format);
    }

    public ClientRegistration withPostLogoutRedirectUris(String... uris) {
        return new ClientRegistration(clientId, secret, redirectUris, List.of(uris), tlsSubjectDn, userinfoFormat);
    }

    /** Also accept tls_client_auth with a certificate of this subject DN. */
    public ClientRegistration withTlsSubjectDn(String subjectDn) {
        return new ClientRegistration(clientId, secret, redirectUris, postLogoutRedirectUris, subjectDn,
                userinfoFormat);
    }

    public boolean acceptsRedirectUri(String uri) {
        return matchesAny(redirectUris, uri);
    }

    public boolean acceptsPostLogoutRedirectUri(String uri) {
        return matchesAny(postLogoutRedirectUris.isEmpty() ? redirectUris : postLogoutRedirectUris, uri);
    }

    /** Whether a certificate with this subject may authenticate as this client. */
    public boolean acceptsCertificateSubject(X500Principal subject) {
        return tlsSubjectDn != null && DistinguishedNames.same(new X500Principal(tlsSubjectDn), subject);
    }

    private static boolean matchesAny(List<String> patterns, String uri) {
        if (uri == null) {
            return false;
        }
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(uri)
                    || pattern.endsWith("*") && uri.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
