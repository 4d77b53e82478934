package fr.relais.cps.keycloak;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.cps.revocation.CrlSources;
import fr.relais.cps.trust.IgcSanteAuthorities;

/**
 * Server-wide card settings (keycloak.conf / command line, {@code spi-authenticator--relais-cps-card--*}):
 * which authorities exist and where their CRLs come from. They are the same for every realm.
 */
record CardLoginServerConfig(List<X509Certificate> authorities, List<X509Certificate> testAuthorities,
                             List<String> crlUrls, Path crlDropFolder,
                             Duration crlRefreshInterval, Duration crlFetchTimeout) {

    static final String TEST_AUTHORITIES = "test-authorities";
    static final String CRL_URLS = "crl-urls";
    static final String CRL_DROP_FOLDER = "crl-drop-folder";
    static final String CRL_REFRESH_SECONDS = "crl-refresh-seconds";
    static final String CRL_FETCH_TIMEOUT_SECONDS = "crl-fetch-timeout-seconds";
    /** Value of crl-urls for sites without internet: an empty option would mean "default". */
    static final String NO_URLS = "none";

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name(TEST_AUTHORITIES).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("PEM file of TEST IGC-Santé authorities to trust in addition to the production ones. Unset in "
                    + "production. Test cards are still refused unless a realm enables test mode.")
            .add()
            .property().name(CRL_URLS).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Comma-separated CRL URLs downloaded in the background. Default: the IGC-Santé CRLs of the "
                    + "authorities that issue card certificates and of their roots (which list revoked authorities; a card "
                    + "login needs both). \"none\" on sites without internet (use the drop folder).")
            .defaultValue(String.join(",", CrlSources.IGC_SANTE_URLS))
            .add()
            .property().name(CRL_DROP_FOLDER).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Folder whose *.crl files are read at each refresh, for sites where CRLs are brought in by hand.")
            .add()
            .property().name(CRL_REFRESH_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Seconds between two CRL downloads (one node of a cluster downloads). Default 3600.")
            .defaultValue(3600)
            .add()
            .property().name(CRL_FETCH_TIMEOUT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Connect and read timeout of one CRL download: the longest wait for the answer, and for more of its body (the whole download is cut off after 10 minutes). Default 20.")
            .defaultValue(20)
            .add()
            .build();

    static CardLoginServerConfig from(Config.Scope scope) {
        List<X509Certificate> authorities = new ArrayList<>(IgcSanteAuthorities.production());
        List<X509Certificate> testAuthorities = List.of();
        String testFile = scope.get(TEST_AUTHORITIES);
        if (testFile != null && !testFile.isBlank()) {
            try {
                testAuthorities = IgcSanteAuthorities.fromFile(Path.of(testFile.trim()));
                authorities.addAll(testAuthorities);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + TEST_AUTHORITIES + " " + testFile + ": " + e.getMessage(), e);
            }
        }
        String urls = scope.get(CRL_URLS, String.join(",", CrlSources.IGC_SANTE_URLS));
        List<String> crlUrls = Arrays.stream(urls.split(",")).map(String::trim)
                .filter(u -> !u.isEmpty() && !u.equalsIgnoreCase(NO_URLS)).toList();
        String drop = scope.get(CRL_DROP_FOLDER);
        return new CardLoginServerConfig(authorities, testAuthorities, crlUrls, drop == null || drop.isBlank() ? null : Path.of(drop.trim()),
                Duration.ofSeconds(scope.getInt(CRL_REFRESH_SECONDS, 3600)),
                Duration.ofSeconds(scope.getInt(CRL_FETCH_TIMEOUT_SECONDS, 20)));
    }

    CrlSources crlSources() {
        return new CrlSources(crlUrls, crlDropFolder, crlFetchTimeout);
    }
}
