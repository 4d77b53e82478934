package fr.relais.rpps.keycloak.user;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The realm's settings of the RPPS directory, declared once for the admin console and read back typed.
 * The directory data itself is server-wide (one national import); these settings say how this realm
 * uses it.
 */
public final class RppsRealmConfig {

    public static final String VISITING_PROFESSIONALS = "visitingProfessionals";
    public static final String ORGANISATION_FINESS = "organisationFiness";
    public static final String VISITING_GROUP = "visitingGroup";
    public static final String VERIFICATION_PERIOD_DAYS = "verificationPeriodDays";

    static final int DEFAULT_VERIFICATION_PERIOD_DAYS = 3 * 365;

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(VISITING_PROFESSIONALS)
                .label("Professionnels extérieurs / Visiting professionals")
                .helpText("Activé : un professionnel présent dans l'annuaire RPPS importé mais sans compte dans ce royaume "
                        + "reçoit un compte à sa première connexion par carte CPS ou Pro Santé Connect (médecin traitant, "
                        + "kinésithérapeute, infirmier libéral venant voir un résident…). Le compte est rattaché au RPPS, "
                        + "sans mot de passe ; ses droits viennent du groupe ci-dessous. Désactivé : seuls les comptes créés "
                        + "par l'établissement se connectent. / When on, a professional found in the imported RPPS "
                        + "directory but without an account gets one at their first card or Pro Santé Connect login.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
            .property()
                .name(ORGANISATION_FINESS)
                .label("FINESS de l'établissement / Organisation FINESS numbers")
                .helpText("Numéros FINESS (9 caractères, géographiques ou juridiques) de l'établissement ou du groupe. "
                        + "Le jeton d'un professionnel porte son activité exercée à l'un de ces FINESS (claim « rpps », "
                        + "champ « activite ») ; vide, aucune activité n'est transmise. Une valeur peut en contenir plusieurs, "
                        + "séparés par des virgules. / The organisation's FINESS "
                        + "numbers: tokens carry the professional's activity at one of them.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
            .property()
                .name(VISITING_GROUP)
                .label("Groupe des professionnels extérieurs / Group of visiting professionals")
                .helpText("Chemin du groupe (par exemple /Professionnels extérieurs) dans lequel sont placés les comptes "
                        + "créés à la première connexion, pour leur donner leurs droits dans les applications. Vide : aucun "
                        + "groupe. / Path of the group accounts created at first login join.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
            .property()
                .name(VERIFICATION_PERIOD_DAYS)
                .label("Revérification du rattachement (jours) / Link re-check period (days)")
                .helpText("Le rapport de santé des rattachements signale les comptes dont le lien au RPPS n'a pas été "
                        + "revérifié depuis ce nombre de jours. Un lien est revérifié quand un import RPPS réussi contient "
                        + "l'idNat_PS du compte (ou quand l'annuaire crée le compte) ; une connexion ne revérifie rien. "
                        + "Le RIE demande une revue au moins tous les 3 ans (1095 jours). / Accounts whose idNat_PS no "
                        + "successful RPPS import found within this many days are reported.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_VERIFICATION_PERIOD_DAYS))
                .add()
            .build();

    private final ComponentModel model;

    public RppsRealmConfig(ComponentModel model) {
        this.model = model;
    }

    public String componentId() {
        return model.getId();
    }

    public String name() {
        return model.getName();
    }

    public boolean visitingProfessionals() {
        return Boolean.parseBoolean(model.get(VISITING_PROFESSIONALS, "false"));
    }

    public Set<String> organisationFiness() {
        List<String> values = model.getConfig().getList(ORGANISATION_FINESS);
        // A value may hold several numbers separated by commas: the realm file fills it from RELAIS_FINESS.
        return values == null ? Set.of() : values.stream()
                .filter(v -> v != null)
                .flatMap(v -> Arrays.stream(v.split(",")))
                .filter(v -> !v.isBlank())
                .map(v -> v.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public String visitingGroup() {
        String group = model.get(VISITING_GROUP);
        return group == null || group.isBlank() ? null : group.trim();
    }

    public int verificationPeriodDays() {
        return model.get(VERIFICATION_PERIOD_DAYS, DEFAULT_VERIFICATION_PERIOD_DAYS);
    }
}
