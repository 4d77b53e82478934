package fr.relais.cps.policy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import fr.relais.cps.profile.CardProfile;
import fr.relais.cps.profile.CardType;

/**
 * Which cards a realm lets sign in. By default the nominative cards of professionals (CPS, CPF):
 * RIE v2 keeps only RPPS-based nominative means, so structure-issued CPE/CPA cards are refused unless
 * the organisation decides otherwise. Test cards only in test mode.
 */
public record CardPolicy(Set<CardType> acceptedTypes, boolean testMode) {

    public static final Set<CardType> DEFAULT_ACCEPTED = EnumSet.of(CardType.CPS, CardType.CPF);

    public CardPolicy {
        acceptedTypes = acceptedTypes.isEmpty() ? EnumSet.noneOf(CardType.class) : EnumSet.copyOf(acceptedTypes);
    }

    /** @param testHierarchy the card chains to a TEST authority (its extension alone is not trusted to say so) */
    public Optional<PolicyRefusal> check(CardProfile card, boolean testHierarchy) {
        if (!acceptedTypes.contains(card.cardType())) {
            return Optional.of(PolicyRefusal.CARD_TYPE_NOT_ACCEPTED);
        }
        if ((card.testCard() || testHierarchy) && !testMode) {
            return Optional.of(PolicyRefusal.TEST_CARD_OUTSIDE_TEST_MODE);
        }
        return Optional.empty();
    }
}
