package fr.relais.psc.keycloak;

import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import fr.relais.psc.domain.SubjectRoleMapping;

/**
 * Gives the account the organisation's roles that its table associates with the PSC {@code SubjectRole}
 * codes of the login. In FORCE synchronisation the table's roles PSC no longer gives are taken back
 * (a role another mapper granted in the same login is left alone).
 */
public final class PscSubjectRoleMapper extends PscMapper {

    public static final String PROVIDER_ID = "relais-psc-subject-role";
    static final String ROLES = "relais.psc.roles";
    private static final Logger LOG = Logger.getLogger(PscSubjectRoleMapper.class);

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(ROLES).type(ProviderConfigProperty.MAP_TYPE)
            .label("Rôles par code SubjectRole / Roles by SubjectRole code")
            .helpText("Clé : code SubjectRole envoyé par Pro Santé Connect, avec ou sans son OID (10 ou "
                    + "10^1.2.250.1.213.1.1.5.5 : médecin ; 60 : infirmier ; codes de profession TRE_G15). Valeur : rôle "
                    + "du royaume (medecin) ou d'un client (dui.prescripteur) ; plusieurs lignes par code possibles. "
                    + "Un rôle absent du royaume est ignoré et signalé dans le journal. En synchronisation FORCE, les rôles "
                    + "de la table que PSC ne donne plus sont retirés. / Key: PSC SubjectRole code, with or without its "
                    + "OID; value: realm role or clientId.role. With FORCE sync, the table's roles PSC no longer gives "
                    + "are removed.")
            .add().build();

    public PscSubjectRoleMapper() {
        super(CONFIG);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return "Role Importer";
    }

    @Override
    public String getDisplayType() {
        return "Relais - roles from SubjectRole";
    }

    @Override
    public String getHelpText() {
        return "Grants realm or client roles according to the PSC SubjectRole codes (table code -> role).";
    }

    @Override
    public void updateBrokeredUserLegacy(KeycloakSession session, RealmModel realm, UserModel user,
                                         IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        // Legacy mode only took roles back, never granted them.
        SubjectRoleMapping mapping = mapping(mapperModel);
        Set<String> granted = mapping.rolesFor(codes(context));
        for (String name : mapping.allRoles()) {
            RoleModel role = granted.contains(name) ? null : role(session, realm, name);
            if (role != null) {
                user.deleteRoleMapping(role);
            }
        }
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                                   BrokeredIdentityContext context) {
        SubjectRoleMapping mapping = mapping(mapperModel);
        Set<String> granted = mapping.rolesFor(codes(context));
        for (String name : mapping.allRoles()) {
            if (context.hasMapperGrantedRole(name)) {
                continue;
            }
            RoleModel role = role(session, realm, name);
            if (role == null) {
                continue;
            }
            if (granted.contains(name)) {
                context.addMapperGrantedRole(name);
                user.grantRole(role);
            } else {
                user.deleteRoleMapping(role);
            }
        }
    }

    private static SubjectRoleMapping mapping(IdentityProviderMapperModel mapperModel) {
        return SubjectRoleMapping.of(mapperModel.getConfigMap(ROLES));
    }

    private static Set<String> codes(BrokeredIdentityContext context) {
        JsonNode userInfo = (JsonNode) context.getContextData().get(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE);
        return SubjectRoleMapping.codes(userInfo == null ? null : userInfo.get(SubjectRoleMapping.CLAIM));
    }

    private static RoleModel role(KeycloakSession session, RealmModel realm, String name) {
        RoleModel role = KeycloakModelUtils.getRoleFromString(realm, name);
        if (role == null) {
            LOG.errorf("Realm %s: PSC SubjectRole mapper names role '%s', which does not exist; it is not granted",
                    realm.getName(), name);
        }
        return role;
    }
}
