package fr.relais.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.relais.pscsim.PscSimulator;

/**
 * {@code ./relais dev}: Relais on this machine, with demo data, until Ctrl-C.
 * Ports can be moved with RELAIS_HTTPS_PORT, RELAIS_MANAGEMENT_PORT, RELAIS_DUI_PORT, RELAIS_PSC_PORT and
 * RELAIS_PSC_WALLET_PORT. RELAIS_DATABASE=postgresql runs it on a PostgreSQL server of its own (as the
 * appliance does) instead of Keycloak's H2 file database. A Pro Santé Connect simulator runs in this process, so the login page's
 * "Pro Santé Connect" button signs a demo professional in without the real service.
 */
public final class DevMain {

    private DevMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".relais");
        RelaisInstance.Ports ports = new RelaisInstance.Ports(port("RELAIS_HTTPS_PORT", 8443),
                port("RELAIS_MANAGEMENT_PORT", 9000));
        int duiPort = port("RELAIS_DUI_PORT", 8081);
        String duiUrl = "http://localhost:" + duiPort;
        Instant begin = Instant.now();
        System.out.println("Relais : démarrage de Keycloak (journal : " + root.resolve("keycloak.log") + ") …");

        Secrets secrets = Secrets.loadOrCreate(root.resolve("secrets.properties"));
        String pscSecret = secrets.get(Secrets.PSC_CLIENT_SECRET);
        PscSimulator psc = DemoPsc.start(port("RELAIS_PSC_PORT", 8090), port("RELAIS_PSC_WALLET_PORT", 8091),
                "https://localhost:" + ports.https(), pscSecret);
        RelaisInstance relais;
        try {
            relais = RelaisInstance.start(root, ports, duiUrl, "http://localhost:8082",
                    DemoPsc.connection(psc, pscSecret, 5_000), database(), settings -> { });
        } catch (RuntimeException e) {
            psc.close();
            throw e;
        }
        DemoDuiApp dui = DemoDuiApp.start(duiPort, relais.realmUrl(), relais.secrets().get(Secrets.DUI_CLIENT_SECRET),
                relais.pki().serverTrust());
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nRelais : arrêt …");
            dui.close();
            relais.close();
            psc.close();
        }));
        System.out.println(banner(relais, dui, psc, Duration.between(begin, Instant.now())));
        int status = relais.process().waitFor();
        // Ctrl-C reaches Keycloak too (same terminal process group): it then ends on SIGINT or SIGTERM.
        boolean stoppedBySignal = status == 130 || status == 143;
        if (!stopping.get() && !stoppedBySignal) {
            System.err.println("Keycloak s'est arrêté de lui-même (code " + status + ") ; voir " + relais.log());
            System.exit(1);
        }
    }

    private static String banner(RelaisInstance relais, DemoDuiApp dui, PscSimulator psc, Duration startup) {
        Secrets secrets = relais.secrets();
        StringBuilder out = new StringBuilder();
        out.append("\nRelais est prêt (").append(startup.toSeconds()).append(" s). Ctrl-C pour arrêter.\n\n");
        out.append("  DUI de démonstration   ").append(dui.url()).append('\n');
        out.append("  Compte (utilisateur)   ").append(relais.realmUrl()).append("/account\n");
        out.append("  Console d'administration ").append(relais.baseUrl()).append("/admin/master/console/#/")
                .append(RelaisInstance.REALM).append('\n');
        out.append("      administrateur : ").append(RelaisInstance.ADMIN_USERNAME).append(" / ")
                .append(secrets.get(Secrets.ADMIN_PASSWORD)).append('\n');
        out.append("  Santé / métriques      https://localhost:").append(relais.managementPort())
                .append("/health/ready , /metrics\n\n");
        out.append("  Professionnels de démonstration (mot de passe commun : ")
                .append(secrets.get(Secrets.DEMO_USER_PASSWORD)).append(")\n");
        for (DemoProfessional p : DemoProfessional.ALL) {
            out.append(String.format("    %-15s %-19s %-4s %s %s, %s%n", p.username(), p.idNatPs(), p.cardType(),
                    p.givenName(), p.surname(), p.title()));
        }
        out.append("\n  Pro Santé Connect (simulateur)  ").append(psc.issuer())
                .append("\n      cliquez « Pro Santé Connect » sur la page de connexion, puis choisissez un professionnel"
                        + " de démonstration (pas de mot de passe : c'est un simulateur)\n");
        out.append("\n  Cartes (PKCS#12, à importer dans le navigateur) : ").append(relais.pki().dir().resolve("cards"))
                .append("\n      mot de passe des fichiers .p12 : ").append(secrets.get(Secrets.PKI_PASSWORD)).append('\n');
        out.append("  Autorités de TEST (pour faire confiance au certificat du serveur) : ")
                .append(relais.pki().rootsPem()).append('\n');
        out.append("  Journal de Keycloak : ").append(relais.log()).append('\n');
        return out.toString();
    }

    private static RelaisInstance.Database database() {
        String value = System.getenv("RELAIS_DATABASE");
        return value != null && value.trim().equalsIgnoreCase("postgresql")
                ? RelaisInstance.Database.POSTGRESQL : RelaisInstance.Database.DEV_FILE;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
