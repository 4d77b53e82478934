package fr.relais.pscsim;

import java.util.Objects;

/**
 * Makes every authorization request without a login_hint log this professional in at once, as if they had
 * picked themselves on the page: for tests driving a relying party (Keycloak) that does not pass login_hint.
 *
 * @param idNat the professional
 * @param acr the acr to grant, or null for the requested one
 * @param authMode "CARD", "MOBILE"...; null for "CARD"
 */
public record AutoLogin(String idNat, String acr, String authMode) {

    public AutoLogin {
        Objects.requireNonNull(idNat, "idNat");
    }

    public static AutoLogin of(String idNat) {
        return new AutoLogin(idNat, null, null);
    }
}
