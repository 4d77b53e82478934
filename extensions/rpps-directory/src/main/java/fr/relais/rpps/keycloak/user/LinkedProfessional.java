package fr.relais.rpps.keycloak.user;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.storage.ReadOnlyException;

import fr.relais.rpps.directory.RppsAttributes;

/**
 * A local account linked to the directory, as Keycloak hands it out: everything of the account itself
 * (credentials, e-mail, groups, HR attributes) unchanged and writable, plus the professional's RPPS
 * attributes, recomputed from the directory and read-only.
 */
final class LinkedProfessional extends UserModelDelegate {

    private final Map<String, List<String>> rppsAttributes;

    LinkedProfessional(UserModel account, Map<String, List<String>> rppsAttributes) {
        super(account);
        this.rppsAttributes = Map.copyOf(rppsAttributes);
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>(super.getAttributes());
        // Stale copies an account may hold (e.g. from a realm import) never hide the directory's values.
        attributes.keySet().removeIf(RppsAttributes::isDerived);
        attributes.putAll(rppsAttributes);
        return attributes;
    }

    @Override
    public Stream<String> getAttributeStream(String name) {
        if (RppsAttributes.isDerived(name)) {
            return rppsAttributes.getOrDefault(name, List.of()).stream();
        }
        return super.getAttributeStream(name);
    }

    @Override
    public String getFirstAttribute(String name) {
        if (RppsAttributes.isDerived(name)) {
            List<String> values = rppsAttributes.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        return super.getFirstAttribute(name);
    }

    @Override
    public void setSingleAttribute(String name, String value) {
        refuseDerived(name);
        super.setSingleAttribute(name, value);
    }

    @Override
    public void setAttribute(String name, List<String> values) {
        refuseDerived(name);
        super.setAttribute(name, values);
    }

    @Override
    public void removeAttribute(String name) {
        refuseDerived(name);
        super.removeAttribute(name);
    }

    private static void refuseDerived(String name) {
        if (RppsAttributes.isDerived(name)) {
            throw new ReadOnlyException("L'attribut " + name + " vient de l'annuaire RPPS et n'est pas modifiable.");
        }
    }
}
