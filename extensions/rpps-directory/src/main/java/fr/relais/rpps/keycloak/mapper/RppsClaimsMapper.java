package fr.relais.rpps.keycloak.mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import fr.relais.rpps.directory.OrganisationActivity;
import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.RppsClaims;
import fr.relais.rpps.keycloak.storage.RppsRepository;
import fr.relais.rpps.keycloak.user.RppsComponents;
import fr.relais.rpps.keycloak.user.RppsRealmConfig;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * Puts the professional's RPPS identity into the tokens as one object claim: idNat_PS, RPPS or ADELI
 * number, names of practice, profession, category, savoir-faire, and the activity at the organisation's
 * FINESS (from the realm's RPPS component). It reads the directory for any account carrying
 * {@code idnat_ps}, linked to RPPS or not, so an account made by hand gets the same claims.
 */
public final class RppsClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "relais-rpps-claims";
    static final String CLAIM_NAME = OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME;
    static final String DEFAULT_CLAIM = "rpps";

    private static final Logger LOG = Logger.getLogger(RppsClaimsMapper.class);
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty claim = new ProviderConfigProperty();
        claim.setName(CLAIM_NAME);
        claim.setLabel("Nom du claim / Claim name");
        claim.setHelpText("Nom du claim objet portant les données RPPS (par défaut « rpps »). Un nom avec des points "
                + "crée des objets imbriqués. / Name of the object claim carrying the RPPS data.");
        claim.setType(ProviderConfigProperty.STRING_TYPE);
        claim.setDefaultValue(DEFAULT_CLAIM);
        CONFIG.add(claim);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RppsClaimsMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Relais - données RPPS (RPPS claims)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Ajoute un claim objet avec l'identité RPPS du professionnel (idNat_PS, n° RPPS ou ADELI, noms d'exercice, "
                + "profession, catégorie, savoir-faire) et son activité à l'un des FINESS de l'établissement configurés "
                + "dans le composant « Annuaire RPPS » du royaume. Lu dans l'annuaire local : fonctionne sans internet. "
                + "/ Adds an object claim with the professional's RPPS identity and their activity at the organisation.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        String idNat = user.getFirstAttribute(ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE);
        if (idNat == null) {
            return;
        }
        Map<String, Object> claim;
        try {
            RppsRepository repository = RppsRepository.cached(session);
            ProfessionalRecord professional = repository.find(idNat).orElse(null);
            Set<String> finess = RppsComponents.of(userSession.getRealm())
                    .map(RppsRealmConfig::organisationFiness).orElse(Set.of());
            claim = professional == null ? RppsClaims.unknown(idNat)
                    : RppsClaims.of(professional, OrganisationActivity.of(professional, finess));
        } catch (RuntimeException e) {
            // A token without RPPS data beats a failed login; the DUI sees present_rpps is missing.
            LOG.warnf(e, "RPPS directory unreadable while issuing a token for %s", user.getUsername());
            return;
        }
        String name = mapping.getConfig().get(CLAIM_NAME);
        if (name == null || name.isBlank()) {
            token.getOtherClaims().put(DEFAULT_CLAIM, claim);
        } else {
            OIDCAttributeMapperHelper.mapClaim(token, mapping, claim);  // honours dotted names
        }
    }
}
