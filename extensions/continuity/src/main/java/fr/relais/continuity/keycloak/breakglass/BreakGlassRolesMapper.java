package fr.relais.continuity.keycloak.breakglass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

import fr.relais.continuity.breakglass.RoleAllowance;

/**
 * Minimal access for emergency sessions (RIE v2 EXI RIE-PS 16): in a session opened by an emergency
 * code, the access token keeps only the roles named when the access was activated. Runs after
 * Keycloak's role mappers; sessions opened any other way are not touched. It only filters the
 * standard {@code realm_access} and {@code resource_access} claims: an application that reads roles
 * from another claim must also check {@code acr=break-glass}.
 */
public final class BreakGlassRolesMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "relais-break-glass-roles";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, BreakGlassRolesMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - emergency access role filter";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "In sessions opened with an emergency (break-glass) code, removes from realm_access and resource_access "
                + "every role not named when the emergency access was activated. Add it to every client that emergency "
                + "sessions may reach (e.g. in a default client scope).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    /** After Keycloak's role mappers, which fill the claims this one trims. */
    @Override
    public int getPriority() {
        return 1_000;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (userSession.getNote(BreakGlassNotes.GRANT) == null || !OIDCAttributeMapperHelper.includeInAccessToken(mapping)) {
            return token;
        }
        return filter(token, RoleAllowance.parse(userSession.getNote(BreakGlassNotes.ROLES)));
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel mapping, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (userSession.getNote(BreakGlassNotes.GRANT) == null || !OIDCAttributeMapperHelper.includeInUserInfo(mapping)) {
            return token;
        }
        return filter(token, RoleAllowance.parse(userSession.getNote(BreakGlassNotes.ROLES)));
    }

    private static AccessToken filter(AccessToken token, RoleAllowance allowance) {
        AccessToken.Access realmAccess = token.getRealmAccess();
        if (realmAccess != null && realmAccess.getRoles() != null) {
            List<String> kept = allowance.keepRealmRoles(realmAccess.getRoles());
            token.setRealmAccess(kept.isEmpty() ? null : new AccessToken.Access().roles(new HashSet<>(kept)));
        }
        Map<String, AccessToken.Access> resourceAccess = token.getResourceAccess();
        if (resourceAccess != null && !resourceAccess.isEmpty()) {
            Map<String, AccessToken.Access> keptAccess = new HashMap<>();
            resourceAccess.forEach((clientId, access) -> {
                if (access.getRoles() != null) {
                    List<String> kept = allowance.keepClientRoles(clientId, access.getRoles());
                    if (!kept.isEmpty()) {
                        keptAccess.put(clientId, new AccessToken.Access().roles(new HashSet<>(kept)));
                    }
                }
            });
            token.setResourceAccess(keptAccess);
        }
        return token;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        // Nothing to add: this mapper only removes roles, in transformAccessToken.
    }
}
