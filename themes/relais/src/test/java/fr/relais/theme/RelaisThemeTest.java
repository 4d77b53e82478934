package fr.relais.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the theme the way Keycloak 26.7.3 will load it: from the classpath, with its parents taken
 * from the themes jar of the distribution we ship (not from a separately published artifact that
 * could drift from it).
 */
class RelaisThemeTest {

    private static final String THEME = "relais";

    /**
     * Keycloak 26.7's defaults (ThemeSelectorProvider#getDefaultThemeName): keycloak.v2 for login
     * because LOGIN_V2 is a default feature, and keycloak for email.
     */
    private static final Map<String, String> EXPECTED_PARENTS = Map.of(
            "login", "keycloak.v2",
            "email", "keycloak");

    /** Keys the Relais extensions look up by name: renaming one would break them silently. */
    private static final Set<String> RELAIS_KEYS = Set.of(
            "relais.cps.login",
            "relais.cps.help",
            "relais.psc.login",
            "relais.psc.help",
            "relais.psc.unavailable",
            "relais.securityKey.login",
            "relais.professional.unknown",
            "relais.card.refused",
            "relais.card.expired",
            "relais.card.revoked",
            "relais.card.unknownCa",
            "relais.card.typeNotAccepted",
            "relais.card.testCard",
            "relais.card.revocationDataStale",
            "relais.card.noCertificate",
            "relais.card.unreadable",
            "relais.card.notUsable",
            "relais.card.useOtherMeans",
            "relais.professional.disabled",
            // Continuity: the login page during a Pro Santé Connect outage.
            "relais.outage.psc.title",
            "relais.outage.psc.means",
            "relais.outage.passwordAloneRefused",
            // Card-only flow: no card presented.
            "relais.card.noCard.title");

    /** A quote MessageFormat would treat as an escape and drop ("l'accès" would render "laccès"). */
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*[\"']?([^\"')]+)[\"']?\\s*\\)");
    /** Strict, trailing garbage included, so a broken themes file fails here and not at server start. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** theme/ root inside target/classes, i.e. exactly what the jar plugin packages. */
    private static Path themes;
    /** Entry names of the Keycloak themes jar, and the content of its small text entries. */
    private static Set<String> keycloakEntries;
    private static Map<String, byte[]> keycloakTexts;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        themes = Path.of(RelaisThemeTest.class.getClassLoader().getResource("theme").toURI());

        String dist = System.getProperty("relais.keycloak.dist");
        String version = System.getProperty("relais.keycloak.version");
        assertThat(dist).as("relais.keycloak.dist (set by the pom; run through Maven)").isNotBlank();
        String themesJar = "/lib/lib/main/org.keycloak.keycloak-themes-" + version + ".jar";

