package fr.relais.cps.profile;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What a CPx authentication certificate says about its holder, read from the certificate structure.
 *
 * @param idNatPs        national identifier (type prefix included), from the subject CN
 * @param professionCode TRE_G15 code (ext 1.2.250.1.71.1.2.7); absent on some structure cards
 * @param testCard       ext 1.2.250.1.71.1.2.5 says "CPx de TEST"
 * @param cardId         ext 1.2.250.1.71.1.2.3, when present
 * @param upn            the UPN subject alternative name, when present
 */
public record CardProfile(String idNatPs, IdentifierType identifierType, String givenName, String surname,
                          String title, Integer professionCode, CardType cardType, boolean testCard, String cardId,
                          String upn, BigInteger serial, String issuerDn) {

    public Optional<Integer> profession() {
        return Optional.ofNullable(professionCode);
    }

    /** The RPPS number (11 digits) for RPPS identifiers: idNat_PS without its type prefix. */
    public Optional<String> rppsNumber() {
        return identifierType == IdentifierType.RPPS ? Optional.of(idNatPs.substring(1)) : Optional.empty();
    }
}
