package fr.relais.continuity.keycloak.audit;

import java.util.EnumMap;
import java.util.Map;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

import fr.relais.continuity.health.DegradedMode;
import fr.relais.continuity.keycloak.grace.SessionGraceNotes;
import fr.relais.spi.health.Upstream;
import fr.relais.spi.health.UpstreamHealth;
import fr.relais.spi.health.UpstreamState;

/**
 * Tags every login made while an upstream is down or degraded: the login event carries the
 * upstream states, the credentials used (the card and PSC logins name their means themselves, in
 * {@code relais_means}) and whether the session grace was used. A required action because it is
 * the one step every login goes through, whatever the means, before its event is sent.
 */
final class DegradedModeAudit implements RequiredActionProvider {


    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UpstreamHealth health = context.getSession().getProvider(UpstreamHealth.class);
        if (health == null) {
            return;
        }
        Map<Upstream, UpstreamState> states = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            states.put(upstream, health.state(upstream));
        }
        if (!DegradedMode.active(states)) {
            return;
        }
        context.getEvent()
                .detail(DegradedModeAuditFactory.DEGRADED, "true")
                .detail(DegradedModeAuditFactory.UPSTREAMS, DegradedMode.describe(states))
                .detail(DegradedModeAuditFactory.CREDENTIALS, String.join(",", AuthenticatorUtil.getAuthnCredentials(context.getAuthenticationSession())))
                .detail(DegradedModeAuditFactory.GRACE,
                        Boolean.toString("true".equals(context.getAuthenticationSession().getAuthNote(SessionGraceNotes.USED))));
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        // Never on a user's list: it only tags events from evaluateTriggers.
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}
