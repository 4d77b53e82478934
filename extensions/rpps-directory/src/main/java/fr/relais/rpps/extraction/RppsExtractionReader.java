package fr.relais.rpps.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an Annuaire Santé extraction into an {@link ExtractionHandler}.
 *
 * <p>Accepts the published archives and plain text files, in any combination holding one file of each
 * kind: {@code PS_LibreAcces_*.zip} or its {@code Personne_activite} (plus optionally {@code SavoirFaire})
 * text files, and/or {@code Extraction_Correspondance_MSSante}. Files are read in this order:
 * SavoirFaire, so its entries can be joined to the professionals; Personne_activite, one
 * {@link Professional} per idNat_PS group; MSSanté, one {@link MssanteAddress} per line.
 *
 * <p>Memory stays flat whatever the file size, apart from the SavoirFaire index
 * (see {@link SavoirFaireIndex}). A bad line is counted and sampled in the returned report, never
 * thrown; only a problem with a whole file is an {@link ExtractionException}.
 */
public final class RppsExtractionReader {

    private final ReadOptions options;

    public RppsExtractionReader() {
        this(ReadOptions.DEFAULTS);
    }

    public RppsExtractionReader(ReadOptions options) {
        this.options = options;
    }

    public ExtractionReport read(List<Path> sources, ExtractionHandler handler) throws ExtractionException {
        TableReader tables = new TableReader(options);
        List<FileReport> reports = new ArrayList<>();
        try (ExtractionSources files = ExtractionSources.open(sources)) {
            SavoirFaireIndex savoirFaire = new SavoirFaireIndex();
            ExtractionFile savoirFaireFile = files.single(ExtractionFileKind.SAVOIR_FAIRE);
            long savoirFaireRows = 0;
            if (savoirFaireFile != null) {
                FileReport report = read(tables, savoirFaireFile, SavoirFaireColumn.class,
                        new SavoirFaireMapper(savoirFaire));
                savoirFaireRows = report.acceptedRows();
                reports.add(report);
            }

            ProfessionalAssembler assembler = new ProfessionalAssembler(handler, savoirFaire);
            ExtractionFile personneActivite = files.single(ExtractionFileKind.PERSONNE_ACTIVITE);
            if (personneActivite != null) {
                reports.add(read(tables, personneActivite, PersonneActiviteColumn.class,
                        new PersonneActiviteMapper(assembler)));
                assembler.finish();
            }

            MssanteMapper mssante = new MssanteMapper(handler);
            ExtractionFile mssanteFile = files.single(ExtractionFileKind.MSSANTE);
            if (mssanteFile != null) {
                reports.add(read(tables, mssanteFile, MssanteColumn.class, mssante));
            }

            return new ExtractionReport(reports, files.ignored(), assembler.professionals(), assembler.activities(),
                    savoirFaireRows, savoirFaire.remaining(), mssante.delivered());
        }
    }

    private static <E extends Enum<E> & Column> FileReport read(TableReader tables, ExtractionFile file,
            Class<E> columns, RowSink<E> sink) throws ExtractionException {
        try (InputStream in = file.open()) {
            return tables.read(file.name(), file.kind(), in, columns, sink);
        } catch (IOException e) {
            if (file.archive() != null) {
                throw new ExtractionException(ExtractionException.Kind.UNREADABLE_ARCHIVE,
                        file.archive() + ": entry " + file.name() + " cannot be read: " + e.getMessage(), e);
            }
            throw new ExtractionException(ExtractionException.Kind.IO,
                    file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
