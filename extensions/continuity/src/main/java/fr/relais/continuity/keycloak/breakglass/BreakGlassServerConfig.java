package fr.relais.continuity.keycloak.breakglass;

import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.continuity.breakglass.BreakGlassPolicy;
import fr.relais.continuity.breakglass.RoleAllowance;

/**
 * Server-wide emergency access settings ({@code spi-authenticator--relais-break-glass--*}). The 24 h
 * ceiling of RIE v2 EXI RIE-PS 16 cannot be raised; it can be lowered.
 */
public record BreakGlassServerConfig(BreakGlassPolicy policy, RoleAllowance defaultRoles) {

    static final String MAX_HOURS = "max-hours";
    static final String DEFAULT_HOURS = "default-hours";
    static final String MAX_FAILED_ATTEMPTS = "max-failed-attempts";
    static final String MIN_REASON_LENGTH = "min-reason-length";
    static final String DEFAULT_ROLES = "default-roles";

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name(MAX_HOURS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Longest emergency access an administrator may grant, in hours. 1 to 24 (RIE v2 EXI RIE-PS 16). Default 24.")
            .defaultValue(24)
            .add()
            .property().name(DEFAULT_HOURS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Duration of an emergency access when the administrator gives none, in hours. Default 8 (one shift).")
            .defaultValue(8)
            .add()
            .property().name(MAX_FAILED_ATTEMPTS).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Wrong codes after which an emergency access is locked; an administrator must then grant a new one. Default 5.")
            .defaultValue(5)
            .add()
            .property().name(MIN_REASON_LENGTH).type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("Minimum length of the reason an administrator must give, which the audit trail keeps. Default 10.")
            .defaultValue(10)
            .add()
            .property().name(DEFAULT_ROLES).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Roles an emergency session keeps in its tokens when the administrator names none: space-separated, "
                    + "\"role\" for a realm role, \"client/role\" for a client role. Default: none, so applications receive "
                    + "an identity with acr=break-glass and no role.")
            .defaultValue("")
            .add()
            .build();

    static BreakGlassServerConfig from(Config.Scope scope) {
        int maxHours = scope.getInt(MAX_HOURS, 24);
        int defaultHours = Math.min(scope.getInt(DEFAULT_HOURS, 8), maxHours);
        return new BreakGlassServerConfig(
                new BreakGlassPolicy(Duration.ofHours(maxHours), Duration.ofHours(defaultHours),
                        scope.getInt(MAX_FAILED_ATTEMPTS, 5), scope.getInt(MIN_REASON_LENGTH, 10)),
                RoleAllowance.parse(scope.get(DEFAULT_ROLES, "")));
    }
}
