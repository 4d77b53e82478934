package fr.relais.cps.keycloak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts how the user signed in into the tokens: {@code amr} (RFC 8176 method references, e.g.
 * ["sc","pin","mfa","hwk"] for a card and its PIN) and {@code acr} ("mie-2fa" for the two-factor
 * means the RIE requires), as recorded by the Relais authenticator that signed the session in.
 */
public final class AuthenticationContextMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "relais-authentication-context";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AuthenticationContextMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - authentication context (acr, amr)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the amr claim and overrides acr with the means a Relais authenticator recorded for this session "
                + "(CPS card: acr mie-2fa, amr sc pin mfa hwk). Sessions opened another way keep Keycloak's own acr.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    /** After Keycloak's own acr mapper, which would otherwise overwrite the value. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        String acr = userSession.getNote(CardEventDetails.NOTE_ACR);
        if (acr != null) {
            token.setAcr(acr);
        }
        String amr = userSession.getNote(CardEventDetails.NOTE_AMR);
        if (amr != null) {
            token.getOtherClaims().put("amr", Arrays.asList(amr.split(" ")));
        }
    }
}
