package fr.relais.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the DUI (resident record software) on the local machine: a confidential OpenID
 * Connect client doing the authorization-code flow with PKCE, which shows the identity it received.
 * It lets a person see a whole sign-in end to end without installing a real DUI.
 */
public final class DemoDuiApp implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern JSON_STRING_FIELD = Pattern.compile("\"(id_token|access_token)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final String url;
    private final String realmUrl;
    private final String clientSecret;
    private final HttpClient http;
    /** state -> PKCE verifier of sign-ins in progress. */
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    private DemoDuiApp(HttpServer server, String url, String realmUrl, String clientSecret, SSLContext serverTrust) {
        this.server = server;
        this.url = url;
        this.realmUrl = realmUrl;
        this.clientSecret = clientSecret;
        this.http = HttpClient.newBuilder().sslContext(serverTrust).build();
    }

    public static DemoDuiApp start(int port, String realmUrl, String clientSecret, SSLContext serverTrust) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        DemoDuiApp app = new DemoDuiApp(server, "http://localhost:" + port, realmUrl, clientSecret, serverTrust);
        server.createContext("/", app::home);
        server.createContext("/login", app::login);
        server.createContext("/callback", app::callback);
        server.start();
        return app;
    }

    public String url() {
        return url;
    }

    private void home(HttpExchange exchange) throws IOException {
        respond(exchange, 200, page("DUI de démonstration",
                "<p>Logiciel de démonstration jouant le rôle du dossier usager informatisé (DUI).</p>"
                        + "<p><a href=\"/login\">Se connecter avec Relais</a></p>"));
    }

    private void login(HttpExchange exchange) throws IOException {
        String state = randomToken();
        String verifier = randomToken() + randomToken();
        pending.put(state, verifier);
        String authorize = realmUrl + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + RelaisInstance.DUI_CLIENT_ID
                + "&redirect_uri=" + encode(url + "/callback")
                + "&scope=openid"
                + "&state=" + state
                + "&nonce=" + randomToken()
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        exchange.getResponseHeaders().add("Location", authorize);
        respond(exchange, 302, "");
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String verifier = pending.remove(query.getOrDefault("state", ""));
        if (verifier == null || !query.containsKey("code")) {
            respond(exchange, 400, page("Connexion refusée", "<p>Réponse inattendue : " + escape(query.toString())
                    + "</p><p><a href=\"/\">Retour</a></p>"));
            return;
        }
        String form = "grant_type=authorization_code&code=" + encode(query.get("code"))
                + "&redirect_uri=" + encode(url + "/callback") + "&code_verifier=" + verifier;
        HttpResponse<String> tokens;
        try {
            tokens = postAsClient(realmUrl + "/protocol/openid-connect/token", form);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, page("Interrompu", ""));
            return;
        }
        if (tokens.statusCode() != 200) {
            respond(exchange, 502, page("Échange du code refusé", "<pre>" + escape(tokens.body()) + "</pre>"));
            return;
        }
        StringBuilder body = new StringBuilder("<p>Vous êtes connecté(e). Voici ce que le DUI a reçu de Relais :</p>");
        Matcher m = JSON_STRING_FIELD.matcher(tokens.body());
        Map<String, String> received = new HashMap<>();
        while (m.find()) {
            received.put(m.group(1), m.group(2));
            body.append("<h2>").append(m.group(1)).append("</h2><pre id=\"").append(m.group(1)).append("\">")
                    .append(escape(payloadOf(m.group(2)))).append("</pre>");
        }
        body.append(pscToken(received.get("access_token")));
        String logout = realmUrl + "/protocol/openid-connect/logout?id_token_hint=" + encode(received.getOrDefault("id_token", ""))
                + "&post_logout_redirect_uri=" + encode(url + "/");
        body.append("<p><a href=\"").append(realmUrl).append("/account\">Mon compte</a> · <a id=\"logout\" href=\"")
                .append(escape(logout)).append("\">Se déconnecter</a> · <a href=\"/\">Retour</a></p>");
        respond(exchange, 200, page("DUI de démonstration : connecté", body.toString()));
    }

    /**
     * What a real DUI does to call national services for the professional: read the Pro Santé Connect
     * access token of the professional's session from Relais (Keycloak's identity brokering API v2, with
     * the DUI's own credentials and the professional's access token).
     */
    private String pscToken(String accessToken) {
        if (accessToken == null) {
            return "";
        }
        try {
            HttpResponse<String> relay = postAsClient(realmUrl + "/broker/psc/token", "token=" + encode(accessToken));
            Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(relay.body());
            if (relay.statusCode() == 200 && token.find()) {
                return "<h2>Jeton Pro Santé Connect (relayé par Relais)</h2><pre id=\"psc_access_token\">"
                        + escape(payloadOf(token.group(1))) + "</pre>";
            }
            return "<p id=\"psc_access_token\">Pas de jeton Pro Santé Connect pour ce compte (connexion par un autre moyen).</p>";
        } catch (IOException e) {
            return "<p>Jeton Pro Santé Connect indisponible : " + escape(e.getMessage()) + "</p>";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A form POST authenticated as the DUI client (client_secret_basic). */
    private HttpResponse<String> postAsClient(String endpoint, String form) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(
                (RelaisInstance.DUI_CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String payloadOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replace(",\"", ",\n\"");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:60em;margin:2em auto\"><h1>" + title + "</h1>"
                + body + "</body></html>";
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
