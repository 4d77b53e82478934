package fr.relais.pscsim;

import java.util.Map;

/**
 * The page that replaces the e-CPS / card login: the person picks a demo professional, how they "authenticated"
 * and the eIDAS level. French, since people see it; plain HTML with inline style, no script.
 */
final class LoginPage {

    /** TRE_G15 labels of the professions a demo is likely to use. */
    private static final Map<String, String> PROFESSIONS = Map.ofEntries(
            Map.entry("10", "Médecin"), Map.entry("21", "Pharmacien"), Map.entry("40", "Chirurgien-dentiste"),
            Map.entry("50", "Sage-femme"), Map.entry("60", "Infirmier"), Map.entry("70", "Masseur-kinésithérapeute"),
            Map.entry("80", "Pédicure-podologue"), Map.entry("91", "Orthophoniste"), Map.entry("92", "Orthoptiste"),
            Map.entry("94", "Ergothérapeute"), Map.entry("95", "Diététicien"), Map.entry("96", "Psychomotricien"));

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;"
            + "padding:0 1rem;color:#1e1e1e}h1{font-size:1.5rem;color:#000091}"
            + ".banner{background:#fff4e5;border-left:4px solid #b34000;padding:.5rem 1rem;margin-bottom:1rem}"
            + ".notice{background:#fee;border-left:4px solid #c00;padding:.5rem 1rem}"
            + "fieldset{border:1px solid #ccc;margin:1rem 0;padding:.5rem 1rem}label{display:block;margin:.3rem 0}"
            + "button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}"
            + "button.primary{background:#000091;color:#fff;border:0}small{color:#555}";

    private final SimContext context;

    LoginPage(SimContext context) {
        this.context = context;
    }

    String render(String tx, AuthorizationRequest request, String notice) {
        StringBuilder html = new StringBuilder();
        head(html, "Pro Santé Connect (simulateur)");
        html.append("<div class=\"banner\">Simulateur de test : aucune authentification n'a lieu ici. "
                + "Choisissez l'identité que Pro Santé Connect renverra à l'application.</div>");
        html.append("<h1>Connexion à Pro Santé Connect</h1>");
        html.append("<p>L'application <strong>").append(escape(request.clientId()))
                .append("</strong> demande votre identification (niveau demandé : <strong>")
                .append(escape(request.requestedAcr())).append("</strong>).</p>");
        if (notice != null) {
            html.append("<p class=\"notice\">").append(escape(notice)).append("</p>");
        }
        html.append("<form method=\"post\" action=\"\">");
        html.append("<input type=\"hidden\" name=\"tx\" value=\"").append(escape(tx)).append("\">");

        html.append("<fieldset><legend>Professionnel</legend>");
        boolean first = true;
        for (Professional professional : context.professionals()) {
            boolean checked = professional.idNat().equals(request.loginHint())
                    || first && context.professional(request.loginHint()) == null;
            html.append("<label><input type=\"radio\" name=\"idNat\" value=\"").append(escape(professional.idNat()))
                    .append("\"").append(checked ? " checked" : "").append("> ")
                    .append(escape(professional.displayName())).append(" <small>(")
                    .append(escape(professionLabel(professional.mainProfessionCode()))).append(", ")
                    .append(escape(professional.idNat())).append(")</small></label>");
            first = false;
        }
        html.append("</fieldset>");

        html.append("<fieldset><legend>Moyen d'identification</legend>");
        html.append("<label><input type=\"radio\" name=\"authMode\" value=\"CARD\" checked> Carte CPS</label>");
        html.append("<label><input type=\"radio\" name=\"authMode\" value=\"MOBILE\"> Application e-CPS</label>");
        html.append("</fieldset>");

        html.append("<fieldset><legend>Niveau eIDAS renvoyé (acr)</legend><select name=\"acr\">");
        for (String level : Acr.LEVELS) {
            html.append("<option value=\"").append(level).append("\"")
                    .append(level.equals(request.requestedAcr()) ? " selected" : "").append(">").append(level)
                    .append("</option>");
        }
        html.append("</select></fieldset>");

        html.append("<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\">")
                .append("Se connecter</button>");
        html.append("<button type=\"submit\" name=\"action\" value=\"cancel\">Annuler</button>");
        html.append("</form></body></html>");
        return html.toString();
    }

    String error(String title, String message) {
        StringBuilder html = new StringBuilder();
        head(html, title + " - Pro Santé Connect (simulateur)");
        html.append("<h1>").append(escape(title)).append("</h1><p>").append(escape(message)).append("</p>");
        html.append("</body></html>");
        return html.toString();
    }

    String loggedOut() {
        StringBuilder html = new StringBuilder();
        head(html, "Déconnexion - Pro Santé Connect (simulateur)");
        html.append("<h1>Vous êtes déconnecté</h1><p>Votre session Pro Santé Connect est fermée. "
                + "Vous pouvez fermer cette page.</p></body></html>");
        return html.toString();
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
    }

    static String professionLabel(String code) {
        if (code == null || code.isEmpty()) {
            return "profession inconnue";
        }
        return PROFESSIONS.getOrDefault(code, "profession " + code);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
