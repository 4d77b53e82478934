package fr.relais.continuity.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

import fr.relais.continuity.health.NodeBoards;
import fr.relais.continuity.health.UpstreamBoard;
import fr.relais.continuity.health.UpstreamStatus;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamState;

/**
 * {@code /health/group/relais-upstreams} on the management port: DOWN (HTTP 503) while an upstream
 * is down, with each upstream's state in the data.
 *
 * <p>A health <em>group</em> on purpose, never readiness or liveness: an internet outage must not
 * take the Keycloak nodes out of the load balancer (logins by card and security key must go on), so
 * {@code /health}, {@code /health/ready} and {@code /health/live} ignore this check.
 *
 * <p>Keycloak documents no extension point for health checks. This works because Keycloak indexes
 * provider jars that carry a {@code META-INF/beans.xml} (needed for the admin REST resource anyway)
 * and SmallRye Health collects their health check beans at {@code kc.sh build}; the integration test
 * {@code UpstreamHealthIT} checks it on every build.
 */
@HealthGroup(UpstreamsHealthCheck.GROUP)
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    public static final String GROUP = "relais-upstreams";

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Relais upstreams").up();
        UpstreamBoard board = NodeBoards.current().orElse(null);
        if (board == null) {
            return response.withData("status", "starting").build();
        }
        for (Upstream upstream : Upstream.values()) {
            UpstreamStatus status = board.get(upstream);
            response.withData(upstream.name(), status.state().name());
            if (status.state() == UpstreamState.DOWN) {
                response.down();
            }
        }
        return response.build();
    }
}
