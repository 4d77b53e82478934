package fr.relais.spi.directory;

import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * "Who is idNat_PS X in this realm?" Card login and Pro Santé Connect both identify a professional by
 * the national identifier, so both resolve users through this one question and never look at storage
 * details themselves.
 */
public interface ProfessionalDirectory extends Provider {

    /** The user attribute that carries the national identifier on local accounts. */
    String ID_NAT_PS_ATTRIBUTE = "idnat_ps";

    /**
     * @param idNatPs the national identifier exactly as it appears in the card certificate CN or the
     *                PSC {@code SubjectNameID} (type prefix included, e.g. {@code 810001045367})
     * @return the user, or empty when nobody in the realm carries that identifier; where the realm's
     *         directory accepts visiting professionals, an account created on the spot for a professional
     *         the directory knows
     */
    Optional<UserModel> findByIdNatPs(RealmModel realm, String idNatPs);

    /**
     * Like {@link #findByIdNatPs} but never creates an account: for a means of login whose own policy
     * refuses professionals without an account, whatever the directory would allow.
     *
     * @return the account carrying that identifier, or empty
     */
    Optional<UserModel> findAccountByIdNatPs(RealmModel realm, String idNatPs);

    @Override
    default void close() {
    }
}
