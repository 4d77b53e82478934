package fr.relais.rpps.keycloak.directory;

import java.time.Clock;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.RppsAttributes;
import fr.relais.rpps.keycloak.user.RppsRealmConfig;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Opens the account of a professional of the directory: a local Keycloak user named by their idNat_PS,
 * linked to the realm's RPPS component, without any credential (they sign in with their card or Pro Santé
 * Connect), in the realm's group for visiting professionals.
 *
 * <p>The account is written in a transaction of its own, committed before the caller goes on. A visiting
 * professional's first login often comes in several tabs or apps at once, and on several nodes: every
 * request finds no account and tries to open one. The database's unique username lets exactly one
 * succeed; the others' inserts fail in their own transaction, which leaves the login's transaction
 * usable (PostgreSQL refuses every further statement of a transaction once one failed), and they take the
 * account the winner committed.
 */
public final class LinkedAccounts {

    private static final Logger LOG = Logger.getLogger(LinkedAccounts.class);

    private final KeycloakSession session;
    private final Clock clock;

    public LinkedAccounts(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /**
     * @return the account as this session's Keycloak serves it (RPPS attributes included), whether this
     *         call or a concurrent one opened it; empty when the username is held by an account that does
     *         not carry this idNat_PS (never taken over)
     */
    public Optional<UserModel> open(RealmModel realm, RppsRealmConfig config, ProfessionalRecord professional) {
        String id;
        try {
            id = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                RealmModel ownRealm = own.realms().getRealm(realm.getId());
                // Keycloak's user storage reads the realm from the session's context.
                own.getContext().setRealm(ownRealm);
                return create(own, ownRealm, config, professional);
            });
        } catch (RuntimeException e) {
            UserModel existing = session.users().getUserByUsername(realm, professional.idNat());
            if (existing == null) {
                throw e;
            }
            if (!professional.idNat().equals(existing.getFirstAttribute(ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE))) {
                LOG.errorf("Realm %s: username %s is held by an account without %s=%s; no account opened for this "
                                + "professional", realm.getName(), existing.getUsername(),
                        ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE, professional.idNat());
                return Optional.empty();
            }
            LOG.debugf("Realm %s: account of %s opened by a concurrent login (%s)", realm.getName(),
                    professional.idNat(), e.getMessage());
            return Optional.of(existing);
        }
        return Optional.ofNullable(session.users().getUserById(realm, id));
    }

    private String create(KeycloakSession own, RealmModel realm, RppsRealmConfig config, ProfessionalRecord professional) {
        UserModel account = own.users().addUser(realm, professional.idNat());
        account.setEnabled(true);
        account.setFirstName(professional.firstName());
        account.setLastName(professional.lastName());
        account.setSingleAttribute(ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE, professional.idNat());
        // The link is established from the directory's record now: the link-health report counts it as checked.
        account.setSingleAttribute(RppsAttributes.LINKED_AT, clock.instant().toString());
        account.setFederationLink(config.componentId());
        String groupPath = config.visitingGroup();
        if (groupPath != null) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(own, realm, groupPath);
            if (group != null) {
                account.joinGroup(group);
            } else {
                LOG.warnf("Realm %s: group %s for visiting professionals no longer exists", realm.getName(), groupPath);
            }
        }
        LOG.infof("Realm %s: account created for professional %s (%s %s, profession %s), linked to RPPS",
                realm.getName(), professional.idNat(), professional.firstName(), professional.lastName(),
                professional.professionCode());
        return account.getId();
    }
}
