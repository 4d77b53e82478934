package fr.relais.psc.keycloak;

import static org.keycloak.provider.ProviderConfigProperty.LIST_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.PASSWORD;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** What an operator sets on a Pro Santé Connect identity provider, with the help the console shows. */
final class PscConfigProperties {

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(PscIdentityProviderConfig.ENVIRONMENT).type(LIST_TYPE)
            .label("PSC environment")
            .helpText("production: the real Pro Santé Connect (auth.esw.esante.gouv.fr, wallet.esw.esante.gouv.fr). "
                    + "sandbox: the ANS \"bac à sable\" (BAS, *.bas.psc.esante.gouv.fr) with test identities. "
                    + "custom: another PSC-shaped provider (a simulator, a proxy) given by the two URLs below.")
            .options("production", "sandbox", "custom").defaultValue("production").add()
            .property().name(PscIdentityProviderConfig.CUSTOM_ISSUER).type(STRING_TYPE)
            .label("Custom issuer")
            .helpText("Only for the custom environment: the issuer, e.g. https://psc.example/auth/realms/esante-wallet. "
                    + "Token, userinfo, keys and logout are derived from it with PSC's paths. Must be https "
                    + "(http is accepted for this machine only).")
            .add()
            .property().name(PscIdentityProviderConfig.CUSTOM_AUTHORIZATION_URL).type(STRING_TYPE)
            .label("Custom authorization URL")
            .helpText("Only for the custom environment: the authorize endpoint, which PSC serves from a separate "
                    + "\"wallet\" host (https://wallet.<environment>/auth).")
            .add()
            .property().name("clientId").type(STRING_TYPE)
            .label("Client ID")
            .helpText("The client_id ANS assigned to this organisation's Relais (from the DataPass / iSC onboarding).")
            .required(true).add()
            .property().name("clientSecret").type(PASSWORD).secret(true)
            .label("Client secret")
            .helpText("Used with client_secret_basic or client_secret_post. Prefer a vault reference such as "
                    + "${vault.psc-client-secret} (file vault: file <realm>_psc-client-secret) to keep the secret out "
                    + "of the database.")
            .add()
            .property().name(PscIdentityProviderConfig.CLIENT_AUTHENTICATION).type(LIST_TYPE)
            .label("Client authentication")
            .helpText("How Relais proves its identity to PSC's token endpoint. PSC supports client_secret_basic, "
                    + "client_secret_post and tls_client_auth (the organisation's IGC-Santé certificate in the TLS "
                    + "handshake, RFC 8705); it advertises private_key_jwt but does not support it.")
            .options("client_secret_basic", "client_secret_post", "tls_client_auth").defaultValue("client_secret_basic").add()
            .property().name(PscIdentityProviderConfig.TLS_KEYSTORE).type(STRING_TYPE)
            .label("Client certificate keystore")
            .helpText("For tls_client_auth: path on the server of the keystore holding the organisation's IGC-Santé "
                    + "authentication certificate and its private key. A replaced file is picked up at the next login.")
            .add()
            .property().name(PscIdentityProviderConfig.TLS_KEYSTORE_PASSWORD).type(PASSWORD).secret(true)
            .label("Keystore password")
            .helpText("Password of that keystore (and of its key). A vault reference is accepted.")
            .add()
            .property().name(PscIdentityProviderConfig.TLS_KEYSTORE_TYPE).type(LIST_TYPE)
            .label("Keystore type")
            .options("PKCS12", "JKS").defaultValue("PKCS12").add()
            .property().name(PscIdentityProviderConfig.ACR_VALUES).type(STRING_TYPE)
            .label("Requested acr_values")
            .helpText("Sent to PSC in every authorization request. PSC accepts only eidas1 today; change it only if "
                    + "ANS announces otherwise.")
            .defaultValue(PscIdentityProviderConfig.DEFAULT_ACR_VALUES).add()
            .property().name(PscIdentityProviderConfig.MINIMUM_ACR).type(LIST_TYPE)
            .label("Minimum acr accepted")
            .helpText("The lowest eIDAS level accepted in PSC's ID token. PSC answers eidas1 for the e-CPS app and up "
                    + "to eidas3 for some card logins; a token below this level, or without an acr, is refused with "
                    + "an event (relais_psc_acr_too_low).")
            .options("eidas1", "eidas2", "eidas3").defaultValue("eidas1").add()
            .property().name(PscIdentityProviderConfig.HTTP_TIMEOUT_MILLIS).type(STRING_TYPE)
            .label("Timeout (ms)")
            .helpText("Connect and read timeout of each call to PSC (token, userinfo, refresh). When PSC does not "
                    + "answer within it, the professional is sent back to the login page with an explanation "
                    + "instead of waiting.")
            .defaultValue(Integer.toString(PscIdentityProviderConfig.DEFAULT_HTTP_TIMEOUT_MILLIS)).add()
            .build();

    private PscConfigProperties() {
    }
}
