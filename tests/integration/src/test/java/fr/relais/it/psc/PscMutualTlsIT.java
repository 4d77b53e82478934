package fr.relais.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.relais.it.RelaisServerExtension;
import fr.relais.pscsim.AutoLogin;
import fr.relais.pscsim.ClientRegistration;
import fr.relais.pscsim.Endpoint;
import fr.relais.pscsim.PscSimulator;
import fr.relais.pscsim.SimulatorConfig;
import fr.relais.pscsim.TlsConfig;
import fr.relais.runner.DemoPki;
import fr.relais.runner.DemoProfessional;
import fr.relais.runner.RelaisInstance;
import fr.relais.runner.Secrets;

/**
 * tls_client_auth (RFC 8705): Relais authenticates to PSC's token endpoint with a certificate from a
 * configured keystore, no secret. A second, HTTPS-only simulator and a second PSC identity provider
 * are set up for this test alone; the demo card of a professional stands in for the organisation's
 * IGC-Santé certificate.
 */
@ExtendWith(RelaisServerExtension.class)
class PscMutualTlsIT {

    private static final DemoProfessional PAUL = DemoProfessional.ALL.get(1);
    private static final String ALIAS = "psc-mtls";
    private static final String CLIENT_ID = "relais-mtls";

    @Test
    void relaisSignsInWithItsCertificateInsteadOfASecret(RelaisInstance relais) throws Exception {
        DemoPki pki = relais.pki();
        String subject = pki.card(PAUL).certificate().getSubjectX500Principal().getName();
        TlsConfig tls = TlsConfig.fromPem(pki.serverCertificate(), pki.serverKey(), List.of(pki.cardAuthoritiesPem()));
        Admin admin = new Admin(relais);
        try (PscSimulator secure = PscSimulator.start(SimulatorConfig.builder().port(0).walletPort(0).tls(tls)
                .client(ClientRegistration.withCertificate(CLIENT_ID, subject, relais.realmUrl() + "/broker/" + ALIAS + "/endpoint*"))
                .build())) {
            admin.post("realms/relais/identity-provider/instances", identityProvider(relais, secure));
            try {
                secure.setAutoLogin(AutoLogin.of(PAUL.idNatPs()));
                DuiLogin login = new DuiLogin(relais, pki.serverTrust()).start("&kc_idp_hint=" + ALIAS);
                JsonNode idToken = DuiLogin.payload(login.tokens().get("id_token").asText());

                assertThat(idToken.get("idnat_ps").asText()).isEqualTo(PAUL.idNatPs());
                assertThat(secure.lastRequest(Endpoint.TOKEN).clientAuthentication()).isEqualTo("tls_client_auth");
                assertThat(secure.lastRequest(Endpoint.TOKEN).hasParam("client_secret")).isFalse();
            } finally {
                admin.delete("realms/relais/identity-provider/instances/" + ALIAS);
            }
        }
    }

    private static ObjectNode identityProvider(RelaisInstance relais, PscSimulator secure) {
        ObjectNode idp = Admin.JSON.createObjectNode()
                .put("alias", ALIAS).put("providerId", "relais-psc").put("enabled", true).put("storeToken", true)
                .put("displayName", "Pro Santé Connect (mTLS)")
                .put("firstBrokerLoginFlowAlias", "relais psc first login");
        idp.putObject("config")
                .put("relais.psc.environment", "custom")
                .put("relais.psc.issuer", secure.issuer())
                .put("relais.psc.authorizationUrl", secure.authorizationEndpoint())
                .put("clientId", CLIENT_ID)
                .put("relais.psc.clientAuthentication", "tls_client_auth")
                .put("relais.psc.tlsKeystore", relais.pki().cardFile(PAUL).toString())
                .put("relais.psc.tlsKeystorePassword", relais.secrets().get(Secrets.PKI_PASSWORD))
                .put("relais.psc.httpTimeoutMillis", "2000");
        return idp;
    }
}
