package fr.relais.continuity.keycloak.preparedness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

import fr.relais.continuity.preparedness.EnrolmentPolicy;

/**
 * The preparedness policy, a realm setting: enabling this required action in a realm makes every
 * Pro Santé Connect login of a user without a security key or one-time code end with the enrolment
 * of the configured means.
 */
public final class OfflineMeansEnrolmentFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "relais-offline-means-enrolment";
    static final String MEANS = "means";

    private static final OfflineMeansEnrolment SINGLETON = new OfflineMeansEnrolment();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Relais - enrol a means that works without Pro Santé Connect";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(MEANS).label("Means to enrol")
                .helpText("What a professional who signed in through Pro Santé Connect, and has neither a security key nor a "
                        + "one-time code, must enrol before going on: security-key (FIDO2, Keycloak's webauthn-register action) "
                        + "or one-time-code (Keycloak's CONFIGURE_TOTP action). That action must be enabled in the realm too.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(EnrolmentPolicy.values()).map(EnrolmentPolicy::setting).toList())
                .defaultValue(EnrolmentPolicy.SECURITY_KEY.setting())
                .add().build());
        properties.addAll(RequiredActionFactory.super.getConfigMetadata());
        return properties;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        try {
            EnrolmentPolicy.parse(model.getConfigValue(MEANS));
        } catch (IllegalArgumentException e) {
            // The same error Keycloak gives for its own invalid required action settings.
            throw new ValidationException(new ValidationError(getId(), MEANS, "error-invalid-value"));
        }
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
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
