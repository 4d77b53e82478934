package fr.relais.rpps.keycloak.user;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.RppsAttributes;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * A professional of the directory who has no account in this realm, as the admin console shows them:
 * disabled and read-only, so that finding someone in the national directory never gives them access.
 * An administrator creates the account deliberately (REST {@code POST …/relais-rpps/accounts/{idNat}}),
 * or the professional gets one at first card login when the realm accepts visiting professionals.
 */
final class ProfessionalView {

    static final String NO_ACCOUNT = "aucun compte dans ce royaume";

    private ProfessionalView() {
    }

    static UserModel of(KeycloakSession session, RealmModel realm, ComponentModel component, ProfessionalRecord p) {
        InMemoryUserAdapter view = new InMemoryUserAdapter(session, realm, StorageId.keycloakId(component, p.idNat()));
        view.setUsername(p.idNat());
        view.setFirstName(p.firstName());
        view.setLastName(p.lastName());
        view.setEnabled(false);
        view.setFederationLink(component.getId());
        view.setSingleAttribute(ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE, p.idNat());
        RppsAttributes.of(p).forEach(view::setAttribute);
        view.setSingleAttribute(RppsAttributes.ACCOUNT, NO_ACCOUNT);
        view.setReadonly(true);
        return view;
    }

    static String idNatOf(String viewId) {
        return StorageId.externalId(viewId);
    }
}
