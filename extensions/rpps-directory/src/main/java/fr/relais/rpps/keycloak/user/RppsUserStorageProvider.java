package fr.relais.rpps.keycloak.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserQueryMethodsProvider;
import org.keycloak.userprofile.AttributeGroupMetadata;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileDecorator;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.userprofile.UserProfileUtil;

import fr.relais.rpps.directory.DirectorySearch;
import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.RppsAttributes;
import fr.relais.rpps.keycloak.storage.RppsRepository;
import fr.relais.spi.directory.ProfessionalDirectory;

/**
 * The RPPS directory as a Keycloak user storage, in the import (federation-link) model: professionals
 * with an account are ordinary local users linked to this component, so their credentials, keys, e-mail,
 * groups and HR attributes live in Keycloak's own tables like anyone else's; what comes from RPPS is laid
 * over them read-only each time Keycloak loads them ({@link #validate}).
 *
 * <p>Accounts are only ever created on purpose: at first card/PSC login when the realm accepts visiting
 * professionals, or by an administrator. Looking a username up never creates one, and professionals
 * without an account only appear in the admin search, disabled.
 *
 * <p>Nothing here deletes or disables an account: a professional gone from RPPS keeps their account,
 * flagged {@code rpps_status=absent} for the link-health report; a directory that cannot be read leaves
 * the account exactly as stored.
 */
final class RppsUserStorageProvider implements UserStorageProvider, UserLookupProvider, UserQueryMethodsProvider,
        ImportedUserValidation, UserProfileDecorator {

    private static final Logger LOG = Logger.getLogger(RppsUserStorageProvider.class);

    private final KeycloakSession session;
    private final ComponentModel component;
    private final RppsRepository repository;

    RppsUserStorageProvider(KeycloakSession session, ComponentModel component, RppsRepository repository) {
        this.session = session;
        this.component = component;
        this.repository = repository;
    }

    // --- linked accounts -----------------------------------------------------------------------------

    @Override
    public UserModel validate(RealmModel realm, UserModel account) {
        String idNat = account.getFirstAttribute(ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE);
        if (idNat == null) {
            return account;
        }
        try {
            Optional<ProfessionalRecord> professional = repository.find(idNat);
            return new LinkedProfessional(account,
                    professional.map(RppsAttributes::of).orElseGet(RppsAttributes::absent));
        } catch (RuntimeException e) {
            // Returning null would delete the account and throwing would make it read-only: neither is
            // acceptable because the directory is unreadable. The account is served as stored.
            LOG.warnf(e, "RPPS directory unreadable while loading %s; serving the account without its RPPS attributes",
                    account.getUsername());
            return account;
        }
    }

    // --- lookups: only the admin console's views come from here ----------------------------------------

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        String idNat = ProfessionalView.idNatOf(id);
        UserModel account = localAccount(realm, idNat);
        if (account != null) {
            return session.users().getUserById(realm, account.getId());
        }
        return repository.find(idNat).map(p -> ProfessionalView.of(session, realm, component, p)).orElse(null);
    }

    /**
     * Never resolves anyone: an account is created on purpose, not because some form typed a number.
     * Linked accounts are local users and Keycloak finds them before asking providers.
     */
    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return null;
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    // --- admin search --------------------------------------------------------------------------------

    @Override
    public Stream<UserModel> searchForUserStream(RealmModel realm, Map<String, String> params, Integer firstResult,
                                                 Integer maxResults) {
        Optional<DirectorySearch> search = DirectorySearch.from(params);
        if (search.isEmpty() || "true".equals(params.get(UserModel.ENABLED))) {
            return Stream.empty();
        }
        int first = firstResult == null || firstResult < 0 ? 0 : firstResult;
        int max = maxResults == null || maxResults < 0 ? 100 : Math.min(maxResults, 500);
        List<UserModel> users = new ArrayList<>();
        for (ProfessionalRecord professional : repository.search(search.get(), first, max)) {
            UserModel account = localAccount(realm, professional.idNat());
            if (account == null) {
                users.add(ProfessionalView.of(session, realm, component, professional));
            } else if (search.get().byDirectoryAttribute()) {
                // Keycloak's own search cannot match rpps_* values, so the account would otherwise be missing.
                users.add(account);
            }
        }
        return users.stream();
    }

    @Override
    public Stream<UserModel> getGroupMembersStream(RealmModel realm, GroupModel group, Integer firstResult,
                                                   Integer maxResults) {
        return Stream.empty();
    }

    /**
     * Empty: attribute lookups are how the directory resolves card and PSC logins, and must only ever
     * find real accounts, which Keycloak's local storage already returns.
     */
    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String attrName, String attrValue) {
        return Stream.empty();
    }

    /** The local account carrying this idNat_PS, straight from local storage (no recursion into providers). */
    private UserModel localAccount(RealmModel realm, String idNat) {
        return UserStoragePrivateUtil.userLocalStorage(session)
                .searchForUserByUserAttributeStream(realm, ProfessionalDirectory.ID_NAT_PS_ATTRIBUTE, idNat)
                .findFirst().orElse(null);
    }

    // --- user profile --------------------------------------------------------------------------------

    /** Shows the RPPS attributes of linked accounts to administrators, read-only. */
    @Override
    public List<AttributeMetadata> decorateUserProfile(String providerId, UserProfileMetadata metadata) {
        int guiOrder = (int) metadata.getAttributes().stream().map(AttributeMetadata::getName).distinct().count();
        AttributeGroupMetadata group = UserProfileUtil.lookupUserMetadataGroup(session);
        List<AttributeMetadata> attributes = new ArrayList<>();
        for (String name : RppsAttributes.NAMES) {
            AttributeMetadata attribute = UserProfileUtil.createAttributeMetadata(name, metadata, group, guiOrder++,
                    component.getName());
            if (attribute != null) {
                attribute.setMultivalued(true);
                attributes.add(attribute);
            }
        }
        return attributes;
    }

    @Override
    public void close() {
    }
}
