package fr.relais.cps.profile;

import java.util.Optional;

/**
 * The first character of an idNat_PS says what kind of identifier follows (ANS PSIdNat, card
 * dictionary G08). Structure-based kinds identify staff through the structure's own number.
 */
public enum IdentifierType {
    ADELI('0', false),
    ADELI_CABINET('1', true),
    FINESS('3', true),
    SIREN('4', true),
    SIRET('5', true),
    RPPS_CABINET('6', true),
    RPPS('8', false);

    private final char prefix;
    private final boolean structureBased;

    IdentifierType(char prefix, boolean structureBased) {
        this.prefix = prefix;
        this.structureBased = structureBased;
    }

    public char prefix() {
        return prefix;
    }

    public boolean structureBased() {
        return structureBased;
    }

    public static Optional<IdentifierType> ofPrefix(char prefix) {
        for (IdentifierType type : values()) {
            if (type.prefix == prefix) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
