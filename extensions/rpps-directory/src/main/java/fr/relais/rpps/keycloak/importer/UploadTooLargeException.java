package fr.relais.rpps.keycloak.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An upload larger than {@code max-upload-mb}. The message tells the administrator the way for big files:
 * the drop folder, which has no size limit and needs no HTTP request to stay open for minutes.
 */
public final class UploadTooLargeException extends IOException {

    public UploadTooLargeException(long limitBytes, Path dropFolder) {
        super("Fichier trop volumineux pour un envoi par l'API (limite : " + (limitBytes >> 20) + " Mo, option "
                + "max-upload-mb). Déposez-le dans le dossier de dépôt " + dropFolder + " : il y est importé sans "
                + "limite de taille. / File larger than the upload limit; copy it into the drop folder instead.");
    }
}
