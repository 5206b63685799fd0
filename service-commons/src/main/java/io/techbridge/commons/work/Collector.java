package io.techbridge.commons.work;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a unit of work adds, gathered on its thread and written together at its end: one batch
 * instead of one write each (the events of an import chunk, say, or its records' index entries).
 *
 * @param <T> what is gathered
 */
public final class Collector<T> {

    private final ThreadLocal<List<T>> collected = new ThreadLocal<>();

    /** Adds {@code item} to the batch of the work running on this thread; false when none is collecting. */
    public boolean add(T item) {
        List<T> batch = collected.get();
        if (batch == null) {
            return false;
        }
        batch.add(item);
        return true;
    }

    /**
     * Runs {@code work}, gathering what it adds, then hands the batch to {@code write} (also when it
     * is empty). Inside another run on the same thread the work just runs: the outer run writes. If
     * {@code work} fails nothing is written.
     */
    public <R> R run(Supplier<R> work, Consumer<List<T>> write) {
        if (collected.get() != null) {
            return work.get();
        }
        List<T> batch = new ArrayList<>();
        collected.set(batch);
        R result;
        try {
            result = work.get();
        } finally {
            collected.remove();
        }
        write.accept(batch);
        return result;
    }
}
