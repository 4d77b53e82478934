package fr.relais.cps.policy;

public enum PolicyRefusal {
    /** A CPE/CPA (or other) card type the realm does not accept. */
    CARD_TYPE_NOT_ACCEPTED,
    /** A "CPx de TEST" card on a realm that is not in test mode. */
    TEST_CARD_OUTSIDE_TEST_MODE
}
