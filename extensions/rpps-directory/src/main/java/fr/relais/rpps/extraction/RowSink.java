package fr.relais.rpps.extraction;

/** Turns rows of one file kind into records and passes them on. */
interface RowSink<E extends Enum<E> & Column> {

    /** @return {@code null} once the row is taken, or why it is rejected */
    Rejection accept(Row<E> row);
}
