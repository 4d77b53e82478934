package fr.relais.rpps.importer;

import java.util.Locale;

/**
 * Decides whether a loaded extraction may replace the live directory. A download cut short still parses
 * (the reader stops at the last complete line), so the count of professionals is the one reliable sign,
 * together with the share of lines the reader rejected.
 */
final class ImportGuard {

    record Decision(boolean accepted, String message) {
        static Decision accept() {
            return new Decision(true, null);
        }

        static Decision refuse(String message) {
            return new Decision(false, message);
        }
    }

    private final ImportSettings settings;

    ImportGuard(ImportSettings settings) {
        this.settings = settings;
    }

    /**
     * @param liveCount  professionals in the directory now
     * @param staged     professionals loaded from the new extraction (in scope)
     * @param dataLines  data lines the reader saw (accepted and rejected)
     * @param rejected   lines the reader rejected
     */
    Decision check(long liveCount, long staged, long dataLines, long rejected, boolean forced) {
        if (staged == 0) {
            // Never forceable: an empty directory would leave every professional without RPPS data.
            return Decision.refuse("L'extraction ne contient aucun professionnel"
                    + (settings.scope().wholeCountry() ? "" : " dans le périmètre (" + settings.scope().describe() + ")")
                    + " : import refusé, l'annuaire actuel est conservé.");
        }
        if (forced) {
            return Decision.accept();
        }
        if (liveCount > 0 && staged < liveCount) {
            double drop = 100.0 * (liveCount - staged) / liveCount;
            if (drop > settings.maxShrinkPercent()) {
                return Decision.refuse(String.format(Locale.FRANCE,
                        "Le nombre de professionnels baisse de %.1f %% (%d → %d), au-delà du seuil de %.1f %% : "
                                + "fichier tronqué ? Import refusé, l'annuaire actuel est conservé. Si la baisse est "
                                + "attendue (changement de périmètre), relancez l'import en le forçant.",
                        drop, liveCount, staged, settings.maxShrinkPercent()));
            }
        }
        if (dataLines > 0) {
            double share = 100.0 * rejected / dataLines;
            if (share > settings.maxRejectedPercent()) {
                return Decision.refuse(String.format(Locale.FRANCE,
                        "%.1f %% des lignes sont invalides (%d sur %d), au-delà du seuil de %.1f %% : fichier "
                                + "corrompu ? Import refusé, l'annuaire actuel est conservé.",
                        share, rejected, dataLines, settings.maxRejectedPercent()));
            }
        }
        return Decision.accept();
    }
}
