package fr.relais.psc.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a first PSC login does when no account of the realm carries the professional's idNat_PS.
 * {@link #REFUSE} unless configured otherwise: opening accounts is a decision the organisation takes.
 */
public enum UnknownProfessionalPolicy {

    /** Refused with an explanation; the organisation adds the professional itself. */
    REFUSE("refuse"),
    /**
     * An account is opened for a professional the RPPS directory knows (the directory decides, and only
     * where the realm's RPPS directory accepts visiting professionals); anyone else is refused.
     */
    JUST_IN_TIME("just-in-time");

    private final String configValue;

    UnknownProfessionalPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** @return the policy named by a configuration value, empty for anything unknown */
    public static Optional<UnknownProfessionalPolicy> fromConfig(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(REFUSE);
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.configValue.equals(normalized)).findFirst();
    }
}
