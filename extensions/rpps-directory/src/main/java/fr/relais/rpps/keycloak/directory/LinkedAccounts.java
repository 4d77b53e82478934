package fr.relais.rpps.keycloak.directory;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.RppsAttributes;
import fr.relais.rpps.keycloak.user.RppsRealmConfig;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Creates the account of a professional of the directory: a local Keycloak user named by their
 * idNat_PS, linked to the realm's RPPS component, without any credential (they sign in with their card
 * or Pro Santé Connect), in the realm's group for visiting professionals.
 */
public final class LinkedAccounts {

    private static final Logger LOG = Logger.getLogger(LinkedAccounts.class);

    private final KeycloakSession session;
    private final Clock clock;

    public LinkedAccounts(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** @return the account as Keycloak serves it (RPPS attributes included) */
    public UserModel create(RealmModel realm, RppsRealmConfig config, ProfessionalRecord professional) {
        UserModel account;
        try {
            account = session.users().addUser(realm, professional.idNat());
        } catch (ModelDuplicateException e) {
            // A concurrent first login of the same professional created it a moment ago.
            UserModel existing = session.users().getUserByUsername(realm, professional.idNat());
            if (existing == null) {
                throw e;
            }
            return existing;
        }
        String now = clock.instant().toString();
        account.setEnabled(true);
        account.setFirstName(professional.firstName());
        account.setLastName(professional.lastName());
        account.setSingleAttribute(ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE, professional.idNat());
        account.setSingleAttribute(RppsAttributes.LINKED_AT, now);
        account.setSingleAttribute(RppsAttributes.VERIFIED_AT, now);
        account.setFederationLink(config.componentId());
        String groupPath = config.visitingGroup();
        if (groupPath != null) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, groupPath);
            if (group != null) {
                account.joinGroup(group);
            } else {
                LOG.warnf("Realm %s: group %s for visiting professionals no longer exists", realm.getName(), groupPath);
            }
        }
        LOG.infof("Realm %s: account created for professional %s (%s %s, profession %s), linked to RPPS",
                realm.getName(), professional.idNat(), professional.firstName(), professional.lastName(),
                professional.professionCode());
        return session.users().getUserById(realm, account.getId());
    }
}
