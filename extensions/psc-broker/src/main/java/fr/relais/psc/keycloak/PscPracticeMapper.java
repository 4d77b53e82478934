package fr.relais.psc.keycloak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.Constants;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import fr.relais.psc.domain.Practice;
import fr.relais.psc.domain.PracticeSelector;
import fr.relais.psc.domain.SubjectRefPro;
import fr.relais.psc.domain.SubjectRefProParser;

/**
 * Records, for the session, where the professional practises here: the {@code SubjectRefPro} activity
 * at one of the organisation's FINESS numbers (profession, structure, sector), plus a compact list of
 * all their practices. Session notes, not account attributes: a practice is what PSC says today, and
 * the account belongs to the directory.
 */
public final class PscPracticeMapper extends PscMapper {

    public static final String PROVIDER_ID = "relais-psc-practice";
    static final String FINESS = "relais.psc.finess";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(FINESS).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .label("Organisation FINESS")
            .helpText("The organisation's FINESS numbers (sites or legal entity). The PSC activity at the first one "
                    + "that matches becomes the session's practice (session notes relais.psc.practice.*).")
            .add().build();

    public PscPracticeMapper() {
        super(CONFIG);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return "Pro Santé Connect";
    }

    @Override
    public String getDisplayType() {
        return "Relais - practice at the organisation (SubjectRefPro)";
    }

    @Override
    public String getHelpText() {
        return "Picks the SubjectRefPro activity at the organisation's FINESS and records it in session notes.";
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                            BrokeredIdentityContext context) {
        JsonNode userInfo = (JsonNode) context.getContextData().get(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE);
        SubjectRefPro refPro = SubjectRefProParser.fromUserInfo(userInfo);
        PracticeSelector selector = new PracticeSelector(finess(mapperModel));
        Optional<Practice> here = selector.select(refPro);
        here.ifPresent(p -> {
            String finess = p.activity().numeroFinessSite().isEmpty()
                    ? p.activity().numeroFinessEtablissementJuridique() : p.activity().numeroFinessSite();
            PscSessionNotes.put(context, PscEventDetails.NOTE_PRACTICE_FINESS, finess);
            PscSessionNotes.put(context, PscEventDetails.NOTE_PRACTICE_PROFESSION, p.exercice().codeProfession());
            PscSessionNotes.put(context, PscEventDetails.NOTE_PRACTICE_STRUCTURE, p.activity().raisonSocialeSite());
            PscSessionNotes.put(context, PscEventDetails.NOTE_PRACTICE_SECTOR, p.activity().codeSecteurDactivite());
        });
        PscSessionNotes.put(context, PscEventDetails.NOTE_PRACTICES, summary(refPro));
    }

    private static List<String> finess(IdentityProviderMapperModel mapperModel) {
        String value = mapperModel.getConfig().get(FINESS);
        // Multivalued settings are stored "##"-separated; a comma list (from an environment variable) works too.
        return value == null ? List.of() : Arrays.asList(value.split("\\s*(" + Constants.CFG_DELIMITER + "|,)\\s*"));
    }

    /** Every practice in a few fields: enough for an application to offer a choice, small enough for a note. */
    private static String summary(SubjectRefPro refPro) {
        ArrayNode list = JSON.createArrayNode();
        List<Practice> practices = new ArrayList<>(refPro.practices());
        for (Practice p : practices) {
            list.addObject()
                    .put("profession", p.exercice().codeProfession())
                    .put("finess", p.activity().numeroFinessSite())
                    .put("structure", p.activity().identifiantTechniqueDeLaStructure())
                    .put("name", p.activity().raisonSocialeSite())
                    .put("sector", p.activity().codeSecteurDactivite());
        }
        return list.toString();
    }
}
