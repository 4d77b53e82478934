package fr.relais.cps.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import fr.relais.cps.profile.CardProfile;
import fr.relais.cps.profile.CardType;
import fr.relais.cps.profile.IdentifierType;

class CardPolicyTest {

    @Test
    void defaultsAcceptNominativeCardsAndRefuseStructureCards() {
        CardPolicy policy = new CardPolicy(CardPolicy.DEFAULT_ACCEPTED, false);
        assertThat(policy.check(card(CardType.CPS, false), false)).isEmpty();
        assertThat(policy.check(card(CardType.CPF, false), false)).isEmpty();
        assertThat(policy.check(card(CardType.CPE, false), false)).contains(PolicyRefusal.CARD_TYPE_NOT_ACCEPTED);
        assertThat(policy.check(card(CardType.CPA, false), false)).contains(PolicyRefusal.CARD_TYPE_NOT_ACCEPTED);
    }

    @Test
    void testCardsOnlyInTestMode() {
        assertThat(new CardPolicy(CardPolicy.DEFAULT_ACCEPTED, false).check(card(CardType.CPS, true), false))
                .contains(PolicyRefusal.TEST_CARD_OUTSIDE_TEST_MODE);
        assertThat(new CardPolicy(CardPolicy.DEFAULT_ACCEPTED, true).check(card(CardType.CPS, true), false)).isEmpty();
    }

    @Test
    void cardOfATestHierarchyIsATestCardWhateverItsExtensionSays() {
        assertThat(new CardPolicy(CardPolicy.DEFAULT_ACCEPTED, false).check(card(CardType.CPS, false), true))
                .contains(PolicyRefusal.TEST_CARD_OUTSIDE_TEST_MODE);
        assertThat(new CardPolicy(CardPolicy.DEFAULT_ACCEPTED, true).check(card(CardType.CPS, false), true)).isEmpty();
    }

    @Test
    void organisationMayAcceptStructureCards() {
        CardPolicy policy = new CardPolicy(EnumSet.allOf(CardType.class), false);
        assertThat(policy.check(card(CardType.CPE, false), false)).isEmpty();
    }

    private static CardProfile card(CardType type, boolean test) {
        IdentifierType id = type.structureIssued() ? IdentifierType.FINESS : IdentifierType.RPPS;
        return new CardProfile("800000000000", id, "A", "B", "T", 10, type, test, null, null, BigInteger.ONE, "CN=X");
    }
}
