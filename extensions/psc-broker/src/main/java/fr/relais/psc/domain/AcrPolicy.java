package fr.relais.psc.domain;

import java.util.Optional;

/**
 * Which PSC {@code acr} a Relais accepts: a known eIDAS level at or above the configured minimum.
 * An absent or unknown value is refused: the RIE requires proof of a "substantiel" means, and a
 * token that does not say which level it reached proves nothing.
 */
public final class AcrPolicy {

    private final EidasLevel minimum;

    public AcrPolicy(EidasLevel minimum) {
        this.minimum = minimum;
    }

    public EidasLevel minimum() {
        return minimum;
    }

    /** @return empty when accepted, otherwise why not */
    public Optional<Verdict> check(String acr) {
        Optional<EidasLevel> level = EidasLevel.parse(acr);
        if (level.isEmpty()) {
            return Optional.of(acr == null || acr.isBlank() ? Verdict.MISSING : Verdict.UNKNOWN);
        }
        return level.get().isAtLeast(minimum) ? Optional.empty() : Optional.of(Verdict.BELOW_MINIMUM);
    }

    /** Why an acr is refused. */
    public enum Verdict {
        MISSING, UNKNOWN, BELOW_MINIMUM
    }
}
