package fr.relais.continuity.health;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What happened during one outage: the logins made, by means, and how many leaned on the session grace. */
public final class OutageLogins {

    private final Map<String, Integer> byMeans = new TreeMap<>();
    private final Set<String> users = new HashSet<>();
    private int logins;
    private int graceUsed;

    /** One login tagged during the outage; {@code means} as the login event names it. */
    public void add(String means, String userId, boolean grace) {
        logins++;
        byMeans.merge(means == null || means.isBlank() ? "unknown" : means, 1, Integer::sum);
        if (userId != null) {
            users.add(userId);
        }
        if (grace) {
            graceUsed++;
        }
    }

    public int logins() {
        return logins;
    }

    public int distinctUsers() {
        return users.size();
    }

    public int graceUsed() {
        return graceUsed;
    }

    public Map<String, Integer> byMeans() {
        return Map.copyOf(byMeans);
    }
}
