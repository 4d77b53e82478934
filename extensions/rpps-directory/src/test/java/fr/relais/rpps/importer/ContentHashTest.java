package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void sameFieldsGiveTheSameFingerprint() {
        assertThat(hash("DUPONT", "Claire", null)).isEqualTo(hash("DUPONT", "Claire", null)).hasSize(16);
    }

    @Test
    void nullEmptyAndFieldBoundariesAreTold() {
        Set<String> distinct = new HashSet<>();
        distinct.add(hash((String) null));
        distinct.add(hash(""));
        distinct.add(hash("ab", "c"));
        distinct.add(hash("a", "bc"));
        distinct.add(hash("abc"));
        distinct.add(hash("abc", null));
        distinct.add(hash("abc", ""));
        assertThat(distinct).hasSize(7);
    }

    @Test
    void rowBoundariesCount() {
        ContentHash oneRow = new ContentHash();
        oneRow.add("a");
        oneRow.add("b");
        oneRow.endRow();
        ContentHash twoRows = new ContentHash();
        twoRows.add("a");
        twoRows.endRow();
        twoRows.add("b");
        twoRows.endRow();
        assertThat(oneRow.hex()).isNotEqualTo(twoRows.hex());
    }

    /** A change to any one character, in any position of a four-unit block or of the tail, is seen. */
    @Test
    void everySingleCharacterChangeIsSeen() {
        String value = "75 RUE DU FAUBOURG SAINT-ANTOINE";
        String original = hash(value);
        for (int i = 0; i < value.length(); i++) {
            for (char replacement : new char[] {'0', 'É', (char) (value.charAt(i) ^ 0x100), (char) (value.charAt(i) + 1)}) {
                if (replacement == value.charAt(i)) {
                    continue;
                }
                String changed = value.substring(0, i) + replacement + value.substring(i + 1);
                assertThat(hash(changed)).as("position %d to %s", i, replacement).isNotEqualTo(original);
            }
        }
    }

    /**
     * Edits in two neighbouring four-unit blocks (the top unit of one, the second and top units of the
     * next, the latter two by the same value): the pattern where a plain multiply-xor mix lets the second
     * block's edit cancel the first one's, for exactly one value of the second edit. Every value is tried.
     */
    @Test
    void editsInNeighbouringBlocksDoNotCancelOut() {
        char[] value = "DUPONT-MARTIN CLAIRE".toCharArray();
        String original = hash(new String(value));
        for (int delta : new int[] {1, 0x20, 0x100, 0x8000, 0xffff}) {
            for (int second = 1; second < 0x10000; second++) {
                char[] edited = value.clone();
                edited[3] ^= (char) delta;
                edited[5] ^= (char) second;
                edited[7] ^= (char) second;
                if (hash(new String(edited)).equals(original)) {
                    throw new AssertionError("edits " + delta + " and " + second + " cancel out");
                }
            }
        }
    }

    @Test
    void noCollisionsAmongHundredsOfThousandsOfRealisticRows() {
        SplittableRandom random = new SplittableRandom(42);
        Set<List<String>> rows = new HashSet<>();
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            List<String> row = List.of("8" + (10_000_000_000L + random.nextLong(90_000_000_000L)), "MME",
                    "NOM" + random.nextInt(50_000), "Prénom" + random.nextInt(5_000), Integer.toString(random.nextInt(100)));
            rows.add(row);
            fingerprints.add(hash(row.toArray(String[]::new)));
        }
        assertThat(fingerprints).hasSize(rows.size());
    }

    private static String hash(String... fields) {
        ContentHash hash = new ContentHash();
        for (String field : fields) {
            hash.add(field);
        }
        hash.endRow();
        return hash.hex();
    }
}
