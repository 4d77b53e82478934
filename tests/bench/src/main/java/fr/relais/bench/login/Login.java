package fr.relais.bench.login;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/** One kind of login, performed whole on a fresh TLS connection, as the stock figures were measured. */
abstract class Login {

    private static final String RELAIS_REALM = "relais";
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([A-Za-z0-9_-]+)\\.");
    private static final Pattern ALG = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    final String name;
    final int port;

    Login(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** Performs one login; throws when anything but the expected tokens comes back. */
    abstract void perform(int worker) throws Exception;

    /** Authorization-code flow: GET /auth with a certificate, the code comes back at once. */
    static Login certificate(String name, String realm, String clientId, SSLContext card, int port) {
        return certificate(name, realm, clientId, card, port, null);
    }

    /**
     * The same, with the ID token's signature algorithm checked ({@code null}: not checked), so that a kind
     * of login measuring an algorithm cannot silently measure another.
     */
    static Login certificate(String name, String realm, String clientId, SSLContext card, int port, String idTokenAlgorithm) {
        return new Login(name, port) {
            @Override
            void perform(int worker) throws Exception {
                try (RawHttpsClient http = new RawHttpsClient(card, "localhost", port)) {
                    RawHttpsClient.Response auth = http.get(authorizePath(realm, clientId), null);
                    String tokens = redeem(http, realm, clientId, auth);
                    if (idTokenAlgorithm != null && !idTokenAlgorithm.equals(idTokenAlgorithm(tokens))) {
                        throw new IllegalStateException("ID token signed " + idTokenAlgorithm(tokens) + ", not " + idTokenAlgorithm);
                    }
                }
            }
        };
    }

    private static String idTokenAlgorithm(String tokens) {
        Matcher idToken = ID_TOKEN.matcher(tokens);
        if (!idToken.find()) {
            return null;
        }
        String header = new String(Base64.getUrlDecoder().decode(idToken.group(1)), StandardCharsets.UTF_8);
        Matcher alg = ALG.matcher(header);
        return alg.find() ? alg.group(1) : null;
    }

    /** The login page alone: GET /auth without a certificate, the page with its form must come back. */
    static Login page(String clientId, SSLContext tls, int port) {
        return new Login("login-page", port) {
            @Override
            void perform(int worker) throws Exception {
                try (RawHttpsClient http = new RawHttpsClient(tls, "localhost", port)) {
                    RawHttpsClient.Response page = http.get(authorizePath(RELAIS_REALM, clientId), null);
                    if (page.status() != 200 || !FORM_ACTION.matcher(page.body()).find()) {
                        throw new IllegalStateException("no login page: " + page.status());
                    }
                }
            }
        };
    }

    /** Authorization-code flow through the username/password form. */
    static Login password(String clientId, SSLContext tls, int port, String username, String password) {
        return new Login("password", port) {
            @Override
            void perform(int worker) throws Exception {
                try (RawHttpsClient http = new RawHttpsClient(tls, "localhost", port)) {
                    RawHttpsClient.Response page = http.get(authorizePath(RELAIS_REALM, clientId), null);
                    Matcher action = FORM_ACTION.matcher(page.body());
                    if (page.status() != 200 || !action.find()) {
                        throw new IllegalStateException("no login form: " + page.status());
                    }
                    String target = action.group(1).replace("&amp;", "&");
                    target = target.substring(target.indexOf("/realms/"));
                    String form = "username=" + enc(username) + "&password=" + enc(password);
                    RawHttpsClient.Response login = http.postForm(target, form, cookies(page.headers("set-cookie")), null);
                    redeem(http, RELAIS_REALM, clientId, login);
                }
            }
        };
    }

    /** Client-credentials grant on one keep-alive connection per worker. */
    static Login clientCredentials(SSLContext tls, int port, int workers) {
        RawHttpsClient[] connections = new RawHttpsClient[workers];
        return new Login("client-credentials", port) {
            @Override
            void perform(int worker) throws Exception {
                if (connections[worker] == null) {
                    connections[worker] = new RawHttpsClient(tls, "localhost", port);
                }
                RawHttpsClient.Response token = connections[worker].postForm(protocolPath(RELAIS_REALM) + "/token",
                        "grant_type=client_credentials", null, basic("bench-cc"));
                if (token.status() != 200 || !token.body().contains("access_token")) {
                    throw new IllegalStateException("token: " + token.status());
                }
            }
        };
    }

    private static String protocolPath(String realm) {
        return "/realms/" + realm + "/protocol/openid-connect";
    }

    static String authorizePath(String realm, String clientId) {
        return protocolPath(realm) + "/auth?response_type=code&scope=openid&client_id=" + clientId
                + "&redirect_uri=" + enc(BenchRealm.REDIRECT) + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID();
    }

    /** Exchanges the code of {@code authorization}; returns the token response. */
    static String redeem(RawHttpsClient http, String realm, String clientId, RawHttpsClient.Response authorization)
            throws Exception {
        String location = authorization.header("location");
        if (authorization.status() != 302 || location == null || !location.contains("code=")) {
            String body = authorization.body();
            throw new IllegalStateException("no code: " + authorization.status() + " " + location + " "
                    + body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " "));
        }
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        RawHttpsClient.Response token = http.postForm(protocolPath(realm) + "/token", "grant_type=authorization_code&code=" + enc(code)
                + "&redirect_uri=" + enc(BenchRealm.REDIRECT), null, basic(clientId));
        if (token.status() != 200 || !token.body().contains("\"id_token\"")) {
            throw new IllegalStateException("token: " + token.status() + " " + token.body());
        }
        return token.body();
    }

    private static String cookies(List<String> setCookies) {
        StringBuilder cookies = new StringBuilder();
        for (String cookie : setCookies) {
            if (cookies.length() > 0) {
                cookies.append("; ");
            }
            cookies.append(cookie, 0, cookie.contains(";") ? cookie.indexOf(';') : cookie.length());
        }
        return cookies.toString();
    }

    private static String basic(String clientId) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + BenchRealm.SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
