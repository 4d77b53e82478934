package fr.relais.rpps.keycloak.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.keycloak.storage.RppsRepository;
import fr.relais.rpps.keycloak.user.RppsComponents;
import fr.relais.rpps.keycloak.user.RppsRealmConfig;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Resolves a professional who has just proven their idNat_PS (card certificate, PSC identity):
 * <ol>
 *   <li>the account whose username is the idNat_PS and which carries it in {@code idnat_ps}: every
 *       account the directory opens is named so, and Keycloak answers a username from its user cache,
 *       without a query;</li>
 *   <li>otherwise the realm's account carrying that {@code idnat_ps} attribute under another username
 *       (accounts created by hand or by HR provisioning keep working), one indexed attribute query;</li>
 *   <li>otherwise, if the realm's RPPS component accepts visiting professionals and the directory knows
 *       the professional, a new account linked to the directory.</li>
 * </ol>
 * Which account an idNat_PS resolved to is remembered for a few minutes ({@link AccountIdCache}); the
 * account is then loaded through Keycloak's user cache and used only if it still carries the idNat_PS.
 * A login only reads: whether a link still holds is re-checked by each successful import, for every
 * linked account at once (see {@code DirectorySwap#markLinksChecked}).
 */
final class RppsProfessionalDirectory implements ProfessionalDirectory {

    private static final Logger LOG = Logger.getLogger(RppsProfessionalDirectory.class);

    private final KeycloakSession session;
    private final Clock clock;
    private final AccountIdCache accounts;

    RppsProfessionalDirectory(KeycloakSession session, Clock clock, AccountIdCache accounts) {
        this.session = session;
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public Optional<UserModel> findByIdNatPs(RealmModel realm, String idNatPs) {
        return find(realm, idNatPs, true);
    }

    @Override
    public Optional<UserModel> findAccountByIdNatPs(RealmModel realm, String idNatPs) {
        return find(realm, idNatPs, false);
    }

    private Optional<UserModel> find(RealmModel realm, String idNatPs, boolean createVisiting) {
        if (idNatPs == null || idNatPs.isBlank()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<UserModel> user = remembered(realm, idNatPs, now);
        if (user.isPresent()) {
            return user;
        }
        user = byUsername(realm, idNatPs);
        if (user.isEmpty()) {
            user = byAttribute(realm, idNatPs);
        }
        if (user.isEmpty() && createVisiting) {
            user = visitingProfessional(realm, idNatPs);
        }
        user.ifPresent(found -> accounts.remember(realm.getId(), idNatPs, found.getId(), now));
        return user;
    }

    /** The account this idNat_PS resolved to a moment ago, loaded afresh and only if it still carries it. */
    private Optional<UserModel> remembered(RealmModel realm, String idNat, long now) {
        Optional<String> accountId = accounts.accountId(realm.getId(), idNat, now);
        if (accountId.isEmpty()) {
            return Optional.empty();
        }
        UserModel user = session.users().getUserById(realm, accountId.get());
        if (user != null && idNat.equals(user.getFirstAttribute(ID_NAT_PS_ATTRIBUTE))) {
            return Optional.of(user);
        }
        accounts.forget(realm.getId(), idNat);
        return Optional.empty();
    }

    /**
     * Usernames are unique in a realm, so this one answer is the account. A username that merely looks
     * like the idNat_PS, on an account that does not carry it, proves nothing: it is not taken.
     */
    private Optional<UserModel> byUsername(RealmModel realm, String idNat) {
        UserModel user = session.users().getUserByUsername(realm, idNat);
        return user != null && idNat.equals(user.getFirstAttribute(ID_NAT_PS_ATTRIBUTE)) ? Optional.of(user)
                : Optional.empty();
    }

    private Optional<UserModel> byAttribute(RealmModel realm, String idNat) {
        List<UserModel> matches = session.users()
                .searchForUserByUserAttributeStream(realm, ID_NAT_PS_ATTRIBUTE, idNat)
                .limit(2)
                .toList();
        if (matches.size() > 1) {
            // Two accounts claiming one national identifier, neither named by it: signing either in would be a guess.
            LOG.errorf("Realm %s: several users carry %s=%s; refusing to choose one", realm.getName(),
                    ID_NAT_PS_ATTRIBUTE, idNat);
            return Optional.empty();
        }
        return matches.stream().findFirst();
    }

    private Optional<UserModel> visitingProfessional(RealmModel realm, String idNat) {
        Optional<RppsRealmConfig> config = RppsComponents.of(realm).filter(RppsRealmConfig::visitingProfessionals);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProfessionalRecord> professional = repository().find(idNat);
        if (professional.isEmpty()) {
            LOG.infof("Realm %s: idNat_PS %s has no account and is not in the RPPS directory", realm.getName(), idNat);
            return Optional.empty();
        }
        return new LinkedAccounts(session, clock).open(realm, config.get(), professional.get());
    }

    private RppsRepository repository() {
        return RppsRepository.cached(session);
    }
}