        keycloakEntries = new HashSet<>();
        keycloakTexts = new HashMap<>();
        try (ZipFile zip = new ZipFile(dist)) {
            ZipEntry jar = zip.stream()
                    .filter(e -> e.getName().endsWith(themesJar))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(themesJar + " not found in " + dist));
            // Read the nested jar as a stream rather than unpacking the whole distribution.
            try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    keycloakEntries.add(e.getName());
                    if (e.getName().endsWith(".json") || e.getName().endsWith(".properties")) {
                        keycloakTexts.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    /** The types declared for relais in our keycloak-themes.json. */
    static Stream<String> types() throws IOException, URISyntaxException {
        List<String> types = new ArrayList<>();
        for (JsonNode theme : ourThemesJson().get("themes")) {
            if (theme.get("name").asText().equals(THEME)) {
                theme.get("types").forEach(t -> types.add(t.asText()));
            }
        }
        return types.stream();
    }

    @Test
    void themesJsonIsValidAndDeclaresRelaisWithLogin() throws Exception {
        JsonNode themesNode = ourThemesJson().get("themes");
        assertThat(themesNode).hasSize(1);
        assertThat(themesNode.get(0).get("name").asText()).isEqualTo(THEME);
        assertThat(types()).contains("login").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("types")
    void declaredTypeHasItsFolder(String type) {
        assertThat(themes.resolve(THEME + "/" + type + "/theme.properties")).isRegularFile();
    }

    @ParameterizedTest
    @MethodSource("types")
    void parentIsShippedInKeycloakThemesJar(String type) throws IOException {
        String parent = themeProperties(type).getProperty("parent");
        assertThat(parent).isEqualTo(EXPECTED_PARENTS.get(type));

        JsonNode shipped = JSON.readTree(keycloakTexts.get("META-INF/keycloak-themes.json"));
        List<String> typesOfParent = new ArrayList<>();
        shipped.get("themes").forEach(t -> {
            if (t.get("name").asText().equals(parent)) {
                t.get("types").forEach(x -> typesOfParent.add(x.asText()));
            }
        });
        assertThat(typesOfParent).as("types Keycloak declares for %s", parent).contains(type);
        assertThat(keycloakEntries).contains("theme/" + parent + "/" + type + "/theme.properties");
    }

    @ParameterizedTest
    @MethodSource("types")
    void frenchComesFirst(String type) throws IOException {
        assertThat(themeProperties(type).getProperty("locales")).isEqualTo("fr,en");
    }

    @ParameterizedTest
    @MethodSource("types")
    void frenchAndEnglishHaveTheSameKeys(String type) throws IOException {
        assertThat(messages(type, "fr").keySet()).isEqualTo(messages(type, "en").keySet());
    }

    @Test
    void relaisKeysExistInBothLanguages() throws IOException {
        for (String lang : List.of("fr", "en")) {
            Set<String> relais = messages("login", lang).keySet().stream()
                    .filter(k -> k.startsWith("relais."))
                    .collect(Collectors.toSet());
            assertThat(relais).as("relais.* keys in messages_%s", lang).isEqualTo(RELAIS_KEYS);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void valuesAreNotBlankAndSurviveMessageFormat(String type) throws IOException {
        for (String lang : List.of("fr", "en")) {
            messages(type, lang).forEach((key, value) -> {
                assertThat(value).as("%s %s", lang, key).isNotBlank().doesNotContainPattern(LONE_QUOTE);
                // Keycloak formats every message; a broken {placeholder} would fail at page render.
                new MessageFormat(value, Locale.forLanguageTag(lang)).format(new Object[] {"x", "y", "z"});
            });
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void messagesAreUtf8(String type) throws IOException {
        for (String lang : List.of("fr", "en")) {
            assertThat(strictUtf8(Files.readAllBytes(messagesFile(type, lang))))
                    .as("messages_%s of %s", lang, type).isNotNull();
        }
    }

    @Test
    void accentsSurviveKeycloaksWayOfReading() throws IOException {
        // Keycloak 26 reads messages with PropertyResourceBundle(InputStream), i.e. UTF-8; its own
        // French files are raw UTF-8 too, which is what we rely on.
        byte[] keycloakFrench = keycloakTexts.get("theme/base/login/messages/messages_fr.properties");
        assertThat(strictUtf8(keycloakFrench)).contains("é");
        assertThat(messages("login", "fr").get("loginAccountTitle"))
                .isEqualTo("Connexion à votre espace professionnel");
    }

    @Test
    void referencedResourcesExist() throws IOException {
        Properties login = themeProperties("login");
        for (String key : List.of("styles", "favicons")) {
            for (String path : login.getProperty(key, "").trim().split("\\s+")) {
                assertThat(resourceExists("login", path)).as("%s entry %s", key, path).isTrue();
            }
        }
        for (Path css : ours("login", ".css")) {
            String relative = themes.resolve(THEME + "/login/resources").relativize(css.getParent()).toString();
            Matcher url = CSS_URL.matcher(Files.readString(css));
            while (url.find()) {
                String path = Path.of(relative).resolve(url.group(1)).normalize().toString().replace('\\', '/');
                assertThat(resourceExists("login", path)).as("%s: %s", css.getFileName(), url.group(1)).isTrue();
            }
        }
    }

    @Test
    void nothingIsFetchedFromTheNetwork() throws IOException {
        // The appliance runs offline: a remote font or image would just time out.
        List<Path> files = new ArrayList<>(ours("login", ".css"));
        files.addAll(ours("login", ".svg"));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file).replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertThat(text).as(file.getFileName().toString())
                    .doesNotContain("://")
                    .doesNotContain("url(//")
                    .doesNotContain("@import");
        }
    }

    // --- helpers ---

    private static JsonNode ourThemesJson() throws IOException, URISyntaxException {
        Path json = Path.of(RelaisThemeTest.class.getClassLoader()
                .getResource("META-INF/keycloak-themes.json").toURI());
        return JSON.readTree(Files.readAllBytes(json));
    }

    private static Properties themeProperties(String type) throws IOException {
        return read(Files.readAllBytes(themes.resolve(THEME + "/" + type + "/theme.properties")));
    }

    private static Path messagesFile(String type, String lang) {
        return themes.resolve(THEME + "/" + type + "/messages/messages_" + lang + ".properties");
    }

    private static Map<String, String> messages(String type, String lang) throws IOException {
        Map<String, String> out = new TreeMap<>();
        read(Files.readAllBytes(messagesFile(type, lang))).forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    /** Reads a properties file as Keycloak's PropertiesUtil#readCharsetAware does (UTF-8 first). */
    private static Properties read(byte[] bytes) throws IOException {
        PropertyResourceBundle bundle = new PropertyResourceBundle(new ByteArrayInputStream(bytes));
        Properties p = new Properties();
        for (String key : Collections.list(bundle.getKeys())) {
            p.put(key, bundle.getString(key));
        }
        return p;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }

    private static List<Path> ours(String type, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(themes.resolve(THEME + "/" + type + "/resources"))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * Keycloak serves resources/ paths from the first theme in the chain that has them: ours, then
     * the parent, then the parent's parent.
     */
    private static boolean resourceExists(String type, String path) throws IOException {
        if (Files.isRegularFile(themes.resolve(THEME + "/" + type + "/resources/" + path))) {
            return true;
        }
        for (String t = themeProperties(type).getProperty("parent"); t != null; t = keycloakParent(t, type)) {
            if (keycloakEntries.contains("theme/" + t + "/" + type + "/resources/" + path)) {
                return true;
            }
        }
        return false;
    }

    private static String keycloakParent(String theme, String type) throws IOException {
        byte[] props = keycloakTexts.get("theme/" + theme + "/" + type + "/theme.properties");
        if (props == null) {
            return null;
        }
        return read(props).getProperty("parent");
    }
}
