package fr.relais.it.continuity;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the Pro Santé Connect upstream from a node's continuity admin API. */
final class PscUpstream {

    static final String API = "relais/relais-continuity/upstreams";

    private PscUpstream() {
    }

    /** The PSC entry of the upstreams list: state and the addresses probed. */
    static JsonNode of(AdminClient admin) throws Exception {
        return admin.json(API).get("upstreams").get(0);
    }

    static Set<String> targets(JsonNode upstream) {
        Set<String> urls = new HashSet<>();
        upstream.get("targets").forEach(t -> urls.add(t.get("url").asText()));
        return urls;
    }

    /** The addresses whose last probe succeeded. */
    static Set<String> okTargets(JsonNode upstream) {
        Set<String> urls = new HashSet<>();
        upstream.get("targets").forEach(t -> {
            if (t.get("ok").asBoolean()) {
                urls.add(t.get("url").asText());
            }
        });
        return urls;
    }

    static JsonNode latestTransition(AdminClient admin) throws Exception {
        for (JsonNode t : admin.json(API + "/transitions?max=50")) {
            if ("PRO_SANTE_CONNECT".equals(t.get("upstream").asText())) {
                return t;
            }
        }
        throw new AssertionError("no PSC transition");
    }
}
