package fr.relais.rpps.keycloak.user;

import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/** The realm's RPPS directory component, if an administrator added one (the first enabled one). */
public final class RppsComponents {

    private RppsComponents() {
    }

    public static Optional<RppsRealmConfig> of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(component -> RppsUserStorageProviderFactory.PROVIDER_ID.equals(component.getProviderId()))
                .map(UserStorageProviderModel::new)
                .filter(UserStorageProviderModel::isEnabled)
                .findFirst()
                .map(RppsRealmConfig::new);
    }
}
