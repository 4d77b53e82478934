package fr.relais.rpps.keycloak.user;

import java.util.List;
import java.util.regex.Pattern;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProviderFactory;

import fr.relais.rpps.keycloak.storage.RppsRepository;

/**
 * "Annuaire RPPS" in the admin console's user federation page: one per realm, holding the realm's
 * settings; each session gets a light provider reading the shared directory tables.
 */
public final class RppsUserStorageProviderFactory implements UserStorageProviderFactory<RppsUserStorageProvider> {

    public static final String PROVIDER_ID = "relais-rpps";

    private static final Pattern FINESS = Pattern.compile("[0-9][0-9AB][0-9]{7}");

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Annuaire local relié au RPPS (extraction Annuaire Santé importée chaque jour, disponible sans internet). "
                + "Les comptes des professionnels restent des comptes Keycloak (mots de passe, clés, e-mail, statut RH) ; "
                + "leurs données RPPS y sont ajoutées en lecture seule. La recherche d'utilisateurs trouve aussi les "
                + "professionnels sans compte (désactivés, en lecture seule). Ni un import raté ni une panne de l'annuaire "
                + "ne suppriment ou ne désactivent un compte. Attention : supprimer ce composant supprime, comme pour "
                + "toute fédération Keycloak, les comptes qui lui sont rattachés ; utilisez d'abord « Unlink users ». / "
                + "Local directory linked to RPPS; accounts stay Keycloak accounts with read-only RPPS attributes.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RppsRealmConfig.PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        RppsRealmConfig config = new RppsRealmConfig(model);
        for (String finess : config.organisationFiness()) {
            if (!FINESS.matcher(finess).matches()) {
                throw new ComponentValidationException("Numéro FINESS invalide : « " + finess + " » (9 caractères, "
                        + "par exemple 690012345 ou 2A0001234).");
            }
        }
        String group = config.visitingGroup();
        if (group != null && KeycloakModelUtils.findGroupByPath(session, realm, group) == null) {
            throw new ComponentValidationException("Le groupe « " + group + " » n'existe pas dans ce royaume.");
        }
        if (config.verificationPeriodDays() <= 0) {
            throw new ComponentValidationException("La période de revérification doit être d'au moins un jour.");
        }
    }

    @Override
    public RppsUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new RppsUserStorageProvider(session, model,
                RppsRepository.live(session));
    }
}
