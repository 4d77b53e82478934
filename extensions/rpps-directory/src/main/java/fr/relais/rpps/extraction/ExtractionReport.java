package fr.relais.rpps.extraction;

import java.util.List;

/**
 * Outcome of one read: per-file line accounting plus the number of records delivered.
 *
 * @param ignoredFiles                   archive entries that are not used (e.g. Dipl_AutExerc)
 * @param professionals                  {@link ExtractionHandler#professional} calls
 * @param savoirFaireRows                accepted lines of the SavoirFaire file
 * @param savoirFaireWithoutProfessional idNat_PS present in the SavoirFaire file but in no
 *                                       Personne_activite row, so their savoir-faire went nowhere
 */
public record ExtractionReport(
        List<FileReport> files,
        List<String> ignoredFiles,
        long professionals,
        long activities,
        long savoirFaireRows,
        long savoirFaireWithoutProfessional,
        long mssanteAddresses) {

    public ExtractionReport {
        files = List.copyOf(files);
        ignoredFiles = List.copyOf(ignoredFiles);
    }

    public long badLines() {
        return files.stream().mapToLong(FileReport::badLines).sum();
    }

    /** One line for logs and the admin console. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(professionals).append(" professionals, ").append(activities).append(" activities, ")
                .append(mssanteAddresses).append(" MSSanté addresses, ").append(badLines()).append(" bad lines");
        for (FileReport file : files) {
            text.append("; ").append(file.name()).append(": ").append(file.lines()).append(" lines, ")
                    .append(file.charset()).append(", ").append(file.columns()).append(" columns");
            if (file.badLines() > 0) {
                text.append(", bad ").append(file.badLineCounts());
            }
        }
        return text.toString();
    }
}
