package fr.relais.continuity.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.relais.spi.health.UpstreamState;

/**
 * A period when an upstream was not up: from the transition that left {@link UpstreamState#UP}
 * (to degraded or down) to the one that came back to it.
 *
 * @param end   null while the outage goes on
 * @param worst {@link UpstreamState#DOWN} if it was down at any point, else degraded
 */
public record Outage(Instant start, Instant end, UpstreamState worst) {

    public boolean over() {
        return end != null;
    }

    /**
     * The outages one upstream's transitions describe, oldest first. A history that begins in the
     * middle of an outage (older transitions purged) starts it at the first transition seen.
     */
    public static List<Outage> from(List<Transition> transitions) {
        List<Transition> ordered = new ArrayList<>(transitions);
        ordered.sort(Comparator.comparing(Transition::at));
        List<Outage> outages = new ArrayList<>();
        Instant start = null;
        UpstreamState worst = null;
        for (Transition t : ordered) {
            boolean bad = t.to() == UpstreamState.DOWN || t.to() == UpstreamState.DEGRADED;
            if (bad) {
                if (start == null) {
                    start = t.at();
                    worst = t.to();
                } else if (t.to() == UpstreamState.DOWN) {
                    worst = UpstreamState.DOWN;
                }
            } else if (start != null) {
                outages.add(new Outage(start, t.at(), worst));
                start = null;
                worst = null;
            }
        }
        if (start != null) {
            outages.add(new Outage(start, null, worst));
        }
        return outages;
    }
}
