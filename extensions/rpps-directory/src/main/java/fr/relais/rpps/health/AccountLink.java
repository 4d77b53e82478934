package fr.relais.rpps.health;

/**
 * One local account of the realm with what the directory says about its link.
 *
 * @param idNat             the account's {@code idnat_ps} attribute, or {@code null}
 * @param inDirectory       whether the directory holds that idNat_PS now
 * @param professionCode    its profession in the directory, when present
 * @param verifiedAt        last re-check of the link ({@code rpps_verified_at}, ISO instant), or {@code null}
 */
public record AccountLink(String userId, String username, String firstName, String lastName, boolean enabled,
                          boolean federated, String idNat, boolean inDirectory, String professionCode,
                          String verifiedAt) {
}
