package fr.relais.psc.keycloak;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.psc.domain.UnknownProfessionalPolicy;

/** Registers {@link PscProfessionalLinkAuthenticator} for first-broker-login flows. */
public final class PscProfessionalLinkAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "relais-psc-link-professional";
    static final String UNKNOWN_PROFESSIONAL_POLICY = "relais.psc.unknownProfessional";
    private static final PscProfessionalLinkAuthenticator SINGLETON = new PscProfessionalLinkAuthenticator();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
                .name(UNKNOWN_PROFESSIONAL_POLICY)
                .label("Professionnel sans compte / Professional without an account")
                .helpText("Que faire quand aucun compte ne porte l'idNat_PS de la personne qui se connecte par Pro Santé "
                        + "Connect. « refuse » (par défaut) : connexion refusée avec une explication ; l'établissement "
                        + "crée le compte lui-même. « just-in-time » : un compte est ouvert sur-le-champ si le "
                        + "professionnel figure dans l'annuaire RPPS importé et que le composant « relais-rpps » du "
                        + "royaume accepte les professionnels extérieurs ; sinon, refus expliqué. Jamais de doublon : "
                        + "un compte existant est toujours réutilisé. / What to do when no account carries the "
                        + "idNat_PS: 'refuse' (default) refuses with an explanation; 'just-in-time' opens an account "
                        + "for a professional of the imported RPPS directory when the realm's relais-rpps component "
                        + "accepts visiting professionals, and refuses anyone else.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(UnknownProfessionalPolicy.REFUSE.configValue(), UnknownProfessionalPolicy.JUST_IN_TIME.configValue())
                .defaultValue(UnknownProfessionalPolicy.REFUSE.configValue())
                .add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - link PSC login to the professional's account";
    }

    @Override
    public String getReferenceCategory() {
        return "relais-psc";
    }

    @Override
    public String getHelpText() {
        return "For a first-broker-login flow: finds the account whose idNat_PS is the PSC SubjectNameID (through the "
                + "professional directory) and links the PSC identity to it silently. Without such an account, refuses "
                + "with an explanation or, if configured, opens one for a professional of the RPPS directory; "
                + "never creates a duplicate account.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
