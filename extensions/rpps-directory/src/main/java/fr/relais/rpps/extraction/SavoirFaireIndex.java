package fr.relais.rpps.extraction;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SavoirFaire file, held by idNat_PS until Personne_activite is streamed past it.
 *
 * <p>This is the one part of the extraction kept in memory: the professionals it lists are scattered
 * through Personne_activite, whose order the extraction does not document, so a merge join cannot be
 * relied on. The few hundred distinct savoir-faire are shared between holders and each holder keeps a
 * bare array: about 30 MB of heap for 300 000 rows (measured on the synthetic full-size extraction).
 * Entries are removed as they are joined, and the memory goes with them.
 */
final class SavoirFaireIndex {

    private static final SavoirFaire[] NONE = new SavoirFaire[0];

    private final Map<String, SavoirFaire[]> byIdNat = new HashMap<>();
    private final Map<SavoirFaire, SavoirFaire> distinct = new HashMap<>();

    void add(String idNat, SavoirFaire savoirFaire) {
        SavoirFaire shared = distinct.computeIfAbsent(savoirFaire, value -> value);
        SavoirFaire[] held = byIdNat.getOrDefault(idNat, NONE);
        if (!Arrays.asList(held).contains(shared)) {
            SavoirFaire[] grown = Arrays.copyOf(held, held.length + 1);
            grown[held.length] = shared;
            byIdNat.put(idNat, grown);
        }
    }

    /** Removes and returns the savoir-faire of one professional. */
    List<SavoirFaire> take(String idNat) {
        SavoirFaire[] held = byIdNat.remove(idNat);
        return held == null ? List.of() : Arrays.asList(held);
    }

    /** Professionals still waiting: after Personne_activite, those it does not know. */
    int remaining() {
        return byIdNat.size();
    }
}
