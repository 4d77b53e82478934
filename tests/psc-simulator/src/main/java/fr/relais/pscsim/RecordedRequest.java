package fr.relais.pscsim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the simulator received, for tests to check what the relying party sent (acr_values, PKCE,
 * id_token_hint...). Recorded before any fault applies, so a request that was then held or failed is here too.
 *
 * @param sequence order of arrival, from 1
 * @param time when it arrived
 * @param listener "main" or "wallet"
 * @param endpoint the endpoint, or null for an unknown path
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query query parameters
 * @param form form parameters of an {@code application/x-www-form-urlencoded} body
 * @param headers headers, names in lower case
 * @param clientCertificateSubject the subject DN of the TLS client certificate, or null
 */
public record RecordedRequest(long sequence, Instant time, String listener, Endpoint endpoint, String method,
        String path, Map<String, List<String>> query, Map<String, List<String>> form,
        Map<String, List<String>> headers, String clientCertificateSubject) {

    /** The first value of a parameter, from the query or else from the form; null when absent. */
    public String param(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            values = form.get(name);
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasParam(String name) {
        return param(name) != null;
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** How the client authenticated, judging from what it sent: "client_secret_basic", "client_secret_post",
     * "tls_client_auth" or "none". */
    public String clientAuthentication() {
        String authorization = header("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "client_secret_basic";
        }
        if (form.containsKey("client_secret")) {
            return "client_secret_post";
        }
        if (clientCertificateSubject != null) {
            return "tls_client_auth";
        }
        return "none";
    }
}
