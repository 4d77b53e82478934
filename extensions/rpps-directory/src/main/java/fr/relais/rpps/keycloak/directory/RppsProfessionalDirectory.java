package fr.relais.rpps.keycloak.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;

import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.RppsAttributes;
import fr.relais.rpps.keycloak.storage.RppsRepository;
import fr.relais.rpps.keycloak.user.RppsComponents;
import fr.relais.rpps.keycloak.user.RppsRealmConfig;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Resolves a professional who has just proven their idNat_PS (card certificate, PSC identity):
 * <ol>
 *   <li>the realm's account carrying that {@code idnat_ps} attribute, linked to RPPS or not (accounts
 *       created by hand or by HR provisioning keep working);</li>
 *   <li>otherwise, if the realm's RPPS component accepts visiting professionals and the directory knows
 *       the professional, a new account linked to the directory.</li>
 * </ol>
 * Because callers ask only after a strong authentication, a successful lookup also re-checks the
 * account's link to RPPS ({@code rpps_verified_at}), which the link-health report relies on.
 */
final class RppsProfessionalDirectory implements ProfessionalDirectory {

    private static final Logger LOG = Logger.getLogger(RppsProfessionalDirectory.class);
    /** One write a day per account is plenty for a three-year re-check period. */
    private static final Duration VERIFICATION_GRANULARITY = Duration.ofDays(1);

    private final KeycloakSession session;
    private final Clock clock;

    RppsProfessionalDirectory(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
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
        List<UserModel> matches = session.users()
                .searchForUserByUserAttributeStream(realm, ID_NAT_PS_ATTRIBUTE, idNatPs)
                .limit(2)
                .toList();
        if (matches.size() > 1) {
            // Two accounts claiming one national identifier: signing either in would be a guess.
            LOG.errorf("Realm %s: several users carry %s=%s; refusing to choose one", realm.getName(),
                    ID_NAT_PS_ATTRIBUTE, idNatPs);
            return Optional.empty();
        }
        Optional<UserModel> user = matches.stream().findFirst();
        if (user.isEmpty() && createVisiting) {
            user = visitingProfessional(realm, idNatPs);
        }
        user.ifPresent(this::recordVerification);
        return user;
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
        return Optional.of(new LinkedAccounts(session, clock).create(realm, config.get(), professional.get()));
    }

    private void recordVerification(UserModel user) {
        Instant now = clock.instant();
        String last = user.getFirstAttribute(RppsAttributes.VERIFIED_AT);
        try {
            if (last != null && Duration.between(Instant.parse(last), now).compareTo(VERIFICATION_GRANULARITY) < 0) {
                return;
            }
        } catch (DateTimeParseException e) {
            // An unreadable date is replaced below.
        }
        try {
            user.setSingleAttribute(RppsAttributes.VERIFIED_AT, now.toString());
        } catch (ReadOnlyException e) {
            // The account is read-only (its directory component is disabled): the login still proceeds.
            LOG.debugf("Cannot record the RPPS re-check of %s: %s", user.getUsername(), e.getMessage());
        }
    }

    private RppsRepository repository() {
        return new RppsRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }
}
