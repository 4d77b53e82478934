package fr.relais.rpps.keycloak.importer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import fr.relais.rpps.importer.ImportScope;
import fr.relais.rpps.importer.ImportSettings;

/**
 * Server options of the RPPS import ({@code --spi-relais-rpps-import--default--<name>=…} or
 * {@code KC_SPI_RELAIS_RPPS_IMPORT__DEFAULT__<NAME>}), declared once here for {@code kc.sh} and the server
 * info, and read back typed. The directory is one per server (all realms share it), hence server options
 * rather than realm settings.
 */
public record ImportServerConfig(
        URI sourceUrl,
        LocalTime downloadTime,
        Path dropFolder,
        Duration dropFolderInterval,
        Path workFolder,
        ImportSettings settings,
        int transactionTimeoutSeconds,
        long maxUploadBytes,
        int threadNice) {

    static final String SOURCE_URL = "source-url";
    static final String DOWNLOAD_TIME = "download-time";
    static final String DROP_FOLDER = "drop-folder";
    static final String DROP_FOLDER_INTERVAL = "drop-folder-interval-seconds";
    static final String WORK_FOLDER = "work-folder";
    static final String MAX_SHRINK = "max-shrink-percent";
    static final String MAX_REJECTED = "max-rejected-percent";
    static final String SCOPE_FINESS = "scope-finess";
    static final String SCOPE_DEPARTEMENTS = "scope-departements";
    static final String CHANGE_RETENTION_DAYS = "change-retention-days";
    static final String TRANSACTION_TIMEOUT = "transaction-timeout-seconds";
    static final String MAX_UPLOAD_MB = "max-upload-mb";
    static final String THREAD_NICE = "thread-nice";

    static final String DEFAULT_DOWNLOAD_TIME = "04:30";
    static final int DEFAULT_DROP_FOLDER_INTERVAL = 300;
    static final int DEFAULT_TRANSACTION_TIMEOUT = 1800;
    static final int DEFAULT_MAX_UPLOAD_MB = 1024;
    static final int DEFAULT_THREAD_NICE = 10;

    public static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name(SOURCE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("URL de l'extraction PS_LibreAcces téléchargée chaque jour : service ANS "
                        + "https://service.annuaire.sante.fr/annuaire-sante-webservices/V300/services/extraction/PS_LibreAcces "
                        + "(son certificat est émis par l'IGC-Santé : ajoutez ACR-EL au truststore de Keycloak) ou miroir "
                        + "data.gouv.fr. Un fichier inchangé (ETag, date, nom horodaté) n'est pas retéléchargé. Vide : pas de "
                        + "téléchargement (site sans internet, dossier de dépôt seul). / URL of the daily extraction; empty "
                        + "disables downloading.")
                .add()
            .property().name(DOWNLOAD_TIME).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_DOWNLOAD_TIME)
                .helpText("Heure locale (HH:mm) du téléchargement quotidien, exécuté par un seul nœud du cluster. L'ANS "
                        + "publie la nuit ; 04:30 laisse la marge. / Local time of the daily download (one node of the cluster).")
                .add()
            .property().name(DROP_FOLDER).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Dossier où déposer l'extraction (archive PS_LibreAcces_*.zip ou fichiers .txt) pour un site sans "
                        + "internet ; vérifié régulièrement sur chaque nœud, le fichier le plus récent est importé une fois. "
                        + "Par défaut data/rpps sous le répertoire de Keycloak. / Folder checked for a dropped extraction.")
                .add()
            .property().name(DROP_FOLDER_INTERVAL).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_DROP_FOLDER_INTERVAL)
                .helpText("Intervalle en secondes entre deux vérifications du dossier de dépôt. / Seconds between checks.")
                .add()
            .property().name(WORK_FOLDER).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Dossier des téléchargements et des fichiers envoyés par l'API, effacés après import. Par défaut "
                        + "data/rpps-work sous le répertoire de Keycloak. / Folder for downloads and uploads.")
                .add()
            .property().name(MAX_SHRINK).type(ProviderConfigProperty.STRING_TYPE).defaultValue("5")
                .helpText("Refuse un import dont le nombre de professionnels baisse de plus de ce pourcentage par rapport à "
                        + "l'annuaire en place (téléchargement tronqué), sauf import forcé. / Refuse, unless forced, an import "
                        + "shrinking the directory by more than this percentage.")
                .add()
            .property().name(MAX_REJECTED).type(ProviderConfigProperty.STRING_TYPE).defaultValue("1")
                .helpText("Refuse un fichier dont plus de ce pourcentage de lignes sont invalides, sauf import forcé. / "
                        + "Refuse, unless forced, a file with more than this percentage of bad lines.")
                .add()
            .property().name(SCOPE_FINESS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Ne garder que les professionnels ayant une activité à l'un de ces FINESS (site ou juridique), "
                        + "séparés par des virgules. Vide avec le paramètre suivant : toute la France. / Keep only "
                        + "professionals practising at one of these FINESS numbers (comma-separated).")
                .add()
            .property().name(SCOPE_DEPARTEMENTS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Ne garder que les professionnels ayant une activité dans l'un de ces départements (69, 2A, 974…), "
                        + "séparés par des virgules ; s'ajoute aux FINESS ci-dessus. Les professionnels extérieurs venant "
                        + "d'ailleurs ne seront alors pas reconnus. / Keep only professionals practising in these départements.")
                .add()
            .property().name(CHANGE_RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(400)
                .helpText("Durée de conservation, en jours, des départs et changements de profession détectés, utilisés par "
                        + "le rapport de santé des rattachements. / Days departures and profession changes are kept.")
                .add()
            .property().name(TRANSACTION_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_TRANSACTION_TIMEOUT)
                .helpText("Durée maximale, en secondes, de chaque étape de l'import (chargement, application). / Timeout "
                        + "of each import step, in seconds.")
                .add()
            .property().name(MAX_UPLOAD_MB).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_MAX_UPLOAD_MB)
                .helpText("Taille maximale, en Mo, d'un fichier envoyé par l'API d'administration ; au-delà, l'envoi est "
                        + "refusé (413) avec un message qui renvoie au dossier de dépôt, la voie des gros fichiers. La limite "
                        + "HTTP de Keycloak (quarkus.http.limits.max-body-size, 1024M dans conf/quarkus.properties de Relais) "
                        + "s'applique aussi : relevez les deux ensemble. / Largest upload, in MB; Keycloak's HTTP body limit "
                        + "(quarkus.http.limits.max-body-size) applies too.")
                .add()
            .property().name(THREAD_NICE).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_THREAD_NICE)
                .helpText("Priorité Linux (nice, de 0 à 19) de la partie de l'import qui tourne dans Keycloak (lecture du "
                        + "fichier, envoi à la base). Quand le processeur est pris, les connexions et les requêtes passent "
                        + "avant l'import, qui prend ce qu'elles laissent ; sans autre charge, l'import va aussi vite. 0 : même "
                        + "priorité que les requêtes. / Linux nice value (0-19) of the import's work inside Keycloak: on a busy "
                        + "core, logins and requests run first; 0 gives it the requests' priority.")
                .add()
            .build();

    static ImportServerConfig from(Config.Scope config) {
        Path home = Path.of(System.getProperty("kc.home.dir", "."));
        String url = config.get(SOURCE_URL);
        ImportScope scope = ImportScope.of(list(config.get(SCOPE_FINESS)), list(config.get(SCOPE_DEPARTEMENTS)));
        ImportSettings settings = new ImportSettings(
                percent(config, MAX_SHRINK, ImportSettings.DEFAULTS.maxShrinkPercent()),
                percent(config, MAX_REJECTED, ImportSettings.DEFAULTS.maxRejectedPercent()),
                scope,
                Duration.ofDays(config.getInt(CHANGE_RETENTION_DAYS, (int) ImportSettings.DEFAULTS.changeRetention().toDays())),
                ImportSettings.DEFAULTS.lockStaleAfter());
        return new ImportServerConfig(
                url == null || url.isBlank() ? null : URI.create(url.trim()),
                time(config.get(DOWNLOAD_TIME, DEFAULT_DOWNLOAD_TIME)),
                Path.of(config.get(DROP_FOLDER, home.resolve("data").resolve("rpps").toString())),
                Duration.ofSeconds(config.getInt(DROP_FOLDER_INTERVAL, DEFAULT_DROP_FOLDER_INTERVAL)),
                Path.of(config.get(WORK_FOLDER, home.resolve("data").resolve("rpps-work").toString())),
                settings,
                config.getInt(TRANSACTION_TIMEOUT, DEFAULT_TRANSACTION_TIMEOUT),
                (long) config.getInt(MAX_UPLOAD_MB, DEFAULT_MAX_UPLOAD_MB) << 20,
                nice(config.getInt(THREAD_NICE, DEFAULT_THREAD_NICE)));
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("RPPS import: " + DOWNLOAD_TIME + " must be HH:mm, got '" + value + "'", e);
        }
    }

    private static int nice(int value) {
        if (value < 0 || value > 19) {
            throw new IllegalArgumentException("RPPS import: " + THREAD_NICE + " must be between 0 and 19, got " + value);
        }
        return value;
    }

    private static double percent(Config.Scope config, String name, double defaultValue) {
        String value = config.get(name);
        try {
            return value == null || value.isBlank() ? defaultValue : Double.parseDouble(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RPPS import: " + name + " must be a percentage, got '" + value + "'", e);
        }
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList());
    }
}
