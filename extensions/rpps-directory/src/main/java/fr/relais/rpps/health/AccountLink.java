package fr.relais.rpps.health;

/**
 * One local account of the realm with what the directory says about its link.
 *
 * @param idNat             the account's {@code idnat_ps} attribute, or {@code null}
 * @param inDirectory       whether the directory holds that idNat_PS now
 * @param professionCode    its profession in the directory, when present
 * @param checkedAt         when an import last found the idNat_PS in the directory (epoch millis), or {@code null}
 * @param linkedAt          when the directory opened the account ({@code rpps_linked_at}, ISO instant), or {@code null}
 */
public record AccountLink(String userId, String username, String firstName, String lastName, boolean enabled,
                          boolean federated, String idNat, boolean inDirectory, String professionCode,
                          Long checkedAt, String linkedAt) {
}
