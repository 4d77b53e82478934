package fr.relais.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo professionals as a Keycloak users import file ({@code <realm>-users-0.json}), imported
 * together with the realm on first start. Only local and test installations get it: the appliance
 * imports the realm alone.
 */
final class DemoUsersFile {

    private DemoUsersFile() {
    }

    static void write(Path importDir, String realm, String password) throws IOException {
        List<String> users = new ArrayList<>();
        for (DemoProfessional p : DemoProfessional.ALL) {
            String attributes = "\"idnat_ps\": [" + json(p.idNatPs()) + "]"
                    + (p.professionCode() == null ? "" : ", \"profession\": [" + json(p.professionCode().toString()) + "]");
            users.add("""
                        {
                          "username": %s,
                          "enabled": true,
                          "firstName": %s,
                          "lastName": %s,
                          "email": %s,
                          "emailVerified": true,
                          "attributes": { %s },
                          "realmRoles": [ "default-roles-%s" ],
                          "credentials": [ { "type": "password", "value": %s, "temporary": false } ]
                        }""".formatted(json(p.username()), json(p.givenName()), json(p.surname()), json(p.email()),
                    attributes, realm, json(password)));
        }
        String document = "{\n  \"realm\": " + json(realm) + ",\n  \"users\": [\n" + String.join(",\n", users) + "\n  ]\n}\n";
        Files.createDirectories(importDir);
        Files.writeString(importDir.resolve(realm + "-users-0.json"), document);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
