package fr.relais.rpps.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.relais.rpps.store.RppsTables;

/**
 * Reads what the report needs in two queries: every account of the realm joined to its idNat_PS, its
 * last re-check and its professional, then the recorded departures and profession changes of those
 * idNat_PS. A realm has thousands of accounts, not millions: the lists fit in memory.
 */
public final class LinkHealthQuery {

    /** Written by the directory on the accounts it opens. */
    static final String LINKED_ATTRIBUTE = "rpps_linked_at";

    private final RppsTables tables;

    public LinkHealthQuery(RppsTables tables) {
        this.tables = tables;
    }

    public List<AccountLink> accounts(Connection connection, String realmId) throws SQLException {
        String sql = "SELECT u.ID, u.USERNAME, u.FIRST_NAME, u.LAST_NAME, u.ENABLED, u.FEDERATION_LINK,"
                + " a.VALUE AS ID_NAT, l.VALUE AS LINKED_AT, c.CHECKED_AT, p.ID_NAT AS PRESENT, p.PROFESSION_CODE"
                + " FROM " + tables.keycloak("USER_ENTITY") + " u"
                + " LEFT JOIN " + tables.keycloak("USER_ATTRIBUTE") + " a ON a.USER_ID = u.ID AND a.NAME = ?"
                + " LEFT JOIN " + tables.keycloak("USER_ATTRIBUTE") + " l ON l.USER_ID = u.ID AND l.NAME = ?"
                + " LEFT JOIN " + tables.linkCheck() + " c ON c.ID_NAT = a.VALUE"
                + " LEFT JOIN " + tables.professional() + " p ON p.ID_NAT = a.VALUE"
                + " WHERE u.REALM_ID = ? AND u.SERVICE_ACCOUNT_CLIENT_LINK IS NULL";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, RppsTables.ID_NAT_ATTRIBUTE);
            query.setString(2, LINKED_ATTRIBUTE);
            query.setString(3, realmId);
            try (ResultSet rows = query.executeQuery()) {
                List<AccountLink> accounts = new ArrayList<>();
                while (rows.next()) {
                    long checkedAt = rows.getLong("CHECKED_AT");
                    Long checked = rows.wasNull() ? null : checkedAt;
                    accounts.add(new AccountLink(rows.getString("ID"), rows.getString("USERNAME"),
                            rows.getString("FIRST_NAME"), rows.getString("LAST_NAME"), rows.getBoolean("ENABLED"),
                            rows.getString("FEDERATION_LINK") != null, rows.getString("ID_NAT"),
                            rows.getString("PRESENT") != null, rows.getString("PROFESSION_CODE"),
                            checked, rows.getString("LINKED_AT")));
                }
                return accounts;
            }
        }
    }

    /** The realm's linked professionals' recorded changes. */
    public List<DirectoryChange> changes(Connection connection, String realmId) throws SQLException {
        String sql = "SELECT c.ID_NAT, c.CHANGE_KIND, c.OLD_PROFESSION, c.NEW_PROFESSION, c.CHANGED_AT"
                + " FROM " + tables.change() + " c"
                + " JOIN " + tables.keycloak("USER_ATTRIBUTE") + " a ON a.VALUE = c.ID_NAT AND a.NAME = ?"
                + " JOIN " + tables.keycloak("USER_ENTITY") + " u ON u.ID = a.USER_ID"
                + " WHERE u.REALM_ID = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, RppsTables.ID_NAT_ATTRIBUTE);
            query.setString(2, realmId);
            try (ResultSet rows = query.executeQuery()) {
                List<DirectoryChange> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(new DirectoryChange(rows.getString("ID_NAT"), rows.getString("CHANGE_KIND"),
                            rows.getString("OLD_PROFESSION"), rows.getString("NEW_PROFESSION"),
                            rows.getLong("CHANGED_AT")));
                }
                return changes;
            }
        }
    }

    /** Whether the directory holds any professional: before the first import, links cannot be judged. */
    public boolean directoryLoaded(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + tables.professional())) {
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
