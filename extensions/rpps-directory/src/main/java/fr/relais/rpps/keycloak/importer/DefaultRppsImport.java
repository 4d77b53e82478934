package fr.relais.rpps.keycloak.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import fr.relais.rpps.importer.ImportRun;
import fr.relais.rpps.importer.ImportTrigger;

/** Per-session face of the node's single {@link ImportService}. */
final class DefaultRppsImport implements RppsImport {

    private final ImportService service;

    DefaultRppsImport(ImportService service) {
        this.service = service;
    }

    @Override
    public List<ImportRun> history(int limit) throws Exception {
        return service.history(limit);
    }

    @Override
    public Optional<ImportRun> find(String id) throws Exception {
        return service.find(id);
    }

    @Override
    public String start(String triggeredBy, boolean forced) {
        if (service.config().sourceUrl() != null) {
            service.submitUrlCheck(triggeredBy, ImportTrigger.MANUAL, forced);
            return "Téléchargement depuis " + service.config().sourceUrl() + " lancé.";
        }
        service.submitDropFolderCheck(triggeredBy, ImportTrigger.MANUAL, forced);
        return "Import depuis le dossier de dépôt " + service.config().dropFolder() + " lancé.";
    }

    @Override
    public void upload(InputStream body, long declaredLength, String fileName, String triggeredBy, boolean forced)
            throws IOException {
        if (declaredLength > service.config().maxUploadBytes()) {
            throw new UploadTooLargeException(service.config().maxUploadBytes(), service.config().dropFolder());
        }
        service.submitUpload(body, fileName, triggeredBy, forced);
    }
}
