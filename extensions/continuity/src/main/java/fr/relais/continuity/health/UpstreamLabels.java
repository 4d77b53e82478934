package fr.relais.continuity.health;

import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/** Names an operator reads in logs and reports, French first. */
public final class UpstreamLabels {

    private UpstreamLabels() {
    }

    public static String french(Upstream upstream) {
        return switch (upstream) {
            case PRO_SANTE_CONNECT -> "Pro Santé Connect";
            case CRL_SOURCES -> "listes de révocation IGC-Santé (CRL)";
            case RPPS_SOURCE -> "source de l'annuaire RPPS";
        };
    }

    public static String french(UpstreamState state) {
        return switch (state) {
            case UNKNOWN -> "inconnu";
            case UP -> "disponible";
            case DEGRADED -> "dégradé";
            case DOWN -> "injoignable";
        };
    }

    public static String french(RoundOutcome outcome) {
        return switch (outcome) {
            case OK -> "toutes les adresses répondent";
            case SLOW -> "réponses lentes";
            case PARTIAL -> "certaines adresses ne répondent pas";
            case FAILED -> "aucune adresse ne répond";
            case NOT_MONITORED -> "non surveillé";
        };
    }
}
