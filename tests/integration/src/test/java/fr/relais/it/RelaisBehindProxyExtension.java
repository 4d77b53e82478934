package fr.relais.it;

import fr.relais.runner.RelaisInstance;
import fr.relais.runner.ServerSettings;

/**
 * A Relais as behind a TLS-terminating reverse proxy (nginx {@code ssl_verify_client optional_no_ca}):
 * Keycloak's {@code nginx} certificate lookup reads the forwarded certificate from a header, only from
 * the trusted proxy address (here the tests themselves, on 127.0.0.1).
 */
public final class RelaisBehindProxyExtension extends RelaisServerExtension {

    static final String CERTIFICATE_HEADER = "ssl-client-cert";

    public RelaisBehindProxyExtension() {
        super(RelaisInstance.Database.DEV_FILE, "relais-it-proxy");
    }

    @Override
    protected void customize(ServerSettings settings, CrlServer crls) {
        super.customize(settings, crls);
        settings.buildOption("spi-x509cert-lookup--provider", "nginx")
                .runtimeOption("spi-x509cert-lookup--nginx--ssl-client-cert", CERTIFICATE_HEADER)
                .runtimeOption("proxy-headers", "xforwarded")
                .runtimeOption("proxy-trusted-addresses", "127.0.0.1");
    }
}
