package fr.relais.cps.keycloak;

import fr.relais.cps.policy.PolicyRefusal;
import fr.relais.cps.profile.ProfileRejection;
import fr.relais.cps.trust.TrustRejection;

/**
 * Every way a card login ends without a session, with the event error recorded for operators and
 * the message shown to the professional (keys of the Relais login theme).
 */
enum CardRefusal {
    UNREADABLE("relais_card_unreadable", "relais.card.unreadable"),
    EXPIRED("relais_card_expired", "relais.card.expired"),
    UNKNOWN_CA("relais_card_unknown_ca", "relais.card.unknownCa"),
    NOT_USABLE("relais_card_not_usable", "relais.card.notUsable"),
    TYPE_NOT_ACCEPTED("relais_card_type_not_accepted", "relais.card.typeNotAccepted"),
    TEST_CARD("relais_test_card", "relais.card.testCard"),
    REVOKED("relais_card_revoked", "relais.card.revoked"),
    REVOCATION_UNAVAILABLE("relais_revocation_unavailable", "relais.card.revocationDataStale"),
    UNKNOWN_PROFESSIONAL("user_not_found", "relais.professional.unknown"),
    ACCOUNT_DISABLED("user_disabled", "relais.professional.disabled"),
    /** No certificate where the card is the only way in (a card-only flow); not a refusal of a card. */
    NO_CARD("relais_no_card", "relais.card.noCertificate", "relais.card.noCard.title");

    private static final String REFUSED_TITLE = "relais.card.refused";

    final String eventError;
    final String messageKey;
    final String titleKey;

    CardRefusal(String eventError, String messageKey) {
        this(eventError, messageKey, REFUSED_TITLE);
    }

    CardRefusal(String eventError, String messageKey, String titleKey) {
        this.eventError = eventError;
        this.messageKey = messageKey;
        this.titleKey = titleKey;
    }

    static CardRefusal of(ProfileRejection rejection) {
        return UNREADABLE;
    }

    static CardRefusal of(TrustRejection rejection) {
        return switch (rejection) {
            case EXPIRED, NOT_YET_VALID -> EXPIRED;
            case UNKNOWN_CA, CA_NOT_VALID, INVALID_PATH -> UNKNOWN_CA;
            case NOT_AN_END_ENTITY, KEY_USAGE, EXTENDED_KEY_USAGE, POLICY -> NOT_USABLE;
        };
    }

    static CardRefusal of(PolicyRefusal refusal) {
        return switch (refusal) {
            case CARD_TYPE_NOT_ACCEPTED -> TYPE_NOT_ACCEPTED;
            case TEST_CARD_OUTSIDE_TEST_MODE -> TEST_CARD;
        };
    }
}
