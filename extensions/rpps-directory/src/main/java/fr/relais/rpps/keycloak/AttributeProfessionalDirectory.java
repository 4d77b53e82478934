package fr.relais.rpps.keycloak;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import fr.relais.spi.directory.ProfessionalDirectory;

final class AttributeProfessionalDirectory implements ProfessionalDirectory {

    private static final Logger LOG = Logger.getLogger(AttributeProfessionalDirectory.class);

    private final KeycloakSession session;

    AttributeProfessionalDirectory(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Optional<UserModel> findByIdNatPs(RealmModel realm, String idNatPs) {
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
        return matches.stream().findFirst();
    }
}
