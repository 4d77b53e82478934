package fr.relais.cps.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/** Downloads the CRLs into the database; scheduled cluster-aware, so one node of a cluster does it. */
final class CrlDownloadTask implements ScheduledTask {

    private final CardRevocationService service;
    private final CardLoginServerConfig config;

    CrlDownloadTask(CardRevocationService service, CardLoginServerConfig config) {
        this.service = service;
        this.config = config;
    }

    @Override
    public void run(KeycloakSession session) {
        service.refreshFromSources(session, config.crlSources());
    }

    @Override
    public String getTaskName() {
        return "relais-crl-download";
    }
}
