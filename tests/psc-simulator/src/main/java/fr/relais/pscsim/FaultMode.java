package fr.relais.pscsim;

import java.util.Locale;

/** What goes wrong; see {@link Fault} for the exact semantics of each mode. */
public enum FaultMode {
    NONE("none"),
    REFUSE("refuse"),
    BLACKHOLE("blackhole"),
    SLOW("slow"),
    HTTP500("http500"),
    BAD_SIGNATURE("bad-signature"),
    WRONG_ISS("wrong-iss"),
    WRONG_AUD("wrong-aud"),
    WRONG_NONCE("wrong-nonce"),
    LOW_ACR("low-acr"),
    OVERSIZED("oversized");

    private final String wireName;

    FaultMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts "bad-signature", "bad_signature", "BAD_SIGNATURE", "500"... */
    public static FaultMode parse(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (name.isEmpty() || name.equals("off") || name.equals("recover")) {
            return NONE;
        }
        if (name.equals("500") || name.equals("http-500") || name.equals("5xx")) {
            return HTTP500;
        }
        for (FaultMode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown fault mode: " + value);
    }
}
