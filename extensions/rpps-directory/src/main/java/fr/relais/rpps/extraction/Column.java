package fr.relais.rpps.extraction;

import java.util.List;

/** A logical column of an extraction file, known under one or more header spellings. */
interface Column {

    /** Accepted header names; the first is the one quoted in error messages. */
    List<String> headerNames();

    /** Whether a file lacking this column is unusable. */
    boolean required();
}
